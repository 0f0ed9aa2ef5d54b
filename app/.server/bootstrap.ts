// What every start does before serving: apply migrations, and on a fresh embedded database load the demo.

import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { ROLE_LABELS } from "../../analytics/roles";
import type { DatabaseHandle } from "../../db/client";
import { ensureDefaultTemplates, isDemoSeeded, isEmpty, seedDemo } from "../../db/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "../../fixtures/demo";
import { certificatePdf } from "./certificate-pdf";
import { hashPassword } from "./passwords";
import { cphTarget, getSettings } from "./settings";

/**
 * Loads the demo into an empty database, its evaluations laid out over the six periods up to `now`.
 * `evaluations: false` loads only the people (tests that build their own evaluations).
 */
export async function loadDemo(handle: DatabaseHandle, options: { now?: Date; evaluations?: boolean } = {}) {
  const now = options.now ?? new Date();
  await ensureDefaultTemplates(handle.db);
  const settings = await getSettings(handle.db);
  const cphTargets = Object.fromEntries(CHANNELS.map((c) => [c.code, cphTarget(settings, c.code)])) as Record<
    ChannelCode,
    number
  >;
  return seedDemo(handle.db, await hashPassword(DEMO_PASSWORD), {
    now,
    cphTargets,
    evaluations: options.evaluations ?? true,
    makePdf: certificatePdf,
  });
}

/**
 * Migrates and makes sure the default scorecard templates exist; then, when the database is the embedded one
 * and empty, loads the demo data (a PostgreSQL
 * database gets demo data only through `npm run mutu -- db seed --demo`). Returns whether demo users exist.
 */
export async function prepareDatabase(handle: DatabaseHandle): Promise<{ demo: boolean; seededNow: boolean }> {
  await handle.migrate();
  await ensureDefaultTemplates(handle.db);
  if (handle.kind === "pglite" && (await isEmpty(handle.db))) {
    await loadDemo(handle);
    return { demo: true, seededNow: true };
  }
  return { demo: await isDemoSeeded(handle.db), seededNow: false };
}

export function demoLoginsText(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  const lines = DEMO_USERS.map(
    (u) => `  ${u.username.padEnd(width)}  ${u.roles.map((r) => ROLE_LABELS[r]).join(", ")}`,
  );
  return [`Akun demo (kata sandi semuanya: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
