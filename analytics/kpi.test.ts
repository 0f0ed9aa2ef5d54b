import { describe, expect, it } from "vitest";
import { type AgentKpiInput, rankWithinTeams, summarize } from "./kpi";
import { DEFAULT_GRADE_BANDS } from "./scoring";

describe("rank within the team", () => {
  it("highest first, equal scores share a rank and the next rank skips (1, 2, 2, 4)", () => {
    const ranks = rankWithinTeams([
      { staffId: 1, teamId: 1, score: 80 },
      { staffId: 2, teamId: 1, score: 92.5 },
      { staffId: 3, teamId: 1, score: 80.001 }, // shows as 80,00: the same rank as 80
      { staffId: 4, teamId: 1, score: 70 },
      { staffId: 5, teamId: 2, score: 60 },
      { staffId: 6, teamId: 1, score: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ 1: 2, 2: 1, 3: 2, 4: 4, 5: 1 });
  });
});

const agent = (over: Partial<AgentKpiInput> & { score: number | null }): AgentKpiInput => ({
  staffId: 1,
  teamId: 1,
  evaluations: 4,
  dimensions: { hardskill: 80, softskill: 70, kedisiplinan: 90, cph: 100 },
  kpi: { score: over.score, missing: over.score === null ? ["cph"] : [] },
  certified: false,
  quotaMet: true,
  ...over,
});

describe("summary of a group", () => {
  it("averages complete KPIs only, counts predikat per band, and shares of quota and certificates", () => {
    const s = summarize(
      [
        agent({ staffId: 1, score: 92, certified: true }),
        agent({ staffId: 2, score: 80 }),
        agent({ staffId: 3, score: 77, quotaMet: false }),
        agent({
          staffId: 4,
          score: null,
          evaluations: 1,
          dimensions: { hardskill: 50, softskill: 40, kedisiplinan: null, cph: null },
        }),
      ],
      DEFAULT_GRADE_BANDS,
    );
    expect(s.agents).toBe(4);
    expect(s.complete).toBe(3);
    expect(s.average).toBeCloseTo((92 + 80 + 77) / 3, 10);
    // (80 + 80 + 80 + 50) ÷ 4 = 72,5; kedisiplinan only over the three who have it.
    expect(s.dimensions).toEqual({ hardskill: 72.5, softskill: 62.5, kedisiplinan: 90, cph: 100 });
    expect(s.distribution).toEqual([
      { label: "Sangat Baik", count: 1 },
      { label: "Baik", count: 2 },
      { label: "Cukup", count: 0 },
      { label: "Kurang", count: 0 },
      { label: "Buruk", count: 0 },
    ]);
    expect(s.evaluations).toBe(13);
    expect(s.coverage).toBe(0.75);
    expect(s.certifiedShare).toBe(0.25);
  });

  it("an empty group has no averages and no shares, rather than zeros", () => {
    const s = summarize([], DEFAULT_GRADE_BANDS);
    expect(s).toMatchObject({ agents: 0, average: null, coverage: null, certifiedShare: null });
    expect(s.dimensions.hardskill).toBeNull();
  });
});
