import { describe, expect, it } from "vitest";
import { periodFromId, periodOf, periodOfDay, periodShortLabel, periodsBetween, shiftPeriod } from "./period";

describe("periodFromId", () => {
  it("2026-11 runs 26 Nov 2026 00:00 WIB (= 25 Nov 17:00Z) to 26 Dec 2026 00:00 WIB (= 25 Dec 17:00Z)", () => {
    const p = periodFromId("2026-11");
    expect(p).toEqual({
      id: "2026-11",
      start: new Date("2026-11-25T17:00:00.000Z"),
      end: new Date("2026-12-25T17:00:00.000Z"),
      firstDay: "2026-11-26",
      lastDay: "2026-12-25",
      label: "Periode November 2026 (26 Nov 2026 – 25 Des 2026)",
    });
  });

  it("2026-12 crosses the year: 26 Des 2026 – 25 Jan 2027", () => {
    const p = periodFromId("2026-12");
    expect(p.firstDay).toBe("2026-12-26");
    expect(p.lastDay).toBe("2027-01-25");
    expect(p.start.toISOString()).toBe("2026-12-25T17:00:00.000Z");
    expect(p.end.toISOString()).toBe("2027-01-25T17:00:00.000Z");
    expect(p.label).toBe("Periode Desember 2026 (26 Des 2026 – 25 Jan 2027)");
  });

  it("2028-01 spans the leap day: 26 Jan 2028 – 25 Feb 2028 is 31 days, 2028-02 is 29 days", () => {
    const jan = periodFromId("2028-01");
    const feb = periodFromId("2028-02");
    const day = 24 * 3600 * 1000;
    expect((jan.end.getTime() - jan.start.getTime()) / day).toBe(31);
    expect((feb.end.getTime() - feb.start.getTime()) / day).toBe(29); // 26 Feb – 25 Mar with 29 Feb
    expect((periodFromId("2027-02").end.getTime() - periodFromId("2027-02").start.getTime()) / day).toBe(28);
  });

  it.each(["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "", "2026-11-26", " 2026-11", "abcd-ef"])(
    "refuses the bad id %j with a message naming the format",
    (id) => {
      expect(() => periodFromId(id)).toThrowError(/ID periode tidak valid.*YYYY-MM/);
    },
  );

  it("every label uses Indonesian month abbreviations (Mei, Agu, Okt, Des)", () => {
    expect(periodFromId("2026-04").label).toBe("Periode April 2026 (26 Apr 2026 – 25 Mei 2026)");
    expect(periodFromId("2026-07").label).toBe("Periode Juli 2026 (26 Jul 2026 – 25 Agu 2026)");
    expect(periodFromId("2026-09").label).toBe("Periode September 2026 (26 Sep 2026 – 25 Okt 2026)");
  });
});

describe("periodOf (instants)", () => {
  it("26 Nov 2026 00:00:00.000 WIB (25 Nov 17:00Z) is the first instant of 2026-11", () => {
    expect(periodOf(new Date("2026-11-25T17:00:00.000Z")).id).toBe("2026-11");
  });

  it("one millisecond earlier, 25 Nov 23:59:59.999 WIB, still belongs to 2026-10", () => {
    expect(periodOf(new Date("2026-11-25T16:59:59.999Z")).id).toBe("2026-10");
  });

  it("25 Dec 2026 23:59:59.999 WIB (16:59:59.999Z) is the last instant of 2026-11", () => {
    expect(periodOf(new Date("2026-12-25T16:59:59.999Z")).id).toBe("2026-11");
    expect(periodOf(new Date("2026-12-25T17:00:00.000Z")).id).toBe("2026-12");
  });

  it("1 Jan 2027 03:00 WIB belongs to 2026-12 (year rollover)", () => {
    expect(periodOf(new Date("2026-12-31T20:00:00Z")).id).toBe("2026-12");
  });

  it("10 Jan 2027 belongs to 2026-12, 26 Jan 2027 to 2027-01", () => {
    expect(periodOf(new Date("2027-01-10T05:00:00Z")).id).toBe("2026-12");
    expect(periodOf(new Date("2027-01-25T17:00:00Z")).id).toBe("2027-01");
  });

  it("an instant always lies in [start, end) of its period", () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += 7 * 3600 * 1000 + 13 * 60 * 1000) {
      const p = periodOf(new Date(t));
      expect(p.start.getTime()).toBeLessThanOrEqual(t);
      expect(p.end.getTime()).toBeGreaterThan(t);
    }
  });

  it("refuses an invalid Date", () => {
    expect(() => periodOf(new Date("nonsense"))).toThrowError(/tidak valid/);
  });
});

describe("periodOfDay (WIB calendar dates)", () => {
  it.each([
    ["2026-11-25", "2026-10"],
    ["2026-11-26", "2026-11"],
    ["2026-12-25", "2026-11"],
    ["2026-12-26", "2026-12"],
    ["2027-01-01", "2026-12"],
    ["2027-01-25", "2026-12"],
    ["2028-02-29", "2028-02"],
    ["2028-02-25", "2028-01"],
    ["2026-01-05", "2025-12"],
  ])("%s belongs to period %s", (day, id) => {
    expect(periodOfDay(day).id).toBe(id);
  });

  it.each(["2027-02-29", "2026-02-30", "2026-13-01", "2026-11-31", "26/11/2026", "2026-1-5", ""])(
    "refuses %j, which is not a real YYYY-MM-DD date",
    (day) => {
      expect(() => periodOfDay(day)).toThrowError(/Tanggal tidak valid/);
    },
  );

  it("2028-02-29 exists (leap year) while 2100-02-29 does not (century rule)", () => {
    expect(periodOfDay("2000-02-29").id).toBe("2000-02");
    expect(() => periodOfDay("2100-02-29")).toThrowError(/Tanggal tidak valid/);
  });
});

describe("periodsBetween", () => {
  it("2026-10 … 2027-02 gives five periods in order across the year end", () => {
    expect(periodsBetween("2026-10", "2027-02").map((p) => p.id)).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
  });

  it("a single period when both ends are equal", () => {
    expect(periodsBetween("2026-11", "2026-11").map((p) => p.id)).toEqual(["2026-11"]);
  });

  it("consecutive periods touch: each end is the next start", () => {
    const ps = periodsBetween("2025-01", "2027-12");
    expect(ps).toHaveLength(36);
    for (let i = 1; i < ps.length; i++) expect(ps[i]?.start).toEqual(ps[i - 1]?.end);
  });

  it("refuses a reversed range and bad ids", () => {
    expect(() => periodsBetween("2027-01", "2026-12")).toThrowError(/setelah periode akhir/);
    expect(() => periodsBetween("2026-13", "2027-01")).toThrowError(/ID periode tidak valid/);
  });
});

describe("shiftPeriod", () => {
  it("2026-11 − 11 = 2025-12 and 2026-11 + 2 = 2027-01", () => {
    expect(shiftPeriod("2026-11", -11).id).toBe("2025-12");
    expect(shiftPeriod("2026-11", 2).id).toBe("2027-01");
  });
});

describe("periodShortLabel", () => {
  it.each([
    ["2026-10", "Okt 2026"],
    ["2026-05", "Mei 2026"],
    ["2026-12", "Des 2026"],
    ["2027-01", "Jan 2027"],
  ])("%s reads %s, never the raw id", (id, label) => {
    expect(periodShortLabel(id)).toBe(label);
  });
});
