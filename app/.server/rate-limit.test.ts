import { afterEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../settings-definitions";
import { enforceWriteLimit, retryAfterOf, WRITE_LIMIT_ENV, WriteLimiter } from "./rate-limit";

const T0 = Date.UTC(2026, 10, 2, 1, 0, 0); // a fixed clock: 2 Nov 2026 08:00 WIB

describe("write budgets (token buckets)", () => {
  it("a burst of the limit passes, the next write waits for the refill (60/min → 1 s)", () => {
    const limiter = new WriteLimiter();
    const budget = [{ key: "account:1", perMinute: 60 }];
    for (let i = 0; i < 60; i++) expect(limiter.take(budget, T0).ok).toBe(true);
    expect(limiter.take(budget, T0)).toEqual({ ok: false, key: "account:1", retryAfterSeconds: 1 });
    expect(limiter.take(budget, T0 + 999).ok).toBe(false);
    expect(limiter.take(budget, T0 + 1000).ok).toBe(true);
  });

  it("Retry-After is the wait of the emptiest budget, rounded up to whole seconds (6/min → 10 s)", () => {
    const limiter = new WriteLimiter();
    const budgets = [
      { key: "account:1", perMinute: 6 },
      { key: "address:10.0.0.1", perMinute: 600 },
    ];
    for (let i = 0; i < 6; i++) limiter.take(budgets, T0);
    expect(limiter.take(budgets, T0 + 2500)).toEqual({ ok: false, key: "account:1", retryAfterSeconds: 8 });
  });

  it("a refused write spends nothing, from either budget", () => {
    const limiter = new WriteLimiter();
    const address = { key: "address:a", perMinute: 5 };
    for (let i = 0; i < 2; i++) limiter.take([{ key: "account:1", perMinute: 2 }, address], T0);
    expect(limiter.take([{ key: "account:1", perMinute: 2 }, address], T0).ok).toBe(false);
    // The address still has 3: another account behind it gets exactly those.
    for (let i = 0; i < 3; i++) expect(limiter.take([{ key: "account:2", perMinute: 60 }, address], T0).ok).toBe(true);
    expect(limiter.take([{ key: "account:2", perMinute: 60 }, address], T0)).toMatchObject({
      ok: false,
      key: "address:a",
    });
  });

  it("a limit of 0 is no limit", () => {
    const limiter = new WriteLimiter();
    for (let i = 0; i < 10_000; i++) expect(limiter.take([{ key: "account:1", perMinute: 0 }], T0).ok).toBe(true);
  });

  it("defaults: 50 assessors behind one address, each saving every 5 s for an hour, are never refused", () => {
    const settings = defaultSettings();
    const limiter = new WriteLimiter();
    let refused = 0;
    for (let second = 0; second < 3600; second += 5) {
      for (let user = 0; user < 50; user++) {
        const verdict = limiter.take(
          [
            { key: `account:${user}`, perMinute: settings["rateLimit.writesPerMinutePerAccount"] },
            { key: "address:203.0.113.1", perMinute: settings["rateLimit.writesPerMinutePerAddress"] },
          ],
          T0 + second * 1000 + user * 10,
        );
        if (!verdict.ok) refused++;
      }
    }
    expect(refused).toBe(0);
  });

  it("defaults: 50 people behind one address each sending their whole personal burst at once all pass", () => {
    const settings = defaultSettings();
    const perAccount = settings["rateLimit.writesPerMinutePerAccount"];
    const limiter = new WriteLimiter();
    for (let user = 0; user < 50; user++) {
      for (let i = 0; i < perAccount; i++) {
        const verdict = limiter.take(
          [
            { key: `account:${user}`, perMinute: perAccount },
            { key: "address:203.0.113.1", perMinute: settings["rateLimit.writesPerMinutePerAddress"] },
          ],
          T0,
        );
        expect(verdict.ok).toBe(true);
      }
    }
  });

  it("a script writing as fast as it can is stopped after the per-account burst (60) within a second", () => {
    const settings = defaultSettings();
    const limiter = new WriteLimiter();
    let accepted = 0;
    for (let ms = 0; ms < 1000; ms += 5) {
      const budget = [{ key: "account:9", perMinute: settings["rateLimit.writesPerMinutePerAccount"] }];
      if (limiter.take(budget, T0 + ms).ok) accepted++;
    }
    expect(accepted).toBe(60);
  });
});

describe("enforceWriteLimit", () => {
  const settings = { ...defaultSettings(), "rateLimit.writesPerMinutePerAccount": 2 };
  const post = () => new Request("http://mutu.test/x", { method: "POST" });
  afterEach(() => {
    delete process.env[WRITE_LIMIT_ENV];
  });

  it("counts writes only, each request once, and refuses with 429, Retry-After and an Indonesian message", async () => {
    const who = { userId: 4242, ip: "192.0.2.10" };
    for (let i = 0; i < 5; i++) enforceWriteLimit(new Request("http://mutu.test/x"), settings, who, undefined, T0);
    const first = post();
    enforceWriteLimit(first, settings, who, undefined, T0);
    enforceWriteLimit(first, settings, who, undefined, T0); // the same request asking twice who the user is
    enforceWriteLimit(post(), settings, who, undefined, T0);
    let thrown: unknown;
    const context = {};
    try {
      enforceWriteLimit(post(), settings, who, context, T0);
    } catch (error) {
      thrown = error;
    }
    const refused = thrown as { data: { message: string }; init: { status: number; headers: Record<string, string> } };
    expect(refused.init.status).toBe(429);
    expect(refused.init.headers["Retry-After"]).toBe("30");
    expect(refused.data.message).toMatch(/^Terlalu banyak perubahan dikirim dari akun Anda.*Tunggu 30 detik/);
    // Kept for entry.server.tsx, which sets Retry-After on .data responses, where Remix drops thrown headers.
    expect(retryAfterOf(context)).toBe(30);
    expect(retryAfterOf({})).toBeUndefined();
  });

  it(`${WRITE_LIMIT_ENV}=off turns the limits off (benchmarks)`, () => {
    process.env[WRITE_LIMIT_ENV] = "off";
    const who = { userId: 4343, ip: "192.0.2.11" };
    for (let i = 0; i < 100; i++) enforceWriteLimit(post(), settings, who, undefined, T0);
  });
});
