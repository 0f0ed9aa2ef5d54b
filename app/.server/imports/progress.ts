// How far a long import has got, for the page that polls it. Kept in this process's memory: behind a load
// balancer a poll may reach another instance, which then simply reports no progress (the page still works).
import type { ImportProgress } from "./engine";

const progress = new Map<string, ImportProgress & { at: number }>();
const FORGET_AFTER_MS = 10 * 60_000;

export function reportProgress(uploadId: string, value: ImportProgress): void {
  const now = Date.now();
  progress.set(uploadId, { ...value, at: now });
  for (const [id, p] of progress) if (now - p.at > FORGET_AFTER_MS) progress.delete(id);
}

export function progressOf(uploadId: string): ImportProgress | null {
  const p = progress.get(uploadId);
  return p ? { phase: p.phase, rows: p.rows } : null;
}
