/** The fast CSV splitter gives papaparse's rows exactly, or hands the text to papaparse. */
import fc from "fast-check";
import { fastCsvRows, guessNewline, papaparseRows, parseCsvText } from "../../src/xlsx-host/csv";

function fast(text: string, delimiter: string): string[][] | null {
  const rows: string[][] = [];
  return fastCsvRows(text, delimiter, (r) => rows.push(r)) ? rows : null;
}

describe("fast CSV rows", () => {
  test.each([
    ["plain", "a,b\n1,2\n"],
    ["no final newline", "a,b\n1,2"],
    ["CRLF", "a,b\r\n1,2\r\n"],
    ["CR", "a,b\r1,2\r"],
    ["empty lines", "a\n\nb\n\n"],
    ["trailing delimiter", "a,\n,b,"],
    ["quoted", '"a","b,c"\n"d ""e""",f\n'],
    ["quoted at the end", '"x"'],
    ["quoted then delimiter at the end", '"x",'],
    ["quoted newline", '"l1\nl2",x\r\n'],
    ["quote inside an unquoted field", 'ab"c,d\n'],
    ["lone CR inside CRLF text", "a\rb,c\r\nd,e\r\n"],
    ["empty", ""],
  ])("%s", (_name, text) => {
    expect(fast(text, ",")).toEqual(papaparseRows(text, ","));
  });

  test.each([
    ["spaces after a closing quote", '"a"  ,b\n'],
    ["unterminated", '"a,b\n'],
    ["text after a closing quote", '"a"b,c\n'],
  ])("%s: left to papaparse", (_name, text) => {
    expect(fast(text, ",")).toBeNull();
    expect(parseCsvText(text)).toEqual(
      papaparseRows(text, ",").filter((r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ""))
    );
  });

  test("random texts: the same rows as papaparse whenever the fast path takes them", () => {
    const alphabet = fc.constantFrom("a", "b", "1", ",", ";", '"', "\n", "\r", " ", "\t", "高");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.constantFrom(",", ";", "\t"), (chars, delimiter) => {
        const text = chars.join("");
        const got = fast(text, delimiter);
        if (got !== null) expect(got).toEqual(papaparseRows(text, delimiter));
      }),
      { numRuns: 5000 }
    );
  });

  test("the newline is guessed as papaparse guesses it", () => {
    expect(guessNewline("a\nb\r\n")).toBe("\n");
    expect(guessNewline("a\r\nb\r\n")).toBe("\r\n");
    expect(guessNewline("a\rb\r")).toBe("\r");
    expect(guessNewline('"x\r\ny"\nz')).toBe("\n");
  });
});
