// Signing in and out: throttling per username and address, per address and per account; password check;
// every failure in the audit log.
import { and, count, desc, eq, gt, type SQL } from "drizzle-orm";
import { loginAttempts, users } from "../../db/schema";
import { recordAudit } from "./audit";
import { hasNul } from "./forms";
import { verifyPassword } from "./passwords";
import { clearSessionCookie, createSession, destroySession, lookupSession, type RequestEnv } from "./session";

export type SignInResult =
  | { ok: true; userId: number; username: string; mustChangePassword: boolean }
  | { ok: false; message: string; reason: string };

const NUL_IN_SIGN_IN =
  "Nama pengguna atau kata sandi berisi karakter yang tidak diizinkan (NUL). Ketik ulang keduanya, jangan menempelkannya dari berkas lain.";

export const WRONG_CREDENTIALS = "Nama pengguna atau kata sandi salah. Periksa huruf besar/kecil dan tombol Caps Lock.";

/**
 * Normalises what the user typed as a username: trimmed and lower-case, at most 100 characters, control
 * characters shown as "\uFFFD" (a NUL cannot be stored, and a failed attempt with one is still recorded).
 */
export function normalizeUsername(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .slice(0, 100)
    .replace(/\p{Cc}/gu, "\uFFFD");
}

// ASVS 2.2.1: no more than 100 failed attempts an hour on one account. Past that, only addresses the account
// has signed in from before (within KNOWN_ADDRESS_DAYS) may still try, so a spread-out guessing attack stops
// while the person at their usual desk is not locked out.
const ACCOUNT_FAILURES_PER_HOUR = 100;
const KNOWN_ADDRESS_DAYS = 90;

const failures = (where: SQL | undefined) => and(where, eq(loginAttempts.succeeded, false)) as SQL;

async function countAttempts(env: RequestEnv, where: SQL): Promise<number> {
  const [row] = await env.db.select({ n: count() }).from(loginAttempts).where(where);
  return row?.n ?? 0;
}

/**
 * Why a sign-in must be refused before the password is even checked, or null. Failures count per username
 * *and address* (five wrong passwords typed by someone else, elsewhere, do not lock a colleague out), per
 * address over all usernames (one machine guessing many accounts), and per account over all addresses (see
 * ACCOUNT_FAILURES_PER_HOUR).
 */
async function throttled(env: RequestEnv, username: string, now: Date): Promise<string | null> {
  const windowMinutes = env.settings["auth.failureWindowMinutes"];
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const pair = and(eq(loginAttempts.username, username), eq(loginAttempts.ip, env.ip));
  // A successful sign-in clears the pair's count: failures before it do not lock the account.
  const [lastSuccess] = await env.db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(pair, eq(loginAttempts.succeeded, true), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const pairSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  if (
    (await countAttempts(env, failures(and(pair, gt(loginAttempts.at, pairSince))))) >=
    env.settings["auth.maxFailuresPerUsername"]
  ) {
    return `Terlalu banyak percobaan masuk yang gagal untuk akun ini. Tunggu ${windowMinutes} menit lalu coba lagi, atau minta admin mengatur ulang kata sandi Anda.`;
  }
  const byAddress = failures(and(eq(loginAttempts.ip, env.ip), gt(loginAttempts.at, since)));
  if ((await countAttempts(env, byAddress)) >= env.settings["auth.maxFailuresPerAddress"]) {
    return `Terlalu banyak percobaan masuk yang gagal dari alamat jaringan ini. Tunggu ${windowMinutes} menit lalu coba lagi.`;
  }
  const lastHour = new Date(now.getTime() - 3_600_000);
  const byAccount = failures(and(eq(loginAttempts.username, username), gt(loginAttempts.at, lastHour)));
  if ((await countAttempts(env, byAccount)) >= ACCOUNT_FAILURES_PER_HOUR) {
    const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
    const known = and(pair, eq(loginAttempts.succeeded, true), gt(loginAttempts.at, knownSince)) as SQL;
    if ((await countAttempts(env, known)) === 0) {
      return "Terlalu banyak percobaan masuk yang gagal untuk akun ini dari berbagai alamat. Masuklah dari komputer yang biasa Anda pakai, tunggu satu jam, atau minta admin mengatur ulang kata sandi Anda.";
    }
  }
  return null;
}

export async function signIn(
  env: RequestEnv,
  input: { username: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  const actor = { id: null, username: username || "(kosong)", ip: env.ip };
  const fail = async (reason: string, message: string, userId: number | null = null) => {
    await env.db.insert(loginAttempts).values({ username, ip: env.ip, succeeded: false, at: now });
    await recordAudit(
      env.db,
      { ...actor, id: userId },
      { action: "login_failed", entity: "user", entityId: userId, after: { reason } },
    );
    return { ok: false as const, message, reason };
  };

  const blocked = await throttled(env, username, now);
  if (blocked) {
    // Counted too, so that hammering a locked account keeps it locked.
    return fail("throttled", blocked);
  }
  if (hasNul(input.username) || hasNul(input.password)) return fail("invalid_input", NUL_IN_SIGN_IN);

  const [user] = username ? await env.db.select().from(users).where(eq(users.username, username)) : [];
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) return fail(user ? "wrong_password" : "unknown_user", WRONG_CREDENTIALS, user?.id ?? null);
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabledAt) {
    return fail(
      "disabled",
      "Akun Anda dinonaktifkan. Hubungi administrator Mutu bila Anda masih memerlukan akses.",
      user.id,
    );
  }

  await env.db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username, ip: env.ip, succeeded: true, at: now });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { id: user.id, username, ip: env.ip },
      { action: "login", entity: "user", entityId: user.id },
    );
  });
  return { ok: true, userId: user.id, username: user.username, mustChangePassword: user.mustChangePassword };
}

/** Only paths inside Mutu: never another site (an open redirect) and never back to the sign-in page. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) {
    return fallback;
  }
  if (/\p{Cc}/u.test(target)) return fallback; // would not even fit in a Location header
  return target.startsWith("/masuk") ? fallback : target;
}

/**
 * Signs in and starts a new session: the Set-Cookie header and where to go (`redirectTo`, the page the user was
 * sent away from, when it is inside Mutu), or the message to show.
 */
export async function signInAndStart(
  env: RequestEnv,
  request: Request,
  input: { username: string; password: string; redirectTo: string },
): Promise<{ ok: true; setCookie: string; location: string } | { ok: false; status: number; message: string }> {
  const result = await signIn(env, input);
  if (!result.ok) return { ok: false, status: result.reason === "invalid_input" ? 400 : 401, message: result.message };
  const setCookie = await createSession(env, result.userId, request.headers.get("user-agent"), request);
  const location = result.mustChangePassword ? "/profil/kata-sandi" : safeRedirect(input.redirectTo);
  return { ok: true, setCookie, location };
}

/** Ends the request's session (if any), audits it, and returns the Set-Cookie header that clears the cookie. */
export async function signOut(env: RequestEnv, request: Request): Promise<string> {
  const found = await lookupSession(request, env);
  await destroySession(env, request);
  if (found.state === "active") {
    const actor = { id: found.user.id, username: found.user.username, ip: env.ip };
    await recordAudit(env.db, actor, { action: "logout", entity: "user", entityId: found.user.id });
  }
  return clearSessionCookie(env);
}
