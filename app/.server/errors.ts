// One small error vocabulary: 4xx are thrown as Responses carrying a message the user can act on
// (the route's ErrorBoundary shows it); only 5xx are logged, and without personal data.

export type ErrorBody = { message: string };

/**
 * Throws a JSON Response `{ message }` with `status`. A Response rather than Remix's `data()`: a page's error
 * boundary reads both alike, but a resource route (a download, a PDF) answers a thrown `data()` with
 * `{"message":"Unexpected Server Error"}` and logs it as an error, while a Response goes out as it is.
 */
export function httpError(status: number, message: string): never {
  throw Response.json({ message } satisfies ErrorBody, { status });
}

export function forbidden(
  message = "Peran Anda tidak mencakup halaman ini. Bila Anda memerlukannya untuk tugas Anda, hubungi administrator Mutu.",
): never {
  httpError(403, message);
}

export function notFound(message = "Halaman atau data yang Anda cari tidak ditemukan."): never {
  httpError(404, message);
}

/** Raised by server modules for a rule the user broke (stale edit, duplicate, last admin, …). */
export class UserFacingError extends Error {
  override name = "UserFacingError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Raised with several field errors at once (for instance every unscored item of a scorecard). */
export class InvalidInput extends Error {
  override name = "InvalidInput";
  constructor(readonly errors: Record<string, string>) {
    super("invalid input");
  }
}
