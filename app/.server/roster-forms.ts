// The forms of the roster page, read at the edge: which form was sent, its fields checked by zod, then one
// call into roster.ts with typed values and the user's manage:roster access.
import { z } from "zod";
import { httpError } from "./errors";
import { submitConfirmed, submitForm } from "./forms";
import { deleteShift, saveShift, shiftInput } from "./roster";
import type { Permitted } from "./session";

const intentInput = z.object({ intent: z.enum(["save", "delete"]) });
const deleteInput = z.object({ id: z.coerce.number({ error: "Sif tidak dikenal." }).int().positive() });

/** Save (add or change) or delete a shift; `auth` from requirePermission("manage:roster"). */
export async function rosterAction(auth: Permitted, form: FormData) {
  const intent = intentInput.safeParse({ intent: form.get("intent") });
  if (!intent.success) httpError(400, "Permintaan tidak dikenal.");
  const { env, actor, access } = auth;
  if (intent.data.intent === "delete") {
    const result = await submitConfirmed(deleteInput, form, ({ id }) => deleteShift(env.db, actor, id, access));
    return { ...result, intent: "delete" as const };
  }
  const result = await submitForm(shiftInput, form, (input) => saveShift(env.db, actor, input, access));
  return { ...result, intent: "save" as const };
}
