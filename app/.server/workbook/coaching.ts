// The sheet "Pembinaan": the coaching sessions held in the period within the workbook's scope, one row per agreed
// action, with the agent's acknowledgement and the action's follow-up (late ones marked, as of the day the workbook
// is made). The same rows and columns are /pembinaan's download (exports/coaching.ts).
import { inArray } from "drizzle-orm";
import { coachingOutcomeLabel } from "../../../analytics/coaching";
import type { Period } from "../../../analytics/period";
import { staff } from "../../../db/schema";
import { type CoachingAction, type CoachingFilter, type CoachingRow, listCoaching } from "../coaching";
import type { Database } from "../db";
import type { Access } from "../scope";
import { type Book, type Column, excelDay, excelWib, TableSheet, yesNo } from "./cells";

export type CoachingActionRow = { session: CoachingRow & { nip: string }; action: CoachingAction };

export const COACHING_COLUMNS: readonly Column<CoachingActionRow>[] = [
  { header: "Sesi", width: 8, kind: "integer", value: (r) => r.session.id },
  { header: "Tanggal Pembinaan", width: 12, kind: "date", value: (r) => excelDay(r.session.heldOn) },
  { header: "NIP Petugas", width: 21, kind: "nip", value: (r) => r.session.nip },
  { header: "Nama Petugas", width: 30, kind: "text", value: (r) => r.session.agentName },
  { header: "Tim Kerja", width: 30, kind: "text", value: (r) => r.session.teamName },
  { header: "Pembina", width: 26, kind: "text", value: (r) => r.session.coach },
  { header: "Hal yang Diamati", width: 50, kind: "wrap", value: (r) => r.session.observation },
  { header: "Status Sesi", width: 22, kind: "text", value: (r) => r.session.statusLabel },
  { header: "Ditanggapi Petugas (WIB)", width: 17, kind: "datetime", value: (r) => excelWib(r.session.acknowledgedAt) },
  { header: "Komentar Petugas", width: 40, kind: "wrap", value: (r) => r.session.agentComment },
  { header: "Tindakan", width: 40, kind: "wrap", value: (r) => r.action.description },
  { header: "Penanggung Jawab", width: 26, kind: "text", value: (r) => r.action.owner },
  { header: "Tenggat", width: 12, kind: "date", value: (r) => excelDay(r.action.dueOn) },
  { header: "Hasil", width: 16, kind: "text", value: (r) => coachingOutcomeLabel(r.action.outcome) },
  { header: "Catatan Tindak Lanjut", width: 40, kind: "wrap", value: (r) => r.action.outcomeNote },
  { header: "Ditindaklanjuti (WIB)", width: 17, kind: "datetime", value: (r) => excelWib(r.action.outcomeAt) },
  { header: "Lewat Tenggat", width: 10, kind: "text", value: (r) => yesNo(r.action.late) },
];

/**
 * One row per agreed action of the sessions `access` (read:coaching, or the workbook's scope) reaches under
 * `filter`, oldest session first, each with the agent's NIP: the KPI workbook's sheet and /pembinaan's download.
 */
export async function coachingActionRows(db: Database, access: Access, filter: CoachingFilter, today: string) {
  const sessions = await listCoaching(db, access, filter, today);
  const ids = [...new Set(sessions.map((s) => s.agentStaffId))];
  const nips = new Map(
    ids.length
      ? (await db.select({ id: staff.id, nip: staff.nip }).from(staff).where(inArray(staff.id, ids))).map((r) => [
          r.id,
          r.nip,
        ])
      : [],
  );
  return sessions
    .reverse()
    .flatMap((session) =>
      session.actions.map((action) => ({ session: { ...session, nip: nips.get(session.agentStaffId) ?? "" }, action })),
    );
}

export async function writeCoachingSheet(
  book: Book,
  db: Database,
  period: Period,
  access: Access,
  today: string,
): Promise<number> {
  const table = new TableSheet(book, "Pembinaan", COACHING_COLUMNS);
  for (const row of await coachingActionRows(
    db,
    access,
    { heldFrom: period.firstDay, heldTo: period.lastDay },
    today,
  )) {
    table.add(row);
  }
  return table.close();
}
