// The admin pages for accounts, and changing one's own password, through the real routes.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffWithoutAccount } from "../../app/.server/staff";
import * as home from "../../app/routes/_index";
import * as editUser from "../../app/routes/admin.pengguna.$id";
import * as newUser from "../../app/routes/admin.pengguna.baru";
import * as changePassword from "../../app/routes/profil.kata-sandi";
import { auditLog, sessions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie, signIn } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

type Failure = { errors: Record<string, string>; values: Record<string, string> };
let admin = "";

beforeAll(async () => {
  admin = await sessionCookie("admin", DEMO_PASSWORD);
});

async function userByName(username: string) {
  const [u] = await db().select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u;
}

const userCount = async () => (await db().select({ n: count() }).from(users))[0]?.n ?? 0;

async function edit(username: string, form: Record<string, string | string[]>) {
  const u = await userByName(username);
  return callRoute(editUser, "/admin/pengguna/x", {
    method: "POST",
    params: { id: String(u.id) },
    form,
    cookie: admin,
  });
}

describe("adding users", () => {
  it("creates an account linked to a staff member, with roles, that must change its password at first sign-in", async () => {
    const [person] = await staffWithoutAccount(db());
    const result = await callRoute(newUser, "/admin/pengguna/baru", {
      method: "POST",
      cookie: admin,
      form: {
        username: "Dewi.Lestari",
        "roles[]": ["penilai", "koordinator_qa"],
        staffId: String(person?.id),
        displayName: "",
        password: "kata-sandi-awal-1",
        passwordConfirm: "kata-sandi-awal-1",
      },
    });
    expect(result.status).toBe(302);
    const created = await userByName("dewi.lestari");
    expect(created.roles).toEqual(["penilai", "koordinator_qa"]);
    expect(created.staffId).toBe(person?.id);
    expect(created.displayName).toBe(person?.fullName);
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    expect(created.mustChangePassword).toBe(true);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.id)));
    expect(JSON.stringify(audit?.after)).not.toContain("argon2");

    const signedIn = await signIn("dewi.lestari", "kata-sandi-awal-1");
    expect(signedIn.location).toBe("/profil/kata-sandi");
    const cookie = signedIn.setCookie?.split(";")[0] ?? "";
    const elsewhere = await callRoute(home, "/", { cookie });
    expect(elsewhere.location).toBe("/profil/kata-sandi");
  });

  it("refuses a taken username, no roles and mismatched passwords, keeping what was typed but not the password", async () => {
    const before = await userCount();
    const result = await callRoute(newUser, "/admin/pengguna/baru", {
      method: "POST",
      cookie: admin,
      form: { username: "penilai", displayName: "X", password: "cukup-panjang-1", passwordConfirm: "lain-lagi-123" },
    });
    expect(result.status).toBe(400);
    const data = result.data as Failure;
    expect(data.errors["roles[]"]).toBe("Pilih paling sedikit satu peran.");
    expect(data.errors.passwordConfirm).toBe("Konfirmasi kata sandi tidak sama.");
    expect(data.values).toEqual({ username: "penilai", displayName: "X" });

    const taken = await callRoute(newUser, "/admin/pengguna/baru", {
      method: "POST",
      cookie: admin,
      form: {
        username: "PENILAI",
        displayName: "X",
        "roles[]": "penilai",
        password: "cukup-panjang-1",
        passwordConfirm: "cukup-panjang-1",
      },
    });
    expect(taken.status).toBe(409);
    expect((taken.data as Failure).errors.username).toMatch(/sudah dipakai/);
    expect(await userCount()).toBe(before);
  });

  it("refuses a short password or one containing the username", async () => {
    const result = await callRoute(newUser, "/admin/pengguna/baru", {
      method: "POST",
      cookie: admin,
      form: {
        username: "budi",
        displayName: "Budi",
        "roles[]": "hr",
        password: "budi12345678",
        passwordConfirm: "budi12345678",
      },
    });
    expect((result.data as Failure).errors.password).toBe("Kata sandi tidak boleh memuat nama pengguna.");
  });
});

