import { describe, expect, it } from "vitest";
import { actionLate, coachingEffect, coachingStatus } from "./coaching";

describe("coachingStatus", () => {
  it("waits for the agent while nothing is followed up and the agent has not acknowledged", () => {
    expect(coachingStatus({ acknowledged: false, actions: [{ outcome: null }, { outcome: null }] })).toBe(
      "menunggu_petugas",
    );
  });
  it("runs once acknowledged, while one action of two still waits for its follow-up", () => {
    expect(coachingStatus({ acknowledged: true, actions: [{ outcome: "tercapai" }, { outcome: null }] })).toBe(
      "berjalan",
    );
  });
  it("is done when every action has an outcome, done or not, acknowledged or not", () => {
    const actions = [{ outcome: "tercapai" }, { outcome: "tidak_tercapai" }];
    expect(coachingStatus({ acknowledged: true, actions })).toBe("selesai");
    expect(coachingStatus({ acknowledged: false, actions })).toBe("selesai");
  });
  it("is never done without any action", () => {
    expect(coachingStatus({ acknowledged: true, actions: [] })).toBe("berjalan");
  });
});

describe("actionLate", () => {
  it("due 2026-12-10: on time that day, late on the 11th, never late once followed up", () => {
    expect(actionLate({ dueOn: "2026-12-10", outcome: null }, "2026-12-10")).toBe(false);
    expect(actionLate({ dueOn: "2026-12-10", outcome: null }, "2026-12-11")).toBe(true);
    expect(actionLate({ dueOn: "2026-12-10", outcome: "tidak_tercapai" }, "2026-12-20")).toBe(false);
  });
});

describe("coachingEffect", () => {
  it("before 60 and 70 (mean 65), after 80, 90 and 100 with a limit of 2 (mean 85): +20 points", () => {
    expect(coachingEffect([60, 70], [80, 90, 100], 2)).toEqual({
      before: { count: 2, mean: 65 },
      after: { count: 2, mean: 85 },
      change: 20,
    });
  });
  it("no evaluation after the session yet: no change to show", () => {
    expect(coachingEffect([60], [])).toEqual({
      before: { count: 1, mean: 60 },
      after: { count: 0, mean: null },
      change: null,
    });
  });
});
