// After submission: the agent acknowledges or disputes within the dispute window; the QA coordinator settles
// a dispute, upheld or adjusted. Every transition is guarded by the state it starts from (so two people
// acting at once cannot both succeed), is audited, and an adjustment is a new revision.
import { and, eq } from "drizzle-orm";
import { formatInstantWib } from "../../analytics/dates";
import { disputeDeadline } from "../../analytics/dispute-window";
import { periodFromId } from "../../analytics/period";
import { sectionsOf } from "../../analytics/scoring";
import { evaluationRevisions, evaluationScores, evaluations } from "../../db/schema";
import { can } from "../permissions";
import { valueField } from "../score-fields";
import { hiddenOrMissing } from "./access";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, notFound, UserFacingError } from "./errors";
import { getEvaluation } from "./evaluation-queries";
import { STALE_EVALUATION } from "./evaluation-save";
import { computeScores, readScores, type SentScores, scoreProblems } from "./evaluation-scores";
import { mailDisputeFiled, mailDisputeSettled } from "./mail/events";
import { reviewAdherence } from "./period-reviews";
import { assertPeriodOpen } from "./periods";
import { type Access, accessFor, reaches } from "./scope";
import { loadVersion, type VersionItem } from "./scorecards";
import type { Permitted } from "./session";

export { disputeDeadline };

async function loadForAgent(db: Database, agent: Access, id: number) {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  // Someone else's evaluation does not exist, as far as this agent can tell.
  if (!row || row.state === "draft" || !agent.staffId || row.agentStaffId !== agent.staffId) {
    throw new UserFacingError("Evaluasi ini tidak ditemukan.");
  }
  return row;
}

type Answerable = { state: string; submittedAt: Date | null };

/** Why the agent can no longer acknowledge or dispute `row` at `now`, in words; null while they can. */
function answerProblem(row: Answerable, windowDays: number, now: Date): string | null {
  if (row.state !== "submitted") {
    return row.state === "acknowledged"
      ? "Evaluasi ini sudah Anda konfirmasi."
      : row.state === "disputed"
        ? "Evaluasi ini sudah Anda sanggah dan sedang ditinjau koordinator."
        : "Evaluasi ini sudah final.";
  }
  const deadline = disputeDeadline(row.submittedAt ?? now, windowDays);
  if (now > deadline) {
    return `Masa sanggah berakhir ${formatInstantWib(deadline)}: evaluasi ini tidak dapat lagi dikonfirmasi atau disanggah.`;
  }
  return null;
}

/**
 * What `access` may do with an evaluation now: answer it (the agent it is about, inside the dispute window),
 * continue or send it (its author, while a draft), settle its dispute (the QA coordinator).
 */
function evaluationRights(
  e: Answerable & {
    agentStaffId: number;
    agentTeamId?: number | null;
    agentGroupName?: string | null;
    assessorUserId: number;
  },
  access: Access,
  windowDays: number,
  now = new Date(),
) {
  const deadline = e.submittedAt ? disputeDeadline(e.submittedAt, windowDays) : null;
  const isAgent = access.staffId !== null && access.staffId === e.agentStaffId;
  return {
    deadline,
    canRespond:
      isAgent &&
      can(access.roles, "respond:evaluation") &&
      deadline !== null &&
      deadline > now &&
      answerProblem(e, windowDays, now) === null,
    canEdit: e.state === "draft" && e.assessorUserId === access.userId,
    canSettle: e.state === "disputed" && can(access.roles, "settle:evaluation"),
    // Coaching from this evaluation (C.17.a), by whoever coaches the agent.
    canCoach: e.state !== "draft" && !isAgent && coaches(access, e),
  };
}

function coaches(
  access: Access,
  e: { agentStaffId: number; agentTeamId?: number | null; agentGroupName?: string | null },
) {
  const manage = accessFor(access, "manage:coaching");
  const agent = { staffId: e.agentStaffId, teamId: e.agentTeamId ?? null, groupName: e.agentGroupName ?? null };
  return manage !== null && reaches(manage, agent);
}

const EVALUATION_NOT_FOUND = "Evaluasi ini tidak ditemukan, atau tidak termasuk wewenang Anda.";

