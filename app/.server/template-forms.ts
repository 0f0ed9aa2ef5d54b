// From the template pages' forms to templates.ts: every field is validated here, so the editing functions take
// typed values.
import { z } from "zod";
import { ITEM_SECTIONS, sectionWeightsProblem } from "../../analytics/scoring";
import type { Actor } from "./audit";
import type { Database } from "./db";
import { type SubmitResult, submitConfirmed, submitForm } from "./forms";
import {
  createTemplate,
  discardDraft,
  type ItemInput,
  type NewTemplateInput,
  publishDraft,
  removeItem,
  saveItem,
  startDraft,
  updateWeights,
  type WeightsInput,
} from "./templates";

const wholeWeight = (label: string) =>
  z.coerce
    .number({ error: `Bobot ${label} harus angka.` })
    .int({ error: `Bobot ${label} harus bilangan bulat.` })
    .min(0, { error: `Bobot ${label} tidak boleh negatif.` })
    .max(100, { error: `Bobot ${label} paling besar 100.` });

const weightsInput = z
  .object({
    weightHardskill: wholeWeight("hardskill"),
    weightSoftskill: wholeWeight("softskill"),
    weightKedisiplinan: wholeWeight("kedisiplinan"),
    weightCph: wholeWeight("CPH"),
    description: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim().slice(0, 2000)),
    lockVersion: z.coerce.number().int(),
  })
  .superRefine((v, ctx) => {
    const problem = sectionWeightsProblem({
      hardskill: v.weightHardskill,
      softskill: v.weightSoftskill,
      kedisiplinan: v.weightKedisiplinan,
      cph: v.weightCph,
    });
    if (problem) ctx.addIssue({ code: "custom", path: ["weightHardskill"], message: problem });
  }) satisfies z.ZodType<WeightsInput>;

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

const itemInput = z
  .object({
    itemId: z.coerce.number().int().optional(),
    section: z.enum(ITEM_SECTIONS, { error: "Pilih bagian." }),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,3}[0-9]{1,2}$/, { error: "Kode 1–3 huruf lalu angka, misalnya H6 atau SK2." }),
    text: z.string().trim().min(5, { error: "Tuliskan butir yang dinilai (minimal 5 huruf)." }).max(300),
    clause: z.string().trim().max(100).default(""),
    scale: z.enum(["1-5", "ya_tidak"], { error: "Pilih skala." }),
    weight: z.coerce
      .number({ error: "Bobot harus angka." })
      .int({ error: "Bobot harus bilangan bulat." })
      .min(0)
      .max(100),
    allowNa: checkbox,
    critical: checkbox,
    guidance: z.string().trim().max(1000).default(""),
    levels: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    lockVersion: z.coerce.number().int(),
  })
  .superRefine((v, ctx) => {
    if (v.critical && v.scale !== "ya_tidak") {
      ctx.addIssue({
        code: "custom",
        path: ["scale"],
        message: "Butir kritis memakai skala Ya/Tidak (Tidak = gagal).",
      });
    }
    if (v.critical && v.weight !== 0) {
      ctx.addIssue({
        code: "custom",
        path: ["weight"],
        message: "Butir kritis tidak berbobot (isi 0): kegagalannya membuat nilai evaluasi 0.",
      });
    }
    if (!v.critical && v.weight === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["weight"],
        message: "Butir yang tidak kritis memerlukan bobot lebih dari 0.",
      });
    }
    if (v.scale === "1-5" && v.levels.length !== 0 && v.levels.length !== 5) {
      ctx.addIssue({
        code: "custom",
        path: ["levels"],
        message: "Isi tepat 5 baris (nilai 1 sampai 5), atau kosongkan untuk deskripsi bawaan.",
      });
    }
  }) satisfies z.ZodType<ItemInput>;

const newTemplateInput = z.object({
  name: z.string().trim().min(5, { error: "Nama template minimal 5 huruf." }).max(120),
  teamId: z.coerce.number({ error: "Pilih tim." }).int().positive({ error: "Pilih tim." }),
}) satisfies z.ZodType<NewTemplateInput>;

/** The new-template form: the id of the new template's draft version 1. */
export function createTemplateForm(db: Database, actor: Actor & { id: number }, form: FormData) {
  return submitForm(newTemplateInput, form, (input) => createTemplate(db, actor, input));
}

// Which of the version page's forms was sent, and for which item; a form without them is refused below.
const intentInput = z.object({
  intent: z.string().catch(""),
  itemId: z.string().catch(""),
  lockVersion: z.coerce.number().int().catch(-1),
});

/**
 * What a form of the version page did: "weights", "item", "removed", "published", "discarded" or "draft:<id>"
 * (the new draft to open), or why not; with the form's intent and item, so the page shows it beside that form.
 */
export type TemplateOutcome = SubmitResult<string> & { intent: string; itemId: string };

/** One entry point for the version page's forms: weights, item save/remove, publish, discard, new draft. */
export async function templateAction(
  db: Database,
  actor: Actor & { id: number },
  versionId: number,
  form: FormData,
): Promise<TemplateOutcome> {
  const { intent, itemId, lockVersion } = intentInput.parse(Object.fromEntries(form));
  const outcome = (result: SubmitResult<string>) => ({ ...result, intent, itemId });
  switch (intent) {
    case "weights":
      return outcome(
        await submitForm(weightsInput, form, (input) =>
          updateWeights(db, actor, versionId, input).then(() => "weights"),
        ),
      );
    case "save-item":
      return outcome(
        await submitForm(itemInput, form, (input) => saveItem(db, actor, versionId, input).then(() => "item")),
      );
    case "remove-item":
      return outcome(
        await submitConfirmed(z.object({ itemId: z.coerce.number().int() }), form, (input) =>
          removeItem(db, actor, versionId, input.itemId, lockVersion).then(() => "removed"),
        ),
      );
    case "publish":
      return outcome(
        await submitConfirmed(z.object({}), form, () =>
          publishDraft(db, actor, versionId, lockVersion).then(() => "published"),
        ),
      );
    case "discard":
      return outcome(
        await submitConfirmed(z.object({}), form, () =>
          discardDraft(db, actor, versionId, lockVersion).then(() => "discarded"),
        ),
      );
    case "new-draft":
      return outcome(
        await submitForm(z.object({ templateId: z.coerce.number().int() }), form, ({ templateId }) =>
          startDraft(db, actor, templateId).then((id) => `draft:${id}`),
        ),
      );
    default:
      return outcome({ ok: false, status: 400, errors: { _form: "Tindakan tidak dikenal." }, values: {} });
  }
}
