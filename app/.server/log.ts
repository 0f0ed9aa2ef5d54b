// Server logging without personal data: an error is logged with its name, message and stack, after
// removing query parameters (Drizzle puts them in its messages), driver "detail" lines (PostgreSQL puts the
// offending values there) and anything shaped like a NIP or a date of birth.

const NIP_LIKE = /\b\d{8}\s?\d{6}\s?\d\s?\d{3}\b/g;
const DATE_LIKE = /\b(19|20)\d{2}-\d{2}-\d{2}\b/g;

export function redact(text: string): string {
  return text.replace(NIP_LIKE, "[NIP]").replace(DATE_LIKE, "[tanggal]");
}

/** An error message without the query parameters Drizzle appends to it. */
const withoutParams = (message: string) => message.replace(/\nparams:[\s\S]*$/, "\nparams: [disembunyikan]");

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error));
  const parts = [`${error.name}: ${withoutParams(error.message)}`];
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error)
    parts.push(
      `penyebab: ${cause.name}: ${withoutParams(cause.message)} (kode ${(cause as { code?: string }).code ?? "-"})`,
    );
  if (error.stack) parts.push(error.stack.split("\n").slice(1, 8).join("\n"));
  return redact(parts.join("\n"));
}

export function logError(where: string, error: unknown): void {
  console.error(`[mutu] ${where}: ${describeError(error)}`);
}
