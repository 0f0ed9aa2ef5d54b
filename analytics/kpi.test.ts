import { describe, expect, it } from "vitest";
import { type AgentKpiInput, byTeamAndRank, byTeamThen, outliers, pageOf, rankWithinTeams, summarize } from "./kpi";
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

describe("outliers of quality against CPH (Tukey's fences)", () => {
  const typical = [
    { quality: 80, cph: 10 },
    { quality: 82, cph: 11 },
    { quality: 84, cph: 12 },
    { quality: 81, cph: 10.5 },
    { quality: 83, cph: 11.5 },
    { quality: 85, cph: 12.5 },
  ];

  it("quality 40 among 80–85 (quartiles 80.5 and 83.5, fences 76–88) is an outlier, the others are not", () => {
    expect(outliers([...typical, { quality: 40, cph: 11 }])).toEqual([false, false, false, false, false, false, true]);
  });

  it("CPH 30 among 10–12.5 stands out even with a typical quality", () => {
    expect(outliers([...typical, { quality: 82, cph: 30 }]).at(-1)).toBe(true);
  });

  it("three points have no quartiles worth the name: none is an outlier", () => {
    expect(outliers([typical[0], typical[1], { quality: 10, cph: 90 }].filter((p) => p !== undefined))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("identical points are never outliers", () => {
    expect(outliers(Array.from({ length: 10 }, () => ({ quality: 75, cph: 9 })))).not.toContain(true);
  });
});

describe("KPI list order and pages", () => {
  it("team by team, best rank first, incomplete (no rank) last by name", () => {
    const rows = [
      { teamName: "Tim B", rank: 1, fullName: "Ani" },
      { teamName: "Tim A", rank: null, fullName: "Budi" },
      { teamName: "Tim A", rank: 2, fullName: "Citra" },
      { teamName: "Tim A", rank: null, fullName: "Ahmad" },
      { teamName: "Tim A", rank: 1, fullName: "Dewi" },
    ];
    expect([...rows].sort(byTeamAndRank).map((r) => r.fullName)).toEqual(["Dewi", "Citra", "Ahmad", "Budi", "Ani"]);
  });

  it("sorted by a column: teams stay apart, highest first within each (80 > 70 > none), names break ties; ascending keeps none last", () => {
    const rows = [
      { teamName: "Tim B", fullName: "Eko", cph: 9 },
      { teamName: "Tim A", fullName: "Budi", cph: null },
      { teamName: "Tim A", fullName: "Ani", cph: 70 },
      { teamName: "Tim A", fullName: "Citra", cph: 80 },
      { teamName: "Tim A", fullName: "Ahmad", cph: 70 },
    ];
    const names = (descending: boolean) => [...rows].sort(byTeamThen((r) => r.cph, descending)).map((r) => r.fullName);
    expect(names(true)).toEqual(["Citra", "Ahmad", "Ani", "Budi", "Eko"]);
    expect(names(false)).toEqual(["Ahmad", "Ani", "Citra", "Budi", "Eko"]);
  });

  it("120 rows in pages of 50: page 3 holds rows 101–120; a page past the end shows the last", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(pageOf(rows, 3, 50)).toMatchObject({ page: 3, pages: 3, total: 120 });
    expect(pageOf(rows, 3, 50).rows).toEqual(rows.slice(100));
    expect(pageOf(rows, 9, 50).page).toBe(3);
    expect(pageOf(rows, Number.NaN, 50).page).toBe(1);
    expect(pageOf([], 1, 50)).toMatchObject({ page: 1, pages: 1, rows: [] });
  });
});
