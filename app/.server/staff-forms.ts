// The forms of a person's page, read at the edge: which form was sent, its fields checked by zod, then one
// call into certification.ts with typed values.
import { z } from "zod";
import type { Actor } from "./audit";
import { decisionInput, recordDecision, withdrawDecision, withdrawInput } from "./certification";
import type { Database } from "./db";
import { submitConfirmed, submitForm } from "./forms";

const intentInput = z.object({ intent: z.enum(["decide", "withdraw"]) });

/** The capability-decision forms of the staff page: record a decision, or withdraw one (confirmed). */
export async function capabilityAction(db: Database, actor: Actor & { id: number }, staffId: number, form: FormData) {
  const parsed = intentInput.safeParse({ intent: form.get("intent") });
  const intent = parsed.success ? parsed.data.intent : "decide";
  const result =
    intent === "withdraw"
      ? await submitConfirmed(withdrawInput, form, (input) => withdrawDecision(db, actor, staffId, input))
      : await submitForm(decisionInput, form, (input) => recordDecision(db, actor, staffId, input));
  return { ...result, intent };
}
