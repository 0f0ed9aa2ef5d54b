// The period review: once per agent per period, the kedisiplinan section and the agent's CPH. Until call
// statistics are imported, the assessor enters CPH with its source; the score follows the channel's target.
import { aliasedTable, and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { importedReviewCph, type PeriodCph } from "../../analytics/cph";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { cphScore, type ItemSection } from "../../analytics/scoring";
import { evaluationScores, evaluations, staff, users } from "../../db/schema";
import type { Actor } from "./audit";
import { importedCph } from "./cph";
import type { Database } from "./db";
import { InvalidInput, UserFacingError } from "./errors";
import {
  agentForEvaluation,
  assertPeriodOpen,
  computeScores,
  evaluableAgents,
  readScores,
  scoreProblems,
  snapshot,
  type Viewer,
  writeEvaluation,
} from "./evaluations";
import { submitForm } from "./forms";
import { loadVersion, publishedVersionForTeam } from "./scorecards";
import { cphTarget, type Settings } from "./settings";

const REVIEW_SECTIONS: readonly ItemSection[] = ["kedisiplinan"];
const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

const optionalDecimal = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = (value ?? "").trim().replace(",", ".");
    if (!text) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0 || n > 200) {
      ctx.addIssue({ code: "custom", message: "Isi CPH sebagai angka 0–200, misalnya 8,5." });
      return z.NEVER;
    }
    return n;
  });

export const periodReviewInput = z.object({
  agentId: z.coerce.number({ error: "Pilih petugas." }).int().positive({ error: "Pilih petugas." }),
  periodId: z.string().refine((id) => /^\d{4}-(0[1-9]|1[0-2])$/.test(id), { error: "Pilih periode." }),
  cphActual: optionalDecimal,
  cphChannel: z.enum(CHANNEL_CODES, { error: "Pilih saluran untuk target CPH." }).catch("telepon"),
  cphSourceNote: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 500)),
  // When statistics were imported: keep their CPH, or override it with a written reason.
  cphOverride: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  cphOverrideReason: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 2000)),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= 8000, { error: "Catatan paling panjang 8.000 karakter." }),
  intent: z.enum(["draft", "submit"]).catch("draft"),
  lockVersion: z.coerce.number().int().optional(),
});

export type PeriodReviewInput = z.output<typeof periodReviewInput>;

/** Saves a period review as a draft or submits it; one per agent per period. */
export async function savePeriodReview(
  db: Database,
  actor: Actor & { id: number },
  assessor: Viewer,
  settings: Settings,
  input: PeriodReviewInput,
  form: FormData,
  now = new Date(),
): Promise<{ id: number; state: string }> {
  const submit = input.intent === "submit";
  const period = periodFromId(input.periodId);
  if (period.start > now)
    throw new UserFacingError("Periode itu belum dimulai; pilih periode berjalan atau sebelumnya.", "periodId");
  await assertPeriodOpen(db, period.id);
  const agent = await agentForEvaluation(db, assessor, input.agentId);

  const [existing] = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.kind, "period_review"),
        eq(evaluations.agentStaffId, agent.id),
        eq(evaluations.periodId, period.id),
      ),
    );
  // The only review of the period that can still be saved over is the assessor's own draft.
  if (existing && (existing.state !== "draft" || existing.assessorUserId !== actor.id)) {
    const by = existing.assessorUserId === actor.id ? "Anda" : "penilai lain";
    throw new UserFacingError(
      `Penilaian periode ${agent.fullName} untuk ${period.label} sudah ada (#${existing.id}, oleh ${by}).`,
      "agentId",
    );
  }

  const version = existing
    ? await loadVersion(db, existing.versionId)
    : await publishedVersionForTeam(db, agent.teamId);
  if (!version) throw new UserFacingError("Tim petugas ini belum memiliki template penilaian yang terbit.", "agentId");
  const items = version.items.filter((i) => REVIEW_SECTIONS.includes(i.section));
  const scores = readScores(form, items);
  const errors: Record<string, string> = { ...scoreProblems(items, scores, submit), ...scores.errors };
  const usesCph = version.weights.cph > 0;
  const imported = usesCph ? await importedCph(db, agent.id, period.id, settings) : null;
  const cph = resolveCph(input, usesCph, imported, settings, submit, errors);
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const computed = computeScores(version, REVIEW_SECTIONS, scores.values);
  const fields = {
    kind: "period_review",
    versionId: version.id,
    agentStaffId: agent.id,
    assessorUserId: actor.id,
    periodId: period.id,
    channel: usesCph && cph.cphSource !== "import" ? input.cphChannel : null,
    note: input.note,
    ...computed,
    total: computed.kedisiplinan,
    ...cph,
    updatedAt: now,
    ...(submit ? { state: "submitted", submittedAt: now, revision: 1 } : {}),
  };

  return writeEvaluation(db, actor, {
    fields,
    existing: existing ? { id: existing.id, lockVersion: input.lockVersion ?? -1 } : undefined,
    items,
    input: scores,
    submit,
    snapshot: {
      ...snapshot(items, scores, { ...computed, total: computed.kedisiplinan }, input.note),
      cph: { actual: cph.cphActual, target: cph.cphTarget, score: cph.cphScore, source: cph.cphSource },
    },
    audit: {
      entity: "period_review",
      after: {
        periodId: period.id,
        agentStaffId: agent.id,
        kedisiplinan: computed.kedisiplinan,
        cph: cph.cphActual,
        cphSourceNote: cph.cphSourceNote,
      },
    },
    now,
  });
}

