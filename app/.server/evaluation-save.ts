// Saving an interaction evaluation as a draft or submitting it, the one transaction that writes an evaluation
// or period review with its scores, and deleting a draft. The workflow after submission (acknowledge, dispute,
// settle) is in evaluation-workflow.ts; the period review in period-reviews.ts.
import { and, eq, sql } from "drizzle-orm";
import { periodOf } from "../../analytics/period";
import { evaluatedRole } from "../../analytics/population";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import { evaluationRevisions, evaluationScores, evaluations, staff, teams } from "../../db/schema";
import type { RevisionSnapshot } from "../../db/schema/evaluations";
import { type Actor, recordAudit } from "./audit";
import { type Database, prepared } from "./db";
import { InvalidInput, notFound, UserFacingError } from "./errors";
import { DRAFT_NOT_FOUND } from "./evaluation-queries";
import {
  computeScores,
  readScores,
  type ScoreInput,
  type SentScores,
  scoreProblems,
  snapshot,
} from "./evaluation-scores";
import { interactionTimeProblem } from "./interaction-time";
import { mailEvaluationSubmitted } from "./mail/events";
import { assertPeriodOpen } from "./periods";
import type { Access } from "./scope";
import {
  type FrozenVersion,
  frozenVersion,
  type LoadedVersion,
  publishedVersionForTeam,
  type VersionItem,
} from "./scorecards";

/** An interaction evaluation as its form sends it, parsed (evaluation-forms.ts). */
export type InteractionInput = {
  agentId: number;
  channel: string;
  interactionRef: string;
  interactionAt: Date;
  note: string;
  scores: SentScores;
};

export type SaveResult = { id: number; state: string };

const STALE_DELETE =
  "Draf ini telah diubah atau dikirim dari jendela lain sejak Anda membukanya, jadi belum dihapus. Muat ulang halaman untuk melihat isinya yang terbaru, lalu hapus lagi bila memang perlu.";

export const STALE_EVALUATION =
  "Evaluasi ini telah diubah atau dikirim dari jendela lain sejak Anda membukanya. Isian Anda belum disimpan: muat ulang halaman, lalu ulangi perubahan Anda.";

/** The agent being evaluated, checked: exists, active, not the assessor, and evaluated by the QA team. */
export async function agentForEvaluation(db: Database, assessor: Access, agentId: number) {
  const query = prepared(db, "agent", (d) =>
    d
      .select({ agent: staff, teamCode: teams.code })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .where(eq(staff.id, sql.placeholder("id")))
      .prepare("agent"),
  );
  const [found] = await query.execute({ id: agentId });
  if (!found) throw new UserFacingError("Petugas tidak ditemukan. Pilih petugas dari daftar.", "agentId");
  const { agent, teamCode } = found;
  if (assessor.staffId === agent.id) throw new UserFacingError("Anda tidak dapat menilai diri sendiri.", "agentId");
  if (!agent.active) {
    throw new UserFacingError(`${agent.fullName} berstatus nonaktif: hanya petugas aktif yang dinilai.`, "agentId");
  }
  if (!evaluatedRole(teamCode, agent.position)) {
    throw new UserFacingError(
      `${agent.fullName} bukan petugas yang dinilai Tim Penjamin Kualitas (hanya petugas layanan dan ketua tim dari Tim Layanan Informasi dan Pengaduan serta Tim Manajemen Layanan).`,
      "agentId",
    );
  }
  return agent;
}

async function versionForAgent(db: Database, teamId: number): Promise<LoadedVersion> {
  const version = await publishedVersionForTeam(db, teamId);
  if (!version) {
    throw new UserFacingError(
      "Tim petugas ini belum memiliki template penilaian yang terbit. Minta Koordinator Penjamin Kualitas menerbitkannya.",
      "agentId",
    );
  }
  return version;
}

/**
 * Saves an interaction evaluation (new when `existing` is undefined): as a draft, or submitted when
 * `submit` is true (then every item must be scored). One transaction; refuses a stale edit.
 */
export async function saveInteraction(
  db: Database,
  actor: Actor & { id: number },
  assessor: Access,
  input: InteractionInput,
  options: { submit: boolean; existing?: { id: number; lockVersion: number } },
  now = new Date(),
): Promise<SaveResult> {
  const current = options.existing ? await ownEvaluation(db, actor, options.existing.id) : null;
  const agent = await agentForEvaluation(db, assessor, input.agentId);
  const timeProblem = await interactionTimeProblem(db, agent, input.interactionAt, now);
  if (timeProblem) throw new UserFacingError(timeProblem, "interactionAt");
  const periodId = periodOf(input.interactionAt).id;
  await assertPeriodOpen(db, periodId);

  // A draft keeps the version it was started with, unless the agent moved to another team's template.
  const kept = current ? await frozenVersion(db, current.versionId) : null;
  const version: FrozenVersion = kept?.teamId === agent.teamId ? kept : await versionForAgent(db, agent.teamId);
  const items = version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  const scores = readScores(input.scores, items);
  // A garbled value says so, rather than "not scored".
  const errors = { ...scoreProblems(items, scores, options.submit), ...scores.errors };
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const computed = computeScores(version, INTERACTION_SECTIONS, scores.values);

  const fields = {
    kind: "interaction",
    versionId: version.id,
    agentStaffId: agent.id,
    assessorUserId: actor.id,
    periodId,
    channel: input.channel,
    interactionRef: input.interactionRef,
    interactionAt: input.interactionAt,
    note: input.note,
    ...computed,
    updatedAt: now,
    ...(options.submit ? { state: "submitted", submittedAt: now, revision: 1 } : {}),
  };

  return writeEvaluation(db, actor, {
    fields,
    existing: options.existing,
    items,
    input: scores,
    submit: options.submit,
    snapshot: snapshot(items, scores, computed, input.note),
    audit: { entity: "evaluation", after: { periodId, agentStaffId: agent.id, total: computed.total } },
    now,
  });
}

