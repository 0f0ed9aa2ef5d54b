// "Kirim" on a draft's own page: the draft as it was last saved is sent through the same save path as the
// form's "Kirim ke petugas" (interaction) or the period review's, so every rule holds (every item scored, the
// period open, the agent still evaluated, the time not in the future). When something is missing, one message
// says what, and the way to fix it is "Lanjutkan draf".
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { commentField, valueField } from "../score-fields";
import { InvalidInput, UserFacingError } from "./errors";
import { authorsEvaluation } from "./evaluation-queries";
import { type SaveResult, STALE_EVALUATION, saveInteraction } from "./evaluation-save";
import type { SentScores } from "./evaluation-scores";
import { savePeriodReview } from "./period-reviews";
import type { Permitted } from "./session";

type Draft = Awaited<ReturnType<typeof authorsEvaluation>>;

/**
 * Submits the signed-in assessor's draft `id`, if it is still at `lockVersion`. A refusal of one field or item
 * comes back as one sentence on the page's form (InvalidInput for what is missing, else UserFacingError).
 */
export async function sendDraft(
  auth: Permitted,
  request: Request,
  id: number,
  lockVersion: number,
): Promise<SaveResult> {
  const e = await authorsEvaluation(auth, request, id);
  if (e.state !== "draft") throw new UserFacingError(STALE_EVALUATION);
  const { db, settings } = auth.env;
  const actor = { ...auth.actor, id: auth.access.userId };
  try {
    if (e.kind === "interaction") {
      const header = { channel: e.channel ?? "", interactionRef: e.interactionRef ?? "", note: e.note };
      // The database holds every interaction with its time (evaluations_interaction_fields).
      if (!e.interactionAt) throw new Error(`interaction ${id} without its time`);
      return await saveInteraction(
        db,
        actor,
        auth.access,
        { ...header, agentId: e.agentStaffId, interactionAt: e.interactionAt, scores: storedScores(e) },
        { submit: true, existing: { id, lockVersion } },
      );
    }
    return await savePeriodReview(db, actor, auth.access, settings, {
      agentId: e.agentStaffId,
      periodId: e.periodId,
      // Imported statistics are the import's to give again; a typed or overriding CPH is kept as typed.
      cphActual: e.cphSource === "import" ? null : e.cphActual,
      cphChannel: CHANNELS.find((c) => c.code === e.channel)?.code ?? ("telepon" satisfies ChannelCode),
      cphSourceNote: e.cphSource === "manual" ? (e.cphSourceNote ?? "") : "",
      cphOverride: e.cphSource === "override",
      cphOverrideReason: e.cphOverrideReason ?? "",
      note: e.note,
      submit: true,
      lockVersion,
      scores: storedScores(e),
    });
  } catch (error) {
    // A refusal of the whole draft (a locked period, changed meanwhile) says itself what to do.
    if (error instanceof InvalidInput) {
      throw new InvalidInput({ _form: error.errors._form ?? whatIsMissing(error.errors, e.version.items) });
    }
    if (error instanceof UserFacingError && error.field) {
      throw new UserFacingError(whatIsMissing({ [error.field]: error.message }, e.version.items));
    }
    throw error;
  }
}

/** The draft's item scores as its edit form would send them. */
function storedScores(e: Draft): SentScores {
  const values = new Map<number, number | null>();
  const comments = new Map<number, string>();
  for (const item of e.version.items) {
    const score = e.scores[item.id];
    if (!score) continue;
    values.set(item.id, score.value);
    if (score.comment !== "") comments.set(item.id, score.comment);
  }
  return { values, comments };
}

/** The refusals of the save path, as one sentence for a page that has no fields to mark. */
function whatIsMissing(errors: Record<string, string>, items: readonly { id: number; code: string }[]): string {
  const unscored: string[] = [];
  const other: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const item = items.find((i) => field === valueField(i.id) || field === commentField(i.id));
    if (item && message === "Belum dinilai.") unscored.push(item.code);
    else other.push(item ? `${item.code}: ${message}` : message);
  }
  const parts = [
    unscored.length > 0 ? `butir ${unscored.join(", ")} belum dinilai.` : "",
    ...other.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)),
  ].filter(Boolean);
  return `Draf belum dapat dikirim: ${parts.join(" ")} Pilih "Lanjutkan draf" untuk melengkapinya; belum ada yang berubah.`;
}
