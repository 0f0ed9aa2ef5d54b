import { describe, expect, it } from "vitest";
import { quotaStatus } from "./coverage";

const quota = { perAgent: 4, telepon: 1 };

describe("quota", () => {
  it("4 evaluations with 1 on telepon meet 4 (≥ 1 telepon)", () => {
    expect(quotaStatus({ interactions: 4, telepon: 1 }, quota)).toEqual({ met: true, missing: 0, missingTelepon: 0 });
  });
  it("4 evaluations with none on telepon still need 1 telepon", () => {
    expect(quotaStatus({ interactions: 4, telepon: 0 }, quota)).toEqual({ met: false, missing: 1, missingTelepon: 1 });
  });
  it("2 evaluations, 1 on telepon: 2 more of any channel", () => {
    expect(quotaStatus({ interactions: 2, telepon: 1 }, quota)).toEqual({ met: false, missing: 2, missingTelepon: 0 });
  });
  it("more than the quota is fine", () => {
    expect(quotaStatus({ interactions: 7, telepon: 3 }, quota).met).toBe(true);
  });
});