describe("editing users", () => {
  it("sets roles, audits before and after, and refuses a second save from a stale page", async () => {
    const hr = await userByName("hr");
    const form = {
      intent: "update",
      version: String(hr.version),
      displayName: hr.displayName,
      "roles[]": ["hr", "penilai"],
    };
    expect((await edit("hr", form)).status).toBe(200);
    expect((await userByName("hr")).roles).toEqual(["hr", "penilai"]);
    const stale = await edit("hr", { ...form, "roles[]": ["hr"] });
    expect(stale.status).toBe(409);
    expect((await userByName("hr")).roles).toEqual(["hr", "penilai"]);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(hr.id)));
    const update = audits.find((a) => a.action === "update");
    expect(update?.before).toMatchObject({ roles: ["hr"] });
    expect(update?.after).toMatchObject({ roles: ["hr", "penilai"] });
  });

  it("disabling signs the user out at once and keeps them out; enabling lets them back in", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    expect((await edit("kasi", { intent: "toggle", disabled: "1" })).status).toBe(200);
    expect((await callRoute(home, "/", { cookie })).status).toBe(302);
    const kasi = await userByName("kasi");
    expect(await db().select().from(sessions).where(eq(sessions.userId, kasi.id))).toHaveLength(0);
    expect((await signIn("kasi", DEMO_PASSWORD)).data).toMatchObject({
      message: expect.stringMatching(/dinonaktifkan/),
    });
    await edit("kasi", { intent: "toggle", disabled: "0" });
    expect((await signIn("kasi", DEMO_PASSWORD)).status).toBe(302);
  });

  it("an admin cannot disable themself, nor remove the last active admin", async () => {
    const self = await edit("admin", { intent: "toggle", disabled: "1" });
    expect(self.status).toBe(409);
    expect((self.data as Failure).errors._form).toMatch(/akun Anda sendiri/);
    const me = await userByName("admin");
    const demote = await edit("admin", {
      intent: "update",
      version: String(me.version),
      displayName: me.displayName,
      "roles[]": "hr",
    });
    expect(demote.status).toBe(409);
    expect((await userByName("admin")).roles).toEqual(["admin"]);
  });

  it("a password reset signs the user out everywhere and makes them choose a new one", async () => {
    const cookie = await sessionCookie("supervisor", DEMO_PASSWORD);
    const reset = await edit("supervisor", {
      intent: "reset",
      password: "sementara-2026",
      passwordConfirm: "sementara-2026",
    });
    expect(reset.status).toBe(200);
    expect((await callRoute(home, "/", { cookie })).status).toBe(302);
    expect((await signIn("supervisor", DEMO_PASSWORD)).status).toBe(401);
    const signedIn = await signIn("supervisor", "sementara-2026");
    expect(signedIn.location).toBe("/profil/kata-sandi");
    const session = signedIn.setCookie?.split(";")[0] ?? "";

    const same = await callRoute(changePassword, "/profil/kata-sandi", {
      method: "POST",
      cookie: session,
      form: { currentPassword: "sementara-2026", password: "sementara-2026", passwordConfirm: "sementara-2026" },
    });
    expect((same.data as Failure).errors.password).toMatch(/berbeda/);
    const wrong = await callRoute(changePassword, "/profil/kata-sandi", {
      method: "POST",
      cookie: session,
      form: { currentPassword: "bukan-ini-123", password: "milik-saya-sendiri", passwordConfirm: "milik-saya-sendiri" },
    });
    expect((wrong.data as Failure).errors.currentPassword).toBe("Kata sandi saat ini salah.");
    const done = await callRoute(changePassword, "/profil/kata-sandi", {
      method: "POST",
      cookie: session,
      form: {
        currentPassword: "sementara-2026",
        password: "milik-saya-sendiri",
        passwordConfirm: "milik-saya-sendiri",
      },
    });
    expect(done.location).toBe("/profil?sandi=1");
    expect((await callRoute(home, "/", { cookie: session })).status).toBe(200);
    expect((await userByName("supervisor")).mustChangePassword).toBe(false);
  });
});
