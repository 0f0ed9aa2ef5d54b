// The rows a preview would add or change, one page at a time, as the page shows them: each value in words
// (a name for a staff id, a date as 4 Des 2026), and for a changed row what each changed cell holds now.
import { sql } from "drizzle-orm";
import { formatDay } from "../../../analytics/dates";
import type { ImportKind, RowContext } from "../../../analytics/import-rules";
import { type AgentStateCode, formatStatePeriod, STATE_LABELS } from "../../../analytics/import-states";
import { formatNip } from "../../../analytics/nip";
import { channelShortName, pangkatLabel, positionLabel, TEAMS, type TeamCode } from "../../../analytics/organization";
import { formatClock, formatShift } from "../../../analytics/workforce-time";
import type { Database } from "../db";
import { rowsOf } from "./rows";
import type { Target } from "./targets";

export type ChangeCell = { value: string; before?: string };
export type PreviewChange = { row: number; action: "new" | "updated"; cells: ChangeCell[] };
export type PreviewChanges = {
  headers: string[];
  rows: PreviewChange[];
  total: number;
  page: number;
  pageSize: number;
};

/** Rows of the preview per page: enough to check a file by eye, few enough to scroll through on a phone. */
export const CHANGES_PER_PAGE = 25;

type Stored = Record<string, unknown>;
type Column = { header: string; show: (r: Stored, names: Names) => string; fields: string[] };
type Names = { staff: Map<number, string>; courses: Map<number, string>; teams: Map<number, string> };

const text = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const number = (v: unknown, decimals = 0) =>
  v === null || v === undefined
    ? "—"
    : Number(v).toLocaleString("id-ID", { minimumFractionDigits: 0, maximumFractionDigits: decimals });
const day = (v: unknown) => (typeof v === "string" ? formatDay(v.slice(0, 10)) : "—");
const person: Column = {
  header: "Nama",
  fields: ["staff_id"],
  show: (r, n) => n.staff.get(Number(r.staff_id)) ?? `#${r.staff_id}`,
};
const channel: Column = { header: "Kanal", fields: ["channel"], show: (r) => channelShortName(String(r.channel)) };
const TRAINING_STATUS: Record<string, string> = { lulus: "lulus", tidak_lulus: "tidak lulus", selesai: "selesai" };

const yesNo = (v: unknown) => (v === true || v === "true" ? "ya" : "tidak");

