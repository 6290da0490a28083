/**
 * The host measures request and response payloads as Excel on the web sees them (JSON on the wire) without
 * building the JSON: jsonUtf8Length must equal Buffer.byteLength(JSON.stringify(x)) for every value.
 */
import fc from "fast-check";
import { jsonUtf8Length } from "../../src/xlsx-host/json-size";

const wire = (x: unknown): number => {
  const text = JSON.stringify(x);
  return text === undefined ? 0 : Buffer.byteLength(text, "utf8");
};

describe("jsonUtf8Length", () => {
  test("equals the UTF-8 length of JSON.stringify for random JSON-like values (2,000 cases)", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }), // every code point, astral ones as surrogate pairs
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), // lone surrogates too
      fc.constantFrom("重要价值客户", "'011", '"quoted"', "back\\slash", "\u2028\u2029", "tab\there\r\n")
    );
    const scalar = fc.oneof(
      text,
      fc.double(), // NaN, ±Infinity, -0 included
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true })
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
      array: fc.array(tie("node"), { maxLength: 6 }),
      object: fc.dictionary(text, tie("node"), { maxKeys: 5 }),
    })).node;
    fc.assert(
      fc.property(value, (v) => jsonUtf8Length(v) === wire(v)),
      { numRuns: 2000, seed: 20261126 }
    );
  });

  test("a values write: rows of cells, Chinese labels, numbers, blanks", () => {
    const values = [
      ["'重要价值客户", 5, 4.25, "", true],
      ["'011", -0, 1e21, 123456789012345, null],
    ];
    const op = { t: "set", path: [1, "getRangeByIndexes", [0, 0, 2, 5]], prop: "values", value: values };
    expect(jsonUtf8Length([op])).toBe(wire([op]));
  });

  test("toJSON, skipped members and top-level undefined follow JSON.stringify", () => {
    const v = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: { toJSON: () => "x" } };
    expect(jsonUtf8Length(v)).toBe(wire(v));
    expect(jsonUtf8Length(undefined)).toBe(0);
    expect(() => jsonUtf8Length({ n: BigInt(1) })).toThrow(TypeError);
  });
});
