// Loads the demo data set (fixtures/demo.ts) into an empty database, in one transaction.
import { count, eq } from "drizzle-orm";
import { buildDemoData, staffOfDemoUser } from "../fixtures/demo";
import type { Database } from "./client";
import { auditLog, settings, staff, teams, users } from "./schema";

export const DEMO_SEEDED_KEY = "demo.seeded";

export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
}

/** True when the database holds no staff and no users (a fresh install). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [s] = await db.select({ n: count() }).from(staff);
  const [u] = await db.select({ n: count() }).from(users);
  return (s?.n ?? 0) === 0 && (u?.n ?? 0) === 0;
}

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select().from(settings).where(eq(settings.key, DEMO_SEEDED_KEY));
  return row?.value === true;
}

/**
 * Inserts the demo staff and one user per role. `passwordHash` is the argon2id hash of the demo password
 * (the caller hashes, so this module stays free of the app's password code).
 * Refuses a database that already has staff or users: demo data never mixes with real data.
 */
export async function seedDemo(db: Database, passwordHash: string): Promise<{ staff: number; users: number }> {
  const data = buildDemoData();
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) {
      throw new DatabaseNotEmptyError(
        "Basis data sudah berisi staf atau pengguna; data demo hanya dimuat ke basis data yang kosong.",
      );
    }
    const teamRows = await tx.select().from(teams);
    const teamId = new Map(teamRows.map((t) => [t.code, t.id]));
    const inserted = await tx
      .insert(staff)
      .values(
        data.staff.map((s) => {
          const id = teamId.get(s.team);
          if (id === undefined) throw new Error(`Tim ${s.team} belum ada: jalankan migrasi terlebih dahulu.`);
          return { ...s, teamId: id };
        }),
      )
      .returning({ id: staff.id, nip: staff.nip });
    const staffIdByNip = new Map(inserted.map((r) => [r.nip, r.id]));

    const userRows = data.users.map((u) => {
      const person = staffOfDemoUser(data, u);
      return {
        username: u.username,
        displayName: u.displayName ?? person?.fullName ?? u.username,
        passwordHash,
        roles: u.roles,
        staffId: person ? staffIdByNip.get(person.nip) : undefined,
      };
    });
    await tx.insert(users).values(userRows);
    await tx.insert(settings).values({ key: DEMO_SEEDED_KEY, value: true });
    await tx.insert(auditLog).values({
      actorLabel: "sistem",
      action: "seed_demo",
      entity: "database",
      after: { staff: inserted.length, users: userRows.length },
    });
    return { staff: inserted.length, users: userRows.length };
  });
}