const COLUMNS: Record<ImportKind, Column[]> = {
  staff: [
    { header: "NIP", fields: ["nip"], show: (r) => formatNip(String(r.nip)) },
    { header: "Nama", fields: ["full_name"], show: (r) => text(r.full_name) },
    { header: "Tempat lahir", fields: ["birth_place"], show: (r) => text(r.birth_place) },
    { header: "Golongan", fields: ["golongan"], show: (r) => pangkatLabel(String(r.golongan)) },
    { header: "Jabatan", fields: ["position"], show: (r) => positionLabel(String(r.position)) },
    { header: "Tim", fields: ["team_id"], show: (r, n) => n.teams.get(Number(r.team_id)) ?? "—" },
    { header: "Regu", fields: ["group_name"], show: (r) => text(r.group_name) },
    { header: "TMT", fields: ["hire_date"], show: (r) => day(r.hire_date) },
    { header: "Aktif", fields: ["active"], show: (r) => yesNo(r.active) },
  ],
  training: [
    person,
    { header: "Pelatihan", fields: ["course_id"], show: (r, n) => n.courses.get(Number(r.course_id)) ?? "—" },
    { header: "Mulai", fields: ["start_date"], show: (r) => day(r.start_date) },
    { header: "Selesai", fields: ["end_date"], show: (r) => day(r.end_date) },
    { header: "Jam pelajaran", fields: ["hours"], show: (r) => number(r.hours, 1) },
    { header: "Status", fields: ["status"], show: (r) => TRAINING_STATUS[String(r.status)] ?? text(r.status) },
    { header: "Nilai", fields: ["score"], show: (r) => number(r.score, 2) },
    { header: "Penyelenggara", fields: ["provider"], show: (r) => text(r.provider) },
    { header: "Nomor sertifikat", fields: ["certificate_number"], show: (r) => text(r.certificate_number) },
  ],
  calls: [
    person,
    { header: "Tanggal", fields: ["day"], show: (r) => day(r.day) },
    channel,
    { header: "Panggilan", fields: ["calls_handled"], show: (r) => number(r.calls_handled) },
    { header: "Jam login", fields: ["logged_in_seconds"], show: (r) => number(Number(r.logged_in_seconds) / 3600, 2) },
    { header: "Detik bicara", fields: ["talk_seconds"], show: (r) => number(r.talk_seconds) },
  ],
  intervals: [
    { header: "Tanggal", fields: ["day"], show: (r) => day(r.day) },
    { header: "Jam", fields: ["start_minute"], show: (r) => formatClock(Number(r.start_minute)) },
    channel,
    { header: "Masuk", fields: ["offered"], show: (r) => number(r.offered) },
    { header: "Dijawab", fields: ["answered"], show: (r) => number(r.answered) },
    { header: "Abandon", fields: ["abandoned"], show: (r) => number(r.abandoned) },
    { header: "AHT (detik)", fields: ["aht_seconds"], show: (r) => number(r.aht_seconds, 1) },
    { header: "Dalam target", fields: ["answered_within_target"], show: (r) => number(r.answered_within_target) },
  ],
  roster: [
    person,
    {
      header: "Sif",
      fields: ["starts_at", "ends_at"],
      show: (r) => formatShift(new Date(String(r.starts_at)), new Date(String(r.ends_at))),
    },
    channel,
  ],
  states: [
    person,
    {
      header: "Masa",
      fields: ["starts_at", "ends_at"],
      show: (r) => formatStatePeriod(new Date(String(r.starts_at)), new Date(String(r.ends_at))),
    },
    channel,
    {
      header: "Status",
      fields: ["state"],
      show: (r) => STATE_LABELS[String(r.state) as AgentStateCode] ?? text(r.state),
    },
  ],
};

const teamName = (code: TeamCode) => TEAMS.find((t) => t.code === code)?.name ?? code;

/** A jsonb column as both drivers hand it over: an object, or (some configurations) its text. */
const asObject = (v: unknown): Stored | null =>
  v === null || v === undefined ? null : typeof v === "string" ? (JSON.parse(v) as Stored) : (v as Stored);

/** One page of the rows the staged file adds or changes, in file order. Runs inside the import's transaction. */
export async function previewChanges(
  tx: Database,
  kind: ImportKind,
  target: Target,
  ctx: RowContext,
  total: number,
  page: number,
): Promise<PreviewChanges> {
  const pages = Math.max(1, Math.ceil(total / CHANGES_PER_PAGE));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const found = rowsOf<{ row_no: number; after: unknown; before: unknown }>(
    await tx.execute(sql.raw(target.changesSql(CHANGES_PER_PAGE, (shown - 1) * CHANGES_PER_PAGE))),
  );
  const names: Names = {
    staff: new Map([...ctx.staffByNip.values()].map((s) => [s.id, s.fullName])),
    courses: new Map([...ctx.courseByCode.values()].map((c) => [c.id, c.code])),
    teams: new Map([...ctx.teamIdByCode].map(([code, id]) => [id, teamName(code)])),
  };
  const columns = COLUMNS[kind];
  return {
    headers: columns.map((c) => c.header),
    total,
    page: shown,
    pageSize: CHANGES_PER_PAGE,
    rows: found.map((f) => {
      const after = asObject(f.after) ?? {};
      const before = asObject(f.before);
      return {
        row: Number(f.row_no),
        action: before ? "updated" : "new",
        cells: columns.map((c) => {
          const value = c.show(after, names);
          const changed = before && c.fields.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
          return changed && before ? { value, before: c.show(before, names) } : { value };
        }),
      };
    }),
  };
}
