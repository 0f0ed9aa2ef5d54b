// Limits on writes: every request other than GET and HEAD from a signed-in user spends one token from the
// budget of the account and one from the budget of the client address (a token bucket each: a burst of
// `perMinute` writes, refilled at `perMinute` per minute). A request that finds either budget empty is
// answered 429 with Retry-After and changes nothing. The defaults (settings `rateLimit.*`) leave a person far
// above what anyone types and clicks, and an office of 50 people behind one NAT address each at that
// personal limit still under the address limit (50 × 60 = 3,000 a minute). Sign-in has its own throttling
// (auth.ts), counted in the database.
//
// The budgets live in this process's memory: with several instances behind a load balancer each keeps its
// own, so the effective limit is up to the number of instances times the setting. That is enough for what
// the limit is for (a runaway script or a stuck key), and costs no database write per request.
import { type AppLoadContext, data } from "@remix-run/node";
import type { ErrorBody } from "./errors";
import type { Settings } from "./settings";

/** Turns the write limits off in this process, for benchmarks that save as fast as they can (README). */
export const WRITE_LIMIT_ENV = "MUTU_WRITE_RATE_LIMIT";

type Budget = { key: string; perMinute: number };
type Bucket = { tokens: number; atMs: number };
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; key: string };

// A bucket untouched for a minute is full again; forgetting it changes nothing. Swept now and then so that
// addresses seen once do not accumulate.
const FULL_AFTER_MS = 60_000;
const SWEEP_EVERY = 1_000;

export class WriteLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private calls = 0;

  /**
   * Spends one write from every budget, or none when one of them is empty: then how many whole seconds
   * until it holds a write again (at least 1) and which budget it was. A limit of 0 means no limit.
   */
  take(budgets: Budget[], nowMs: number): Verdict {
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(nowMs);
    const levels = budgets
      .filter((b) => b.perMinute > 0)
      .map((b) => {
        const bucket = this.buckets.get(b.key);
        const perMs = b.perMinute / 60_000;
        const tokens = bucket ? Math.min(b.perMinute, bucket.tokens + (nowMs - bucket.atMs) * perMs) : b.perMinute;
        return { ...b, tokens, perMs };
      });
    const empty = levels.filter((l) => l.tokens < 1);
    if (empty.length > 0) {
      const waits = empty.map((l) => ({ key: l.key, ms: (1 - l.tokens) / l.perMs }));
      const longest = waits.reduce((a, b) => (b.ms > a.ms ? b : a));
      return { ok: false, key: longest.key, retryAfterSeconds: Math.max(1, Math.ceil(longest.ms / 1000)) };
    }
    for (const l of levels) this.buckets.set(l.key, { tokens: l.tokens - 1, atMs: nowMs });
    return { ok: true };
  }

  private sweep(nowMs: number) {
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.atMs >= FULL_AFTER_MS) this.buckets.delete(key);
    }
  }
}

const limiter = new WriteLimiter();
const counted = new WeakSet<Request>();
// Remix drops the headers of an error thrown by an action on its way to a single-fetch (.data) response, so
// the wait is also kept with the request's load context, for entry.server.tsx to set Retry-After.
const waits = new WeakMap<AppLoadContext, number>();

/** The Retry-After (seconds) of a request refused here, by its load context; undefined when not refused. */
export function retryAfterOf(context: AppLoadContext | undefined): number | undefined {
  return context ? waits.get(context) : undefined;
}

export const isWrite = (request: Request) => request.method !== "GET" && request.method !== "HEAD";

/**
 * Counts a signed-in user's write against the account's and the address's budgets (once per request,
 * however many times the route asks who the user is) and throws a 429 with Retry-After when one is spent.
 */
export function enforceWriteLimit(
  request: Request,
  settings: Settings,
  who: { userId: number; ip: string },
  context?: AppLoadContext,
  nowMs = Date.now(),
): void {
  if (!isWrite(request) || counted.has(request) || process.env[WRITE_LIMIT_ENV] === "off") return;
  counted.add(request);
  const verdict = limiter.take(
    [
      { key: `account:${who.userId}`, perMinute: settings["rateLimit.writesPerMinutePerAccount"] },
      { key: `address:${who.ip}`, perMinute: settings["rateLimit.writesPerMinutePerAddress"] },
    ],
    nowMs,
  );
  if (verdict.ok) return;
  if (context) waits.set(context, verdict.retryAfterSeconds);
  const wait = `Tunggu ${verdict.retryAfterSeconds} detik, lalu kirim lagi.`;
  const message = verdict.key.startsWith("account:")
    ? `Terlalu banyak perubahan dikirim dari akun Anda dalam waktu singkat. ${wait} Perubahan terakhir belum disimpan.`
    : `Terlalu banyak perubahan dikirim dari alamat jaringan ini dalam waktu singkat. ${wait} Perubahan terakhir belum disimpan.`;
  throw data<ErrorBody>({ message }, { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } });
}

/**
 * Counts one public certificate lookup (/verifikasi, no sign-in) against the client address's budget, reads
 * included, and throws a 429 with Retry-After when it is spent: guessing codes stays hopeless.
 */
export function enforceLookupLimit(settings: Settings, ip: string, context?: AppLoadContext, nowMs = Date.now()): void {
  const verdict = limiter.take(
    [{ key: `verify:${ip}`, perMinute: settings["rateLimit.verificationsPerMinutePerAddress"] }],
    nowMs,
  );
  if (verdict.ok) return;
  if (context) waits.set(context, verdict.retryAfterSeconds);
  throw data<ErrorBody>(
    {
      message: `Terlalu banyak pemeriksaan sertifikat dari alamat jaringan ini dalam waktu singkat. Tunggu ${verdict.retryAfterSeconds} detik, lalu coba lagi.`,
    },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
  );
}
