import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cphScore,
  gradeOf,
  type ItemValue,
  itemScore,
  itemValueProblem,
  periodKpi,
  type ScoredItem,
  scoreEvaluation,
  sectionWeightsProblem,
} from "./scoring";

// The default template of the reference (hardskill and softskill sections).
const item = (
  id: number,
  section: ScoredItem["section"],
  scale: ScoredItem["scale"],
  weight: number,
  extra: Partial<ScoredItem> = {},
) => ({ id, section, scale, weight, critical: false, allowNa: false, ...extra }) satisfies ScoredItem;
const H1 = item(1, "hardskill", "1-5", 30);
const H2 = item(2, "hardskill", "1-5", 20);
const H3 = item(3, "hardskill", "1-5", 15);
const H4 = item(4, "hardskill", "1-5", 15);
const H5 = item(5, "hardskill", "ya_tidak", 20, { allowNa: true });
const HK1 = item(6, "hardskill", "ya_tidak", 0, { critical: true });
const S1 = item(11, "softskill", "ya_tidak", 15);
const S2 = item(12, "softskill", "1-5", 20);
const S3 = item(13, "softskill", "1-5", 20);
const S4 = item(14, "softskill", "1-5", 20);
const S5 = item(15, "softskill", "1-5", 10);
const S6 = item(16, "softskill", "1-5", 15);
const SK1 = item(17, "softskill", "ya_tidak", 0, { critical: true });
const ITEMS = [H1, H2, H3, H4, H5, HK1, S1, S2, S3, S4, S5, S6, SK1];
const WEIGHTS = { hardskill: 40, softskill: 30, kedisiplinan: 20, cph: 10 };
const INTERACTION = ["hardskill", "softskill"] as const;

const values = (entries: [ScoredItem, ItemValue][]) => new Map(entries.map(([i, v]) => [i.id, v]));
const typical = (): [ScoredItem, ItemValue][] => [
  [H1, 4],
  [H2, 5],
  [H3, 3],
  [H4, 4],
  [H5, 1],
  [HK1, 1],
  [S1, 1],
  [S2, 4],
  [S3, 5],
  [S4, 3],
  [S5, 4],
  [S6, 4],
  [SK1, 1],
];

describe("item scores", () => {
  it("1–5: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100; Ya → 100, Tidak → 0", () => {
    expect([1, 2, 3, 4, 5].map((v) => itemScore("1-5", v))).toEqual([0, 25, 50, 75, 100]);
    expect(itemScore("ya_tidak", 1)).toBe(100);
    expect(itemScore("ya_tidak", 0)).toBe(0);
  });

  it("refuses values outside the scale, N/A where not allowed, and N/A on a critical item", () => {
    expect(itemValueProblem(H1, 6)).toBe("Nilai harus 1 sampai 5.");
    expect(itemValueProblem(H1, 0)).toBe("Nilai harus 1 sampai 5.");
    expect(itemValueProblem(H1, 2.5)).toBe("Nilai harus bilangan bulat.");
    expect(itemValueProblem(S1, 2)).toBe("Pilih Ya atau Tidak.");
    expect(itemValueProblem(H1, null)).toBe("Butir ini tidak boleh N/A.");
    expect(itemValueProblem(H5, null)).toBeNull();
    expect(itemValueProblem(HK1, null)).toBe("Butir kritis harus dinilai Ya atau Tidak.");
    expect(itemValueProblem(H1, undefined)).toBe("Belum dinilai.");
  });
});

