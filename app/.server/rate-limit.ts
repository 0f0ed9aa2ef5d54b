// Limits on writes: every request other than GET and HEAD from a signed-in user spends one token from the
// budget of the account and one from the budget of the client address (a token bucket each: a burst of
// `perMinute` writes, refilled at `perMinute` per minute). A request that finds either budget empty is
// answered 429 with Retry-After and changes nothing. The defaults (settings `rateLimit.*`) leave a person far
// above what anyone types and clicks, and an office of 50 people behind one NAT address each at that
// personal limit still under the address limit (50 × 60 = 3,000 a minute). Sign-in has its own throttling
// (auth.ts), counted in the database.
//
// The budgets live in the database (table write_budgets, decision 030), so every process on one database
// spends from the same budget: with WEB_CONCURRENCY workers, or several machines, the limit is the setting,
// not the setting times the processes. A budget is one timestamp, the moment it is full again: spending one
// write moves it `60 s ÷ perMinute` later (from now, when it had already passed), and a write that would move
// it more than a minute ahead finds the budget empty. One statement per request spends from both budgets, each
// row under its own lock, so two processes never spend the same token. The table is UNLOGGED: no WAL, no
// disk flush per write; after a crash of PostgreSQL it is empty, every budget full, as after a restart of an app
// that kept them in memory.
import { type AppLoadContext, data } from "@remix-run/node";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./db";
import type { ErrorBody } from "./errors";
import { rowsOf } from "./imports/rows";
import type { Settings } from "./settings";

/** Turns the write limits off in this process, for benchmarks that save as fast as they can (README). */
export const WRITE_LIMIT_ENV = "MUTU_WRITE_RATE_LIMIT";

export type Budget = { key: string; perMinute: number };
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number; key: string };

const MINUTE_MICROS = 60_000_000;
// A budget whose moment has passed is full, the same as no row: deleted now and then (at most once a minute by
// each process, kept per database as module state is, vitest.config.ts) so that addresses seen once do not
// accumulate.
const SWEEP_EVERY_MS = 60_000;
const sweptAt = new WeakMap<Database, number>();

/**
 * Spends one write from every budget, or none when one of them is empty: then how many whole seconds until
 * it holds a write again (at least 1) and which budget it was. A limit of 0 means no limit.
 */
