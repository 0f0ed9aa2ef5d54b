// "Kirim" on a draft's own page: the draft as it was last saved is sent through the same save path as the
// form's "Kirim ke petugas" (interaction) or the period review's, so every rule holds (every item scored, the
// period open, the agent still evaluated, the time not in the future). When something is missing, one message
// says what, and the way to fix it is "Lanjutkan draf".
import { wibInputValue } from "../../analytics/dates";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "../confirmation";
import { commentField, itemValueField, valueField } from "../score-fields";
import { hiddenOrMissing, recordDenied } from "./access";
import { notFound } from "./errors";
import { saveInteractionForm } from "./evaluation-forms";
import { DRAFT_NOT_FOUND, getEvaluation, type SaveResult, STALE_EVALUATION } from "./evaluations";
import { NOT_CONFIRMED, type SubmitResult } from "./forms";
import { savePeriodReviewForm } from "./period-reviews";
import type { Authenticated } from "./session";

const refused = (status: number, message: string): SubmitResult<SaveResult> => ({
  ok: false,
  status,
  errors: { _form: message },
  values: {},
});

export async function sendDraft(
  auth: Authenticated,
  request: Request,
  id: number,
  form: FormData,
): Promise<SubmitResult<SaveResult>> {
  if (form.get(CONFIRM_FIELD) !== CONFIRM_VALUE) return refused(400, NOT_CONFIRMED);
  const { db, settings } = auth.env;
  const actor = { ...auth.actor, id: auth.user.id };
  const e = await getEvaluation(db, id, "any", auth.user);
  if (!e) return hiddenOrMissing(auth, request, { entity: "evaluation", id }, DRAFT_NOT_FOUND);
  if (e.assessorUserId !== auth.user.id) {
    await recordDenied(auth, request, "evaluation", id);
    notFound(DRAFT_NOT_FOUND);
  }
  if (e.state !== "draft") return refused(409, STALE_EVALUATION);

  // The fields the draft's edit form would post, with what is stored.
  const sent = new FormData();
  const set = (name: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== "") sent.set(name, String(value));
  };
  set("intent", "submit");
  set("lockVersion", form.get("lockVersion"));
  set("agentId", e.agentStaffId);
  set("note", e.note);
  for (const item of e.version.items) {
    const score = e.scores[item.id];
    if (!score) continue;
    set(valueField(item.id), itemValueField(score.value, item.scale));
    set(commentField(item.id), score.comment);
  }
  let result: SubmitResult<SaveResult>;
  if (e.kind === "interaction") {
    set("channel", e.channel);
    set("interactionRef", e.interactionRef);
    set("interactionAt", e.interactionAt ? wibInputValue(new Date(e.interactionAt)) : "");
    result = await saveInteractionForm(db, actor, auth.user, sent, id);
  } else {
    set("periodId", e.periodId);
    set("cphActual", e.cphSource === "import" ? null : e.cphActual);
    set("cphChannel", e.channel);
    set("cphSourceNote", e.cphSource === "manual" ? e.cphSourceNote : null);
    if (e.cphSource === "override") set("cphOverride", "on");
    set("cphOverrideReason", e.cphOverrideReason);
    result = await savePeriodReviewForm(db, actor, auth.user, settings, sent);
  }
  if (result.ok) return result;
  // A refusal of the whole draft (a locked period, changed meanwhile) says itself what to do.
  const whole = result.errors._form;
  return refused(result.status, whole ?? whatIsMissing(result.errors, e.version.items));
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
