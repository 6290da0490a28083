import fc from "fast-check";
/** CSV opened as en-US Excel opens it; CSV written as RFC 4180. */
import { HostWorkbook } from "../../src/xlsx-host";
import { csvTextField, decodeCsv } from "../../src/xlsx-host/csv";
import { parseTyped } from "../../src/xlsx-host/typed-input";
import { thrown } from "./helpers";

async function sheetValues(host: HostWorkbook, sheet: string, prop: "values" | "numberFormat" | "text" = "values") {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true).load(prop);
    await ctx.sync();
    return r[prop];
  });
}

function gb18030(text: string): Uint8Array {
  // GB18030 bytes for the characters used below (no encoder in TextEncoder; table from the GB18030 standard).
  const table: Record<string, number[]> = {
    客: [0xbf, 0xcd],
    户: [0xbb, 0xa7],
    北: [0xb1, 0xb1],
    京: [0xbe, 0xa9],
    金: [0xbd, 0xf0],
    额: [0xb6, 0xee],
  };
  const out: number[] = [];
  for (const ch of text) {
    if (table[ch]) out.push(...table[ch]);
    else out.push(ch.charCodeAt(0));
  }
  return new Uint8Array(out);
}

describe("opening CSV", () => {
  test("the sheet is named as given", async () => {
    const host = HostWorkbook.fromCsv("a,b\n1,2\n", "Orders");
    const names = await host.run(async (ctx) => {
      const c = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return c.items.map((s) => s.name);
    });
    expect(names).toEqual(["Orders"]);
  });

  test("numbers become numbers and the rest stays text", async () => {
    const host = HostWorkbook.fromCsv("id,name,amount\n001,Ann,12.50\n2,Bob,-3\n", "S");
    expect(await sheetValues(host, "S")).toEqual([
      ["id", "name", "amount"],
      [1, "Ann", 12.5],
      [2, "Bob", -3],
    ]);
  });

  test("ISO and M/D/YYYY dates become date serials with a date format", async () => {
    const host = HostWorkbook.fromCsv("d1,d2\n2024-05-10,5/10/2024\n", "S");
    expect(await sheetValues(host, "S")).toEqual([
      ["d1", "d2"],
      [45422, 45422],
    ]);
    expect(await sheetValues(host, "S", "numberFormat")).toEqual([
      ["General", "General"],
      ["m/d/yyyy", "m/d/yyyy"],
    ]);
  });

  test("a date with a time becomes a serial with a date-time format", async () => {
    const host = HostWorkbook.fromCsv("at\n5/10/2024 14:30\n", "S");
    const v = (await sheetValues(host, "S")) as unknown[][];
    expect(v[1][0]).toBeCloseTo(45422 + 14.5 / 24, 10);
    expect(await sheetValues(host, "S", "numberFormat")).toEqual([["General"], ["m/d/yyyy h:mm"]]);
  });

  test("UTF-8 with a BOM decodes and the BOM is not part of the first header", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("客户,金额\n北京,5\n")]);
    expect(await sheetValues(HostWorkbook.fromCsv(bytes, "S"), "S")).toEqual([
      ["客户", "金额"],
      ["北京", 5],
    ]);
  });

  test("UTF-8 without a BOM decodes", async () => {
    const bytes = new TextEncoder().encode("客户,金额\n北京,5\n");
    expect(await sheetValues(HostWorkbook.fromCsv(bytes, "S"), "S")).toEqual([
      ["客户", "金额"],
      ["北京", 5],
    ]);
  });

  test("GB18030 bytes decode correctly", async () => {
    const bytes = gb18030("客户,金额\n北京,5\n");
    expect(await sheetValues(HostWorkbook.fromCsv(bytes, "S"), "S")).toEqual([
      ["客户", "金额"],
      ["北京", 5],
    ]);
  });

  test("UTF-16 LE with a BOM decodes", async () => {
    const text = "客户\t金额\n北京\t5\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(await sheetValues(HostWorkbook.fromCsv(bytes, "S"), "S")).toEqual([
      ["客户", "金额"],
      ["北京", 5],
    ]);
  });

  test("UTF-16 BE with a BOM decodes", async () => {
    const text = "a,b\n1,2\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xfe;
    bytes[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) >> 8;
      bytes[3 + 2 * i] = text.charCodeAt(i) & 0xff;
    }
    expect(await sheetValues(HostWorkbook.fromCsv(bytes, "S"), "S")).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });

  test.each([
    ["comma", "a,b\n1,2\n"],
    ["tab", "a\tb\n1\t2\n"],
    ["semicolon", "a;b\n1;2\n"],
  ])("the %s delimiter is detected", async (_name, text) => {
    expect(await sheetValues(HostWorkbook.fromCsv(text, "S"), "S")).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });

  test.each([
    ["LF", "a,b\n1,2\n3,4"],
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n"],
    ["CR", "a,b\r1,2\r3,4\r"],
  ])("%s line ends split rows", async (_name, text) => {
    expect(await sheetValues(HostWorkbook.fromCsv(text, "S"), "S")).toEqual([
      ["a", "b"],
      [1, 2],
      [3, 4],
    ]);
  });

  test("quoted fields keep delimiters, quotes and line breaks", async () => {
    const host = HostWorkbook.fromCsv('name,note\n"Li, Wei","said ""hi""\nthen left"\n', "S");
    expect(await sheetValues(host, "S")).toEqual([
      ["name", "note"],
      ["Li, Wei", 'said "hi"\nthen left'],
    ]);
  });

  test("an invalid sheet name is refused", () => {
    expect(thrown(() => HostWorkbook.fromCsv("a\n1\n", "bad/name")).code).toBe("INVALID_SHEET_NAME");
  });
});

