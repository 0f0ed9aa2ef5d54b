// From the calibration pages' forms to calibration.ts: a new session, a participant's scores, closing.
import { z } from "zod";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { hiddenOrMissing } from "./access";
import type { Actor } from "./audit";
import { closeSession, createSession, getSession, type SessionInput, sessionItems, submitScores } from "./calibration";
import type { Database } from "./db";
import { readScores } from "./evaluation-scores";
import { interactionAtField, submitConfirmed, submitForm } from "./forms";
import { sentScores } from "./score-forms";
import type { Permitted } from "./session";

const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

const sessionInput = z
  .object({
    title: z.string().trim().min(5, { error: "Judul sesi minimal 5 huruf." }).max(150),
    versionId: z.coerce.number({ error: "Pilih template." }).int().positive({ error: "Pilih template." }),
    channel: z.enum(CHANNEL_CODES, { error: "Pilih saluran." }),
    interactionRef: z.string().trim().min(1, { error: "Isi rujukan interaksi yang dikalibrasi." }).max(120),
    interactionAt: interactionAtField,
    "participants[]": z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.coerce.number().int()).min(2, { error: "Pilih paling sedikit dua penilai." }),
    ),
    benchmark: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  .transform(({ "participants[]": participants, ...rest }) => ({
    ...rest,
    participants,
  })) satisfies z.ZodType<SessionInput>;

/** The new-session form: the new session's id. */
export function createSessionForm(db: Database, actor: Actor & { id: number }, form: FormData) {
  return submitForm(sessionInput, form, (input) => createSession(db, actor, input));
}

/**
 * The session page's forms: a participant sends their scores ("submit"), the coordinator closes the session
 * ("close"). A session the user may not see answers 404. Done: what the page then says ("terkirim", "ditutup").
 */
export async function sessionAction(auth: Permitted, request: Request, id: number, form: FormData) {
  const { env, access } = auth;
  if (!(await getSession(env.db, id, access, 0))) {
    return hiddenOrMissing(auth, request, { entity: "calibration_session", id }, "Sesi kalibrasi ini tidak ditemukan.");
  }
  const me = { ...auth.actor, id: access.userId };
  const intent = String(form.get("intent"));
  const result =
    intent === "close"
      ? await submitConfirmed(z.object({}), form, () => closeSession(env.db, me, id).then(() => "ditutup"))
      : await submitForm(z.object({}), form, async () => {
          const scores = readScores(sentScores(form), await sessionItems(env.db, id));
          return submitScores(env.db, me, id, scores).then(() => "terkirim");
        });
  return { ...result, intent };
}
