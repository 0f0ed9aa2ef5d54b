// The write limits' budgets as the database keeps them (app/.server/rate-limit.ts): a token bucket per key,
// spent in one statement, shared by every connection — and so by every process — on the database.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../app/.server/imports/rows";
import { enforceWriteLimit, retryAfterOf, spendFromBudgets, WRITE_LIMIT_ENV } from "../../app/.server/rate-limit";
import { defaultSettings } from "../../app/settings-definitions";
import { openDatabase } from "../../db/client";
import { writeBudgets } from "../../db/schema";
import { databaseForThisFile } from "../support/db";

const getHandle = databaseForThisFile();
const db = () => getHandle().db;

const T0 = Date.UTC(2026, 10, 2, 1, 0, 0); // a fixed clock: 2 Nov 2026 08:00 WIB
const at = (ms: number) => new Date(T0 + ms);
// Every test its own keys: the table is shared by the file.
let n = 0;
const fresh = (kind: string) => `${kind}:${++n}-${Math.random().toString(36).slice(2, 8)}`;

describe("write budgets (token buckets in the database)", () => {
  it("a burst of the limit passes, the next write waits for the refill (60/min → 1 s)", async () => {
    const budget = [{ key: fresh("account"), perMinute: 60 }];
    for (let i = 0; i < 60; i++) expect((await spendFromBudgets(db(), budget, at(0))).ok).toBe(true);
    expect(await spendFromBudgets(db(), budget, at(0))).toEqual({
      ok: false,
      key: budget[0]?.key,
      retryAfterSeconds: 1,
    });
    expect((await spendFromBudgets(db(), budget, at(999))).ok).toBe(false);
    expect((await spendFromBudgets(db(), budget, at(1000))).ok).toBe(true);
  });

  it("Retry-After is the wait of the emptiest budget, rounded up to whole seconds (6/min → 10 s)", async () => {
    const account = fresh("account");
    const budgets = [
      { key: account, perMinute: 6 },
      { key: fresh("address"), perMinute: 600 },
    ];
    for (let i = 0; i < 6; i++) await spendFromBudgets(db(), budgets, at(0));
    // Full again at 60 s; the 7th write needs 10 s more than the minute: 60 + 10 − 2.5 − 60 = 7.5 → 8 s.
    expect(await spendFromBudgets(db(), budgets, at(2500))).toEqual({ ok: false, key: account, retryAfterSeconds: 8 });
  });

  it("a refused write spends nothing, from either budget", async () => {
    const address = { key: fresh("address"), perMinute: 5 };
    const first = { key: fresh("account"), perMinute: 2 };
    for (let i = 0; i < 2; i++) await spendFromBudgets(db(), [first, address], at(0));
    expect((await spendFromBudgets(db(), [first, address], at(0))).ok).toBe(false);
    // The address still has 3: another account behind it gets exactly those.
    const second = { key: fresh("account"), perMinute: 60 };
    for (let i = 0; i < 3; i++) expect((await spendFromBudgets(db(), [second, address], at(0))).ok).toBe(true);
    expect(await spendFromBudgets(db(), [second, address], at(0))).toMatchObject({ ok: false, key: address.key });
  });

  it("a limit of 0 is no limit, and writes no row", async () => {
    const key = fresh("account");
    for (let i = 0; i < 200; i++) expect((await spendFromBudgets(db(), [{ key, perMinute: 0 }], at(0))).ok).toBe(true);
    const rows = await db().select().from(writeBudgets);
    expect(rows.some((r) => r.key === key)).toBe(false);
  });

  it("a limit that does not divide the minute (7/min) still allows its whole burst of 7", async () => {
    const budget = [{ key: fresh("account"), perMinute: 7 }];
    for (let i = 0; i < 7; i++) expect((await spendFromBudgets(db(), budget, at(0))).ok).toBe(true);
    expect((await spendFromBudgets(db(), budget, at(0))).ok).toBe(false);
  });

  it("defaults: 50 assessors behind one address, each saving every 5 s for two minutes, are never refused", async () => {
    const settings = defaultSettings();
    const address = fresh("address");
    let refused = 0;
    // A budget is full again after a minute at the latest: two minutes reach the steady state.
    for (let second = 0; second < 120; second += 5) {
      const verdicts = await Promise.all(
        Array.from({ length: 50 }, (_, user) =>
          spendFromBudgets(
            db(),
            [
              {
                key: `account:assessor-${address}-${user}`,
                perMinute: settings["rateLimit.writesPerMinutePerAccount"],
              },
              { key: address, perMinute: settings["rateLimit.writesPerMinutePerAddress"] },
            ],
            at(second * 1000 + user * 10),
          ),
        ),
      );
      refused += verdicts.filter((v) => !v.ok).length;
    }
    expect(refused).toBe(0);
  });

  it("the once-a-minute sweep, run beside spends from the very budgets it deletes, never deadlocks with them", async () => {
    const address = fresh("address");
    const budgets = (user: number) => [
      { key: `account:${address}-${user}`, perMinute: 60 },
      { key: address, perMinute: 3_000 },
    ];
    // Each round a minute after the last: the round's first call sweeps the budgets the round before filled up
    // again, while the other calls spend from those same rows (the address's row in all of them).
    for (let round = 0; round < 20; round++) {
      const now = at(3_600_000 + round * 61_000);
      // Budgets of other people, full again as well: a sweep that takes a while, as on a busy day.
      await db().execute(sql`
        insert into write_budgets (key, full_at)
        select ${fresh("other")} || '-' || i, ${now.toISOString()}::timestamptz - interval '1 minute'
        from generate_series(1, 2000) as i`);
      const verdicts = await Promise.all(
        Array.from({ length: 20 }, (_, user) => spendFromBudgets(db(), budgets(user), now)),
      );
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    }
  });

  it("a script writing as fast as it can is stopped after the per-account burst (60) within a second", async () => {
    const settings = defaultSettings();
    const budget = [{ key: fresh("account"), perMinute: settings["rateLimit.writesPerMinutePerAccount"] }];
    let accepted = 0;
    for (let ms = 0; ms < 1000; ms += 5) if ((await spendFromBudgets(db(), budget, at(ms))).ok) accepted++;
    expect(accepted).toBe(60);
  });

  it("spent at once from many connections, a budget of 20 lets exactly 20 through", async () => {
    const budget = [{ key: fresh("account"), perMinute: 20 }];
    const verdicts = await Promise.all(Array.from({ length: 60 }, () => spendFromBudgets(db(), budget, at(0))));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(20);
  });

  // Two handles, two connection pools: what two server processes have.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "two handles on one PostgreSQL database share the budget: 30 a minute in all, not 30 each",
    async () => {
      const url = await currentUrl();
      const other = await openDatabase({ url });
      try {
        const budget = [{ key: fresh("account"), perMinute: 30 }];
        const verdicts = await Promise.all(
          Array.from({ length: 80 }, (_, i) => spendFromBudgets(i % 2 ? other.db : db(), budget, at(0))),
        );
        expect(verdicts.filter((v) => v.ok)).toHaveLength(30);
      } finally {
        await other.close();
      }
    },
  );

  it("budgets full again are swept, at most once a minute", async () => {
    const old = fresh("address");
    const recent = fresh("address");
    await spendFromBudgets(db(), [{ key: old, perMinute: 60 }], at(200_000)); // full again at 201 s
    await spendFromBudgets(db(), [{ key: recent, perMinute: 60 }], at(230_000)); // full again at 231 s
    const keys = async () => (await db().select().from(writeBudgets)).map((r) => r.key);
    // 30 s after the last sweep: none yet; 70 s after it, the one full again goes and the other stays.
    await spendFromBudgets(db(), [{ key: fresh("account"), perMinute: 60 }], at(230_500));
    expect(await keys()).toContain(old);
    const latest = fresh("account");
    await spendFromBudgets(db(), [{ key: latest, perMinute: 60 }], at(270_000));
    const left = await keys();
    expect(left).not.toContain(old);
    expect(left).not.toContain(recent);
    expect(left).toContain(latest); // spent at 270 s, full again only at 271 s
  });
});

