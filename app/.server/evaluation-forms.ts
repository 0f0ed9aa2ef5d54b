// From submitted forms to the evaluation modules, so the routes stay thin.
import { z } from "zod";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import { hiddenOrMissing, recordDenied } from "./access";
import type { Actor } from "./audit";
import type { Database } from "./db";
import { notFound } from "./errors";
import { acknowledgeEvaluation, disputeEvaluation, settleDispute } from "./evaluation-workflow";
import {
  DRAFT_NOT_FOUND,
  deleteDraft,
  getEvaluation,
  interactionHeaderInput,
  type SaveResult,
  saveInteraction,
  type Viewer,
} from "./evaluations";
import { type SubmitResult, submitConfirmed, submitForm } from "./forms";
import type { Authenticated } from "./session";

export function saveInteractionForm(
  db: Database,
  actor: Actor & { id: number },
  assessor: Viewer,
  form: FormData,
  existingId?: number,
): Promise<SubmitResult<SaveResult>> {
  return submitForm(interactionHeaderInput, form, ({ intent, lockVersion, ...header }) =>
    saveInteraction(db, actor, assessor, header, form, {
      submit: intent === "submit",
      existing: existingId === undefined ? undefined : { id: existingId, lockVersion: lockVersion ?? -1 },
    }),
  );
}

/** The assessor deletes their draft as they last saw it (refused with a message when it changed since). */
export function deleteDraftForm(db: Database, actor: Actor & { id: number }, id: number, form: FormData) {
  return submitConfirmed(z.object({ lockVersion: z.coerce.number().int() }), form, ({ lockVersion }) =>
    deleteDraft(db, actor, id, lockVersion),
  );
}

/**
 * The viewer's own interaction draft, for its edit page, with the interaction items only. Anything else looks
 * as if it did not exist (404); someone else's evaluation is recorded as a denied access.
 */
export async function editableDraft(auth: Authenticated, request: Request, id: number) {
  const e = await getEvaluation(auth.env.db, id, "any", auth.user);
  if (!e) return hiddenOrMissing(auth, request, { entity: "evaluation", id }, DRAFT_NOT_FOUND);
  if (e.assessorUserId !== auth.user.id) {
    await recordDenied(auth, request, "evaluation", id);
    notFound(DRAFT_NOT_FOUND);
  }
  if (e.state !== "draft" || e.kind !== "interaction") notFound(DRAFT_NOT_FOUND);
  const items = e.version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  return { ...e, version: { ...e.version, items } };
}

const responseInput = z.object({
  intent: z.enum(["acknowledge", "dispute"], { error: "Pilih konfirmasi atau sanggah." }),
  reason: z.string().optional(),
});

/** The agent's answer to a submitted evaluation: acknowledge, or dispute with a reason. */
export function respondForm(
  db: Database,
  actor: Actor,
  viewer: Viewer,
  id: number,
  form: FormData,
  windowDays: number,
) {
  // Acknowledging ends the dispute window at once, so it asks first; a dispute is deliberate (a written reason).
  const submit = form.get("intent") === "acknowledge" ? submitConfirmed : submitForm;
  return submit(responseInput, form, async ({ intent, reason }) => {
    if (intent === "acknowledge") await acknowledgeEvaluation(db, actor, viewer, id, windowDays);
    else await disputeEvaluation(db, actor, viewer, id, reason ?? "", windowDays);
    return intent;
  });
}

const settleInput = z.object({
  outcome: z.enum(["upheld", "adjusted"], { error: "Pilih: nilai tetap, atau nilai disesuaikan." }),
  note: z.string({ error: "Tuliskan catatan penyelesaian." }),
  lockVersion: z.coerce.number().int(),
});

export function settleForm(db: Database, actor: Actor & { id: number }, id: number, form: FormData) {
  return submitForm(settleInput, form, (input) => settleDispute(db, actor, id, input, form));
}
