// Server logging without personal data: an error is logged with its name, message and stack, after
// removing query parameters (Drizzle puts them in its messages), driver "detail" lines (PostgreSQL puts the
// offending values there) and anything shaped like a NIP or a date of birth. A request is logged with its
// method, path and status only: never the query string, the form, the headers or the cookie.

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

/** The line logError writes: where (a request's method and path, a task) and the error, both redacted. */
export function errorLine(where: string, error: unknown): string {
  return `[mutu] ${redact(where)}: ${describeError(error)}`;
}

export function logError(where: string, error: unknown): void {
  console.error(errorLine(where, error));
}

/**
 * One access-log line: `POST /evaluasi/12/ubah 429 3 ms`. The query string is replaced by `?…` (filters may
 * carry what a user typed) and the path is redacted (paths carry ids, but a mistyped link may carry a NIP).
 */
export function requestLine(method: string, url: string, status: number, milliseconds: number): string {
  const query = url.indexOf("?");
  let path = query >= 0 ? url.slice(0, query) : url;
  try {
    path = decodeURIComponent(path); // "%20" between the groups of a NIP hides it from the pattern below
  } catch {} // a malformed escape stays as it is
  // Stricter than redact(): in a path no run of 8 or more digits (a NIP, a birth date, with or without
  // separators) is needed to read the log, while ids are short.
  path = path.replace(/\d(?:[\s._/-]?\d){7,}/g, "[angka]").replace(/\p{Cc}/gu, "?"); // no forged lines
  return `${method} ${path}${query >= 0 ? "?…" : ""} ${status} ${Math.round(milliseconds)} ms`;
}

export function logRequest(method: string, url: string, status: number, milliseconds: number): void {
  console.log(`[mutu] ${requestLine(method, url, status, milliseconds)}`);
}