/** The URL of this file's own PostgreSQL database. */
async function currentUrl(): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await db().execute(sql`select current_database() as name`));
  return Object.assign(new URL(process.env.DATABASE_URL ?? ""), { pathname: `/${row?.name}` }).toString();
}

describe("enforceWriteLimit", () => {
  const settings = { ...defaultSettings(), "rateLimit.writesPerMinutePerAccount": 2 };
  const post = () => new Request("http://mutu.test/x", { method: "POST" });
  // The database tests run with the limits off (vitest.config.ts); these turn them on.
  const before = process.env[WRITE_LIMIT_ENV];
  beforeAll(() => {
    delete process.env[WRITE_LIMIT_ENV];
  });
  afterEach(() => {
    delete process.env[WRITE_LIMIT_ENV];
  });
  afterAll(() => {
    if (before !== undefined) process.env[WRITE_LIMIT_ENV] = before;
  });

  it("counts writes only, each request once, and refuses with 429, Retry-After and an Indonesian message", async () => {
    const who = { userId: 4242, ip: "192.0.2.10" };
    for (let i = 0; i < 5; i++)
      await enforceWriteLimit(db(), new Request("http://mutu.test/x"), settings, who, undefined, at(0));
    const first = post();
    await enforceWriteLimit(db(), first, settings, who, undefined, at(0));
    await enforceWriteLimit(db(), first, settings, who, undefined, at(0)); // the same request asking twice who the user is
    await enforceWriteLimit(db(), post(), settings, who, undefined, at(0));
    const context = {};
    const thrown: unknown = await enforceWriteLimit(db(), post(), settings, who, context, at(0)).catch((e) => e);
    const refused = thrown as { data: { message: string }; init: { status: number; headers: Record<string, string> } };
    expect(refused.init.status).toBe(429);
    expect(refused.init.headers["Retry-After"]).toBe("30");
    expect(refused.data.message).toMatch(/^Terlalu banyak perubahan dikirim dari akun Anda.*Tunggu 30 detik/);
    // Kept for entry.server.tsx, which sets Retry-After on .data responses, where Remix drops thrown headers.
    expect(retryAfterOf(context)).toBe(30);
    expect(retryAfterOf({})).toBeUndefined();
  });

  it(`${WRITE_LIMIT_ENV}=off turns the limits off (benchmarks)`, async () => {
    process.env[WRITE_LIMIT_ENV] = "off";
    const who = { userId: 4343, ip: "192.0.2.11" };
    for (let i = 0; i < 100; i++) await enforceWriteLimit(db(), post(), settings, who, undefined, at(0));
  });
});
