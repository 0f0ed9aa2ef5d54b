// Form parsing with zod: one schema validates on the server; errors come back per field, in Indonesian,
// together with what the user typed so nothing they entered is lost.
import { type UploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { parseWibDateTime } from "../../analytics/dates";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "../confirmation";
import { httpError, InvalidInput, UserFacingError } from "./errors";

export type FieldErrors = Record<string, string>;
export type FormFailure = { errors: FieldErrors; values: Record<string, string> };

// Never sent back to the browser, even when the form is re-shown with errors.
const SECRET_FIELDS = /password|sandi/i;

/** What the user typed, to re-show the form. A list field ("roles[]") keeps all its values, one per line. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) {
    if (SECRET_FIELDS.test(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = key.endsWith("[]") ? all.join("\n") : (all.at(-1) ?? "");
  }
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { ok: true; data: z.output<S> } | ({ ok: false } & FormFailure) {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(form) };
}

/** True when PostgreSQL refused with `code` (SQLSTATE), from either driver (postgres.js or PGlite), wrapped or not. */
function hasSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}

/** A unique-constraint violation. */
export const isUniqueViolation = (error: unknown) => hasSqlState(error, "23505");

/** A foreign-key violation: a row still referred to by another. */
export const isForeignKeyViolation = (error: unknown) => hasSqlState(error, "23503");

export type SubmitResult<T> = { ok: true; value: T } | ({ ok: false; status: number } & FormFailure);

/**
 * Validates `form` with `schema`, then runs `run`. A validation failure (400, also when `run` throws
 * InvalidInput) or a rule the server module refuses with a UserFacingError (409) comes back with the field
 * errors and what the user typed.
 */
export async function submitForm<S extends z.ZodType, T>(
  schema: S,
  form: FormData,
  run: (input: z.output<S>) => Promise<T>,
): Promise<SubmitResult<T>> {
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  try {
    return { ok: true, value: await run(parsed.data) };
  } catch (error) {
    if (error instanceof InvalidInput)
      return { ok: false, status: 400, errors: error.errors, values: formValues(form) };
    if (!(error instanceof UserFacingError)) throw error;
    return { ok: false, status: 409, errors: { [error.field ?? "_form"]: error.message }, values: formValues(form) };
  }
}

/** PostgreSQL stores no NUL in text (on either driver: "invalid byte sequence for encoding UTF8: 0x00"). */
export const hasNul = (text: string) => text.includes("\u0000");

export const NUL_REFUSED =
  "Isian yang Anda kirim berisi karakter NUL (karakter tak terlihat, biasanya ikut tersalin dari berkas lain), yang tidak dapat disimpan. Tidak ada yang disimpan: kembali ke halaman sebelumnya, hapus karakter itu (ketik ulang isian yang disalin), lalu kirim lagi.";

export const NUL_IN_ADDRESS =
  "Alamat halaman ini berisi karakter NUL (karakter tak terlihat), yang tidak dapat dipakai. Buka halaman itu lagi dari menu Mutu, bukan dari tautan yang disalin.";

// The form's text fields, and the names of its files; a file's content is the import engine's to judge (it
// refuses a CSV with a NUL with its own message), so here it is only read past.
const textOnly: UploadHandler = async (part) => {
  if (part.filename !== undefined) {
    for await (const _ of part.data); // drained, not kept
    return part.filename;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of part.data) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
};

async function formTexts(request: Request): Promise<string[]> {
  const type = request.headers.get("content-type") ?? "";
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    return [...new URLSearchParams(await request.text())].flat();
  }
  if (/^multipart\/form-data/i.test(type)) {
    const form = await unstable_parseMultipartFormData(request, textOnly);
    return [...form].flatMap(([name, value]) => [name, typeof value === "string" ? value : value.name]);
  }
  return [];
}

/**
 * Refuses (400, nothing saved) a request whose address or form holds a NUL, before any action reads it: one
 * check for every form of a signed-in user (session.ts), so that no field anywhere answers 500 at the
 * database. The form is read from a copy; the action reads the request as sent.
 */
export async function refuseNul(request: Request): Promise<void> {
  const url = new URL(request.url);
  const inAddress = [...url.searchParams].flat().some(hasNul) || hasNul(safeDecode(url.pathname));
  if (inAddress) httpError(400, NUL_IN_ADDRESS);
  if (request.method === "GET" || request.method === "HEAD" || !request.body || request.bodyUsed) return;
  let checked = bodiesChecked.get(request);
  if (!checked) {
    // A form that cannot be parsed is the action's to refuse; here only a NUL counts.
    checked = formTexts(request.clone()).then(
      (texts) => texts.some(hasNul),
      () => false,
    );
    bodiesChecked.set(request, checked);
  }
  if (await checked) httpError(400, NUL_REFUSED);
}

const bodiesChecked = new WeakMap<Request, Promise<boolean>>();

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export const NOT_CONFIRMED =
  "Tindakan ini belum dikonfirmasi, jadi tidak ada yang berubah. Tekan tombolnya lagi, baca akibatnya, lalu konfirmasi.";

/**
 * submitForm for an irreversible action: refused (400, nothing run) unless the form carries the field of the
 * confirmation step (components/confirm-action.tsx), so an old page or a replayed request cannot skip it.
 */
export function submitConfirmed<S extends z.ZodType, T>(
  schema: S,
  form: FormData,
  run: (input: z.output<S>) => Promise<T>,
): Promise<SubmitResult<T>> {
  if (form.get(CONFIRM_FIELD) !== CONFIRM_VALUE) {
    return Promise.resolve({ ok: false, status: 400, errors: { _form: NOT_CONFIRMED }, values: formValues(form) });
  }
  return submitForm(schema, form, run);
}

// Fields more than one form has, so they are read, bounded and explained the same way everywhere.

/** When an interaction took place, typed in WIB ("26/11/2026 14.30"). */
export const interactionAtField = z.string({ error: "Isi waktu interaksi (WIB)." }).transform((value, ctx) => {
  const at = parseWibDateTime(value);
  if (!at) {
    ctx.addIssue({ code: "custom", message: "Isi waktu interaksi (WIB), misalnya 26/11/2026 14.30." });
    return z.NEVER;
  }
  return at;
});

/** An assessor's note: optional, trimmed, at most 8,000 characters. */
export const noteField = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v.length <= 8000, { error: "Catatan paling panjang 8.000 karakter." });

/** Which button sent a scorecard form, and the version of the draft the assessor last saw. */
export const draftFields = {
  intent: z.enum(["draft", "submit"]).catch("draft"),
  lockVersion: z.coerce.number().int().optional(),
};
