// The period review: once per agent per period, the kedisiplinan section and the agent's CPH. Until call
// statistics are imported, the assessor enters CPH with its source; the score follows the channel's target.
import { aliasedTable, and, asc, eq, inArray } from "drizzle-orm";
import { importedReviewCph, type PeriodCph } from "../../analytics/cph";
import type { ChannelCode } from "../../analytics/organization";
import { type Period, periodFromId } from "../../analytics/period";
import { cphScore, PERIOD_REVIEW_SECTIONS } from "../../analytics/scoring";
import { evaluationScores, evaluations, staff, users } from "../../db/schema";
import { breakAllowance, coveredRange, readAdherence } from "./adherence";
import type { Actor } from "./audit";
import { cphTargets, importedCph } from "./cph";
import type { Database } from "./db";
import { InvalidInput, notFound, UserFacingError } from "./errors";
import { agentForEvaluation, type SaveResult, writeEvaluation } from "./evaluation-save";
import { computeScores, readScores, type SentScores, scoreProblems, snapshot } from "./evaluation-scores";
import { assertPeriodOpen, isPeriodId, periodChoice } from "./periods";
import { evaluableAgents } from "./population";
import { type Access, SYSTEM_ACCESS } from "./scope";
import { loadVersion, publishedVersionForTeam } from "./scorecards";
import { cphTarget, type Settings } from "./settings";

/** A period review as its form sends it, parsed (period-review-forms.ts). */
export type PeriodReviewInput = {
  agentId: number;
  /** "YYYY-MM", a period that exists. */
  periodId: string;
  /** Calls handled per logged-in hour as typed (0–200), or null when not typed. */
  cphActual: number | null;
  /** The channel whose CPH target applies. */
  cphChannel: ChannelCode;
  cphSourceNote: string;
  /** Imported statistics are overridden by `cphActual`, for `cphOverrideReason`. */
  cphOverride: boolean;
  cphOverrideReason: string;
  note: string;
  submit: boolean;
  /** The draft's lock version as the form showed it; undefined for a new review. */
  lockVersion?: number;
  scores: SentScores;
};

/** Saves a period review as a draft or submits it; one per agent per period. */
export async function savePeriodReview(
  db: Database,
  actor: Actor & { id: number },
  assessor: Access,
  settings: Settings,
  input: PeriodReviewInput,
  now = new Date(),
): Promise<SaveResult> {
  const { submit } = input;
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
  const items = version.items.filter((i) => PERIOD_REVIEW_SECTIONS.includes(i.section));
  const scores = readScores(input.scores, items);
  const errors: Record<string, string> = { ...scoreProblems(items, scores, submit), ...scores.errors };
  const usesCph = version.weights.cph > 0;
  const imported = usesCph ? await importedCph(db, agent.id, period.id, settings) : null;
  const cph = resolveCph(input, usesCph, imported, settings, submit, errors);
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const computed = computeScores(version, PERIOD_REVIEW_SECTIONS, scores.values);
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

/** The periods the review board offers: the current one and the five before it. */
const BOARD_PERIODS = 6;

/**
 * The review board of the period `asked` (else the current one): every agent `assessor` may evaluate, with their
 * review (if any) and its state.
 */
export async function reviewBoard(db: Database, assessor: Access, asked: string | null) {
  const { period, choices } = periodChoice(asked, BOARD_PERIODS);
  const periodId = period.id;
  const agents = await evaluableAgents(db, assessor.staffId);
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
  const board = agents.map((a) => {
    const review = byAgent.get(a.id);
    // Someone else's draft is theirs alone: show only that a review is being written.
    const visible = review && (review.state !== "draft" || review.assessorId === assessor.userId) ? review : null;
    return { ...a, review: visible, takenBy: review && !visible ? review.assessorName : null };
  });
  return { period: { id: period.id, label: period.label }, choices, board };
}

/** The review of an agent in a period, with its scores, or null. */
async function findPeriodReview(db: Database, agentId: number, periodId: string) {
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

/**
 * The review form of `agentId` in `periodId` for `assessor`: their draft or a new review, its kedisiplinan items
 * and CPH targets. 404 for an agent they may not evaluate or a period that is not one; `sentId` when the review
 * was already submitted or is someone else's draft, to be shown instead.
 */
export async function periodReviewPage(
  db: Database,
  assessor: Access,
  settings: Settings,
  agentId: number,
  periodId: string,
) {
  const agent = (await evaluableAgents(db, assessor.staffId)).find((a) => a.id === agentId);
  if (!agent || !isPeriodId(periodId)) notFound("Pilih petugas dan periode dari daftar penilaian periode.");
  const review = await findPeriodReview(db, agent.id, periodId);
  if (review && (review.state !== "draft" || review.assessorUserId !== assessor.userId)) {
    return { sentId: review.id } as const;
  }
  const version = review ? await loadVersion(db, review.versionId) : await publishedVersionForTeam(db, agent.teamId);
  if (!version) notFound("Tim petugas ini belum memiliki template penilaian yang terbit.");
  const items = version.items.filter((i) => PERIOD_REVIEW_SECTIONS.includes(i.section));
  return {
    sentId: null,
    agent,
    period: { id: periodId, label: periodFromId(periodId).label },
    version: { ...version, items },
    review,
    targets: cphTargets(settings),
    imported: version.weights.cph > 0 ? await importedCph(db, agent.id, periodId, settings) : null,
    adherence: await reviewAdherence(db, settings, agent.id, periodFromId(periodId)),
  };
}

/**
 * The evidence beside the kedisiplinan items: the agent's adherence to the roster over the period's finished days.
 * Whoever asks may evaluate this agent or read this review of them (checked by the caller), so the agent's own
 * figures are read whatever their read:workforce scope. Null when the agent had no shift and no state in the period.
 */
export async function reviewAdherence(db: Database, settings: Settings, agentId: number, period: Period) {
  const range = coveredRange(period);
  if (range.from > range.to) return null;
  const [row] = await readAdherence(db, settings, { ...range, access: SYSTEM_ACCESS, staffId: agentId });
  return row ? { ...row, range, breakAllowance: breakAllowance(settings) } : null;
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