describe("golden evaluations (default template)", () => {
  it("hardskill (30×75 + 20×100 + 15×50 + 15×75 + 20×100) ÷ 100 = 81.25; softskill (15×100 + 20×75 + 20×100 + 20×50 + 10×75 + 15×75) ÷ 100 = 78.75; total (40×81.25 + 30×78.75) ÷ 70 = 80.18", () => {
    const r = scoreEvaluation(ITEMS, values(typical()), WEIGHTS, INTERACTION);
    expect(r.sections.hardskill).toBe(81.25);
    expect(r.sections.softskill).toBe(78.75);
    expect(r.total).toBeCloseTo(5612.5 / 70, 10);
    expect(r.total?.toFixed(2)).toBe("80.18");
    expect(r.criticalFailed).toBe(false);
  });

  it("H5 N/A drops out and the weights renormalise: hardskill (2250 + 2000 + 750 + 1125) ÷ 80 = 76.5625", () => {
    const entries = typical().map(([i, v]): [ScoredItem, ItemValue] => [i, i === H5 ? null : v]);
    expect(scoreEvaluation(ITEMS, values(entries), WEIGHTS, INTERACTION).sections.hardskill).toBe(76.5625);
  });

  it("a failed critical item (HK1 Tidak) sets the total to 0 and flags it; the section scores stay for feedback", () => {
    const entries = typical().map(([i, v]): [ScoredItem, ItemValue] => [i, i === HK1 ? 0 : v]);
    const r = scoreEvaluation(ITEMS, values(entries), WEIGHTS, INTERACTION);
    expect(r.total).toBe(0);
    expect(r.criticalFailed).toBe(true);
    expect(r.sections.hardskill).toBe(81.25);
  });

  it("all 5s and Ya → 100; all 1s and Tidak on the weighted items (critical Ya) → 0", () => {
    const best = ITEMS.map((i): [ScoredItem, ItemValue] => [i, i.scale === "1-5" ? 5 : 1]);
    expect(scoreEvaluation(ITEMS, values(best), WEIGHTS, INTERACTION).total).toBe(100);
    const worst = ITEMS.map((i): [ScoredItem, ItemValue] => [i, i.critical ? 1 : i.scale === "1-5" ? 1 : 0]);
    expect(scoreEvaluation(ITEMS, values(worst), WEIGHTS, INTERACTION).total).toBe(0);
  });
});

describe("CPH, KPI and predikat", () => {
  it("CPH 52 calls / 6.5 h = 8.0 → score 8/10×100 = 80; above target caps at 100; no target → null", () => {
    expect(cphScore(52 / 6.5, 10)).toBe(80);
    expect(cphScore(12, 10)).toBe(100);
    expect(cphScore(8, null)).toBeNull();
    expect(cphScore(null, 10)).toBeNull();
  });

  it("KPI (40×81.25 + 30×78.75 + 20×85 + 10×80) ÷ 100 = 81.125 → Baik", () => {
    const kpi = periodKpi({ hardskill: 81.25, softskill: 78.75, kedisiplinan: 85, cph: 80 }, WEIGHTS);
    expect(kpi).toEqual({ score: 81.125, missing: [] });
    expect(gradeOf(kpi.score)).toBe("Baik");
  });

  it("a dimension without data makes the KPI incomplete and names it, never a silent 0", () => {
    expect(periodKpi({ hardskill: 81.25, softskill: 78.75, kedisiplinan: null, cph: null }, WEIGHTS)).toEqual({
      score: null,
      missing: ["kedisiplinan", "cph"],
    });
  });

  it("a dimension weighted 0 (CPH for Manajemen Layanan) is not needed: (45×80 + 30×70 + 25×90) ÷ 100 = 79.5", () => {
    const weights = { hardskill: 45, softskill: 30, kedisiplinan: 25, cph: 0 };
    expect(periodKpi({ hardskill: 80, softskill: 70, kedisiplinan: 90, cph: null }, weights)).toEqual({
      score: 79.5,
      missing: [],
    });
  });

  it.each([
    [100, "Sangat Baik"],
    [91, "Sangat Baik"],
    [90.99, "Baik"],
    [76, "Baik"],
    [75.99, "Cukup"],
    [61, "Cukup"],
    [60.99, "Kurang"],
    [51, "Kurang"],
    [50.99, "Buruk"],
    [0, "Buruk"],
  ])("%d → %s", (score, label) => expect(gradeOf(score)).toBe(label));

  it("section weights must sum to 100", () => {
    expect(sectionWeightsProblem(WEIGHTS)).toBeNull();
    expect(sectionWeightsProblem({ ...WEIGHTS, cph: 15 })).toBe("Jumlah bobot bagian harus 100, sekarang 105.");
    expect(sectionWeightsProblem({ ...WEIGHTS, cph: 9.5 })).toBe("Bobot bagian harus bilangan bulat 0–100.");
  });
});

