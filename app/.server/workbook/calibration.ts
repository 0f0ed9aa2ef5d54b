// The sheet "Kalibrasi": the calibration sessions of the period, one row per participant. Scores and
// deviations only for closed sessions: while a session is open its scores are blind (getSession says so). The
// calibration list export (exports/calibration.ts) writes the same rows for the sessions a user may see.
import { asc, eq } from "drizzle-orm";
import { channelShortName } from "../../../analytics/organization";
import { calibrationSessions } from "../../../db/schema";
import { getSession } from "../calibration";
import type { Database } from "../db";
import { type Access, SYSTEM_ACCESS } from "../scope";
import { type Book, type Column, excelWib, TableSheet, yesNo } from "./cells";

export type ParticipantRow = {
  sessionId: number;
  title: string;
  periodId: string;
  channel: string;
  interactionRef: string;
  interactionAt: Date;
  state: string;
  assessor: string;
  benchmark: boolean;
  submittedAt: Date | null;
  total: number | null;
  meanDeviation: number | null;
  consensusTotal: number | null;
  flaggedItems: number | null;
};

export const CALIBRATION_COLUMNS: readonly Column<ParticipantRow>[] = [
  { header: "ID Sesi", width: 8, kind: "integer", value: (r) => r.sessionId },
  { header: "Judul", width: 36, kind: "text", value: (r) => r.title },
  {
    header: "Saluran",
    width: 13,
    kind: "text",
    value: (r) => channelShortName(r.channel),
  },
  { header: "Rujukan Interaksi", width: 20, kind: "text", value: (r) => r.interactionRef },
  { header: "Waktu Interaksi (WIB)", width: 17, kind: "datetime", value: (r) => excelWib(r.interactionAt) },
  { header: "Status Sesi", width: 11, kind: "text", value: (r) => (r.state === "closed" ? "Ditutup" : "Terbuka") },
  { header: "Penilai", width: 26, kind: "text", value: (r) => r.assessor },
  { header: "Acuan Koordinator", width: 11, kind: "text", value: (r) => yesNo(r.benchmark) },
  { header: "Dikirim (WIB)", width: 17, kind: "datetime", value: (r) => excelWib(r.submittedAt) },
  { header: "Total Penilai", width: 11, kind: "score", value: (r) => r.total },
  { header: "Deviasi Rata-rata (poin)", width: 13, kind: "score", value: (r) => r.meanDeviation },
  { header: "Total Konsensus", width: 11, kind: "score", value: (r) => r.consensusTotal },
  { header: "Butir Ditandai", width: 10, kind: "integer", value: (r) => r.flaggedItems },
];

/**
 * One row per participant of each session in `sessionIds` (in that order) that `access` may see: a session
 * they may not see is left out, and an open session's scores stay blind.
 */
export async function calibrationRows(
  db: Database,
  sessionIds: readonly number[],
  access: Access,
  spreadThreshold: number,
): Promise<ParticipantRow[]> {
  const rows: ParticipantRow[] = [];
  // A handful of sessions per period: one getSession each keeps the calibration rules in one place.
  for (const id of sessionIds) {
    const found = await getSession(db, id, access, spreadThreshold);
    if (!found) continue;
    const { session, result } = found;
    for (const p of found.participants) {
      const scored = result?.assessors.find((a) => a.assessorId === p.userId);
      rows.push({
        sessionId: session.id,
        title: session.title,
        periodId: session.periodId,
        channel: session.channel,
        interactionRef: session.interactionRef,
        interactionAt: session.interactionAt,
        state: session.state,
        assessor: p.name,
        benchmark: p.benchmark,
        submittedAt: p.submittedAt,
        total: scored?.total ?? null,
        meanDeviation: scored?.meanDeviation ?? null,
        consensusTotal: result?.consensusTotal ?? null,
        flaggedItems: result?.flaggedCount ?? null,
      });
    }
  }
  return rows;
}

export async function writeCalibrationSheet(
  book: Book,
  db: Database,
  periodId: string,
  spreadThreshold: number,
): Promise<number> {
  const table = new TableSheet(book, "Kalibrasi", CALIBRATION_COLUMNS);
  const sessions = await db
    .select({ id: calibrationSessions.id })
    .from(calibrationSessions)
    .where(eq(calibrationSessions.periodId, periodId))
    .orderBy(asc(calibrationSessions.id));
  const ids = sessions.map((s) => s.id);
  for (const row of await calibrationRows(db, ids, SYSTEM_ACCESS, spreadThreshold)) table.add(row);
  return table.close();
}
