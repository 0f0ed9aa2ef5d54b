// When an evaluated interaction may have happened: not before the agent started work, not before the first
// period Mutu keeps, not in the future. A mistyped year (1970, 2062) would otherwise file the evaluation in a
// period nobody looks at, or one that has not begun. Decision 015.
import { sql } from "drizzle-orm";
import { formatDay, wibDay } from "../../analytics/dates";
import { periodFromId, periodOf, shiftPeriod } from "../../analytics/period";
import { evaluations } from "../../db/schema";
import { type Database, prepared } from "./db";

const FUTURE_TOLERANCE_MS = 5 * 60_000; // clocks differ a little between PCs

/** How far back a center that has just begun with Mutu may still enter evaluations: the past year. */
const PERIODS_BACK_WITHOUT_DATA = 11;

/**
 * The first period Mutu keeps: the earliest period it holds an evaluation in, but never later than
 * PERIODS_BACK_WITHOUT_DATA periods before the current one (so that a new installation can take in the past
 * year's evaluations, and the first one entered cannot set the bound by a typing mistake).
 */
async function firstKeptPeriod(db: Database, now: Date): Promise<string> {
  const query = prepared(db, "first-evaluation-period", (d) =>
    d
      .select({ first: sql<string | null>`min(${evaluations.periodId})` })
      .from(evaluations)
      .prepare("first_evaluation_period"),
  );
  const [row] = await query.execute();
  const yearBack = shiftPeriod(periodOf(now).id, -PERIODS_BACK_WITHOUT_DATA).id;
  return row?.first && row.first < yearBack ? row.first : yearBack;
}

/** Why `at` cannot be the time of an interaction of `agent`, in words for the field; null when it can. */
export async function interactionTimeProblem(
  db: Database,
  agent: { fullName: string; hireDate: string | null },
  at: Date,
  now: Date,
): Promise<string | null> {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return "Waktu interaksi tidak boleh di masa depan.";
  if (agent.hireDate && wibDay(at) < agent.hireDate) {
    return `Waktu interaksi sebelum ${agent.fullName} mulai bertugas (${formatDay(agent.hireDate)}). Periksa tanggal dan tahunnya.`;
  }
  const first = await firstKeptPeriod(db, now);
  if (periodOf(at).id < first) {
    const period = periodFromId(first);
    return `Waktu interaksi sebelum ${formatDay(period.firstDay)}, awal periode tertua yang disimpan Mutu (${period.label}). Periksa tanggal dan tahunnya.`;
  }
  return null;
}
