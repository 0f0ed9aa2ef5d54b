import { describe, expect, it } from "vitest";
import { formatDecimal, parseDecimal } from "./numbers";

describe("numbers", () => {
  it.each([
    ["7,5", 7.5],
    ["7.5", 7.5],
    ["1.234,5", 1234.5],
    [" 40 ", 40],
    ["", null],
    ["tujuh", null],
    ["1,2,3", null],
  ])("%j → %s", (text, value) => expect(parseDecimal(text)).toBe(value));
});

describe("one reader for forms and files", () => {
  it.each([
    ["1.234,5", 1234.5], // thousands point before a decimal comma
    ["1.234.567,25", 1_234_567.25],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["-0,25", -0.25],
    ["+2", 2],
    ["7,", 7],
    [",5", 0.5],
    ["1 234,5", 1234.5], // spaces anywhere are ignored
    ["1.234", 1.234], // a point without a comma is the decimal point
  ])("%j → %s", (text, value) => expect(parseDecimal(text)).toBe(value));

  it.each([
    ["", "empty"],
    ["   ", "only spaces"],
    ["banyak", "a word"],
    ["1,2,3", "two decimal commas"],
    ["1.234.567", "two points without a comma"],
    ["1,234.5", "English grouping (would be 1,2345 read the other way)"],
    ["12.34,5", "a thousands group of two digits"],
    ["1e3", "an exponent"],
    ["0x10", "hexadecimal"],
    ["Infinity", "Infinity"],
    ["-", "a sign alone"],
    ["9".repeat(400), "a number too large to be finite"],
  ])("%j is no number (%s): null, never NaN", (text) => expect(parseDecimal(text)).toBeNull());
});

describe("formatDecimal", () => {
  it("writes a decimal comma without grouping: 0.5 → 0,5, 1000 → 1000, −0.25 → -0,25", () => {
    expect([0.5, 1000, -0.25].map(formatDecimal)).toEqual(["0,5", "1000", "-0,25"]);
  });
});