const agentStaff = aliasedTable(staff, "agent");

/** For a period: every evaluable agent with their review (if any) and its state. */
export async function reviewBoard(db: Database, viewer: Viewer, periodId: string) {
  const agents = await evaluableAgents(db, viewer.staffId);
  const reviews = await db
    .select({
      id: evaluations.id,
      agentStaffId: evaluations.agentStaffId,
      state: evaluations.state,
      kedisiplinan: evaluations.kedisiplinan,
      cphScore: evaluations.cphScore,
      assessorId: evaluations.assessorUserId,
      assessorName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .where(
      and(
        eq(evaluations.kind, "period_review"),
        eq(evaluations.periodId, periodId),
        inArray(
          evaluations.agentStaffId,
          agents.map((a) => a.id),
        ),
      ),
    )
    .orderBy(asc(evaluations.id));
  const byAgent = new Map(reviews.map((r) => [r.agentStaffId, r]));
  return agents.map((a) => {
    const review = byAgent.get(a.id);
    // Someone else's draft is theirs alone: show only that a review is being written.
    const visible = review && (review.state !== "draft" || review.assessorId === viewer.id) ? review : null;
    return { ...a, review: visible, takenBy: review && !visible ? review.assessorName : null };
  });
}

/** The review of an agent in a period, with its scores, or null. */
export async function findPeriodReview(db: Database, agentId: number, periodId: string) {
  const [row] = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.kind, "period_review"),
        eq(evaluations.agentStaffId, agentId),
        eq(evaluations.periodId, periodId),
      ),
    );
  if (!row) return null;
  const scores = await db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, row.id));
  return { ...row, scores: Object.fromEntries(scores.map((s) => [s.itemId, { value: s.value, comment: s.comment }])) };
}

export function savePeriodReviewForm(
  db: Database,
  actor: Actor & { id: number },
  assessor: Viewer,
  settings: Settings,
  form: FormData,
) {
  return submitForm(periodReviewInput, form, (input) => savePeriodReview(db, actor, assessor, settings, input, form));
}

type CphFields = {
  cphActual: number | null;
  cphTarget: number | null;
  cphScore: number | null;
  cphSource: string | null;
  cphSourceNote: string | null;
  cphImported: number | null;
  cphOverrideReason: string | null;
};

/**
 * Where the review's CPH comes from. Imported statistics win; the assessor may override them only with a
 * written reason (kept, with the imported figure). Without statistics the assessor types CPH and its source.
 */
function resolveCph(
  input: PeriodReviewInput,
  usesCph: boolean,
  imported: PeriodCph | null,
  settings: Settings,
  submit: boolean,
  errors: Record<string, string>,
): CphFields {
  const none = {
    cphActual: null,
    cphTarget: null,
    cphScore: null,
    cphSource: null,
    cphSourceNote: null,
    cphImported: null,
    cphOverrideReason: null,
  };
  if (!usesCph) return none;
  if (imported && !input.cphOverride) return { ...none, ...importedReviewCph(imported) };
  if (imported && input.cphOverride && input.cphOverrideReason.length < 10) {
    errors.cphOverrideReason = "Tuliskan alasan mengganti CPH hasil impor (minimal 10 karakter); alasan ini disimpan.";
  }
  if (input.cphActual !== null && !imported && input.cphSourceNote.length < 3) {
    errors.cphSourceNote = "Sebutkan sumber angka CPH, misalnya laporan aplikasi telepon periode ini.";
  }
  if ((submit || input.cphOverride) && input.cphActual === null) {
    errors.cphActual = "Isi CPH periode ini (panggilan ditangani ÷ jam login) sebelum mengirim.";
  }
  const target = cphTarget(settings, input.cphChannel);
  return {
    cphActual: input.cphActual,
    cphTarget: target,
    cphScore: cphScore(input.cphActual, target),
    cphSource: input.cphActual === null ? null : imported ? "override" : "manual",
    cphSourceNote: imported ? "Diganti penilai" : input.cphSourceNote || null,
    cphImported: imported?.cph ?? null,
    cphOverrideReason: imported ? input.cphOverrideReason : null,
  };
}
