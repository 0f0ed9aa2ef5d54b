// Interaction evaluations and period reviews: who may see which, and saving drafts and submissions.
// The workflow after submission (acknowledge, dispute, settle) is in evaluation-workflow.ts.
import { aliasedTable, and, asc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { parseWibDateTime } from "../../analytics/dates";
import { CHANNELS, type ChannelCode, type PositionCode, type TeamCode } from "../../analytics/organization";
import { periodFromId, periodOf, shiftPeriod } from "../../analytics/period";
import {
  INTERACTION_SECTIONS,
  type ItemSection,
  type ItemValue,
  itemValueProblem,
  scoreEvaluation,
} from "../../analytics/scoring";
import { evaluationRevisions, evaluationScores, evaluations, periods, staff, teams, users } from "../../db/schema";
import type { RevisionSnapshot } from "../../db/schema/evaluations";
import type { Scope } from "../permissions";
import { commentField, parseItemValue, valueField } from "../score-fields";
import { type Actor, recordAudit } from "./audit";
import { type Database, prepared } from "./db";
import { InvalidInput, notFound, UserFacingError } from "./errors";
import { interactionTimeProblem } from "./interaction-time";
import {
  type FrozenVersion,
  frozenVersion,
  type LoadedVersion,
  loadVersion,
  publishedVersionForTeam,
  type VersionItem,
} from "./scorecards";
import type { CurrentUser } from "./session";

export type Viewer = Pick<CurrentUser, "id" | "staffId" | "teamId">;

/**
 * The rows `scope` lets `viewer` see. A draft is its author's alone: not even the agent it is about, nor
 * their supervisor, sees an evaluation before it is submitted.
 */
export function evaluationScope(scope: Scope, viewer: Viewer): SQL | undefined {
  const notDraftOrMine = or(ne(evaluations.state, "draft"), eq(evaluations.assessorUserId, viewer.id));
  if (scope === "any") return notDraftOrMine;
  if (scope === "team") {
    if (!viewer.teamId) return sql`false`;
    return and(
      notDraftOrMine,
      inArray(evaluations.agentStaffId, sql`(select id from staff where team_id = ${viewer.teamId})`),
    );
  }
  return viewer.staffId
    ? and(ne(evaluations.state, "draft"), eq(evaluations.agentStaffId, viewer.staffId))
    : sql`false`;
}

export async function assertPeriodOpen(db: Database, periodId: string): Promise<void> {
  const query = prepared(db, "period", (d) =>
    d
      .select({ status: periods.status })
      .from(periods)
      .where(eq(periods.id, sql.placeholder("id")))
      .prepare("period"),
  );
  const [row] = await query.execute({ id: periodId });
  if (row?.status === "approved") {
    throw new UserFacingError(
      `${periodFromId(periodId).label} sudah disetujui Kepala Seksi dan dikunci: penilaian di dalamnya tidak dapat ditambah atau diubah tanpa membuka kembali periode itu.`,
    );
  }
}

// People the QA team evaluates (regulation C.17.e): the active agents and team leaders of the information-
// and-complaints team and of the service-management team. Coordinators lead; they are not scored on calls.
export const EVALUATED_TEAMS: TeamCode[] = ["layanan_informasi", "manajemen_layanan"];
export const EVALUATED_POSITIONS: PositionCode[] = ["petugas_layanan", "ketua_tim"];

/** Staff evaluated now (joined with teams): active, in an evaluated team and position. */
export const evaluatedNow = () =>
  and(eq(staff.active, true), inArray(teams.code, EVALUATED_TEAMS), inArray(staff.position, EVALUATED_POSITIONS));

export async function evaluableAgents(db: Database, exceptStaffId: number | null) {
  const rows = await db
    .select({
      id: staff.id,
      fullName: staff.fullName,
      teamId: staff.teamId,
      teamName: teams.name,
      position: staff.position,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(and(evaluatedNow(), exceptStaffId ? ne(staff.id, exceptStaffId) : undefined))
    .orderBy(asc(teams.id), asc(staff.fullName));
  return rows;
}

export type ScoreInput = { values: Map<number, ItemValue | undefined>; comments: Map<number, string> };

/** Reads the score fields of `items` from a form; garbled values are reported per field. */
export function readScores(
  form: FormData,
  items: readonly VersionItem[],
): ScoreInput & { errors: Record<string, string> } {
  const values = new Map<number, ItemValue | undefined>();
  const comments = new Map<number, string>();
  const errors: Record<string, string> = {};
  for (const item of items) {
    const parsed = parseItemValue(form.get(valueField(item.id)));
    if (parsed === "invalid") errors[valueField(item.id)] = "Nilai tidak dikenal. Pilih salah satu pilihan.";
    else values.set(item.id, parsed);
    const comment = String(form.get(commentField(item.id)) ?? "").trim();
    if (comment.length > 2000) errors[commentField(item.id)] = "Catatan paling panjang 2.000 karakter.";
    comments.set(item.id, comment.slice(0, 2000));
  }
  return { values, comments, errors };
}

/** Every item must be scored for a submission; a draft may leave items open but not hold impossible values. */
export function scoreProblems(
  items: readonly VersionItem[],
  input: ScoreInput,
  complete: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of items) {
    const value = input.values.get(item.id);
    if (value === undefined && !complete) continue;
    const problem = itemValueProblem(item, value);
    if (problem) errors[valueField(item.id)] = problem;
  }
  return errors;
}

export function snapshot(
  items: readonly VersionItem[],
  input: ScoreInput,
  computed: ReturnType<typeof computeScores>,
  note: string,
): RevisionSnapshot {
  return {
    scores: items.map((i) => ({
      itemId: i.id,
      value: input.values.get(i.id) ?? null,
      comment: input.comments.get(i.id) ?? "",
    })),
    hardskill: computed.hardskill,
    softskill: computed.softskill,
    kedisiplinan: computed.kedisiplinan,
    total: computed.total,
    criticalFailed: computed.criticalFailed,
    note,
  };
}

export function computeScores(
  version: Pick<FrozenVersion, "items" | "weights">,
  sections: readonly ItemSection[],
  values: Map<number, ItemValue | undefined>,
) {
  const known = new Map([...values].filter((e): e is [number, ItemValue] => e[1] !== undefined));
  const r = scoreEvaluation(version.items, known, version.weights, sections);
  return {
    hardskill: r.sections.hardskill ?? null,
    softskill: r.sections.softskill ?? null,
    kedisiplinan: r.sections.kedisiplinan ?? null,
    total: r.total,
    criticalFailed: r.criticalFailed,
  };
}

export type InteractionHeader = {
  agentId: number;
  channel: string;
  interactionRef: string;
  interactionAt: Date;
  note: string;
};

export type SaveResult = { id: number; state: string };

/** The agent being evaluated, checked: exists, active, not the assessor, and their team has a template. */
export async function agentForEvaluation(db: Database, assessor: Viewer, agentId: number) {
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
  if (
    !EVALUATED_TEAMS.includes(teamCode as TeamCode) ||
    !EVALUATED_POSITIONS.includes(agent.position as PositionCode)
  ) {
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
  assessor: Viewer,
  header: InteractionHeader,
  form: FormData,
  options: { submit: boolean; existing?: { id: number; lockVersion: number } },
  now = new Date(),
): Promise<SaveResult> {
  const current = options.existing ? await ownEvaluation(db, actor, options.existing.id) : null;
  const agent = await agentForEvaluation(db, assessor, header.agentId);
  const timeProblem = await interactionTimeProblem(db, agent, header.interactionAt, now);
  if (timeProblem) throw new UserFacingError(timeProblem, "interactionAt");
  const periodId = periodOf(header.interactionAt).id;
  await assertPeriodOpen(db, periodId);

  // A draft keeps the version it was started with, unless the agent moved to another team's template.
  const kept = current ? await frozenVersion(db, current.versionId) : null;
  const version: FrozenVersion = kept?.teamId === agent.teamId ? kept : await versionForAgent(db, agent.teamId);
  const items = version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  const input = readScores(form, items);
  // A garbled value says so, rather than "not scored".
  const errors = { ...scoreProblems(items, input, options.submit), ...input.errors };
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const computed = computeScores(version, INTERACTION_SECTIONS, input.values);

  const fields = {
    kind: "interaction",
    versionId: version.id,
    agentStaffId: agent.id,
    assessorUserId: actor.id,
    periodId,
    channel: header.channel,
    interactionRef: header.interactionRef,
    interactionAt: header.interactionAt,
    note: header.note,
    ...computed,
    updatedAt: now,
    ...(options.submit ? { state: "submitted", submittedAt: now, revision: 1 } : {}),
  };

  return writeEvaluation(db, actor, {
    fields,
    existing: options.existing,
    items,
    input,
    submit: options.submit,
    snapshot: snapshot(items, input, computed, header.note),
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
    return { id, state };
  });
}

export const STALE_DELETE =
  "Draf ini telah diubah atau dikirim dari jendela lain sejak Anda membukanya, jadi belum dihapus. Muat ulang halaman untuk melihat isinya yang terbaru, lalu hapus lagi bila memang perlu.";

export const STALE_EVALUATION =
  "Evaluasi ini telah diubah atau dikirim dari jendela lain sejak Anda membukanya. Isian Anda belum disimpan: muat ulang halaman, lalu ulangi perubahan Anda.";

const agentStaff = aliasedTable(staff, "agent");

/** One evaluation with everything its page shows, or null when it does not exist or is outside the scope. */
export async function getEvaluation(db: Database, id: number, scope: Scope, viewer: Viewer) {
  if (!Number.isInteger(id)) return null;
  const [row] = await db
    .select({
      evaluation: evaluations,
      agentName: agentStaff.fullName,
      agentTeamId: agentStaff.teamId,
      assessorName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(and(eq(evaluations.id, id), evaluationScope(scope, viewer)));
  if (!row) return null;
  const version = await loadVersion(db, row.evaluation.versionId);
  if (!version) return null;
  const scores = await db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, id));
  const changers = aliasedTable(users, "changer");
  const revisions = await db
    .select({
      revision: evaluationRevisions.revision,
      reason: evaluationRevisions.reason,
      note: evaluationRevisions.note,
      snapshot: evaluationRevisions.snapshot,
      changedAt: evaluationRevisions.changedAt,
      changedBy: changers.displayName,
    })
    .from(evaluationRevisions)
    .leftJoin(changers, eq(changers.id, evaluationRevisions.changedBy))
    .where(eq(evaluationRevisions.evaluationId, id))
    .orderBy(asc(evaluationRevisions.revision));
  const [settler] = row.evaluation.settledBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.evaluation.settledBy))
    : [];
  return {
    ...row.evaluation,
    agentName: row.agentName,
    agentTeamId: row.agentTeamId,
    assessorName: row.assessorName,
    settledByName: settler?.name ?? null,
    version,
    scores: Object.fromEntries(scores.map((s) => [s.itemId, { value: s.value, comment: s.comment }])) as Record<
      number,
      { value: number | null; comment: string }
    >,
    revisions,
  };
}

export type EvaluationDetail = NonNullable<Awaited<ReturnType<typeof getEvaluation>>>;

const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

export const interactionHeaderInput = z.object({
  agentId: z.coerce
    .number({ error: "Pilih petugas yang dinilai." })
    .int()
    .positive({ error: "Pilih petugas yang dinilai." }),
  channel: z.enum(CHANNEL_CODES, { error: "Pilih saluran komunikasi interaksi ini." }),
  interactionRef: z
    .string({ error: "Isi rujukan interaksi." })
    .trim()
    .min(1, { error: "Isi rujukan interaksi, misalnya nomor tiket, ID panggilan atau alamat surel." })
    .max(120, { error: "Rujukan interaksi paling panjang 120 karakter." }),
  interactionAt: z.string({ error: "Isi waktu interaksi (WIB)." }).transform((value, ctx) => {
    const at = parseWibDateTime(value);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "Isi waktu interaksi (WIB), misalnya 26/11/2026 14.30." });
      return z.NEVER;
    }
    return at;
  }),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= 8000, { error: "Catatan paling panjang 8.000 karakter." }),
  intent: z.enum(["draft", "submit"]).catch("draft"),
  lockVersion: z.coerce.number().int().optional(),
});

/** Whether `authorId`'s evaluation `id` has left draft (submitted, answered, settled). */
export async function sentBy(db: Database, id: number, authorId: number): Promise<boolean> {
  const [row] = await db
    .select({ state: evaluations.state })
    .from(evaluations)
    .where(and(eq(evaluations.id, id), eq(evaluations.assessorUserId, authorId)));
  return row !== undefined && row.state !== "draft";
}

/**
 * An evaluation of the actor's, in whatever state. Anyone else's is answered with "not found" (404) rather
 * than "changed meanwhile", so that another assessor cannot even learn that a draft exists; the attempt is
 * recorded as a denied access.
 */
export const DRAFT_NOT_FOUND = "Draf evaluasi ini tidak ditemukan, atau sudah dikirim.";

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

/** The periods a page offers (the current one and the `count − 1` before it), and the one asked for. */
export function periodChoice(asked: string | null, count = 12, now = new Date()) {
  const current = periodOf(now);
  const choices = Array.from({ length: count }, (_, i) => shiftPeriod(current.id, -i));
  const period = choices.find((p) => p.id === asked) ?? current;
  return { period, choices: choices.map((p) => ({ value: p.id, label: p.label })) };
}
