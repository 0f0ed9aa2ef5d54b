// From submitted evaluation forms to the typed evaluation modules, so the routes stay thin: each form is parsed
// here with zod (the item scores by score-forms.ts), then handed to the module that saves or decides.
import { z } from "zod";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { hiddenOrMissing } from "./access";
import type { Actor } from "./audit";
import type { Database } from "./db";
import { sendDraft } from "./draft-send";
import { getEvaluation } from "./evaluation-queries";
import { deleteDraft, type SaveResult, saveInteraction } from "./evaluation-save";
import { acknowledgeEvaluation, disputeEvaluation, settleDispute } from "./evaluation-workflow";
import { draftFields, interactionAtField, noteField, type SubmitResult, submitConfirmed, submitForm } from "./forms";
import type { Access } from "./scope";
import { sentScores } from "./score-forms";
import type { Permitted } from "./session";

const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

const interactionInput = z.object({
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
  interactionAt: interactionAtField,
  note: noteField,
  ...draftFields,
});

/** The interaction form: a new evaluation, or the assessor's draft `existingId` as they last saw it. */
export function saveInteractionForm(
  db: Database,
  actor: Actor & { id: number },
  assessor: Access,
  form: FormData,
  existingId?: number,
): Promise<SubmitResult<SaveResult>> {
  return submitForm(interactionInput, form, ({ intent, lockVersion, ...header }) =>
    saveInteraction(
      db,
      actor,
      assessor,
      { ...header, scores: sentScores(form) },
      {
        submit: intent === "submit",
        existing: existingId === undefined ? undefined : { id: existingId, lockVersion: lockVersion ?? -1 },
      },
    ),
  );
}

const lockVersionInput = z.object({ lockVersion: z.coerce.number().int() });

/** The assessor deletes their draft as they last saw it (refused with a message when it changed since). */
export function deleteDraftForm(db: Database, actor: Actor & { id: number }, id: number, form: FormData) {
  return submitConfirmed(lockVersionInput, form, ({ lockVersion }) => deleteDraft(db, actor, id, lockVersion));
}

// A missing or garbled lock version matches no draft: the draft is refused as changed meanwhile.
const sendInput = z.object({ lockVersion: z.coerce.number().int().catch(-1) });

/** "Kirim ke petugas" on a draft's page: the draft as last saved, if it is still the version the page showed. */
export function sendDraftForm(auth: Permitted, request: Request, id: number, form: FormData) {
  return submitConfirmed(sendInput, form, ({ lockVersion }) => sendDraft(auth, request, id, lockVersion));
}

const responseInput = z.object({
  intent: z.enum(["acknowledge", "dispute"], { error: "Pilih konfirmasi atau sanggah." }),
  reason: z.string().optional(),
});

/** The agent's answer to a submitted evaluation of theirs: acknowledge, or dispute with a reason. */
export async function respondForm(auth: Permitted, request: Request, id: number, form: FormData) {
  const { db, settings } = auth.env;
  // Someone else's evaluation does not exist, as far as this agent can tell.
  if (!(await getEvaluation(db, id, auth.access))) {
    return hiddenOrMissing(auth, request, { entity: "evaluation", id }, "Evaluasi ini tidak ditemukan.");
  }
  const windowDays = settings["evaluation.disputeWindowDays"];
  // Acknowledging ends the dispute window at once, so it asks first; a dispute is deliberate (a written reason).
  const submit = form.get("intent") === "acknowledge" ? submitConfirmed : submitForm;
  return submit(responseInput, form, async ({ intent, reason }) => {
    if (intent === "acknowledge") await acknowledgeEvaluation(db, auth.actor, auth.access, id, windowDays);
    else await disputeEvaluation(db, auth.actor, auth.access, id, reason ?? "", windowDays);
    return intent;
  });
}

const settleInput = z.object({
  outcome: z.enum(["upheld", "adjusted"], { error: "Pilih: nilai tetap, atau nilai disesuaikan." }),
  note: z.string({ error: "Tuliskan catatan penyelesaian." }),
  lockVersion: z.coerce.number().int(),
});

export function settleForm(db: Database, actor: Actor & { id: number }, id: number, form: FormData) {
  return submitForm(settleInput, form, (input) => settleDispute(db, actor, id, { ...input, scores: sentScores(form) }));
}
