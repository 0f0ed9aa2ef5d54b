// The sheet "Kepatuhan Jadwal": schedule adherence per agent over a period (or any days), within the workbook's
// scope, from the roster and the imported agent states. The same rows and columns are the adherence page's download
// (exports/adherence.ts).
import { type DayAdherence, sumDays } from "../../../analytics/adherence";
import type { Period } from "../../../analytics/period";
import { type AgentAdherenceRow, readAdherence } from "../adherence";
import type { Database } from "../db";
import { type Access, SYSTEM_ACCESS } from "../scope";
import type { Settings } from "../settings";
import { type Book, type Column, excelDay, TableSheet } from "./cells";

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 10_000) / 100);
const minutes = (value: number) => Math.round(value);

export const ADHERENCE_COLUMNS: readonly Column<AgentAdherenceRow>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (r) => r.nip },
  { header: "Nama", width: 30, kind: "text", value: (r) => r.fullName },
  { header: "Tim Kerja", width: 30, kind: "text", value: (r) => r.teamName },
  { header: "Sif", width: 8, kind: "integer", value: (r) => r.total.shifts },
  { header: "Sif Tanpa Data Status", width: 12, kind: "integer", value: (r) => r.total.shiftsWithoutData },
  { header: "Menit Terjadwal", width: 12, kind: "integer", value: (r) => minutes(r.total.rosteredMinutes) },
  { header: "Menit Patuh", width: 12, kind: "integer", value: (r) => minutes(r.total.adherentMinutes) },
  { header: "Kepatuhan (%)", width: 12, kind: "score", value: (r) => percent(r.total.adherence) },
  { header: "Kesesuaian (%)", width: 12, kind: "score", value: (r) => percent(r.total.conformance) },
  { header: "Terlambat (Sif)", width: 11, kind: "integer", value: (r) => r.total.lateShifts },
  { header: "Terlambat (Menit)", width: 11, kind: "integer", value: (r) => minutes(r.total.lateMinutes) },
  { header: "Pulang Awal (Sif)", width: 11, kind: "integer", value: (r) => r.total.earlyShifts },
  { header: "Pulang Awal (Menit)", width: 11, kind: "integer", value: (r) => minutes(r.total.earlyMinutes) },
  { header: "Tidak Hadir (Sif)", width: 11, kind: "integer", value: (r) => r.total.absentShifts },
  {
    header: "Istirahat di Luar Jadwal (Menit)",
    width: 14,
    kind: "integer",
    value: (r) => minutes(r.total.unscheduledBreakMinutes),
  },
  {
    header: "Login di Luar Jadwal (Menit)",
    width: 14,
    kind: "integer",
    value: (r) => minutes(r.total.loggedInMinutes - r.total.loggedInRosteredMinutes),
  },
];

export async function writeAdherenceSheet(
  book: Book,
  db: Database,
  settings: Settings,
  period: Period,
  access: Access,
): Promise<number> {
  const table = new TableSheet(book, "Kepatuhan Jadwal", ADHERENCE_COLUMNS);
  for (const row of await readAdherence(db, settings, { from: period.firstDay, to: period.lastDay, access }))
    table.add(row);
  return table.close();
}

type TeamDay = DayAdherence & { teamName: string };

const TEAM_DAY_COLUMNS: readonly Column<TeamDay>[] = [
  { header: "Tanggal", width: 12, kind: "date", value: (r) => excelDay(r.day) },
  { header: "Tim Kerja", width: 36, kind: "text", value: (r) => r.teamName },
  { header: "Sif", width: 8, kind: "integer", value: (r) => r.shifts },
  { header: "Sif Tanpa Data Status", width: 12, kind: "integer", value: (r) => r.shiftsWithoutData },
  { header: "Menit Terjadwal", width: 12, kind: "integer", value: (r) => minutes(r.rosteredMinutes) },
  { header: "Kepatuhan (%)", width: 12, kind: "score", value: (r) => percent(r.adherence) },
  { header: "Kesesuaian (%)", width: 12, kind: "score", value: (r) => percent(r.conformance) },
  { header: "Terlambat (Sif)", width: 11, kind: "integer", value: (r) => r.lateShifts },
  { header: "Pulang Awal (Sif)", width: 11, kind: "integer", value: (r) => r.earlyShifts },
  { header: "Tidak Hadir (Sif)", width: 11, kind: "integer", value: (r) => r.absentShifts },
];

/**
 * The staffing workbook's "Kepatuhan Jadwal": per day of the week and team, the center's adherence in counts and
 * shares — no one's name, as the rest of that workbook (its readers see the whole center's plan).
 */
export async function writeTeamAdherenceSheet(
  book: Book,
  db: Database,
  settings: Settings,
  days: { from: string; to: string },
  now: Date,
): Promise<number> {
  const rows = await readAdherence(db, settings, { ...days, access: SYSTEM_ACCESS, now });
  const byTeam = new Map<string, DayAdherence[]>();
  for (const r of rows) {
    const teamName = r.teamName ?? "Tanpa tim";
    byTeam.set(teamName, [...(byTeam.get(teamName) ?? []), ...r.days]);
  }
  const teamDays = [...byTeam].flatMap(([teamName, days]) => sumDays(days).map((d) => ({ ...d, teamName })));
  const table = new TableSheet(book, "Kepatuhan Jadwal", TEAM_DAY_COLUMNS);
  for (const row of teamDays.sort((a, b) => a.day.localeCompare(b.day) || a.teamName.localeCompare(b.teamName)))
    table.add(row);
  return table.close();
}
