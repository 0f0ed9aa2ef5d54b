// Sessions live in the database; the cookie carries a random token (signed with SESSION_SECRET) whose
// SHA-256 is the session's id. Idle and absolute expiry come from the settings.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type AppLoadContext, createCookie, redirect } from "@remix-run/node";
import { and, eq, lt, ne, sql } from "drizzle-orm";
import { isRole, type Role } from "../../analytics/roles";
import { dataDir } from "../../db/client";
import { sessions, staff, users } from "../../db/schema";
import { type PermissionKey, scopeFor } from "../permissions";
import { type Actor, recordAudit } from "./audit";
import { type Database, database, prepared } from "./db";
import { forbidden } from "./errors";
import { refuseNul } from "./forms";
import { enforceWriteLimit } from "./rate-limit";
import { clientAddress, isHttps } from "./request";
import type { Access } from "./scope";
import { getSettings, type Settings } from "./settings";
import { whileDatabaseUp } from "./unavailable";

export const SESSION_COOKIE = "mutu_session";
// Writing last_seen_at on every request would turn every page view into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

export type CurrentUser = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  staffId: number | null;
  teamId: number | null;
  /** The group (regu) within the team on the user's staff record, for a Ketua Tim's "group" scope. */
  groupName: string | null;
  mustChangePassword: boolean;
};

const SECRET_MIN_LENGTH = 32;

/** What is wrong with SESSION_SECRET (or the generated secret's file), in one line; null when it will do. */
export function sessionSecretProblem(): string | null {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    return fromEnv.length < SECRET_MIN_LENGTH
      ? `SESSION_SECRET terlalu pendek (${fromEnv.length} karakter): pakai paling sedikit ${SECRET_MIN_LENGTH} karakter acak, misalnya keluaran \`openssl rand -hex 32\`.`
      : null;
  }
  const file = secretFile();
  if (!existsSync(file)) return null; // generated at start
  let kept = "";
  try {
    kept = readFileSync(file, "utf8").trim();
  } catch (error) {
    return `Berkas rahasia sesi ${file} tidak dapat dibaca (${(error as NodeJS.ErrnoException).code}): periksa hak aksesnya, atau setel SESSION_SECRET.`;
  }
  return kept.length < SECRET_MIN_LENGTH
    ? `Berkas rahasia sesi ${file} rusak (${kept.length} karakter): hapus berkas itu (Mutu membuat yang baru; semua pengguna perlu masuk lagi) atau setel SESSION_SECRET.`
    : null;
}

const secretFile = () => path.join(dataDir(), "session-secret");

/** The secret that signs session cookies: SESSION_SECRET, or one generated once into the data folder. */
export function loadSecret(): string {
  const problem = sessionSecretProblem();
  if (problem) throw new Error(problem);
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  // Generated once and kept, so the first `npm start` works; several instances must share SESSION_SECRET.
  const file = secretFile();
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [loadSecret()],
  });
  return cookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type RequestEnv = { db: Database; settings: Settings; ip: string; https: boolean };

/** The database, settings, client address and scheme of a request: everything the auth code needs. */
export function requestEnv(request: Request, context?: AppLoadContext): Promise<RequestEnv> {
  return perRequest(envs, request, async () => {
    const db = await database();
    // The first query of every request: where a database that cannot be reached shows as 503.
    const settings = await whileDatabaseUp(() => getSettings(db));
    const trust = settings["http.trustProxy"];
    return { db, settings, ip: clientAddress(request, context, trust), https: isHttps(request, trust) };
  });
}

// Remix runs the layout's and the page's loaders with the same Request: look the settings and the session up
// once per request, not once per loader.
const envs = new WeakMap<Request, Promise<RequestEnv>>();
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

function perRequest<T>(cache: WeakMap<Request, Promise<T>>, request: Request, make: () => Promise<T>): Promise<T> {
  let pending = cache.get(request);
  if (!pending) {
    pending = make();
    cache.set(request, pending);
    pending.catch(() => cache.delete(request));
  }
  return pending;
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export async function createSession(
  env: RequestEnv,
  userId: number,
  userAgent: string | null,
  previous: Request,
): Promise<string> {
  const old = await readToken(previous);
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  await env.db.transaction(async (tx) => {
    // Rotation: whatever session the browser had before signing in is gone.
    if (old) await tx.delete(sessions).where(eq(sessions.id, hashToken(old)));
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date(now)));
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + env.settings["session.absoluteHours"] * 3_600_000),
      ip: env.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
  });
  return sessionCookie().serialize(token, {
    secure: env.https,
    maxAge: env.settings["session.absoluteHours"] * 3600,
  });
}

export async function clearSessionCookie(env: RequestEnv): Promise<string> {
  return sessionCookie().serialize("", { secure: env.https, maxAge: 0 });
}

