// When the database cannot be reached (stopped, restarting, network cut), pages answer 503 "Layanan belum
// tersedia" instead of a generic error, and the next request after it returns simply works: postgres.js opens
// new connections on demand, so there is nothing to reset.
import { logError } from "./log";

// Node's socket errors and postgres.js's own connection states; PostgreSQL's "admin shutdown", "crash shutdown",
// "cannot connect now" (57P01–57P03) and every connection exception (class 08).
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether `error` (or what it wraps: drizzle wraps driver errors in `cause`) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

/** Runs `work`; a database that cannot be reached becomes a 503 response (the error page says so). */
export async function whileDatabaseUp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logError("database unavailable", error);
    throw new Response("Layanan belum tersedia: basis data tidak dapat dihubungi.", {
      status: 503,
      headers: { "Retry-After": "30", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