/**
 * Writes an evaluation or period review and its item scores in one transaction: a new one, or the author's
 * draft (refused when someone saved it since `existing.lockVersion`). A submission also records revision 1.
 */
export async function writeEvaluation(
  db: Database,
  actor: Actor & { id: number },
  args: {
    fields: typeof evaluations.$inferInsert;
    existing?: { id: number; lockVersion: number };
    items: readonly VersionItem[];
    input: ScoreInput;
    submit: boolean;
    snapshot: RevisionSnapshot;
    audit: { entity: string; after: Record<string, unknown> };
    now: Date;
  },
): Promise<SaveResult> {
  const { fields, existing, items, input, submit, now } = args;
  return db.transaction(async (tx) => {
    let id: number;
    if (existing) {
      const [updated] = await tx
        .update(evaluations)
        .set({ ...fields, lockVersion: existing.lockVersion + 1 })
        .where(
          and(
            eq(evaluations.id, existing.id),
            eq(evaluations.lockVersion, existing.lockVersion),
            eq(evaluations.state, "draft"),
            eq(evaluations.assessorUserId, actor.id),
          ),
        )
        .returning({ id: evaluations.id });
      if (!updated) throw new UserFacingError(STALE_EVALUATION);
      id = updated.id;
    } else {
      const [created] = await tx.insert(evaluations).values(fields).returning({ id: evaluations.id });
      if (!created) throw new Error("insert returned nothing");
      id = created.id;
    }
    const rows = items
      .filter((i) => input.values.get(i.id) !== undefined || (input.comments.get(i.id) ?? "") !== "")
      .map((i) => ({
        evaluationId: id,
        itemId: i.id,
        value: input.values.get(i.id) ?? null,
        comment: input.comments.get(i.id) ?? "",
      }));
    const state = submit ? "submitted" : "draft";
    // Sent together: the transaction has one connection, which runs them in this order (the old scores go
    // before the new ones) in one round trip; the first to fail aborts the transaction.
    await Promise.all([
      existing ? tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, id)) : null,
      rows.length > 0 ? tx.insert(evaluationScores).values(rows) : null,
      submit
        ? tx.insert(evaluationRevisions).values({
            evaluationId: id,
            revision: 1,
            reason: "submitted",
            snapshot: args.snapshot,
            changedBy: actor.id,
            changedAt: now,
          })
        : null,
      recordAudit(tx, actor, {
        action: submit ? "submit" : existing ? "update" : "create",
        entity: args.audit.entity,
        entityId: id,
        after: { state, ...args.audit.after },
      }),
    ]);
    // The agent's mail, in this transaction: a submission that fails queues nothing.
    if (submit) await mailEvaluationSubmitted(tx, id, now);
    return { id, state };
  });
}

/**
 * An evaluation of the actor's, in whatever state. Anyone else's is answered with "not found" (404) rather
 * than "changed meanwhile", so that another assessor cannot even learn that a draft exists; the attempt is
 * recorded as a denied access.
 */
async function ownEvaluation(db: Database, actor: Actor & { id: number }, id: number) {
  if (!Number.isSafeInteger(id)) notFound(DRAFT_NOT_FOUND);
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) notFound(DRAFT_NOT_FOUND);
  if (row.assessorUserId !== actor.id) {
    await recordAudit(db, actor, {
      action: "access_denied",
      entity: "evaluation",
      entityId: id,
      after: { write: true },
    });
    notFound(DRAFT_NOT_FOUND);
  }
  return row;
}

/** The assessor deletes their own draft (nothing submitted is ever deleted). */
export async function deleteDraft(db: Database, actor: Actor & { id: number }, id: number, lockVersion: number) {
  if (!Number.isSafeInteger(id)) notFound(DRAFT_NOT_FOUND);
  const deleted = await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(evaluations)
      .where(
        and(
          eq(evaluations.id, id),
          eq(evaluations.state, "draft"),
          eq(evaluations.assessorUserId, actor.id),
          eq(evaluations.lockVersion, lockVersion),
        ),
      )
      .returning({ id: evaluations.id, agentStaffId: evaluations.agentStaffId, periodId: evaluations.periodId });
    if (gone)
      await recordAudit(tx, actor, { action: "delete_draft", entity: "evaluation", entityId: id, before: gone });
    return gone !== undefined;
  });
  if (!deleted) {
    await ownEvaluation(db, actor, id);
    throw new UserFacingError(STALE_DELETE);
  }
}
