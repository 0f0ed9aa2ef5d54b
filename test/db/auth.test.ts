// Sign-in, sessions and throttling against the real database, through the real routes.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS } from "../../app/.server/auth";
import { updateSettings } from "../../app/.server/settings";
import * as home from "../../app/routes/_index";
import * as signOutRoute from "../../app/routes/keluar";
import * as signInRoute from "../../app/routes/masuk";
import { defaultSettings } from "../../app/settings-definitions";
import { auditLog, loginAttempts, sessions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, cookieFrom, sessionCookie, signIn } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

async function failuresFor(username: string) {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "login_failed"), eq(auditLog.actorLabel, username)));
}

describe("signing in", () => {
  it("with the right password redirects home and sets an httpOnly, SameSite=Lax session cookie (not Secure over http)", async () => {
    const result = await signIn("penilai", DEMO_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.setCookie).toMatch(/^mutu_session=/);
    expect(result.setCookie).toMatch(/HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=Lax/i);
    expect(result.setCookie).not.toMatch(/Secure/i);
    const page = await callRoute(home, "/", { cookie: cookieFrom(result.setCookie) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ roles: ["penilai"] });
  });

  it("is case-insensitive in the username and trims spaces", async () => {
    expect((await signIn("  PeNilai ", DEMO_PASSWORD)).status).toBe(302);
  });

  it("over https the cookie is Secure", async () => {
    const result = await signIn("penilai", DEMO_PASSWORD, { url: "https://mutu.test/masuk" });
    expect(result.setCookie).toMatch(/Secure/i);
  });

  it("X-Forwarded-Proto: https counts only once the trust-proxy setting is on", async () => {
    const headers = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" };
    expect((await signIn("penilai", DEMO_PASSWORD, { headers })).setCookie).not.toMatch(/Secure/i);
    await updateSettings(db(), { id: null, username: "test" }, { ...defaultSettings(), "http.trustProxy": true });
    try {
      const result = await signIn("penilai", DEMO_PASSWORD, { headers });
      expect(result.setCookie).toMatch(/Secure/i);
      const fromProxy = await db().select().from(sessions).where(eq(sessions.ip, "203.0.113.9"));
      expect(fromProxy).toHaveLength(1);
    } finally {
      await updateSettings(db(), { id: null, username: "test" }, defaultSettings());
    }
  });

  it("behind the proxy, a client cannot pick its address with X-Forwarded-For: the proxy's right-most entry counts", async () => {
    await updateSettings(db(), { id: null, username: "test" }, { ...defaultSettings(), "http.trustProxy": true });
    try {
      // Each attempt claims another address on the left; nginx appended the real one, 203.0.113.66.
      for (let i = 0; i < 5; i++) {
        const headers = { "x-forwarded-for": `10.66.0.${i}, 203.0.113.66` };
        expect((await signIn("hr", `salah-${i}-zzzzz`, { headers })).status).toBe(401);
      }
      const headers = { "x-forwarded-for": "10.66.0.99, 203.0.113.66" };
      const locked = await signIn("hr", DEMO_PASSWORD, { headers });
      expect(locked.data).toMatchObject({ message: expect.stringMatching(/Terlalu banyak percobaan.*akun ini/) });
      const recorded = await db().select().from(loginAttempts).where(eq(loginAttempts.username, "hr"));
      expect(new Set(recorded.map((r) => r.ip))).toEqual(new Set(["203.0.113.66"]));
    } finally {
      await updateSettings(db(), { id: null, username: "test" }, defaultSettings());
    }
  });

  it("a wrong password gets the same message as an unknown username, no cookie, and an audit entry", async () => {
    const wrong = await signIn("hr", "salah-sekali-123");
    const unknown = await signIn("tidak.ada", "salah-sekali-123");
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.setCookie).toBeNull();
      expect(r.data).toMatchObject({ message: WRONG_CREDENTIALS, username: expect.any(String) });
    }
    expect((await failuresFor("hr")).map((r) => (r.after as { reason: string }).reason)).toContain("wrong_password");
    expect((await failuresFor("tidak.ada")).map((r) => (r.after as { reason: string }).reason)).toContain(
      "unknown_user",
    );
  });

  it("empty fields are refused with a message saying what to fill in", async () => {
    const result = await signIn("", "");
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ message: "Isi nama pengguna dan kata sandi." });
  });

  it("a disabled user is refused with a message that says the account is disabled", async () => {
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.username, "supervisor"));
    try {
      const result = await signIn("supervisor", DEMO_PASSWORD);
      expect(result.status).toBe(401);
      expect(result.data).toMatchObject({ message: expect.stringMatching(/dinonaktifkan/) });
      expect(result.setCookie).toBeNull();
    } finally {
      await db().update(users).set({ disabledAt: null }).where(eq(users.username, "supervisor"));
    }
  });

  it("rotates the session id: the session the browser had before signing in is gone", async () => {
    const first = await sessionCookie("koordinator", DEMO_PASSWORD);
    const again = await signIn("koordinator", DEMO_PASSWORD, { cookie: first });
    const second = cookieFrom(again.setCookie);
    expect(second).not.toBe(first);
    expect((await callRoute(home, "/", { cookie: first })).status).toBe(302);
    expect((await callRoute(home, "/", { cookie: second })).status).toBe(200);
  });

  it("never redirects to another site after signing in", async () => {
    const result = await callRoute(signInRoute, "/masuk", {
      method: "POST",
      form: { username: "penilai", password: DEMO_PASSWORD, redirectTo: "//evil.example/phish" },
    });
    expect(result.location).toBe("/");
  });
});

