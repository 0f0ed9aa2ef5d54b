// The sheets "Evaluasi" (every counted evaluation of the period) and "Rincian Item" (every item score of
// those evaluations). Both read the evaluations in id order, a chunk at a time (keyset pagination), and
// commit each row as it is written, so a period of any size never sits in memory at once. The next chunk is
// asked for before the current one is written, so the database works while exceljs does.
import { and, asc, eq, gt, gte, inArray, lte, ne } from "drizzle-orm";
import { channelShortName } from "../../../analytics/organization";
import { itemScore, type Scale, SECTION_LABELS, type Section, STATE_LABELS } from "../../../analytics/scoring";
import { evaluationScores, evaluations, scorecardItems, staff, users } from "../../../db/schema";
import type { Database } from "../db";
import { rowsOf } from "../imports/rows";
import { type Access, inScope } from "../scope";
import { type Book, type Column, excelWib, TableSheet, yesNo } from "./cells";

const EVALUATIONS_PER_CHUNK = 2000;
// About a dozen item scores per evaluation: this keeps a chunk of item rows near the size of the above.
const SCORED_EVALUATIONS_PER_CHUNK = 200;

const KIND_LABELS: Record<string, string> = { interaction: "Interaksi", period_review: "Penilaian periode" };
const channelOf = (code: string | null) => (code ? channelShortName(code) : null);

/** The period's sent evaluations of the people `access` reaches. */
const countedIn = (periodId: string, access: Access) =>
  and(
    eq(evaluations.periodId, periodId),
    ne(evaluations.state, "draft"),
    inScope(access, { staffId: evaluations.agentStaffId }),
  );

async function evaluationChunk(db: Database, periodId: string, access: Access, afterId: number) {
  return db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      interactionAt: evaluations.interactionAt,
      channel: evaluations.channel,
      nip: staff.nip,
      agent: staff.fullName,
      assessor: users.displayName,
      hardskill: evaluations.hardskill,
      softskill: evaluations.softskill,
      kedisiplinan: evaluations.kedisiplinan,
      cphActual: evaluations.cphActual,
      cphScore: evaluations.cphScore,
      total: evaluations.total,
      criticalFailed: evaluations.criticalFailed,
      state: evaluations.state,
    })
    .from(evaluations)
    .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(and(countedIn(periodId, access), gt(evaluations.id, afterId)))
    .orderBy(asc(evaluations.id))
    .limit(EVALUATIONS_PER_CHUNK);
}
type EvaluationRow = Awaited<ReturnType<typeof evaluationChunk>>[number];