export type SessionLookup =
  | { state: "none" }
  | { state: "expired" }
  | { state: "active"; user: CurrentUser; sessionId: string };

/** The signed-in user of a request, after checking idle and absolute expiry and that the user is enabled. */
export async function lookupSession(request: Request, env: RequestEnv, now = new Date()): Promise<SessionLookup> {
  const token = await readToken(request);
  if (!token) return { state: "none" };
  const id = hashToken(token);
  const query = prepared(env.db, "session", (d) =>
    d
      .select({ session: sessions, user: users, teamId: staff.teamId, groupName: staff.groupName })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(staff, eq(staff.id, users.staffId))
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare("session"),
  );
  const [row] = await query.execute({ id });
  if (!row) return { state: "expired" };
  const idleLimit = row.session.lastSeenAt.getTime() + env.settings["session.idleMinutes"] * 60_000;
  if (row.user.disabledAt || row.session.expiresAt <= now || idleLimit <= now.getTime()) {
    await env.db.delete(sessions).where(eq(sessions.id, id));
    return { state: "expired" };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await env.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const u = row.user;
  return {
    state: "active",
    sessionId: id,
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles.filter(isRole),
      staffId: u.staffId,
      teamId: row.teamId ?? null,
      groupName: row.groupName ?? null,
      mustChangePassword: u.mustChangePassword,
    },
  };
}

export async function destroySession(env: RequestEnv, request: Request): Promise<void> {
  const token = await readToken(request);
  if (token) await env.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Signs a user out everywhere (but keeps `exceptId`, the session making the change, when given). */
export async function destroyUserSessions(db: Database, userId: number, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

const PASSWORD_CHANGE_PATH = "/profil/kata-sandi";

function loginRedirect(request: Request, expired: boolean, setCookie?: string): never {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const target = url.pathname + url.search;
  if (target !== "/" && !url.pathname.startsWith("/masuk")) params.set("redirectTo", target);
  if (expired) params.set("sesi", "berakhir");
  const query = params.toString();
  throw redirect(`/masuk${query ? `?${query}` : ""}`, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

/** The signed-in user, or null; never redirects (for the layout, which also renders public pages). */
export async function optionalUser(request: Request, context?: AppLoadContext): Promise<CurrentUser | null> {
  const env = await requestEnv(request, context);
  const found = await perRequest(lookups, request, () => whileDatabaseUp(() => lookupSession(request, env)));
  return found.state === "active" ? found.user : null;
}

export type Authenticated = { user: CurrentUser; env: RequestEnv; actor: Actor; sessionId: string };

/** A signed-in user who holds a permission: who they are, and how far that permission reaches (scope.ts). */
export type Permitted = Authenticated & { access: Access };

/** The signed-in user, or a redirect to the sign-in page (which says when the session has ended). */
export async function requireUser(request: Request, context?: AppLoadContext): Promise<Authenticated> {
  const env = await requestEnv(request, context);
  const found = await perRequest(lookups, request, () => lookupSession(request, env));
  if (found.state !== "active") {
    loginRedirect(
      request,
      found.state === "expired",
      found.state === "expired" ? await clearSessionCookie(env) : undefined,
    );
  }
  const { user } = found;
  // Every write of a signed-in user counts against the account's and the address's budgets (rate-limit.ts).
  await enforceWriteLimit(env.db, request, env.settings, { userId: user.id, ip: env.ip }, context);
  // A NUL in the address or the form is refused here, once for every action, before the database sees it.
  await refuseNul(request);
  // After an admin reset, the only thing the user may do is choose a new password.
  if (user.mustChangePassword && new URL(request.url).pathname !== PASSWORD_CHANGE_PATH) {
    throw redirect(PASSWORD_CHANGE_PATH);
  }
  return { user, env, sessionId: found.sessionId, actor: { id: user.id, username: user.username, ip: env.ip } };
}

/**
 * The signed-in user and the widest scope their roles grant for `actionEntity` ("read:staff"), or a
 * friendly 403 (recorded in the audit log) when none does.
 */
export async function requirePermission(
  request: Request,
  context: AppLoadContext | undefined,
  actionEntity: PermissionKey,
): Promise<Permitted> {
  const auth = await requireUser(request, context);
  const scope = scopeFor(auth.user.roles, actionEntity);
  if (!scope) {
    await recordAudit(auth.env.db, auth.actor, {
      action: "access_denied",
      entity: "route",
      entityId: new URL(request.url).pathname,
      after: { permission: actionEntity, method: request.method },
    });
    forbidden();
  }
  const { user } = auth;
  return {
    ...auth,
    access: {
      userId: user.id,
      roles: user.roles,
      scope,
      staffId: user.staffId,
      teamId: user.teamId,
      groupName: user.groupName,
    },
  };
}
