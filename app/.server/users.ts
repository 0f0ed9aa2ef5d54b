// User accounts: add, set roles, disable, reset passwords (admin), change one's own password.
import { and, arrayContains, asc, count, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "../../analytics/roles";
import { staff, teams, users } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { isUniqueViolation } from "./forms";
import { emailInput } from "./mail/address";
import { hashPassword, type PasswordOwner, passwordProblem, verifyPassword } from "./passwords";
import { destroyUserSessions } from "./session";

export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{2,31}$/;

const username = z.string({ error: "Nama pengguna wajib diisi." }).trim().toLowerCase().regex(USERNAME_RULE, {
  error:
    "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.",
});

// No box ticked sends no field at all: treated as an empty list, so the other checks still run and the
// form can name every mistake at once.
const roles = z.preprocess(
  (value) => value ?? [],
  z
    .array(z.enum(ROLES, { error: "Peran tidak dikenal." }), { error: "Pilih paling sedikit satu peran." })
    .min(1, { error: "Pilih paling sedikit satu peran." }),
);

const staffId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), { error: "Pilih staf dari daftar." });

const displayName = z.string().trim().max(120, { error: "Nama tampilan paling panjang 120 huruf." }).optional();

export const userCreateInput = z
  .object({
    username,
    displayName,
    "roles[]": roles,
    staffId,
    email: emailInput,
    password: z.string({ error: "Kata sandi wajib diisi." }),
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { username: v.username, names: [v.displayName] });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (v.passwordConfirm !== v.password) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "Konfirmasi kata sandi tidak sama." });
    }
    if (!v.displayName && !v.staffId) {
      ctx.addIssue({
        code: "custom",
        path: ["displayName"],
        message: "Isi nama tampilan, atau hubungkan akun dengan staf.",
      });
    }
  });

export const userUpdateInput = z.object({
  displayName: z.string().trim().min(1, { error: "Nama tampilan wajib diisi." }).max(120),
  "roles[]": roles,
  staffId,
  email: emailInput,
  version: z.coerce.number().int(),
});

export const passwordResetInput = z
  .object({ password: z.string({ error: "Kata sandi wajib diisi." }), passwordConfirm: z.string().optional() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    error: "Konfirmasi kata sandi tidak sama.",
  });

export async function listUsers(db: Database) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      staffName: staff.fullName,
      teamName: teams.name,
    })
    .from(users)
    .leftJoin(staff, eq(staff.id, users.staffId))
    .leftJoin(teams, eq(teams.id, staff.teamId))
    .orderBy(asc(users.username));
}

export async function getUser(db: Database, id: number) {
  const [row] = await db
    .select({ user: users, staffName: staff.fullName })
    .from(users)
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.id, id));
  if (!row) return null;
  const { passwordHash: _secret, ...user } = row.user;
  return { ...user, staffName: row.staffName };
}

/** What the audit log keeps of a user row: everything but the password hash. */
function auditable(user: typeof users.$inferSelect) {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}

async function assertStaffLinkable(db: Database, staffId: number | null, userId?: number) {
  if (staffId === null) return null;
  const [person] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!person) throw new UserFacingError("Staf tidak ditemukan. Pilih staf dari daftar.", "staffId");
  const [owner] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.staffId, staffId));
  if (owner && owner.id !== userId) {
    throw new UserFacingError(
      `Staf ini sudah memiliki akun (${owner.username}). Satu staf hanya untuk satu akun.`,
      "staffId",
    );
  }
  return person;
}

async function assertAnotherAdmin(db: Database, userId: number) {
  const [others] = await db
    .select({ n: count() })
    .from(users)
    .where(and(arrayContains(users.roles, ["admin"]), isNull(users.disabledAt), ne(users.id, userId)));
  if ((others?.n ?? 0) === 0) {
    throw new UserFacingError(
      "Harus ada paling sedikit satu administrator aktif. Tambahkan administrator lain terlebih dahulu.",
    );
  }
}

/**
 * A password typed by an admin is known to the admin, so by default the new user must replace it at the
 * first sign-in; the CLI, where people usually create their own account, passes `mustChangePassword: false`.
 */
export async function createUser(
  db: Database,
  actor: Actor,
  input: Omit<z.output<typeof userCreateInput>, "email"> & { email?: string | null },
  options: { mustChangePassword: boolean } = { mustChangePassword: true },
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
      if (taken) throw new UserFacingError("Nama pengguna ini sudah dipakai. Pilih nama lain.", "username");
      const person = await assertStaffLinkable(tx, input.staffId);
      // The form's check knew only the username and display name; the linked staff record adds name and NIP.
      const problem =
        person &&
        passwordProblem(input.password, {
          username: input.username,
          names: [input.displayName, person.fullName],
          nip: person.nip,
        });
      if (problem) throw new UserFacingError(problem, "password");
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName || person?.fullName || input.username,
          passwordHash,
          roles: input["roles[]"],
          staffId: input.staffId,
          email: input.email ?? null,
          mustChangePassword: options.mustChangePassword,
        })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, { action: "create", entity: "user", entityId: row.id, after: auditable(row) });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError("Nama pengguna atau staf ini baru saja dipakai akun lain.");
    throw error;
  }
}