export async function spendFromBudgets(db: Database, budgets: Budget[], now: Date): Promise<Verdict> {
  // In key order, so that two requests lock the rows they share in the same order and never deadlock.
  const limited = budgets
    .filter((b) => b.perMinute > 0)
    .map((b) => ({ key: b.key, stepMicros: Math.floor(MINUTE_MICROS / b.perMinute) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  if (limited.length === 0) return { ok: true };
  const swept = sweptAt.get(db);
  if (swept === undefined || Math.abs(now.getTime() - swept) >= SWEEP_EVERY_MS) {
    sweptAt.set(db, now.getTime());
    // Only rows no request holds (SKIP LOCKED), taken in key order: the sweep never waits on a spend, so a spend
    // that waits on a row the sweep is deleting can never be waiting on a deadlock.
    await db.execute(sql`
      delete from write_budgets where key in (
        select key from write_budgets where full_at <= ${now.toISOString()}::timestamptz
        order by key for update skip locked)`);
  }
  const wanted = sql`(values ${valuesOf(limited)}) as w (key, step)`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const step = sql`(excluded.full_at - ${at})`;
  // Rows under conflict are spent only WHERE the budget holds a write; a refused row is not returned (nor
  // changed). Its wait is read beside, from the statement's snapshot: a hint, a few milliseconds old at worst.
  const found = rowsOf<{ key: string; spent: boolean; wait_ms: number | null }>(
    await db.execute(sql`
      with spent as (
        insert into write_budgets as b (key, full_at)
        select w.key, ${at} + w.step * interval '1 microsecond' from ${wanted}
        on conflict (key) do update set full_at = greatest(b.full_at, ${at}) + ${step}
        where greatest(b.full_at, ${at}) + ${step} <= ${at} + interval '1 minute'
        returning b.key
      )
      select w.key, exists (select 1 from spent s where s.key = w.key) as spent,
        extract(epoch from greatest(b.full_at, ${at}) + w.step * interval '1 microsecond'
          - ${at} - interval '1 minute')::float8 * 1000 as wait_ms
      from ${wanted} left join write_budgets b on b.key = w.key`),
  );
  const refused = found.filter((f) => !f.spent);
  if (refused.length === 0) return { ok: true };
  const spent = limited.filter((b) => found.some((f) => f.key === b.key && f.spent));
  if (spent.length > 0) await giveBack(db, spent);
  const longest = refused.reduce((a, b) => ((b.wait_ms ?? 0) > (a.wait_ms ?? 0) ? b : a));
  return { ok: false, key: longest.key, retryAfterSeconds: Math.max(1, Math.ceil((longest.wait_ms ?? 0) / 1000)) };
}

/** Undoes the spend of a refused request from the budgets that did hold a write: a refused write spends nothing. */
async function giveBack(db: Database, budgets: Step[]) {
  // The rows locked in key order first, as the spend locks them: an UPDATE … FROM takes them in whatever order
  // its join finds them.
  await db.execute(sql`
    with w (key, step) as (values ${valuesOf(budgets)}),
      locked as (select b.key from write_budgets b join w on w.key = b.key order by b.key for update of b)
    update write_budgets b set full_at = b.full_at - w.step * interval '1 microsecond'
    from w join locked l on l.key = w.key where b.key = w.key`);
}

type Step = { key: string; stepMicros: number };
const valuesOf = (budgets: Step[]): SQL =>
  sql.join(
    budgets.map((b) => sql`(${b.key}::text, ${b.stepMicros}::bigint)`),
    sql`, `,
  );

// Remix drops the headers of an error thrown by an action on its way to a single-fetch (.data) response, so
// the wait is also kept with the request's load context, for entry.server.tsx to set Retry-After.
const waits = new WeakMap<AppLoadContext, number>();
// A route may ask several times who the user is: the request is counted once, every asker gets its verdict.
const counted = new WeakMap<Request, Promise<void>>();

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
  db: Database,
  request: Request,
  settings: Settings,
  who: { userId: number; ip: string },
  context?: AppLoadContext,
  now = new Date(),
): Promise<void> {
  if (!isWrite(request) || process.env[WRITE_LIMIT_ENV] === "off") return Promise.resolve();
  let pending = counted.get(request);
  if (!pending) {
    pending = spendFromBudgets(
      db,
      [
        { key: `account:${who.userId}`, perMinute: settings["rateLimit.writesPerMinutePerAccount"] },
        { key: `address:${who.ip}`, perMinute: settings["rateLimit.writesPerMinutePerAddress"] },
      ],
      now,
    ).then((verdict) => {
      if (verdict.ok) return;
      const wait = `Tunggu ${verdict.retryAfterSeconds} detik, lalu kirim lagi.`;
      const from = verdict.key.startsWith("account:") ? "akun Anda" : "alamat jaringan ini";
      refuse(
        context,
        verdict.retryAfterSeconds,
        `Terlalu banyak perubahan dikirim dari ${from} dalam waktu singkat. ${wait} Perubahan terakhir belum disimpan.`,
      );
    });
    counted.set(request, pending);
  }
  return pending;
}

/**
 * Counts one public certificate lookup (/verifikasi, no sign-in) against the client address's budget, reads
 * included, and throws a 429 with Retry-After when it is spent: guessing codes stays hopeless.
 */
export async function enforceLookupLimit(
  db: Database,
  settings: Settings,
  ip: string,
  context?: AppLoadContext,
  now = new Date(),
): Promise<void> {
  const verdict = await spendFromBudgets(
    db,
    [{ key: `verify:${ip}`, perMinute: settings["rateLimit.verificationsPerMinutePerAddress"] }],
    now,
  );
  if (verdict.ok) return;
  refuse(
    context,
    verdict.retryAfterSeconds,
    `Terlalu banyak pemeriksaan sertifikat dari alamat jaringan ini dalam waktu singkat. Tunggu ${verdict.retryAfterSeconds} detik, lalu coba lagi.`,
  );
}

function refuse(context: AppLoadContext | undefined, retryAfterSeconds: number, message: string): never {
  if (context) waits.set(context, retryAfterSeconds);
  throw data<ErrorBody>({ message }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}
