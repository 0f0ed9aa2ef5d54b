import { describe, expect, it } from "vitest";
import {
  formatDay,
  formatInstantWib,
  parseDateInput,
  parseFormDate,
  parseWibDateTime,
  wibDay,
  wibInputValue,
} from "./dates";

describe("parseDateInput", () => {
  it.each([
    ["2026-01-05", "2026-01-05"],
    ["05/01/2026", "2026-01-05"], // Indonesian order: 5 January, not May 1
    ["5/1/2026", "2026-01-05"],
    ["29/02/2028", "2028-02-29"],
    [" 26-11-2026 ", "2026-11-26"],
  ])("%j → %s", (input, expected) => expect(parseDateInput(input)).toBe(expected));

  it.each(["29/02/2027", "31/04/2026", "2026-13-01", "01/13/2026", "kemarin", ""])("%j is not a date", (input) =>
    expect(parseDateInput(input)).toBeNull(),
  );
});

describe("parseFormDate", () => {
  it("reads what parseDateInput reads, for the years 1900–2199", () => {
    expect(parseFormDate("05/01/1900")).toBe("1900-01-05");
    expect(parseFormDate("31/12/2199")).toBe("2199-12-31");
  });
  // Year 0 is not a year in PostgreSQL; JavaScript's Date would read 0026 as 1926.
  it.each(["01/01/0000", "0000-12-31", "05/01/0026", "31/12/1899", "01/01/2200"])("%j is refused", (input) =>
    expect(parseFormDate(input)).toBeNull(),
  );
  it("a date-time with such a year is refused too", () => {
    expect(parseWibDateTime("05/01/0026 10.00")).toBeNull();
    expect(parseWibDateTime("0000-01-01T10:00")).toBeNull();
  });
});

describe("WIB days", () => {
  it("2026-11-25T17:00Z is 26 Nov 2026 00.00 WIB", () => {
    expect(wibDay(new Date("2026-11-25T17:00:00Z"))).toBe("2026-11-26");
    expect(formatInstantWib(new Date("2026-11-25T17:00:00Z"))).toBe("26 Nov 2026 00.00 WIB");
    expect(formatDay("2026-12-25")).toBe("25 Des 2026");
  });
});

describe("WIB date-times", () => {
  it("26 Nov 2026 00:00 WIB typed three ways is 2026-11-25T17:00Z", () => {
    for (const typed of ["2026-11-26T00:00", "2026-11-26 00:00", "26/11/2026 00.00"]) {
      expect(parseWibDateTime(typed)?.toISOString()).toBe("2026-11-25T17:00:00.000Z");
    }
    expect(wibInputValue(new Date("2026-11-25T17:00:00Z"))).toBe("2026-11-26T00:00");
  });

  it.each(["2026-11-26", "2026-11-26T24:00", "2026-02-30T10:00", "besok pagi"])("%j is not a date-time", (typed) =>
    expect(parseWibDateTime(typed)).toBeNull(),
  );
});