/** An evaluation's page: the evaluation within the reader's scope (else 404), and what they may do with it. */
export async function evaluationPage(auth: Permitted, request: Request, id: number) {
  const { db, settings } = auth.env;
  const evaluation = await getEvaluation(db, id, auth.access);
  if (!evaluation) return hiddenOrMissing(auth, request, { entity: "evaluation", id }, EVALUATION_NOT_FOUND);
  return {
    evaluation,
    ...evaluationRights(evaluation, auth.access, settings["evaluation.disputeWindowDays"]),
    // A period review shows the adherence evidence its kedisiplinan scores were given beside.
    adherence:
      evaluation.kind === "period_review"
        ? await reviewAdherence(db, settings, evaluation.agentStaffId, periodFromId(evaluation.periodId))
        : null,
  };
}

/** A disputed evaluation for its settlement page; anything else is 404. */
export async function openDispute(db: Database, access: Access, id: number) {
  const e = await getEvaluation(db, id, access);
  if (e?.state !== "disputed") notFound("Tidak ada sanggahan terbuka untuk evaluasi ini.");
  const sections = sectionsOf(e.kind);
  return { ...e, sections, items: e.version.items.filter((i) => sections.includes(i.section)) };
}

/** The agent's answer to a submitted evaluation, guarded by its state so two answers cannot both land. */
async function answer(
  db: Database,
  actor: Actor,
  agent: Access,
  id: number,
  windowDays: number,
  now: Date,
  change:
    | { state: "acknowledged"; acknowledgedAt: Date }
    | { state: "disputed"; disputedAt: Date; disputeReason: string },
) {
  const row = await loadForAgent(db, agent, id);
  const problem = answerProblem(row, windowDays, now);
  if (problem) throw new UserFacingError(problem);
  await assertPeriodOpen(db, row.periodId);
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(evaluations)
      .set({ ...change, updatedAt: now, lockVersion: row.lockVersion + 1 })
      .where(and(eq(evaluations.id, id), eq(evaluations.state, "submitted")))
      .returning({ id: evaluations.id });
    if (!done) throw new UserFacingError(STALE_EVALUATION);
    const after =
      change.state === "disputed" ? { state: change.state, reason: change.disputeReason } : { state: change.state };
    await recordAudit(tx, actor, {
      action: change.state === "disputed" ? "dispute" : "acknowledge",
      entity: "evaluation",
      entityId: id,
      after,
    });
    if (change.state === "disputed") await mailDisputeFiled(tx, id, now);
  });
}

export function acknowledgeEvaluation(
  db: Database,
  actor: Actor,
  agent: Access,
  id: number,
  windowDays: number,
  now = new Date(),
) {
  return answer(db, actor, agent, id, windowDays, now, { state: "acknowledged", acknowledgedAt: now });
}

const DISPUTE_REASON_MIN = 10;

export async function disputeEvaluation(
  db: Database,
  actor: Actor,
  agent: Access,
  id: number,
  reason: string,
  windowDays: number,
  now = new Date(),
) {
  const text = reason.trim();
  if (text.length < DISPUTE_REASON_MIN) {
    throw new UserFacingError(
      `Tuliskan alasan sanggahan paling sedikit ${DISPUTE_REASON_MIN} karakter: butir mana yang Anda sanggah dan mengapa.`,
      "reason",
    );
  }
  if (text.length > 4000) throw new UserFacingError("Alasan sanggahan paling panjang 4.000 karakter.", "reason");
  await answer(db, actor, agent, id, windowDays, now, { state: "disputed", disputedAt: now, disputeReason: text });
}

export type Settlement = { outcome: "upheld" | "adjusted"; note: string; lockVersion: number; scores: SentScores };

/**
 * The QA coordinator settles a dispute. Upheld: the scores stand. Adjusted: the new scores (every item scored)
 * become revision n + 1; the earlier revisions stay in the history. Either way the evaluation becomes final.
 */