const STALE =
  "Akun ini telah diubah oleh pengguna lain sejak Anda membukanya. Perubahan Anda belum disimpan: muat ulang halaman lalu ulangi.";

export async function updateUser(db: Database, actor: Actor, id: number, input: z.output<typeof userUpdateInput>) {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
      if (!before) throw new UserFacingError("Akun tidak ditemukan.");
      if (before.version !== input.version) throw new UserFacingError(STALE);
      const nextRoles = input["roles[]"];
      if (before.roles.includes("admin") && !nextRoles.includes("admin")) {
        if (id === actor.id)
          throw new UserFacingError("Anda tidak dapat mencabut peran administrator Anda sendiri.", "roles[]");
        await assertAnotherAdmin(tx, id);
      }
      await assertStaffLinkable(tx, input.staffId, id);
      const [after] = await tx
        .update(users)
        .set({
          displayName: input.displayName,
          roles: nextRoles,
          staffId: input.staffId,
          email: input.email,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .returning();
      if (!after) throw new Error("update returned nothing");
      await recordAudit(tx, actor, {
        action: "update",
        entity: "user",
        entityId: id,
        before: auditable(before),
        after: auditable(after),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError("Staf ini baru saja dihubungkan ke akun lain.", "staffId");
    throw error;
  }
}

export async function setUserDisabled(db: Database, actor: Actor, id: number, disabled: boolean) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw new UserFacingError("Akun tidak ditemukan.");
    if (disabled && id === actor.id) throw new UserFacingError("Anda tidak dapat menonaktifkan akun Anda sendiri.");
    if (disabled && before.roles.includes("admin")) await assertAnotherAdmin(tx, id);
    if (Boolean(before.disabledAt) === disabled) return; // already so: nothing to change or audit
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw new Error("update returned nothing");
    // A disabled user is signed out at once, not at their next idle timeout.
    if (disabled) await destroyUserSessions(tx, id);
    await recordAudit(tx, actor, {
      action: disabled ? "disable" : "enable",
      entity: "user",
      entityId: id,
      before: { disabledAt: before.disabledAt },
      after: { disabledAt: after.disabledAt },
    });
  });
}

/** What a user's new password must not contain: username, names, NIP. */
async function passwordOwner(db: Database, userId: number): Promise<PasswordOwner | null> {
  const [row] = await db
    .select({ username: users.username, displayName: users.displayName, fullName: staff.fullName, nip: staff.nip })
    .from(users)
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.id, userId));
  return row ? { username: row.username, names: [row.displayName, row.fullName], nip: row.nip } : null;
}

/** Admin reset: the user is signed out everywhere and must choose a new password at the next sign-in. */
export async function resetPassword(db: Database, actor: Actor, id: number, password: string) {
  const target = await passwordOwner(db, id);
  if (!target) throw new UserFacingError("Akun tidak ditemukan.");
  const problem = passwordProblem(password, target);
  if (problem) throw new UserFacingError(problem, "password");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: id !== actor.id, updatedAt: new Date() })
      .where(eq(users.id, id));
    await destroyUserSessions(tx, id);
    await recordAudit(tx, actor, { action: "reset_password", entity: "user", entityId: id });
  });
}

export const passwordChangeInput = z
  .object({
    currentPassword: z
      .string({ error: "Isi kata sandi Anda saat ini." })
      .min(1, { error: "Isi kata sandi Anda saat ini." }),
    password: z.string({ error: "Isi kata sandi baru." }),
    passwordConfirm: z.string().optional(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    error: "Konfirmasi kata sandi tidak sama.",
  });

/** The user changes their own password; their other sessions end, the current one stays. */
export async function changeOwnPassword(
  db: Database,
  actor: Actor & { id: number },
  sessionId: string,
  input: z.output<typeof passwordChangeInput>,
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new UserFacingError("Akun tidak ditemukan.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new UserFacingError("Kata sandi saat ini salah.", "currentPassword");
  }
  const problem = passwordProblem(input.password, (await passwordOwner(db, user.id)) ?? user.username);
  if (problem) throw new UserFacingError(problem, "password");
  if (await verifyPassword(user.passwordHash, input.password)) {
    throw new UserFacingError("Kata sandi baru harus berbeda dari kata sandi saat ini.", "password");
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await destroyUserSessions(tx, actor.id, sessionId);
    await recordAudit(tx, actor, { action: "change_password", entity: "user", entityId: actor.id });
  });
}
