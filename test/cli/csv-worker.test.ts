/**
 * A large CSV input read in two threads (src/cli/csv-worker.ts, src/xlsx-host/csv-part.ts): the worker reads the
 * rest as this thread would, and the installed command writes the same output as a run in one thread.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { buildSync } from "esbuild";
import { csvTailReader } from "../../src/cli/csv-worker";
import { readCsvTail, splitCsv } from "../../src/xlsx-host/csv-part";
import { CSV_PARTS_BYTES } from "../../src/xlsx-host/node";
import { runCli } from "../helpers/cli";

const ROOT = path.resolve(__dirname, "../..");
const tempDir = () => mkdtempSync(path.join(tmpdir(), "segment-sheet-csv-worker-"));

/** ~8.3 MB of order lines for 3,000 customers (generated), some quoted, over a year. */
function ordersCsv(): Uint8Array {
  const lines = ["订单号,客户ID,下单日期,金额,备注"];
  for (let i = 0; lines.length < 220_000; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const note = i % 40 === 0 ? '"大客户, 复购"' : "普通";
    lines.push(
      `O${i},C${(i * 7919) % 3000},2024-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day},${(i % 900) * 1.5 + 10},${note}`
    );
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

describe("the CSV worker thread", () => {
  const bytes = ordersCsv();

  test("reads the rest of a file in a worker as this thread reads it, and gives null when it cannot start", async () => {
    const dir = tempDir();
    const script = path.join(dir, "csv-worker.js");
    buildSync({
      entryPoints: [path.join(ROOT, "src/cli/csv-worker-main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: script,
      logLevel: "silent",
    });
    const split = splitCsv(bytes, new Date(2024, 5, 1))!;
    const expected = readCsvTail({ ...split.tail, bytes: split.tail.bytes.slice() })!;
    const part = await csvTailReader(script)(split.tail);
    expect(split.tail.bytes.byteLength).toBe(0); // moved to the worker, not copied
    expect(part).not.toBeNull();
    expect(Array.from(part!.fields)).toEqual(Array.from(expected.fields));
    expect(Array.from(part!.numbers)).toEqual(Array.from(expected.numbers));
    expect(part!.readings).toEqual(expected.readings);
    const again = splitCsv(bytes, new Date(2024, 5, 1))!;
    expect(await csvTailReader(path.join(dir, "missing.js"))(again.tail)).toBeNull();
  });

  test("the installed command reads a large CSV in two threads and writes what one thread writes", async () => {
    expect(bytes.length).toBeGreaterThanOrEqual(CSV_PARTS_BYTES);
    const dir = tempDir();
    const input = path.join(dir, "orders.csv");
    writeFileSync(input, bytes);
    const twoThreads = path.join(dir, "two.csv");
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, "bin/segment-sheet.js"), input, "-o", twoThreads, "--as-of", "2024-12-31"],
      { cwd: ROOT, maxBuffer: 1 << 24 }
    );
    // The command ran with its worker's bundle beside its own.
    const cache = path.join(ROOT, "node_modules/.cache/segment-sheet");
    expect(readdirSync(cache).some((f) => /^csv-worker-.*\.js$/.test(f))).toBe(true);
    const oneThread = path.join(dir, "one.csv");
    const r = await runCli([input, "-o", oneThread, "--as-of", "2024-12-31"], "2024-12-31");
    expect(r.code).toBe(0);
    const [a, b] = [readFileSync(twoThreads), readFileSync(oneThread)];
    expect(a.length).toBeGreaterThan(bytes.length);
    expect(a.equals(b)).toBe(true);
  });
});
