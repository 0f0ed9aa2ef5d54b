import { describe, expect, it } from "vitest";
import { refreshersDue } from "./refreshers";

const courses = [
  { id: 1, code: "PYG-03", name: "Penyegaran Standar Layanan", refreshMonths: 12 },
  { id: 2, code: "TLI-01", name: "Diklat Teknis", refreshMonths: null },
];
const people = [
  { id: 10, fullName: "Maya Syahputra", teamId: 1, teamName: "Layanan Informasi" },
  { id: 11, fullName: "Agus Salim", teamId: 2, teamName: "Manajemen Layanan" },
  { id: 12, fullName: "Budi Santoso", teamId: 1, teamName: "Layanan Informasi" },
];
const TODAY = "2026-12-04";

describe("refreshers due", () => {
  it("14 Oct 2025 + 12 months = 14 Oct 2026, before 4 Dec 2026: overdue; 20 Dec 2025 + 12 = 20 Dec 2026, within 30 days: due", () => {
    const lines = refreshersDue(
      courses,
      [
        { staffId: 10, courseId: 1, endDate: "2025-10-14" },
        { staffId: 11, courseId: 1, endDate: "2025-12-20" },
      ],
      people,
      TODAY,
    );
    expect(lines.map((l) => [l.fullName, l.dueDate, l.overdue])).toEqual([
      ["Maya Syahputra", "2026-10-14", true],
      ["Agus Salim", "2026-12-20", false],
    ]);
  });

  it("counts only the latest attendance: 2025-01-10 then 2026-06-01 + 12 months = 2027-06-01, not due", () => {
    const lines = refreshersDue(
      courses,
      [
        { staffId: 10, courseId: 1, endDate: "2025-01-10" },
        { staffId: 10, courseId: 1, endDate: "2026-06-01" },
      ],
      people,
      TODAY,
    );
    expect(lines).toEqual([]);
  });

  it("a course without a refresh interval, a due date 31 days ahead (2026-01-04 + 12 = 2027-01-04), and someone no longer listed are not due", () => {
    const lines = refreshersDue(
      courses,
      [
        { staffId: 10, courseId: 2, endDate: "2020-01-01" },
        { staffId: 11, courseId: 1, endDate: "2026-01-04" },
        { staffId: 99, courseId: 1, endDate: "2020-01-01" },
      ],
      people,
      TODAY,
    );
    expect(lines).toEqual([]);
  });
});
