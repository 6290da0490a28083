/**
 * The command line with --web-limits on a large CSV export: the run goes through Excel on the web's limits
 * (every request and response under 5 MB) and its summary says so. 200,000 customers here; bench/ and the
 * report run the same at 1,048,575.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { customerCsv } from "../../bench/generate";

describe("segment-sheet --web-limits on a 200,000-customer CSV", () => {
  it("segments it with every payload under 5 MB and writes every row", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "segment-sheet-web-"));
    const input = path.join(dir, "customers.csv");
    const output = path.join(dir, "out.csv");
    const n = 200_000;
    writeFileSync(input, customerCsv(n));
    let stdout = "";
    let stderr = "";
    const code = await main(
      [input, "-o", output, "--as-of", "2024-06-01", "--web-limits", "--summary", "-", "--lang", "en"],
      {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        env: {},
        today: () => "2024-06-01",
      }
    );
    expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ rows: n, customers: n });
    expect(summary.io.maxRequestBytes).toBeLessThan(5_000_000);
    expect(summary.io.maxResponseBytes).toBeLessThan(5_000_000);
    expect(summary.io.syncs).toBeGreaterThan(10);
    const lines = readFileSync(output, "utf8").split("\r\n");
    expect(lines.length).toBe(n + 2); // header, n rows, the final line break
    expect(lines[0]).toContain("RFM code");
  }, 300_000);
});
