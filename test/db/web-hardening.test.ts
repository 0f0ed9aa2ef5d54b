// Limits on writes and the password rules, through the real routes and the real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRITE_LIMIT_ENV } from "../../app/.server/rate-limit";
import { updateSettings } from "../../app/.server/settings";
import { staffWithoutAccount } from "../../app/.server/staff";
import * as editUser from "../../app/routes/admin.pengguna.$id";
import * as newUser from "../../app/routes/admin.pengguna.baru";
import * as changePassword from "../../app/routes/profil.kata-sandi";
import * as staffDirectory from "../../app/routes/staf._index";
import { defaultSettings } from "../../app/settings-definitions";
import { staff, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { type CallOptions, callRoute, sessionCookie, signIn } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
const system = { id: null, username: "test" };

type Failure = { errors: Record<string, string> };

/** A write: the staff search runs as a POST (so that a NIP never lands in a URL), answered 303 to the list. */
const search = (cookie: string, options: CallOptions = {}) =>
  callRoute(staffDirectory, "/staf", { method: "POST", cookie, form: { q: "a", status: "aktif" }, ...options });

async function withLimits(perAccount: number, perAddress: number, run: () => Promise<void>) {
  await updateSettings(db(), system, {
    ...defaultSettings(),
    "rateLimit.writesPerMinutePerAccount": perAccount,
    "rateLimit.writesPerMinutePerAddress": perAddress,
  });
  try {
    await run();
  } finally {
    await updateSettings(db(), system, defaultSettings());
  }
}

describe("limits on writes", () => {
  // The database tests run with the limits off (vitest.config.ts); these are the tests that turn them on.
  const before = process.env[WRITE_LIMIT_ENV];
  beforeAll(() => {
    delete process.env[WRITE_LIMIT_ENV];
  });
  afterAll(() => {
    if (before !== undefined) process.env[WRITE_LIMIT_ENV] = before;
  });

  it("past the per-account limit a write is answered 429 with Retry-After and a message, and GETs still work", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD, { remoteAddress: "10.1.0.1" });
    await withLimits(5, 1000, async () => {
      for (let i = 0; i < 5; i++) expect((await search(cookie, { remoteAddress: "10.1.0.1" })).status).toBe(303);
      const refused = await search(cookie, { remoteAddress: "10.1.0.1" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(12); // 5 a minute: one every 12 s
      expect(refused.data).toMatchObject({ message: expect.stringMatching(/^Terlalu banyak perubahan.*akun Anda/) });
      // Reading is never limited; another address does not lift the account's limit.
      expect((await callRoute(staffDirectory, "/staf", { cookie, remoteAddress: "10.1.0.1" })).status).toBe(200);
      expect((await search(cookie, { remoteAddress: "10.1.0.2" })).status).toBe(429);
    });
  });

  it("past the per-address limit every account behind that address waits; other addresses do not", async () => {
    const address = "10.2.0.1";
    const first = await sessionCookie("koordinator", DEMO_PASSWORD, { remoteAddress: address });
    const second = await sessionCookie("hr", DEMO_PASSWORD, { remoteAddress: address });
    await withLimits(100, 4, async () => {
      for (let i = 0; i < 4; i++) expect((await search(first, { remoteAddress: address })).status).toBe(303);
      const refused = await search(second, { remoteAddress: address });
      expect(refused.status).toBe(429);
      expect(refused.data).toMatchObject({ message: expect.stringMatching(/alamat jaringan ini/) });
      expect((await search(second, { remoteAddress: "10.2.0.2" })).status).toBe(303);
      // Signing in is not a write of a signed-in user: it has its own throttling.
      expect((await signIn("penilai", DEMO_PASSWORD, { remoteAddress: address })).status).toBe(302);
    });
  });

  it("0 turns a limit off", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD, { remoteAddress: "10.3.0.1" });
    await withLimits(0, 0, async () => {
      for (let i = 0; i < 80; i++) expect((await search(cookie, { remoteAddress: "10.3.0.1" })).status).toBe(303);
    });
  });
});

describe("password rules wherever a password is set", () => {
  const common = "Bismillah2026!";

  it("the admin cannot give a new account a common password, its username, or its staff member's name or NIP", async () => {
    const admin = await sessionCookie("admin", DEMO_PASSWORD, { remoteAddress: "10.4.0.1" });
    const [person] = await staffWithoutAccount(db());
    if (!person) throw new Error("the demo has staff without an account");
    const [record] = await db().select().from(staff).where(eq(staff.id, person.id));
    const surname = (record?.fullName ?? "").split(" ").find((w) => w.length >= 4) ?? "";
    const attempt = (password: string) =>
      callRoute(newUser, "/admin/pengguna/baru", {
        method: "POST",
        cookie: admin,
        remoteAddress: "10.4.0.1",
        form: {
          username: "baru.sekali",
          "roles[]": "petugas",
          staffId: String(person.id),
          password,
          passwordConfirm: password,
        },
      });
    const expectations: [string, RegExp][] = [
      [common, /paling sering dipakai/],
      ["mutu-demo-2026", /paling sering dipakai/],
      [`${surname}-kopi-pagi`, /nama Anda/],
      [`pohon-mangga-${record?.nip.slice(0, 8)}`, /NIP atau tanggal lahir/],
    ];
    for (const [password, message] of expectations) {
      const result = await attempt(password);
      // 400 when the form's own check refuses it, 409 when the server module does (it knows the staff record).
      expect([400, 409], password).toContain(result.status);
      expect((result.data as Failure).errors.password).toMatch(message);
    }
    expect(await db().select().from(users).where(eq(users.username, "baru.sekali"))).toHaveLength(0);
    expect((await attempt("pohon-mangga-berbuah-lebat")).status).toBe(302);
  });

  it("an admin reset and a user's own change refuse common passwords and the user's own name", async () => {
    const admin = await sessionCookie("admin", DEMO_PASSWORD, { remoteAddress: "10.5.0.1" });
    const [hr] = await db().select().from(users).where(eq(users.username, "hr"));
    if (!hr) throw new Error("no hr user");
    const reset = await callRoute(editUser, "/admin/pengguna/x", {
      method: "POST",
      params: { id: String(hr.id) },
      cookie: admin,
      remoteAddress: "10.5.0.1",
      form: { intent: "reset", password: "sayang123456", passwordConfirm: "sayang123456" },
    });
    expect(reset.status).toBe(409);
    expect((reset.data as Failure).errors.password).toMatch(/paling sering dipakai/);

    const own = await sessionCookie("hr", DEMO_PASSWORD, { remoteAddress: "10.5.0.2" });
    const change = (password: string) =>
      callRoute(changePassword, "/profil/kata-sandi", {
        method: "POST",
        cookie: own,
        remoteAddress: "10.5.0.2",
        form: { currentPassword: DEMO_PASSWORD, password, passwordConfirm: password },
      });
    // The demo's hr account is "Wulan Maharani".
    const named = await change("maharani-suka-kopi");
    expect(named.status).toBe(409);
    expect((named.data as Failure).errors.password).toBe("Kata sandi tidak boleh memuat nama Anda.");
    const walk = await change("qwertyuiop2026");
    expect((walk.data as Failure).errors.password).toMatch(/paling sering dipakai/);
  });
});