export async function settleDispute(
  db: Database,
  actor: Actor & { id: number },
  id: number,
  settlement: Settlement,
  now = new Date(),
): Promise<void> {
  const note = settlement.note.trim();
  if (note.length < 5) throw new UserFacingError("Tuliskan catatan penyelesaian untuk petugas dan penilai.", "note");
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw new UserFacingError("Evaluasi ini tidak ditemukan.");
  if (row.state !== "disputed") throw new UserFacingError("Hanya evaluasi yang disanggah yang dapat diselesaikan.");
  if (row.lockVersion !== settlement.lockVersion) throw new UserFacingError(STALE_EVALUATION);
  await assertPeriodOpen(db, row.periodId);
  const version = await loadVersion(db, row.versionId);
  if (!version) throw new Error(`version ${row.versionId} missing`);

  const sections = sectionsOf(row.kind);
  const items = version.items.filter((i) => sections.includes(i.section));
  let adjusted: { computed: ReturnType<typeof computeScores>; input: ReturnType<typeof readScores> } | null = null;
  if (settlement.outcome === "upheld") await refuseUpheldWithEdits(db, id, items, settlement.scores);
  if (settlement.outcome === "adjusted") {
    const input = readScores(settlement.scores, items);
    const errors = { ...scoreProblems(items, input, true), ...input.errors };
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    adjusted = { input, computed: computeScores(version, sections, input.values) };
  }

  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(evaluations)
      .set({
        state: "final",
        settledAt: now,
        settledBy: actor.id,
        settlement: settlement.outcome,
        settlementNote: note,
        updatedAt: now,
        lockVersion: row.lockVersion + 1,
        ...(adjusted ? { ...adjusted.computed, revision: row.revision + 1 } : {}),
      })
      .where(
        and(eq(evaluations.id, id), eq(evaluations.state, "disputed"), eq(evaluations.lockVersion, row.lockVersion)),
      )
      .returning({ id: evaluations.id });
    if (!done) throw new UserFacingError(STALE_EVALUATION);
    if (adjusted) {
      const { input, computed } = adjusted;
      await tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, id));
      await tx.insert(evaluationScores).values(
        items.map((i) => ({
          evaluationId: id,
          itemId: i.id,
          value: input.values.get(i.id) ?? null,
          comment: input.comments.get(i.id) ?? "",
        })),
      );
      await tx.insert(evaluationRevisions).values({
        evaluationId: id,
        revision: row.revision + 1,
        reason: "adjusted",
        note,
        changedBy: actor.id,
        changedAt: now,
        snapshot: {
          scores: items.map((i) => ({
            itemId: i.id,
            value: input.values.get(i.id) ?? null,
            comment: input.comments.get(i.id) ?? "",
          })),
          ...computed,
          note: row.note,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: settlement.outcome === "adjusted" ? "settle_adjusted" : "settle_upheld",
      entity: "evaluation",
      entityId: id,
      before: { state: "disputed", total: row.total, revision: row.revision },
      after: { state: "final", total: adjusted?.computed.total ?? row.total, note },
    });
    await mailDisputeSettled(tx, id, settlement.outcome, now);
  });
}

export const UPHELD_WITH_EDITS =
  'Anda mengubah nilai, tetapi memilih "Nilai tetap". Pilih "Nilai disesuaikan" agar nilai baru dipakai, atau kembalikan nilainya seperti semula. Belum ada yang disimpan.';

/**
 * "Upheld" keeps the scores as they are: a form that carries different scores or comments (a page without
 * scripts, where the scorecard stays editable) is refused rather than silently dropping what was typed.
 * A form without score fields (the page with scripts sends none while "Nilai tetap" is chosen) is fine.
 */
async function refuseUpheldWithEdits(db: Database, id: number, items: readonly VersionItem[], sent: SentScores) {
  const stored = new Map(
    (await db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, id))).map((s) => [s.itemId, s]),
  );
  const { values, comments, errors } = readScores(sent, items);
  const changed = items.some((item) => {
    const before = stored.get(item.id);
    const valueSent = sent.values.has(item.id);
    const commentSent = sent.comments.has(item.id);
    return (
      (valueSent && (errors[valueField(item.id)] || (values.get(item.id) ?? null) !== (before?.value ?? null))) ||
      (commentSent && (comments.get(item.id) ?? "") !== (before?.comment ?? ""))
    );
  });
  if (changed) throw new InvalidInput({ outcome: UPHELD_WITH_EDITS });
}