describe("sessions", () => {
  async function userSessions(username: string) {
    const [u] = await db().select().from(users).where(eq(users.username, username));
    return db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, u?.id ?? 0));
  }

  it("end after the idle timeout: the next page sends the user to sign in, saying the session ended", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const idle = defaultSettings()["session.idleMinutes"];
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (idle + 1) * 60_000) })
      .where(eq(sessions.userId, (await userSessions("kasi"))[0]?.userId ?? 0));
    const result = await callRoute(home, "/", { cookie });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/masuk?sesi=berakhir");
    expect(result.setCookie).toMatch(/Max-Age=0/);
    expect(await userSessions("kasi")).toHaveLength(0);
  });

  it("end at the absolute expiry even when the user is active", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.userId, (await userSessions("kasi"))[0]?.userId ?? 0));
    const result = await callRoute(home, "/staf", { cookie, url: "http://mutu.test/staf" });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/masuk?redirectTo=%2Fstaf&sesi=berakhir");
  });

  it("stay alive while the user is active within the idle timeout", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const [s] = await userSessions("kasi");
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(sessions.id, s?.id ?? ""));
    expect((await callRoute(home, "/", { cookie })).status).toBe(200);
    const [touched] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, s?.id ?? ""));
    expect(Date.now() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it("a tampered cookie is not a session", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const tampered = cookie.replace(/.(?=\.)/, (c) => (c === "A" ? "B" : "A"));
    expect((await callRoute(home, "/", { cookie: tampered })).status).toBe(302);
  });

  it("signing out deletes the session and clears the cookie", async () => {
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const before = (await userSessions("hr")).length;
    const result = await callRoute(signOutRoute, "/keluar", { method: "POST", cookie });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/masuk");
    expect(result.setCookie).toMatch(/Max-Age=0/);
    expect(await userSessions("hr")).toHaveLength(before - 1);
    expect((await callRoute(home, "/", { cookie })).status).toBe(302);
  });
});

describe("throttling", () => {
  it("after 5 failures for one username from one address even the right password is refused there, and the refusal is audited", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn("petugas", `salah-${i}-xxxxx`)).status).toBe(401);
    const locked = await signIn("petugas", DEMO_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.setCookie).toBeNull();
    expect(locked.data).toMatchObject({ message: expect.stringMatching(/Terlalu banyak percobaan.*akun ini/) });
    const reasons = (await failuresFor("petugas")).map((r) => (r.after as { reason: string }).reason);
    expect(reasons.filter((r) => r === "wrong_password")).toHaveLength(5);
    expect(reasons).toContain("throttled");
  });

  it("five wrong passwords typed by someone else, at another computer, do not lock the colleague out", async () => {
    // The lock above is on petugas from 10.0.0.1 (the default address of these calls); petugas at their own desk:
    expect((await signIn("petugas", DEMO_PASSWORD, { remoteAddress: "10.0.0.77" })).status).toBe(302);
    expect((await signIn("petugas", DEMO_PASSWORD)).status).toBe(401); // still locked where the guessing was
  });

  it("the lock lifts when the failures fall out of the window", async () => {
    await db()
      .update(loginAttempts)
      .set({ at: new Date(Date.now() - 16 * 60_000) })
      .where(eq(loginAttempts.username, "petugas"));
    expect((await signIn("petugas", DEMO_PASSWORD)).status).toBe(302);
  });

  it("a successful sign-in clears the username's count", async () => {
    for (let i = 0; i < 4; i++) await signIn("koordinator", `salah-${i}-xxxxx`);
    expect((await signIn("koordinator", DEMO_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++) await signIn("koordinator", `salah-${i}-yyyyy`);
    expect((await signIn("koordinator", DEMO_PASSWORD)).status).toBe(302);
  });

  it("too many failures from one address block that address for every username", async () => {
    const address = "198.51.100.7";
    const limit = defaultSettings()["auth.maxFailuresPerAddress"];
    for (let i = 0; i < limit; i++) await signIn(`orang${i}`, "salah-sekali-123", { remoteAddress: address });
    const blocked = await signIn("admin", DEMO_PASSWORD, { remoteAddress: address });
    expect(blocked.status).toBe(401);
    expect(blocked.data).toMatchObject({ message: expect.stringMatching(/alamat jaringan ini/) });
    expect((await signIn("admin", DEMO_PASSWORD, { remoteAddress: "198.51.100.8" })).status).toBe(302);
  });

  it("100 failures in an hour on one account from many addresses stop new addresses, not the ones it signs in from", async () => {
    // The account has signed in from its usual desk before.
    expect((await signIn("supervisor", DEMO_PASSWORD, { remoteAddress: "10.20.0.5" })).status).toBe(302);
    // A guessing attack spread over 100 addresses, each below the per-address limits.
    const now = Date.now();
    await db()
      .insert(loginAttempts)
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          username: "supervisor",
          ip: `203.0.113.${i + 1}`,
          succeeded: false,
          at: new Date(now - (i + 1) * 20_000),
        })),
      );
    const fresh = await signIn("supervisor", DEMO_PASSWORD, { remoteAddress: "203.0.113.200" });
    expect(fresh.status).toBe(401);
    expect(fresh.data).toMatchObject({ message: expect.stringMatching(/dari berbagai alamat/) });
    expect((await signIn("supervisor", DEMO_PASSWORD, { remoteAddress: "10.20.0.5" })).status).toBe(302);
  });
});
