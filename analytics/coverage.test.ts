import { describe, expect, it } from "vitest";
import { quotaStatus } from "./coverage";

const quota = { perAgent: 4, byChannel: { telepon: 1 } };

describe("quota", () => {
  it("4 evaluations with 1 on telepon meet 4 (≥ 1 telepon)", () => {
    expect(quotaStatus({ interactions: 4, byChannel: { telepon: 1, email: 3 } }, quota)).toEqual({
      met: true,
      missing: 0,
      missingByChannel: {},
    });
  });
  it("4 evaluations with none on telepon still need 1 telepon", () => {
    expect(quotaStatus({ interactions: 4, byChannel: { webchat: 4 } }, quota)).toEqual({
      met: false,
      missing: 1,
      missingByChannel: { telepon: 1 },
    });
  });
  it("2 evaluations, 1 on telepon: 2 more of any channel", () => {
    expect(quotaStatus({ interactions: 2, byChannel: { telepon: 1, sms: 1 } }, quota)).toEqual({
      met: false,
      missing: 2,
      missingByChannel: {},
    });
  });
  it("minimums on two channels: 1 telepon and 2 webchat with only 1 webchat → 2 missing (1 telepon, 1 webchat)", () => {
    const r = quotaStatus(
      { interactions: 1, byChannel: { webchat: 1 } },
      { perAgent: 2, byChannel: { telepon: 1, webchat: 2 } },
    );
    expect(r).toEqual({ met: false, missing: 2, missingByChannel: { telepon: 1, webchat: 1 } });
  });
  it("more than the quota is fine", () => {
    expect(quotaStatus({ interactions: 7, byChannel: { telepon: 3 } }, quota).met).toBe(true);
  });
});
