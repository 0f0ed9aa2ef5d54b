import { describe, expect, it } from "vitest";
import { groupForSending, MAX_ATTEMPTS, mailKindsFor, nextDigestAt, reminderDue, retryDelayMs } from "./mail";

const MIN = 60_000;

describe("mail rules", () => {
  it("back-off 1, 2, 4, 8, 16, 32 min, then 64 capped to 60 min, and stays at 60", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelayMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("back-off with a base of 100 ms and a cap of 1 s: 100, 200, 400, 800, 1000", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 100, 1000))).toEqual([100, 200, 400, 800, 1000]);
  });

  it("gives up after about nine hours: 1+2+4+8+16+32 min + 5 × 60 min = 363 min between 12 attempts", () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n);
    expect(total / MIN).toBe(1 + 2 + 4 + 8 + 16 + 32 + 5 * 60);
  });

  it("digest: at 06:59 WIB → 07:00 the same day; at 07:00 WIB exactly → 07:00 the next day; at 23:30 WIB → next day", () => {
    // 06:59 WIB on 2 Dec 2026 = 23:59 UTC on 1 Dec.
    expect(nextDigestAt(new Date("2026-12-01T23:59:00Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-02T00:00:00Z")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
    // 23:30 WIB on 2 Dec = 16:30 UTC on 2 Dec: the next 07:00 WIB is 3 Dec 00:00 UTC.
    expect(nextDigestAt(new Date("2026-12-02T16:30:00Z")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
    // 17:30 UTC on 2 Dec is already 00:30 WIB on 3 Dec: still 3 Dec 07:00 WIB.
    expect(nextDigestAt(new Date("2026-12-02T17:30:00Z")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("reminder, window 7 days from 1 Dec 10:00: not on day 4, due from 6 Dec 10:00 to just before 8 Dec 10:00, not after", () => {
    const submitted = new Date("2026-12-01T03:00:00Z");
    expect(reminderDue(submitted, 7, new Date("2026-12-05T03:00:00Z"))).toBe(false);
    expect(reminderDue(submitted, 7, new Date("2026-12-06T02:59:59Z"))).toBe(false);
    expect(reminderDue(submitted, 7, new Date("2026-12-06T03:00:00Z"))).toBe(true);
    expect(reminderDue(submitted, 7, new Date("2026-12-08T02:59:59Z"))).toBe(true);
    expect(reminderDue(submitted, 7, new Date("2026-12-08T03:00:00Z"))).toBe(false);
  });

  it("a window of 2 days or less gets no reminder (the first mail names the deadline)", () => {
    const submitted = new Date("2026-12-01T03:00:00Z");
    expect(reminderDue(submitted, 2, new Date("2026-12-01T04:00:00Z"))).toBe(false);
    expect(reminderDue(submitted, 1, new Date("2026-12-01T04:00:00Z"))).toBe(false);
  });

  it("groups singles one by one and each person's digest rows into one mail", () => {
    const rows = [
      { id: 1, userId: 7, digest: true },
      { id: 2, userId: 8, digest: false },
      { id: 3, userId: 7, digest: true },
      { id: 4, userId: 9, digest: true },
      { id: 5, userId: 7, digest: false },
    ];
    expect(groupForSending(rows).map((g) => [g.userId, g.digest, g.rows.map((r) => r.id)])).toEqual([
      [8, false, [2]],
      [7, false, [5]],
      [7, true, [1, 3]],
      [9, true, [4]],
    ]);
  });

  it("offers an agent the agent's kinds and a QA coordinator the dispute filed", () => {
    expect(mailKindsFor(["petugas"])).toEqual([
      "evaluation_received",
      "dispute_window_closing",
      "dispute_settled",
      "coaching_due",
      "period_approved",
    ]);
    expect(mailKindsFor(["koordinator_qa"])).toContain("dispute_filed");
    expect(mailKindsFor(["admin"])).toEqual([]);
  });
});
