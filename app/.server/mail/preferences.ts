// A person's own mail settings (/profil/surel): their address, which kinds of mail they want, and one mail per
// event or a daily digest. Only the kinds their roles can receive are offered; a kind turned off earlier that
// is not offered now (a role since removed) stays off.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { isMailKind, MAIL_KIND_INFO, type MailKind, mailKindsFor } from "../../../analytics/mail";
import { mailPreferences, users } from "../../../db/schema";
import { type Actor, recordAudit } from "../audit";
import type { Database } from "../db";
import { UserFacingError } from "../errors";
import { emailInput } from "./address";
import { mailEnabled } from "./config";

export const mailPreferencesInput = z.object({
  email: emailInput,
  "on[]": z.preprocess((v) => v ?? [], z.array(z.string())),
  mode: z.enum(["single", "digest"], { error: "Pilih satu surel per kejadian atau ringkasan harian." }),
});

async function current(db: Database, userId: number) {
  const [row] = await db
    .select({
      email: users.email,
      roles: users.roles,
      disabledKinds: mailPreferences.disabledKinds,
      digest: mailPreferences.digest,
    })
    .from(users)
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new UserFacingError("Akun tidak ditemukan.");
  return { email: row.email, roles: row.roles, disabledKinds: row.disabledKinds ?? [], digest: row.digest ?? false };
}

/** The person's own address, or null (no mail). */
export async function ownMailAddress(db: Database, userId: number): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/** What the page shows: the address, each kind offered with its state, the digest choice, and whether mail is on. */
export async function mailPreferencesPage(db: Database, userId: number) {
  const now = await current(db, userId);
  return {
    email: now.email ?? "",
    kinds: mailKindsFor(now.roles).map((kind) => ({
      kind,
      label: MAIL_KIND_INFO[kind].label,
      on: !now.disabledKinds.includes(kind),
    })),
    digest: now.digest,
    mailConfigured: mailEnabled(),
  };
}

/** Saves the person's own address and choices in one transaction, audited (the address is theirs to see). */
export async function saveMailPreferences(
  db: Database,
  actor: Actor & { id: number },
  input: z.output<typeof mailPreferencesInput>,
) {
  await db.transaction(async (tx) => {
    const before = await current(tx, actor.id);
    const offered = mailKindsFor(before.roles);
    const on = new Set(input["on[]"].filter(isMailKind));
    const disabledKinds: MailKind[] = [
      ...before.disabledKinds.filter((k): k is MailKind => isMailKind(k) && !offered.includes(k)),
      ...offered.filter((k) => !on.has(k)),
    ];
    const digest = input.mode === "digest";
    if (input.email !== before.email) {
      await tx.update(users).set({ email: input.email, updatedAt: new Date() }).where(eq(users.id, actor.id));
    }
    await tx
      .insert(mailPreferences)
      .values({ userId: actor.id, disabledKinds, digest })
      .onConflictDoUpdate({ target: mailPreferences.userId, set: { disabledKinds, digest, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "mail_preferences",
      entity: "user",
      entityId: actor.id,
      before: { email: before.email, disabledKinds: before.disabledKinds, digest: before.digest },
      after: { email: input.email, disabledKinds, digest },
    });
  });
}
