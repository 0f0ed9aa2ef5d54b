// Two server processes on one PostgreSQL database (decision 030): what one process does, the other sees at once —
// a session made by one works on the other, a setting changed through one is in force in the other, and the write
// limit is one budget, not one per process: the (limit + 1)th write is refused whichever process gets it, and the
// refused write changes nothing. PostgreSQL only: the embedded database (PGlite) is one process's own.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/.server/passwords";
import { defaultSettings, SETTING_KEYS, type Settings } from "../../app/settings-definitions";
import { type DatabaseHandle, openDatabase } from "../../db/client";
import { auditLog, settings, users } from "../../db/schema";
import { copyTemplateDatabase } from "../support/db";
import { ensureAppBuilt, type ServerProcess, startServerProcess } from "../support/server-process";

const onPostgres = Boolean(process.env.DATABASE_URL);
const PASSWORD = "dua-proses-satu-kebenaran-2026";
const SECRET = "a-session-secret-shared-by-both-processes-0123456789";
const LIMIT = 3; // writes a minute per account: one every 20 s, far longer than this test's writes take
const MARKER = "import.maxMegabytes"; // the setting each write changes, to see which writes were saved

/** The settings page's form for `values`, as the browser sends it (an unticked box sends nothing). */
function settingsForm(values: Settings): URLSearchParams {
  const form = new URLSearchParams();
  for (const key of SETTING_KEYS) {
    const value = values[key];
    if (typeof value === "boolean") {
      if (value) form.set(key, "on");
    } else form.set(key, value === null || value === undefined ? "" : String(value));
  }
  return form;
}

async function signIn(server: ServerProcess, username: string): Promise<string> {
  const r = await fetch(`${server.base}/masuk`, {
    method: "POST",
    headers: { Origin: server.base },
    body: new URLSearchParams({ username, password: PASSWORD }),
    redirect: "manual",
  });
  await r.arrayBuffer();
  const cookie = r.headers.get("set-cookie")?.split(";")[0];
  if (r.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${r.status}`);
  return cookie;
}

async function saveSettings(server: ServerProcess, cookie: string, values: Settings) {
  const r = await fetch(`${server.base}/admin/pengaturan`, {
    method: "POST",
    headers: { cookie, Origin: server.base },
    body: settingsForm(values),
    redirect: "manual",
  });
  return { status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.text() };
}

describe.runIf(onPostgres)("two server processes on one PostgreSQL database", () => {
  let copy: Awaited<ReturnType<typeof copyTemplateDatabase>>;
  let handle: DatabaseHandle;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    await ensureAppBuilt();
    copy = await copyTemplateDatabase();
    handle = await openDatabase({ url: copy.url });
    const passwordHash = await hashPassword(PASSWORD);
    await handle.db.insert(users).values(
      ["admin.satu", "admin.dua"].map((username) => ({
        username,
        displayName: username,
        passwordHash,
        roles: ["admin"],
      })),
    );
    // One after the other: the second finds the database migrated. The limits on, as in production.
    for (let i = 0; i < 2; i++)
      servers.push(await startServerProcess({ DATABASE_URL: copy.url, SESSION_SECRET: SECRET }));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await handle?.close();
    await copy?.drop();
  });

  it("a setting changed through one is in force in the other, and the write limit is one budget for both", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    // Admin one lowers the per-account limit through A.
    const lowered = { ...defaultSettings(), "rateLimit.writesPerMinutePerAccount": LIMIT, [MARKER]: 11 };
    const first = await signIn(a, "admin.satu");
    expect((await saveSettings(a, first, lowered)).status).toBe(200);
    // B shows it at once on its settings page.
    const page = await fetch(`${b.base}/admin/pengaturan`, { headers: { cookie: first } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(
      new RegExp(
        `name="rateLimit\\.writesPerMinutePerAccount"[^>]*value="${LIMIT}"|value="${LIMIT}"[^>]*name="rateLimit\\.writesPerMinutePerAccount"`,
      ),
    );

    // Admin two, signed in through B, writes alternately through B and A: the budget of 3 is spent across both.
    const second = await signIn(b, "admin.dua");
    const alternate = [b, a, b];
    for (const [i, server] of alternate.entries()) {
      const saved = await saveSettings(server, second, { ...lowered, [MARKER]: 21 + i });
      expect(saved.status, `write ${i + 1} through ${server === a ? "A" : "B"}`).toBe(200);
    }
    // The fourth is refused by whichever process gets it: A, then B.
    for (const server of [a, b]) {
      const refused = await saveSettings(server, second, { ...lowered, [MARKER]: 99 });
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(20);
      expect(refused.body).toContain("Terlalu banyak perubahan dikirim dari akun Anda");
    }

    // Saved: the three accepted writes (the last of them is the value now), nothing of the refused ones.
    const [marker] = await handle.db.select().from(settings).where(eq(settings.key, MARKER));
    expect(marker?.value).toBe(23);
    const changes = await handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, MARKER));
    expect(changes.map((c) => (c.after as { value: number }).value)).toEqual([11, 21, 22, 23]);
    // The other admin, and so the other budget, is not held back by admin two's.
    expect((await saveSettings(b, first, { ...lowered, [MARKER]: 31 })).status).toBe(200);
  });

  it("WEB_CONCURRENCY=2: two workers serve one port; one killed is replaced and logged; SIGTERM stops them all", async () => {
    const server = await startServerProcess({ DATABASE_URL: copy.url, SESSION_SECRET: SECRET, WEB_CONCURRENCY: "2" });
    servers.push(server);
    expect(server.output()).toMatch(/Mutu berjalan di http:\/\/127\.0\.0\.1:\d+ \(postgresql:\/\/.*, 2 proses\)/);
    const workers = childrenOf(server.child.pid ?? 0);
    expect(workers).toHaveLength(2);

    const [killed] = workers as [number];
    process.kill(killed, "SIGKILL");
    // Once the primary has noticed (a connection handed to the worker in the instant it died is lost: Node's
    // cluster), the other worker answers alone until the replacement comes, after the first pause (1 s).
    await waitFor(() => server.output().includes(`Proses server ${killed} berhenti tiba-tiba (sinyal SIGKILL)`));
    expect(server.output()).toMatch(/diganti dalam 1 detik\./);
    expect(await healthz(server.base)).toBe(200);
    await waitFor(() => {
      const now = childrenOf(server.child.pid ?? 0);
      return now.length === 2 && !now.includes(killed);
    });
    for (let i = 0; i < 4; i++) expect(await healthz(server.base)).toBe(200);

    const replaced = childrenOf(server.child.pid ?? 0);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    for (const pid of replaced) expect(alive(pid), `worker ${pid} still running`).toBe(false);
  }, 120_000);
});

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      const stat = (() => {
        try {
          return readFileSync(`/proc/${d}/stat`, "utf8");
        } catch {
          return "";
        }
      })();
      // "pid (comm) state ppid …": the parent is the second field after the command's closing parenthesis.
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
    })
    .map(Number);
}

/**
 * /healthz's status on a new connection, as a new client gets it. (fetch would reuse its kept-alive connection,
 * and one sent the instant its worker was killed can wait for the socket's end instead of failing at once.)
 */
function healthz(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/healthz`, { agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("timeout", () => request.destroy(new Error("no answer from /healthz within 10 s")));
    request.on("error", reject);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