describe("writing CSV", () => {
  test("toCsv writes RFC 4180 with CRLF and a UTF-8 BOM, dates as displayed", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D2").values = [
        ["name", "when", "amount", "ok"],
        ['Li, "Wei"', "2024-05-10", 12.5, true],
      ];
    });
    expect(host.toCsv("Sheet1")).toBe('\uFEFFname,when,amount,ok\r\n"Li, ""Wei""",5/10/2024,12.5,TRUE\r\n');
  });

  test("toCsv then fromCsv gives the same values", async () => {
    const host = HostWorkbook.fromCsv("客户,金额,日期\n北京,5,2024-05-10\n", "S");
    const back = HostWorkbook.fromCsv(host.toCsv("S"), "S");
    expect(await sheetValues(back, "S")).toEqual(await sheetValues(host, "S"));
  });
});

describe("CSV export keeps text from becoming a formula (OWASP CSV injection)", () => {
  test("text starting with = + - @ tab or CR gets a leading apostrophe; numbers and other text do not", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A9");
      // Written as text (the quote prefix), as the add-in writes data.
      r.values = [
        ["'=1+2"],
        ["'+1"],
        ["'-5"],
        ["'@SUM(A1)"],
        ["'\t=cmd"],
        ["'\r=cmd"],
        [-5],
        ["'a=b"],
        ["'O'Brien, Ann"],
      ];
    });
    const lines = host.toCsv("Sheet1").slice(1).split("\r\n");
    expect(lines.slice(0, 9)).toEqual([
      "'=1+2",
      "'+1",
      "'-5",
      "'@SUM(A1)",
      "'\t=cmd",
      '"\'\r=cmd"',
      "-5",
      "a=b",
      '"O\'Brien, Ann"',
    ]);
  });

  test("large sheets come out in pieces that join to the same text as toCsv", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`'客户${i}`, i * 1.5, i % 2 === 0]);
    const host = HostWorkbook.empty();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, rows.length, 3).values = rows;
    });
    const pieces = [...host.csvChunks("Sheet1")];
    expect(pieces.length).toBeGreaterThan(1);
    const joined = Buffer.concat(pieces.map((p) => Buffer.from(p)));
    expect(joined.toString("utf8")).toBe(host.toCsv("Sheet1"));
    expect(host.toCsv("Sheet1").split("\r\n")[59_999]).toBe("客户59999,89998.5,FALSE");
  });
});