const EVALUATION_COLUMNS: readonly Column<EvaluationRow>[] = [
  { header: "ID", width: 8, kind: "integer", value: (e) => e.id },
  { header: "Jenis", width: 18, kind: "text", value: (e) => KIND_LABELS[e.kind] ?? e.kind },
  { header: "Waktu Interaksi (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.interactionAt) },
  { header: "Saluran", width: 13, kind: "text", value: (e) => channelOf(e.channel) },
  { header: "NIP Petugas", width: 21, kind: "nip", value: (e) => e.nip },
  { header: "Nama Petugas", width: 30, kind: "text", value: (e) => e.agent },
  { header: "Penilai", width: 26, kind: "text", value: (e) => e.assessor },
  { header: "Hardskill", width: 11, kind: "score", value: (e) => e.hardskill },
  { header: "Softskill", width: 11, kind: "score", value: (e) => e.softskill },
  { header: "Kedisiplinan", width: 13, kind: "score", value: (e) => e.kedisiplinan },
  { header: "CPH", width: 9, kind: "score", value: (e) => e.cphActual },
  { header: "Skor CPH", width: 10, kind: "score", value: (e) => e.cphScore },
  { header: "Total", width: 9, kind: "score", value: (e) => e.total },
  { header: "Butir Kritis Gagal", width: 12, kind: "text", value: (e) => yesNo(e.criticalFailed) },
  { header: "Status", width: 14, kind: "text", value: (e) => STATE_LABELS[e.state] ?? e.state },
];

type Chunk<Row> = { rows: Row[]; lastId: number | null; done: boolean };

/**
 * The chunks of a keyset read, each asked for while the one before is being written. A read that fails
 * after the writing stopped (the download was cancelled) is not left unhandled.
 */
async function* prefetched<Row>(read: (afterId: number) => Promise<Chunk<Row>>): AsyncGenerator<Row[]> {
  let next = read(0);
  for (;;) {
    const chunk = await next;
    const more = !chunk.done && chunk.lastId !== null;
    if (more) {
      next = read(chunk.lastId ?? 0);
      next.catch(() => {});
    }
    yield chunk.rows;
    if (!more) return;
  }
}

/** Writes "Evaluasi"; returns how many evaluations it holds. */
export async function writeEvaluationSheet(
  book: Book,
  db: Database,
  periodId: string,
  access: Access,
): Promise<number> {
  const table = new TableSheet(book, "Evaluasi", EVALUATION_COLUMNS);
  const read = async (afterId: number) => {
    const rows = await evaluationChunk(db, periodId, access, afterId);
    return { rows, lastId: rows.at(-1)?.id ?? null, done: rows.length < EVALUATIONS_PER_CHUNK };
  };
  for await (const rows of prefetched(read)) {
    await table.addAll(rows);
  }
  return table.close();
}

/** Items and agents, read once: a chunk of scores then carries ids, not the same texts thousands of times. */
async function itemLookups(db: Database, periodId: string, access: Access) {
  const [items, agents] = await Promise.all([
    itemsById(db),
    db
      .select({ id: staff.id, nip: staff.nip })
      .from(staff)
      .where(
        inArray(
          staff.id,
          db.select({ id: evaluations.agentStaffId }).from(evaluations).where(countedIn(periodId, access)),
        ),
      ),
  ]);
  return { items, nips: new Map(agents.map((a) => [a.id, a.nip])) };
}

async function itemsById(db: Database) {
  const items = await db
    .select({
      id: scorecardItems.id,
      code: scorecardItems.code,
      text: scorecardItems.text,
      clause: scorecardItems.clause,
      section: scorecardItems.section,
      scale: scorecardItems.scale,
      position: scorecardItems.position,
    })
    .from(scorecardItems);
  return new Map(items.map((i) => [i.id, i]));
}
type Lookups = Awaited<ReturnType<typeof itemLookups>>;

/**
 * One item score as the database hands it back: the rows are read raw (db.execute), not mapped by drizzle
 * into objects of their own, and the item's texts and the agent's NIP are looked up as the cells are written.
 */
type ScoreRow = {
  evaluation_id: number;
  agent_staff_id: number;
  item_id: number;
  value: number | null;
  comment: string;
};

async function itemChunk(db: Database, periodId: string, access: Access, afterId: number, lookups: Lookups) {
  const ids = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(countedIn(periodId, access), gt(evaluations.id, afterId)))
    .orderBy(asc(evaluations.id))
    .limit(SCORED_EVALUATIONS_PER_CHUNK);
  const first = ids[0]?.id;
  const last = ids.at(-1)?.id;
  if (first === undefined || last === undefined) return { lastId: null, done: true, rows: [] };
  const scores = rowsOf<ScoreRow>(
    await db.execute(
      db
        // Named as the raw rows come back: by the columns' own names.
        .select({
          evaluation_id: evaluationScores.evaluationId,
          agent_staff_id: evaluations.agentStaffId,
          item_id: evaluationScores.itemId,
          value: evaluationScores.value,
          comment: evaluationScores.comment,
        })
        .from(evaluationScores)
        .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
        .innerJoin(scorecardItems, eq(scorecardItems.id, evaluationScores.itemId))
        .where(and(countedIn(periodId, access), gte(evaluations.id, first), lte(evaluations.id, last)))
        // The evaluation's order, then the template's order of items.
        .orderBy(asc(evaluationScores.evaluationId), asc(scorecardItems.position), asc(evaluationScores.itemId)),
    ),
  );
  // An item or agent new since the lookups were read (a template published, an evaluation submitted during
  // the export): read them again rather than leave a row out.
  if (scores.some((s) => !lookups.items.has(s.item_id) || !lookups.nips.has(s.agent_staff_id))) {
    Object.assign(lookups, await itemLookups(db, periodId, access));
  }
  return { lastId: last, done: ids.length < SCORED_EVALUATIONS_PER_CHUNK, rows: scores };
}

/** 1–5 as the number, Ya/Tidak as words, N/A for an item the template allowed to skip. */
function itemValue(value: number | null, scale: string): string | number {
  if (value === null) return "N/A";
  return scale === "ya_tidak" ? yesNo(value === 1) : value;
}

function itemColumns(lookups: Lookups): readonly Column<ScoreRow>[] {
  const item = (r: ScoreRow) => {
    const found = lookups.items.get(r.item_id);
    if (!found) throw new Error(`item ${r.item_id} of evaluation ${r.evaluation_id} not found`);
    return found;
  };
  return [
    { header: "ID Evaluasi", width: 11, kind: "integer", value: (r) => r.evaluation_id },
    { header: "NIP Petugas", width: 21, kind: "nip", value: (r) => lookups.nips.get(r.agent_staff_id) ?? "" },
    { header: "Kode Butir", width: 10, kind: "text", value: (r) => item(r).code },
    { header: "Butir", width: 60, kind: "text", value: (r) => item(r).text },
    // Every item traceable to the regulation (templates cannot be published without it).
    { header: "Dasar (KEP-165/BC/2014)", width: 16, kind: "text", value: (r) => item(r).clause || null },
    {
      header: "Bagian",
      width: 13,
      kind: "text",
      value: (r) => SECTION_LABELS[item(r).section as Section] ?? item(r).section,
    },
    { header: "Nilai", width: 8, kind: "integer", value: (r) => itemValue(r.value, item(r).scale) },
    {
      header: "Skor Butir (0–100)",
      width: 12,
      kind: "score",
      value: (r) => (r.value === null ? null : itemScore(item(r).scale as Scale, r.value)),
    },
    { header: "Komentar", width: 50, kind: "wrap", value: (r) => r.comment },
  ];
}

/** Writes "Rincian Item"; returns how many item scores it holds. */
export async function writeItemSheet(book: Book, db: Database, periodId: string, access: Access): Promise<number> {
  const lookups = await itemLookups(db, periodId, access);
  const table = new TableSheet(book, "Rincian Item", itemColumns(lookups));
  for await (const rows of prefetched((afterId) => itemChunk(db, periodId, access, afterId, lookups))) {
    await table.addAll(rows);
  }
  return table.close();
}
