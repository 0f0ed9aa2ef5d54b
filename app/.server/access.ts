// Records outside the viewer's scope answer 404, exactly as records that do not exist, so that nobody learns
// what exists beyond their reach. When such a record does exist, the request was an authorization failure
// all the same: it goes to the audit log as `access_denied`, like a refused page (403), naming the record.
import { eq, sql } from "drizzle-orm";
import {
  calibrationSessions,
  certificates,
  coachingSessions,
  evaluations,
  importBatches,
  importUploads,
  staff,
} from "../../db/schema";
import { recordAudit } from "./audit";
import { notFound } from "./errors";
import type { Authenticated } from "./session";

const TABLES = {
  evaluation: evaluations,
  staff,
  certificate: certificates,
  calibration_session: calibrationSessions,
  import_upload: importUploads,
  import_batch: importBatches,
  coaching_session: coachingSessions,
} as const;
export type ScopedEntity = keyof typeof TABLES;

const UUID = /^[0-9a-f-]{36}$/;

async function exists(auth: Authenticated, entity: ScopedEntity, id: number | string): Promise<boolean> {
  const valid = typeof id === "number" ? Number.isSafeInteger(id) : UUID.test(id);
  if (!valid) return false;
  const table = TABLES[entity];
  const [row] = await auth.env.db
    .select({ one: sql<number>`1` })
    .from(table)
    .where(eq(table.id, id as never))
    .limit(1);
  return row !== undefined;
}

/** Records `access_denied` for a record the viewer asked for and may not see. */
export async function recordDenied(auth: Authenticated, request: Request, entity: ScopedEntity, id: number | string) {
  await recordAudit(auth.env.db, auth.actor, {
    action: "access_denied",
    entity,
    entityId: id,
    after: { path: new URL(request.url).pathname, method: request.method },
  });
}

/**
 * Answers 404 with `message` for a record the viewer's scope did not find; when it exists (someone else's),
 * the attempt is recorded first.
 */
export async function hiddenOrMissing(
  auth: Authenticated,
  request: Request,
  record: { entity: ScopedEntity; id: number | string },
  message: string,
): Promise<never> {
  if (await exists(auth, record.entity, record.id)) await recordDenied(auth, request, record.entity, record.id);
  notFound(message);
}
