import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  formatDay,
  formatInstantWib,
  isoWeek,
  isoWeekday,
  mondayOf,
  parseDateInput,
  parseFormDate,
  parseWibDateTime,
  shiftWeek,
  weekdayName,
  weekOfDay,
  weeksInYear,
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

  it("29 February only in leap years: 2000 and 2024 yes, 1900 and 2100 no; year 0 reads as 1900, as Date.UTC has it", () => {
    expect(
      ["2000-02-29", "2024-02-29", "1900-02-29", "2100-02-29", "0000-02-29", "0004-02-29"].map(parseDateInput),
    ).toEqual(["2000-02-29", "2024-02-29", null, null, null, "0004-02-29"]);
    // The same as the Date it replaced, on every day of four centuries and of the years 0–99.
    for (const year of [0, 1, 4, 99, 100, 1600, 1700, 1899, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 28; day <= 31; day++) {
          const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${day}`;
          const real = day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
          expect(parseDateInput(text), text).toBe(real ? text : null);
        }
      }
    }
  });
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

describe("ISO weeks", () => {
  it("2026-W49 runs from Monday 30 Nov to Sunday 6 Dec 2026 (W01 starts Mon 29 Dec 2025, + 48 × 7 days)", () => {
    const week = isoWeek("2026-W49");
    expect(week).toMatchObject({ id: "2026-W49", year: 2026, week: 49, monday: "2026-11-30", sunday: "2026-12-06" });
    expect(week.days).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(week.label).toBe("Minggu 49 2026 (30 Nov – 6 Des 2026)");
  });

  it("a week across the new year belongs to the year of its Thursday, and says both years", () => {
    expect(isoWeek("2026-W01")).toMatchObject({ monday: "2025-12-29", sunday: "2026-01-04" });
    expect(isoWeek("2026-W01").label).toBe("Minggu 1 2026 (29 Des 2025 – 4 Jan 2026)");
    expect(weekOfDay("2027-01-01").id).toBe("2026-W53"); // a Friday: its Thursday is 31 Dec 2026
    expect(weekOfDay("2024-12-30").id).toBe("2025-W01"); // a Monday: its Thursday is 2 Jan 2025
    expect(weekOfDay("2026-12-06").id).toBe("2026-W49");
    expect(weekOfDay("2026-11-30").id).toBe("2026-W49");
  });

  it("a year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year", () => {
    expect(weeksInYear(2026)).toBe(53); // 1 Jan 2026 is a Thursday
    expect(weeksInYear(2020)).toBe(53); // leap year, 1 Jan a Wednesday
    expect(weeksInYear(2027)).toBe(52);
    expect(weeksInYear(2025)).toBe(52);
  });

  it("accepts a lower-case w, no hyphen and a one-digit week; shifts across years", () => {
    expect(isoWeek("2026w9").id).toBe("2026-W09");
    expect(isoWeek(" 2026-W09 ").monday).toBe("2026-02-23");
    expect(shiftWeek("2026-W53", 1).id).toBe("2027-W01");
    expect(shiftWeek("2026-W01", -1).id).toBe("2025-W52");
    expect(shiftWeek("2026-W49", -6).id).toBe("2026-W43");
  });

  it.each([
    ["2026-49", /Gunakan format YYYY-Www/],
    ["W49", /Gunakan format YYYY-Www/],
    ["2026-W", /Gunakan format YYYY-Www/],
    ["2026-W00", /Tahun 2026 memiliki minggu 1 sampai 53/],
    ["2027-W53", /Tahun 2027 memiliki minggu 1 sampai 52/],
    ["1899-W10", /Tahun harus antara 1900 dan 9998/],
  ])("refuses %s with a message that says what to type", (id, message) => {
    expect(() => isoWeek(id)).toThrow(message);
  });

  it("names weekdays in Indonesian, Monday first", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect([1, 5, 7].map(weekdayName)).toEqual(["Senin", "Jumat", "Minggu"]);
  });
});

describe("day arithmetic", () => {
  it("Monday of the week: 2 Dec 2026 (Wednesday) → 30 Nov; a Sunday → the Monday before; days roll over months", () => {
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("addMonths", () => {
  it("31 Jan 2026 + 1 month = 28 Feb 2026; 29 Feb 2028 + 12 = 28 Feb 2029; 15 Nov 2026 + 3 = 15 Feb 2027", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });
});
