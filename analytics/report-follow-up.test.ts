import { describe, expect, it } from "vitest";
import { daysFrom, followUpLate, REPORT_STEPS, reportTimeliness } from "./report-follow-up";

describe("report follow-up", () => {
  it("moves baru → ditanggapi → ditindaklanjuti → selesai, one step at a time", () => {
    expect(Object.values(REPORT_STEPS).map((s) => `${s.from}→${s.to}`)).toEqual([
      "baru→ditanggapi",
      "ditanggapi→ditindaklanjuti",
      "ditindaklanjuti→selesai",
    ]);
  });

  it("due 10 Dec: late on 11 Dec while waiting, not on 10 Dec; done on 12 Dec is late, on 10 Dec is not; no due day, never", () => {
    const waiting = { status: "ditanggapi", followUpDue: "2026-12-10", followedUpOn: null };
    expect(followUpLate(waiting, "2026-12-10")).toBe(false);
    expect(followUpLate(waiting, "2026-12-11")).toBe(true);
    expect(followUpLate({ ...waiting, status: "ditindaklanjuti", followedUpOn: "2026-12-12" }, "2026-12-20")).toBe(
      true,
    );
    expect(followUpLate({ ...waiting, status: "selesai", followedUpOn: "2026-12-10" }, "2026-12-20")).toBe(false);
    expect(followUpLate({ status: "baru", followUpDue: null, followedUpOn: null }, "2027-01-01")).toBe(false);
  });

  it("days from the problem to the report: 3 Nov → 5 Nov = 2, across a month 30 Nov → 2 Dec = 2", () => {
    expect(daysFrom("2026-11-03", "2026-11-05")).toBe(2);
    expect(daysFrom("2026-11-30", "2026-12-02")).toBe(2);
  });

  it("per kind: median of 1, 2 and 9 days = 2 and longest 9; of 1 and 4 = 2.5; a report without the day is not measured", () => {
    const rows = [
      { kind: "layanan_informasi", reportDate: "2026-11-05", problemAroseOn: "2026-11-04" },
      { kind: "layanan_informasi", reportDate: "2026-11-12", problemAroseOn: "2026-11-10" },
      { kind: "layanan_informasi", reportDate: "2026-11-20", problemAroseOn: "2026-11-11" },
      { kind: "manajemen_layanan", reportDate: "2026-11-20", problemAroseOn: "2026-11-19" },
      { kind: "manajemen_layanan", reportDate: "2026-11-24", problemAroseOn: "2026-11-20" },
      { kind: "manajemen_layanan", reportDate: "2026-11-25", problemAroseOn: null },
    ];
    expect(reportTimeliness(rows, ["layanan_informasi", "manajemen_layanan", "penjamin_kualitas"])).toEqual([
      { kind: "layanan_informasi", reports: 3, measured: 3, medianDays: 2, maxDays: 9 },
      { kind: "manajemen_layanan", reports: 3, measured: 2, medianDays: 2.5, maxDays: 4 },
      { kind: "penjamin_kualitas", reports: 0, measured: 0, medianDays: null, maxDays: null },
    ]);
  });
});