describe("CSV export remembers each field's bytes (csv-write)", () => {
  /** A field as the writer's rule gives it, from what the API reads: the reference for the remembered bytes. */
  const field = (v: unknown, text: string, isDate: boolean): string => {
    if (v === "") return "";
    if (typeof v === "number") return isDate ? csvTextField(text) : String(v);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return csvTextField(String(v));
  };

  /** The sheet from A1 to its last cell with a value, as the API reads it, written by the rule above. */
  async function expectedCsv(host: HostWorkbook, sheet: string): Promise<string> {
    const { values, text, formats } = await host.run(async (ctx) => {
      const used = ctx.workbook.worksheets
        .getItem(sheet)
        .getUsedRange(true)
        .load("rowIndex,rowCount,columnIndex,columnCount");
      await ctx.sync();
      const r = ctx.workbook.worksheets
        .getItem(sheet)
        .getRangeByIndexes(0, 0, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount)
        .load("values,text,numberFormat");
      await ctx.sync();
      return { values: r.values, text: r.text, formats: r.numberFormat };
    });
    const lines = values.map((row, i) =>
      row
        .map((v, j) => field(v, text[i][j], /[dmyhs]/.test(String(formats[i][j])) && formats[i][j] !== "General"))
        .join(",")
    );
    return "\uFEFF" + lines.map((l) => l + "\r\n").join("");
  }

  test("repeated (also from the row above), unrepeated, small and large values come out as each alone would (fast-check)", async () => {
    const long = '长, "文本" '.repeat(120); // over 1,023 bytes: never kept
    const pool: unknown[] = [
      -1025,
      -1024,
      -1,
      0,
      1,
      5,
      130_047,
      130_048,
      536_365,
      2.55,
      -0.5,
      1e21,
      1e-7,
      45_000.5,
      true,
      false,
      "",
      "'=1+2",
      "United Kingdom",
      "重要价值客户",
      "a,b",
      'say "hi"',
      "x".repeat(64),
      "y".repeat(65),
      long,
    ];
    // A cell is a value from the pool or the row above's (undefined): order lines repeat their order's cells.
    const cell = fc.option(fc.constantFrom(...pool), { freq: 2, nil: undefined });
    const grids = fc
      .array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 30 })
      .map((rows) => {
        const grid: unknown[][] = [];
        rows.forEach((row, i) => grid.push(row.map((v, j) => (v === undefined ? (i > 0 ? grid[i - 1][j] : "") : v))));
        return grid;
      });
    await fc.assert(
      fc.asyncProperty(grids, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), async (grid, dated) => {
        fc.pre(grid.some((row) => row.some((v) => v !== ""))); // an empty sheet's used range is A1 all the same
        const host = HostWorkbook.empty();
        await host.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem("Sheet1");
          ws.getRangeByIndexes(0, 0, grid.length, 5).values = grid as (string | number | boolean)[][];
          // Column B as dates and times (numbers there are written as displayed), in some rows column D too.
          ws.getRangeByIndexes(0, 1, grid.length, 1).numberFormat = grid.map(() => ["yyyy-mm-dd h:mm"]);
          ws.getRangeByIndexes(0, 3, grid.length, 1).numberFormat = grid.map((_, i) => [
            dated[i] ? "m/d/yyyy" : "General",
          ]);
        });
        expect(host.toCsv("Sheet1")).toBe(await expectedCsv(host, "Sheet1"));
      }),
      { numRuns: 200, seed: 7 }
    );
  });

  test("a CSV-born sheet's lines repeat cells of the line above (one style array per row format): same as each alone (fast-check)", async () => {
    // Fields as a CSV export has them: order lines repeat their order's number, date, customer and country.
    const field = fc.constantFrom(
      "536365",
      "C536379",
      "2010-12-01 08:26:00",
      "2010-12-02",
      "17850",
      "United Kingdom",
      "6",
      "2.55",
      "-1",
      "重要价值客户",
      '"a,b"',
      "",
      "TRUE",
      "'007"
    );
    const csv = fc
      .array(fc.array(fc.option(field, { freq: 3, nil: undefined }), { minLength: 6, maxLength: 6 }), {
        minLength: 2,
        maxLength: 40,
      })
      .map((rows) => {
        const lines: string[][] = [];
        rows.forEach((row, i) =>
          lines.push(row.map((f, j) => (f === undefined ? (i > 0 ? lines[i - 1][j] : "x") : f)))
        );
        return lines.map((l) => l.join(",")).join("\r\n") + "\r\n";
      });
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const host = HostWorkbook.fromCsv(text, "S");
        expect(host.toCsv("S")).toBe(await expectedCsv(host, "S"));
      }),
      { numRuns: 300, seed: 9 }
    );
  });

  test("a large CSV-born sheet whose lines repeat the line above comes out right across 1 MB pieces", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const order = Math.floor(i / 7);
      lines.push(
        `${536_365 + order},P${i % 13},${(i % 9) + 1},2010-12-0${1 + (order % 9)} 08:${10 + (order % 50)}:00,C${order % 300},United Kingdom,重要价值客户,${1 + (order % 5)}`
      );
    }
    const host = HostWorkbook.fromCsv(lines.join("\n") + "\n", "S");
    const pieces = [...host.csvChunks("S")];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces.map((p) => Buffer.from(p))).toString("utf8")).toBe(await expectedCsv(host, "S"));
  });

  test("past 100,000 distinct values per kind, fields are still written right", async () => {
    const n = 120_000;
    const rows = Array.from({ length: n * 2 }, (_, k) => {
      const i = k % n;
      return [`'t${i}`, i * 7 + 0.25, 200_000 + i];
    });
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRangeByIndexes(0, 0, rows.length, 3).values = rows;
    });
    const lines = host.toCsv("Sheet1").slice(1).split("\r\n");
    for (const k of [0, 99_999, 100_000, 119_999, 120_000, 219_999, 239_999]) {
      const i = k % n;
      expect(lines[k]).toBe(`t${i},${i * 7 + 0.25},${200_000 + i}`);
    }
  });
});