describe("properties", () => {
  // Any template: 1–12 items over hardskill/softskill, random scales, weights, N/A and critical flags.
  const anyItem = fc.record({
    section: fc.constantFrom("hardskill" as const, "softskill" as const),
    scale: fc.constantFrom("1-5" as const, "ya_tidak" as const),
    weight: fc.integer({ min: 0, max: 50 }),
    critical: fc.boolean(),
    allowNa: fc.boolean(),
  });
  const anyTemplate = fc.array(anyItem, { minLength: 1, maxLength: 12 }).map((list) =>
    list.map(
      (i, index): ScoredItem => ({
        ...i,
        id: index + 1,
        scale: i.critical ? "ya_tidak" : i.scale,
        weight: i.critical ? 0 : i.weight,
      }),
    ),
  );
  const valueFor = (i: ScoredItem) =>
    i.scale === "1-5" ? fc.integer({ min: 1, max: 5 }) : fc.integer({ min: 0, max: 1 });
  const anyScored = anyTemplate.chain((items) =>
    fc.tuple(
      fc.constant(items),
      fc.tuple(...items.map((i) => (i.allowNa && !i.critical ? fc.option(valueFor(i), { nil: null }) : valueFor(i)))),
      fc.record({ hardskill: fc.integer({ min: 0, max: 100 }), softskill: fc.integer({ min: 0, max: 100 }) }),
    ),
  );
  const weightsOf = (w: { hardskill: number; softskill: number }) => ({ ...w, kedisiplinan: 0, cph: 0 });

  it("every total and section score lies in 0–100", () => {
    fc.assert(
      fc.property(anyScored, ([items, vals, w]) => {
        const r = scoreEvaluation(
          items,
          new Map(items.map((i, k) => [i.id, vals[k] ?? null])),
          weightsOf(w),
          INTERACTION,
        );
        for (const s of [r.total, r.sections.hardskill, r.sections.softskill]) {
          if (s !== null && s !== undefined) expect(s >= 0 && s <= 100).toBe(true);
        }
      }),
    );
  });

  it("raising one item never lowers the total (a critical item going Tidak → Ya only lifts it from 0)", () => {
    fc.assert(
      fc.property(anyScored, fc.nat(), ([items, vals, w], pick) => {
        const index = pick % items.length;
        const target = items[index] as ScoredItem;
        const current = vals[index] ?? null;
        const max = target.scale === "1-5" ? 5 : 1;
        if (current === null || current >= max) return;
        const before = new Map(items.map((i, k) => [i.id, vals[k] ?? null]));
        const after = new Map(before).set(target.id, current + 1);
        const a = scoreEvaluation(items, before, weightsOf(w), INTERACTION).total ?? 0;
        const b = scoreEvaluation(items, after, weightsOf(w), INTERACTION).total ?? 0;
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
    );
  });

  it("the result does not depend on the order of the items", () => {
    fc.assert(
      fc.property(anyScored, fc.nat(), ([items, vals, w], seed) => {
        const map = new Map(items.map((i, k) => [i.id, vals[k] ?? null]));
        const shuffled = [...items].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        const x = scoreEvaluation(items, map, weightsOf(w), INTERACTION);
        const y = scoreEvaluation(shuffled, new Map([...map].reverse()), weightsOf(w), INTERACTION);
        expect(y.criticalFailed).toBe(x.criticalFailed);
        for (const [p, q] of [
          [x.total, y.total],
          [x.sections.hardskill, y.sections.hardskill],
          [x.sections.softskill, y.sections.softskill],
        ]) {
          if (p === null || p === undefined) expect(q ?? null).toBeNull();
          else expect(q).toBeCloseTo(p, 9);
        }
      }),
    );
  });
});
