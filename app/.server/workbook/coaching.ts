// The sheet "Pembinaan": the coaching sessions held in the period within the workbook's scope, one row per agreed
// action, with the agent's acknowledgement and the action's follow-up (late ones marked, as of the day the workbook
// is made).
import { inArray } from "drizzle-orm";
import { coachingOutcomeLabel } from "../../../analytics/coaching";
import type { Period } from "../../../analytics/period";
import { staff } from "../../../db/schema";
import { type CoachingAction, type CoachingRow, listCoaching } from "../coaching";
import type { Database } from "../db";
import type { Access } from "../scope";
import { type Book, type Column, excelDay, excelWib, TableSheet, yesNo } from "./cells";

type Row = { session: CoachingRow & { nip: string }; action: CoachingAction };

const COLUMNS: readonly Column<Row>[] = [
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

export async function writeCoachingSheet(
  book: Book,
  db: Database,
  period: Period,
  access: Access,
  today: string,
): Promise<number> {
  const table = new TableSheet(book, "Pembinaan", COLUMNS);
  const sessions = await listCoaching(db, access, { heldFrom: period.firstDay, heldTo: period.lastDay }, today);
  const ids = [...new Set(sessions.map((s) => s.agentStaffId))];
  const nips = new Map(
    ids.length
      ? (await db.select({ id: staff.id, nip: staff.nip }).from(staff).where(inArray(staff.id, ids))).map((r) => [
          r.id,
          r.nip,
        ])
      : [],
  );
  // Oldest first, as the period ran.
  for (const session of sessions.reverse()) {
    for (const action of session.actions) {
      table.add({ session: { ...session, nip: nips.get(session.agentStaffId) ?? "" }, action });
    }
  }
  return table.close();
}