describe("plain numbers in a CSV", () => {
  test("a field of up to 15 digits (with a sign and a decimal point) opens as exactly Number(field)", () => {
    const field = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,8}$/),
        fc.option(fc.stringMatching(/^\d{1,7}$/), { nil: undefined })
      )
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac !== undefined ? "." + frac : ""}`);
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 5 }), (fields) => {
        const host = HostWorkbook.fromCsv(`h\n${fields.join("\n")}\n`, "S");
        const store = host.doc.findSheet("S")!.store;
        fields.forEach((f, i) => expect(Object.is(store.row(i + 1)?.v[0], Number(f))).toBe(true));
      }),
      { numRuns: 1000, seed: 11 }
    );
  });
});

describe("fields read once and remembered (csv-fill)", () => {
  const NOW = new Date();
  /** What en-US Excel makes of each field on its own (typed-input), as the host stores it. */
  const expected = (field: string): unknown => {
    const t = parseTyped(field, { date1904: false, now: NOW });
    return t.kind === "number" || t.kind === "text" || t.kind === "boolean" ? t.value : t.kind;
  };
  const stored = (v: unknown): unknown =>
    v === undefined ? "empty" : typeof v === "object" ? Object.keys(v as object)[0] : v;

  test("quoted and unquoted fields, repeated and not, read as each field alone would be", () => {
    const field = fc.oneof(
      fc.constantFrom(
        "2024-05-10",
        "5/10/2024 14:30",
        "TRUE",
        "#N/A",
        "高",
        "1.2万",
        "007",
        "=1+1",
        "$12.50",
        "12%",
        ""
      ),
      fc.stringMatching(/^[a-c0-9 .:/-]{0,6}$/)
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(field, fc.boolean()), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const quote = (f: string, q: boolean) => (q ? `"${f}"` : f);
          const text = "a,b,c\n" + rows.map((r) => r.map(([f, q]) => quote(f, q)).join(",")).join("\n") + "\n";
          const host = HostWorkbook.fromCsv(text, "S");
          const store = host.doc.findSheet("S")!.store;
          rows.forEach((r, i) =>
            r.forEach(([f], j) => {
              const v = store.row(i + 1)?.v[j];
              const want = expected(f);
              if (want === "formula" || want === "error") expect(stored(v)).toBe(want);
              else if (want === "empty") expect(v).toBeUndefined();
              else expect(v).toEqual(want);
            })
          );
        }
      ),
      { numRuns: 300, seed: 7 }
    );
  });

  test("past 200,000 distinct fields the cache stops growing and every field still reads right", () => {
    const n = 210_000;
    const lines = ["name,code,day"];
    for (let i = 0; i < n; i++) lines.push(`"t${i}",c${i % 7},"2024-01-${String(1 + (i % 28)).padStart(2, "0")}"`);
    const host = HostWorkbook.fromCsv(lines.join("\n"), "S");
    const store = host.doc.findSheet("S")!.store;
    for (let i = 0; i < n; i++) {
      const v = store.row(i + 1)!.v;
      if (v[0] !== `t${i}` || v[1] !== `c${i % 7}` || v[2] !== 45292 + (i % 28)) throw new Error(`row ${i + 1}: ${v}`);
    }
  });
});

describe("large UTF-8 files decode piece by piece to the same text", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const whole = (b: Uint8Array) => new TextDecoder("utf-8").decode(b);

  test("mostly ASCII lines with accents and Chinese here and there, and a line longer than a piece", () => {
    const lines: string[] = ["客户ID,城市,备注"];
    for (let i = 0; i < 40_000; i++)
      lines.push(i % 997 === 0 ? `${i},Zürich,客户 ${i} 已购买` : `${i},London,order ${i}`);
    lines.push(`x,${"长".repeat(200_000)}é,end`); // 600,000+ bytes in one line: cut between characters
    lines.push("last,line,");
    const bytes = utf8(lines.join("\r\n"));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(decodeCsv(bytes)).toBe(whole(bytes));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes.subarray(0, 300_000)]);
    expect(decodeCsv(withBom)).toBe(whole(withBom.subarray(3)));
  });

  test("an invalid UTF-8 byte far into a large file still makes it GB18030 as a whole", () => {
    const bytes = utf8("a,b\n" + "1,2\n".repeat(200_000) + "x,y\n");
    const bad = new Uint8Array([...bytes, 0xbf, 0xcd, 0x0a]); // 客 in GB18030, invalid as UTF-8
    expect(decodeCsv(bad)).toBe(new TextDecoder("gb18030").decode(bad));
    expect(decodeCsv(bad).endsWith("客\n")).toBe(true);
  });
});
