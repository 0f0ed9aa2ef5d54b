import { describe, expect, it } from "vitest";
import { periodCph } from "./cph";

const targets = { telepon: 10, webchat: 8, media_sosial: 10, sms: 15, email: 6 };

describe("period CPH", () => {
  it("telepon 52 calls / 6.5 h = 8.0 → score 8/10×100 = 80", () => {
    const r = periodCph([{ channel: "telepon", calls: 52, loggedInSeconds: 6.5 * 3600 }], targets);
    expect(r.cph).toBe(8);
    expect(r.score).toBe(80);
  });

  it("telepon 80 calls / 10 h (score 80) and email 36 / 5 h = 7.2 vs 6 (score 100): (80×10 + 100×5) ÷ 15 = 86.67", () => {
    const r = periodCph(
      [
        { channel: "telepon", calls: 80, loggedInSeconds: 10 * 3600 },
        { channel: "email", calls: 36, loggedInSeconds: 5 * 3600 },
      ],
      targets,
    );
    expect(r.calls).toBe(116);
    expect(r.hours).toBe(15);
    expect(r.cph).toBeCloseTo(116 / 15, 10);
    expect(r.score).toBeCloseTo(1300 / 15, 10);
  });

  it("no logged-in time → no CPH and no score (null, never 0)", () => {
    expect(periodCph([], targets)).toMatchObject({ cph: null, score: null });
    expect(periodCph([{ channel: "sms", calls: 0, loggedInSeconds: 0 }], targets)).toMatchObject({
      cph: null,
      score: null,
    });
  });
});
