// The period review form (kedisiplinan scores, CPH and its source), parsed with zod into the typed input of
// period-reviews.ts.
import { z } from "zod";
import { parseDecimal } from "../../analytics/numbers";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import type { Actor } from "./audit";
import type { Database } from "./db";
import { draftFields, noteField, submitForm } from "./forms";
import { savePeriodReview } from "./period-reviews";
import { isPeriodId } from "./periods";
import type { Access } from "./scope";
import { sentScores } from "./score-forms";
import type { Settings } from "./settings";

const CHANNEL_CODES = CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]];

const optionalDecimal = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!(value ?? "").trim()) return null;
    const n = parseDecimal(value ?? "");
    if (n === null || n < 0 || n > 200) {
      ctx.addIssue({ code: "custom", message: "Isi CPH sebagai angka 0–200, misalnya 8,5." });
      return z.NEVER;
    }
    return n;
  });

const periodReviewInput = z.object({
  agentId: z.coerce.number({ error: "Pilih petugas." }).int().positive({ error: "Pilih petugas." }),
  periodId: z.string().refine(isPeriodId, { error: "Pilih periode." }),
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
  note: noteField,
  ...draftFields,
});

/** The period review form: saved as a draft or submitted, one per agent per period. */
export function savePeriodReviewForm(
  db: Database,
  actor: Actor & { id: number },
  assessor: Access,
  settings: Settings,
  form: FormData,
) {
  return submitForm(periodReviewInput, form, ({ intent, ...input }) =>
    savePeriodReview(db, actor, assessor, settings, {
      ...input,
      submit: intent === "submit",
      scores: sentScores(form),
    }),
  );
}
