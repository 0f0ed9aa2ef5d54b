// Server logging without personal data: an error is logged with its name, message, code and stack frames,
// after removing what a query or a driver carries of the data: the parameters Drizzle appends to its messages
// (and that the first lines of the stack repeat), values PostgreSQL quotes in its messages (`invalid input
// syntax for type integer: "…"`, `Key (nip)=(…)`), control characters (a raw NUL), and anything shaped like a
// NIP or a date of birth. A request is logged with its method, path and status only: never the query string,
// the form, the headers or the cookie.

const NIP_LIKE = /\b\d{8}\s?\d{6}\s?\d\s?\d{3}\b/g;
const DATE_LIKE = /\b(19|20)\d{2}-\d{2}-\d{2}\b/g;
// A value PostgreSQL quotes after a colon or the word "value"; identifiers it quotes (`relation "staff"`,
// `constraint "staff_nip_unique"`, `encoding "UTF8"`) follow neither and stay readable.
const QUOTED_VALUE = /(:\s*|\bvalue\s+)"(?:[^"\\]|\\.)*"/gi;
const KEY_VALUE = /\)=\((?:[^()]|\([^()]*\))*\)/g;
const HIDDEN = "[disembunyikan]";

export function redact(text: string): string {
  return text
    .replace(/\p{Cc}/gu, (c) => (c === "\n" ? c : "?")) // no raw NUL, no forged lines
    .replace(NIP_LIKE, "[NIP]")
    .replace(DATE_LIKE, "[tanggal]");
}

/** An error's message without the query parameters Drizzle appends, and without quoted values; one line. */
function safeMessage(message: string): string {
  const params = message.search(/\n\s*params:/);
  const text = params >= 0 ? `${message.slice(0, params)} params: ${HIDDEN}` : message;
  return text
    .replace(QUOTED_VALUE, `$1"${HIDDEN}"`)
    .replace(KEY_VALUE, `)=(${HIDDEN})`)
    .replace(/\s*\n\s*/g, " ");
}

/** Only the stack's frames ("    at …"): the lines before them repeat the message, parameters included. */
function stackFrames(error: Error): string[] {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
}

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${safeMessage(value.message)}`;
  // A thrown response or route error (status and data): its status, never its data.
  if (typeof value === "object" && value !== null) {
    const status = (value as { status?: unknown }).status;
    const kind = value.constructor?.name ?? "Object";
    return typeof status === "number" ? `${kind} (status ${status})` : kind;
  }
  return safeMessage(String(value));
}

export function describeError(error: unknown): string {
  const parts = [describeValue(error)];
  let cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 3; depth++) {
    const code = (cause as { code?: unknown }).code;
    parts.push(`penyebab: ${describeValue(cause)} (kode ${typeof code === "string" ? code : "-"})`);
    cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
  }
  if (error instanceof Error) parts.push(...stackFrames(error));
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
