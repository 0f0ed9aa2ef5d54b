// Pure: the follow-up of a team's written report (regulation A.2.c and A.2.e: corrective action and follow-up of
// supervision results) and how soon problems are reported ("segera", 3.1.1 and 3.2.1). No I/O, no wall clock.
import { parseCalendarDay } from "./dates";

export const REPORT_STATUSES = [
  { code: "baru", label: "Baru" },
  { code: "ditanggapi", label: "Ditanggapi" },
  { code: "ditindaklanjuti", label: "Ditindaklanjuti" },
  { code: "selesai", label: "Selesai" },
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number]["code"];

export const reportStatusLabel = (code: string) => REPORT_STATUSES.find((s) => s.code === code)?.label ?? code;

/** The steps of the follow-up: each moves a report from one status to the next, and only from that one. */
export const REPORT_STEPS = {
  answer: { from: "baru", to: "ditanggapi" },
  follow_up: { from: "ditanggapi", to: "ditindaklanjuti" },
  close: { from: "ditindaklanjuti", to: "selesai" },
} as const satisfies Record<string, { from: ReportStatus; to: ReportStatus }>;
export type ReportStep = keyof typeof REPORT_STEPS;

const dayNumber = (day: string) => {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a day: ${day}`);
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
};

/** Whole calendar days from `from` to `to` ('2026-11-03' → '2026-11-05' = 2). */
export const daysFrom = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * Whether the follow-up is late on `today` (a WIB day): still waiting after its due day, or done after it
 * (`followedUpOn`, the WIB day it was recorded). A report without a due day is never late.
 */
export function followUpLate(
  report: { status: string; followUpDue: string | null; followedUpOn: string | null },
  today: string,
): boolean {
  if (!report.followUpDue) return false;
  if (report.followedUpOn) return report.followedUpOn > report.followUpDue;
  return report.status === "ditanggapi" && today > report.followUpDue;
}

export type Timeliness = {
  kind: string;
  reports: number;
  measured: number;
  medianDays: number | null;
  maxDays: number | null;
};

/**
 * Per kind of report (one per team), how many days passed from the problem arising to the report: the median and
 * the longest, over the reports that say when the problem arose (`measured` of `reports`).
 */
export function reportTimeliness(
  reports: readonly { kind: string; reportDate: string; problemAroseOn: string | null }[],
  kinds: readonly string[],
): Timeliness[] {
  return kinds.map((kind) => {
    const mine = reports.filter((r) => r.kind === kind);
    const days = mine
      .filter((r): r is typeof r & { problemAroseOn: string } => r.problemAroseOn !== null)
      .map((r) => daysFrom(r.problemAroseOn, r.reportDate))
      .sort((a, b) => a - b);
    const middle = Math.floor(days.length / 2);
    const median =
      days.length === 0
        ? null
        : days.length % 2 === 1
          ? (days[middle] ?? null)
          : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2;
    return { kind, reports: mine.length, measured: days.length, medianDays: median, maxDays: days.at(-1) ?? null };
  });
}
