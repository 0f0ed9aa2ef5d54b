import { describe, expect, it } from "vitest";
import { calibrationResult, median } from "./calibration";
import type { ItemValue, ScoredItem } from "./scoring";

const item = (id: number, scale: ScoredItem["scale"], weight: number, critical = false): ScoredItem => ({
  id,
  section: "hardskill",
  scale,
  weight,
  critical,
  allowNa: true,
});
const ITEMS = [item(1, "1-5", 50), item(2, "1-5", 50), item(3, "ya_tidak", 0, true)];
const WEIGHTS = { hardskill: 100, softskill: 0, kedisiplinan: 0, cph: 0 };
const scores = (assessorId: number, a: ItemValue, b: ItemValue, c: ItemValue) => ({
  assessorId,
  values: new Map<number, ItemValue>([
    [1, a],
    [2, b],
    [3, c],
  ]),
});

describe("median", () => {
  it("odd count → middle value; even count → mean of the two middle values; empty → null", () => {
    expect(median([75, 50, 100])).toBe(75);
    expect(median([50, 75, 100, 25])).toBe(62.5);
    expect(median([])).toBeNull();
  });
});

describe("calibration result", () => {
  const three = [scores(1, 4, 4, 1), scores(2, 5, 4, 1), scores(3, 3, 4, 0)];

  it("item 1 scored 4, 5, 3 → 75, 100, 50: spread 100 − 50 = 50 > 10 flagged, consensus median 75", () => {
    const r = calibrationResult({
      items: ITEMS,
      sections: ["hardskill"],
      weights: WEIGHTS,
      assessors: three,
      benchmark: null,
      thresholdPoints: 10,
    });
    expect(r.items[0]).toMatchObject({ itemId: 1, spread: 50, consensus: 75, flagged: true });
    expect(r.items[1]).toMatchObject({ itemId: 2, spread: 0, consensus: 75, flagged: false });
    expect(r.items[2]).toMatchObject({ itemId: 3, spread: 100, consensus: 100, flagged: true });
    expect(r.flaggedCount).toBe(2);
  });

  it("deviation of assessor 3: items |50 − 75|, |75 − 75|, |0 − 100| → (25 + 0 + 100) ÷ 3 = 41.67; total 0 (critical) vs median total 75 → 75", () => {
    const r = calibrationResult({
      items: ITEMS,
      sections: ["hardskill"],
      weights: WEIGHTS,
      assessors: three,
      benchmark: null,
      thresholdPoints: 10,
    });
    const third = r.assessors.find((a) => a.assessorId === 3);
    expect(third?.meanDeviation).toBeCloseTo(125 / 3, 10);
    expect(third?.total).toBe(0);
    expect(r.consensusTotal).toBe(75); // totals 75, 87.5, 0 → median 75
    expect(third?.totalDeviation).toBe(75);
    expect(r.assessors.find((a) => a.assessorId === 1)?.meanDeviation).toBe(0);
  });

  it("a benchmark replaces the median as consensus: benchmark 5, 5, Ya → assessor 1 deviates (25 + 25 + 0) ÷ 3", () => {
    const benchmark = new Map<number, ItemValue>([
      [1, 5],
      [2, 5],
      [3, 1],
    ]);
    const r = calibrationResult({
      items: ITEMS,
      sections: ["hardskill"],
      weights: WEIGHTS,
      assessors: three,
      benchmark,
      thresholdPoints: 10,
    });
    expect(r.items.map((i) => i.consensus)).toEqual([100, 100, 100]);
    expect(r.assessors[0]?.meanDeviation).toBeCloseTo(50 / 3, 10);
    expect(r.consensusTotal).toBe(100);
  });

  it("N/A drops out of spread and deviation; one assessor alone has no spread", () => {
    const r = calibrationResult({
      items: ITEMS,
      sections: ["hardskill"],
      weights: WEIGHTS,
      assessors: [scores(1, 4, null, 1), scores(2, 2, 3, 1)],
      benchmark: null,
      thresholdPoints: 10,
    });
    expect(r.items[1]).toMatchObject({ spread: null, consensus: 50 });
  });
});
