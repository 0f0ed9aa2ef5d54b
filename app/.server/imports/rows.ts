/** The rows of a raw query's result: PGlite hands back `{ rows }`, postgres.js the array itself. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
