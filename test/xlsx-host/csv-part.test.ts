/**
 * A large CSV read in two parts at once (src/xlsx-host/csv-part.ts): the beginning in this thread, the rest
 * elsewhere, placed after it — always the same sheet as reading the file whole (HostWorkbook.fromCsv).
 */
import fc from "fast-check";
import { HostWorkbook } from "../../src/xlsx-host";
import { detectDelimiter, guessNewline } from "../../src/xlsx-host/csv";
import { readCsvTail, splitCsv, type CsvSplit } from "../../src/xlsx-host/csv-part";
import { CSV_PARTS_BYTES, openCsv } from "../../src/xlsx-host/node";

const NOW = new Date(2024, 4, 10, 9, 30);

/** Every stored cell and its number format, row by row. */
function cells(host: HostWorkbook, sheet: string): unknown[] {
  return host.doc.findSheet(sheet)!.store.rows.map((r) => r && { v: [...r.v], f: r.s?.map((s) => s?.numFmt) });
}

/** cells() of two large sheets are equal (compared as JSON text: toEqual on 200,000 rows takes seconds). */
function expectSameCells(a: HostWorkbook, b: HostWorkbook): void {
  const [x, y] = [JSON.stringify(cells(a, "S")), JSON.stringify(cells(b, "S"))];
  expect(x.length).toBeGreaterThan(1_000_000);
  expect(x === y).toBe(true);
}

/** A split made by hand at character `cut` of `text` (the settings read from the whole text, as splitCsv does). */
function splitAt(text: string, cut: number): CsvSplit {
  const bytes = new TextEncoder().encode(text.slice(cut));
  return {
    head: () => text.slice(0, cut),
    tail: { bytes, fatal: true, delimiter: detectDelimiter(text), newline: guessNewline(text), now: NOW.getTime() },
  };
}

async function inParts(split: CsvSplit): Promise<HostWorkbook | null> {
  return HostWorkbook.fromCsvParts(split, Promise.resolve(readCsvTail(split.tail)), "S");
}

describe("a CSV read in two parts", () => {
  const field = fc.oneof(
    fc.constantFrom(
      "",
      "12",
      "-3.5",
      "2024-05-10",
      "5/10/2024 8:26",
      "8:30",
      "TRUE",
      "=1+2",
      "'007",
      "1,234",
      "¥5",
      "客户"
    ),
    fc.constantFrom('"a,b"', '"say ""hi"""', '"two\nlines"', '"x"', "a\rb", "20%")
  );
  const csv = fc
    .tuple(
      fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 25 }),
      fc.constantFrom(",", ";", "\t"),
      fc.constantFrom("\n", "\r\n"),
      fc.boolean()
    )
    .map(([rows, d, nl, endsWithNewline]) => rows.map((r) => r.join(d)).join(nl) + (endsWithNewline ? nl : ""));

  test("cut after any line feed: the same cells as the whole file, or null where the cut is not a row's end", async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.nat(), async (text, pick) => {
        const feeds = [...text.matchAll(/\n/g)].map((m) => m.index! + 1).filter((i) => i < text.length);
        fc.pre(feeds.length > 0);
        const cut = feeds[pick % feeds.length];
        const parted = await inParts(splitAt(text, cut));
        const whole = HostWorkbook.fromCsv(text, "S");
        if (parted !== null) expect(cells(parted, "S")).toEqual(cells(whole, "S"));
        // Without quotes every line feed of a "\n" file ends a row: the parts always fit.
        if (!text.includes('"') && !text.includes("\r")) expect(parted).not.toBeNull();
      }),
      { numRuns: 400, seed: 5 }
    );
  });

  test("a cut inside a quoted field is refused, and so is a rest that is not valid UTF-8", async () => {
    const text = 'id,note\n1,"first\nsecond"\n2,x\n';
    expect(await inParts(splitAt(text, text.indexOf("first\n") + 6))).toBeNull();
    const split = splitAt(text, text.indexOf("2,x"));
    split.tail.bytes = new Uint8Array([0x32, 0x2c, 0xff, 0x0a]); // "2,\xff\n"
    expect(readCsvTail(split.tail)).toBeNull();
    expect(await inParts(split)).toBeNull();
  });
});

describe("splitCsv and openCsv on a large file", () => {
  // ~8.6 MB of order lines, a few with quotes, Chinese and dates.
  const lines = ["订单号,客户ID,下单日期,金额,备注"];
  for (let i = 0; lines.length < 200_000; i++)
    lines.push(
      `A${i},C${i % 997},2024-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:15,${(i % 500) * 1.25},${i % 50 === 0 ? '"大,客户"' : "普通"}`
    );
  const text = lines.join("\r\n") + "\r\n";
  const bytes = new TextEncoder().encode(text);

  test("the cut is right after a line feed past the share; UTF-16 is not split", () => {
    const split = splitCsv(bytes, NOW, 0.6)!;
    const headBytes = new TextEncoder().encode(split.head()!).length;
    expect(headBytes).toBeGreaterThanOrEqual(Math.floor(bytes.length * 0.6));
    expect(bytes[headBytes - 1]).toBe(0x0a);
    expect(split.tail.bytes.length).toBe(bytes.length - headBytes);
    expect(split.tail).toMatchObject({ delimiter: ",", newline: "\r\n", fatal: true });
    expect(splitCsv(new Uint8Array([0xff, 0xfe, ...bytes.subarray(0, 100)]), NOW)).toBeNull();
  });

  test("openCsv with the rest read elsewhere gives the whole file's sheet; a failed rest falls back to it", async () => {
    expect(bytes.length).toBeGreaterThanOrEqual(CSV_PARTS_BYTES);
    let asked = 0;
    const parted = await openCsv(bytes, "S", {}, async (job) => {
      asked++;
      return readCsvTail(job);
    });
    expect(asked).toBe(1);
    const whole = HostWorkbook.fromCsv(bytes, "S");
    expectSameCells(parted, whole);
    expectSameCells(await openCsv(bytes, "S", {}, async () => null), whole);
  });

  test("invalid UTF-8 in the rest, or in the beginning past the first 3 MB, makes the whole file GB18030, as read whole", async () => {
    const withGb = (at: number): Uint8Array => {
      const line = bytes.indexOf(0x0a, at) + 1;
      // 客 in GB18030 (invalid UTF-8) on a line of its own.
      return new Uint8Array([...bytes.subarray(0, line), 0xbf, 0xcd, 0x0d, 0x0a, ...bytes.subarray(line)]);
    };
    for (const gb of [withGb(bytes.length - 100), withGb(4_000_000)]) {
      let asked = 0;
      const parted = await openCsv(gb, "S", {}, async (job) => {
        asked++;
        return readCsvTail(job);
      });
      expect(asked).toBe(1); // the settings read from the first 3 MB, the file was split
      expectSameCells(parted, HostWorkbook.fromCsv(gb, "S"));
    }
  });
});
