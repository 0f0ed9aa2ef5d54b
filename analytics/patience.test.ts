// The patience estimator: golden cases with the arithmetic in their names, and properties that it recovers the
// patience the abandonment was generated with.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  choosePatience,
  estimatePatience,
  intervalPatience,
  MAX_PATIENCE_SECONDS,
  MIN_PATIENCE_SECONDS,
  MIN_QUALIFYING_INTERVALS,
  type PatienceObservation,
  patienceWords,
  predictedAbandonment,
  weightedMedian,
} from "./patience";

// pyworkforce's ErlangA regression case: 100 calls in 30 min, AHT 3 min (10 erlangs), 14 agents, patience 5 min.
const CASE: PatienceObservation = {
  offered: 100,
  abandoned: 1.3984,
  ahtSeconds: 180,
  answeringAgents: 14,
  intervalSeconds: 1800,
};

describe("golden: one interval", () => {
  test("1.3984 of 100 hang up with 14 agents on 10 Erl (pyworkforce's P(abandon) 0.013984 at 300 s) → patience 300 s ± 1 %", () => {
    expect(intervalPatience(CASE)).toBeCloseTo(300, -1);
    expect(Math.abs((intervalPatience(CASE) ?? 0) / 300 - 1)).toBeLessThan(0.01);
  });

  test("more hang-ups, less patience: 5 of 100 → shorter than 300 s; 0.5 of 100 → longer", () => {
    expect(intervalPatience({ ...CASE, abandoned: 5 }) ?? 0).toBeLessThan(300);
    expect(intervalPatience({ ...CASE, abandoned: 0.5 }) ?? 0).toBeGreaterThan(300);
  });

  test("19 contacts offered is too few to tell (one hang-up = 5.3 %) → null", () => {
    expect(intervalPatience({ ...CASE, offered: 19, abandoned: 1 })).toBeNull();
  });

  test("20 contacts × 180 s ÷ 1800 s = 2 Erl on 14 agents: nobody waits whatever the patience → null", () => {
    expect(intervalPatience({ ...CASE, offered: 20, abandoned: 0 })).toBeNull();
  });

  test("nobody answering (0 agents) or nothing answered (no AHT) → null", () => {
    expect(intervalPatience({ ...CASE, answeringAgents: 0 })).toBeNull();
    expect(intervalPatience({ ...CASE, ahtSeconds: null })).toBeNull();
  });

  test("all 100 hang up → the least patience searched, 5 s", () => {
    expect(intervalPatience({ ...CASE, abandoned: 100 })).toBe(MIN_PATIENCE_SECONDS);
  });

  test("10 agents on 10 Erl, nobody hangs up: more patient than a day can explain → 86,400 s", () => {
    expect(intervalPatience({ ...CASE, answeringAgents: 10, abandoned: 0 })).toBe(MAX_PATIENCE_SECONDS);
  });

  test("5 agents on 10 Erl answer at most 5 ÷ 10 = 50 %, yet 100 % were answered: the roster misses people → null", () => {
    expect(intervalPatience({ ...CASE, answeringAgents: 5, abandoned: 0 })).toBeNull();
  });

  test("P(abandon) falls as patience grows: 60 s > 300 s > 3,600 s", () => {
    const at = (s: number) => predictedAbandonment(CASE, s);
    expect(at(60)).toBeGreaterThan(at(300));
    expect(at(300)).toBeGreaterThan(at(3600));
    expect(at(300)).toBeCloseTo(0.013984, 6);
  });
});

describe("golden: pooling", () => {
  test("weights 1, 1, 3 on 10, 20, 30 s: half of 5 is passed at 30 → 30", () => {
    expect(
      weightedMedian([
        { value: 20, weight: 1 },
        { value: 30, weight: 3 },
        { value: 10, weight: 1 },
      ]),
    ).toBe(30);
  });

  test("weights 1, 1 on 10, 20 s: half of 2 is reached at 10 → 10 (the lower on a tie); no weight → null", () => {
    expect(
      weightedMedian([
        { value: 10, weight: 1 },
        { value: 20, weight: 1 },
      ]),
    ).toBe(10);
    expect(weightedMedian([])).toBeNull();
  });

  test(`${MIN_QUALIFYING_INTERVALS - 1} qualifying intervals → no estimate; ${MIN_QUALIFYING_INTERVALS} → 300 s`, () => {
    const few = estimatePatience(Array.from({ length: MIN_QUALIFYING_INTERVALS - 1 }, () => CASE));
    expect(few).toEqual({ patienceSeconds: null, intervals: MIN_QUALIFYING_INTERVALS - 1 });
    const enough = estimatePatience([
      ...Array.from({ length: MIN_QUALIFYING_INTERVALS }, () => CASE),
      { ...CASE, offered: 3 }, // too few contacts: not counted
    ]);
    expect(enough.intervals).toBe(MIN_QUALIFYING_INTERVALS);
    expect(Math.abs((enough.patienceSeconds ?? 0) / 300 - 1)).toBeLessThan(0.01);
  });

  test("a median at the bound (nobody ever hangs up) is no estimate: 'at least a day' is not a value", () => {
    const patient = Array.from({ length: 30 }, () => ({ ...CASE, answeringAgents: 10, abandoned: 0 }));
    expect(estimatePatience(patient)).toEqual({ patienceSeconds: null, intervals: 30 });
  });

  test("the estimate when there is one, else the setting (120 s)", () => {
    expect(choosePatience({ patienceSeconds: 300, intervals: 40 }, 120)).toEqual({
      seconds: 300,
      source: "estimated",
      intervals: 40,
      settingSeconds: 120,
    });
    expect(choosePatience({ patienceSeconds: null, intervals: 3 }, 120)).toMatchObject({
      seconds: 120,
      source: "setting",
    });
  });

  test("in words: 45 s → '45 detik', 180 s → '3 menit', 14,400 s → '4 jam', 5,400 s → '90 menit', 9,000 s → '2 jam 30 menit'", () => {
    expect(patienceWords(45)).toBe("45 detik");
    expect(patienceWords(180)).toBe("3 menit");
    expect(patienceWords(14_400)).toBe("4 jam");
    expect(patienceWords(5_400)).toBe("90 menit");
    expect(patienceWords(9_000)).toBe("2 jam 30 menit");
  });
});

// The property tests run the same cases every time (FUZZ_SEED to try others), as the import's do: CI must not pass
// or fail by the draw. Found by a random draw before: one agent for 3.4 erlangs (see busyInterval).
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);

// An interval whose agents are near its traffic (some wait, some hang up), as peaks are.
const busyInterval = fc
  .record({
    offered: fc.integer({ min: 50, max: 1500 }),
    ahtSeconds: fc.integer({ min: 120, max: 600 }),
    slack: fc.integer({ min: -3, max: 4 }),
  })
  .map(({ offered, ahtSeconds, slack }) => {
    const traffic = (offered * ahtSeconds) / 1800;
    return {
      offered,
      ahtSeconds,
      intervalSeconds: 1800,
      // Near: a few agents either side of the traffic, never below 80 % of it. (One agent for 3.4 erlangs hangs up
      // some 70 % of callers whatever their patience, between a minute and a day: no interval can tell it.)
      answeringAgents: Math.max(1, Math.ceil(0.8 * traffic), Math.ceil(traffic) + slack),
    };
  });

describe("properties: the estimator recovers the patience that generated the abandonment", () => {
  test("one interval, exact expected hang-ups: within 1 % of the patience used (30 s – 1 h)", () => {
    fc.assert(
      fc.property(busyInterval, fc.integer({ min: 30, max: 3600 }), (o, patience) => {
        const abandoned = o.offered * predictedAbandonment({ ...o, abandoned: 0 }, patience);
        const found = intervalPatience({ ...o, abandoned });
        // An interval that cannot tell says so; one that can is right.
        if (found === null) return;
        expect(Math.abs(found / patience - 1)).toBeLessThan(0.011);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  test("a channel of 30 intervals, hang-ups rounded to whole contacts: the pooled median within 10 % of the patience used", () => {
    fc.assert(
      fc.property(
        fc.array(busyInterval, { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 60, max: 1200 }),
        (intervals, patience) => {
          const observations = intervals.map((o) => ({
            ...o,
            offered: o.offered + 500, // whole hang-ups: enough contacts that rounding one is a small share
            abandoned: 0,
          }));
          for (const o of observations) o.abandoned = Math.round(o.offered * predictedAbandonment(o, patience));
          const estimate = estimatePatience(observations);
          if (estimate.intervals < MIN_QUALIFYING_INTERVALS) return;
          expect(estimate.patienceSeconds).not.toBeNull();
          expect(Math.abs((estimate.patienceSeconds ?? 0) / patience - 1)).toBeLessThan(0.1);
        },
      ),
      { seed: SEED, numRuns: 10 },
    );
    // Hundreds of Erlang A evaluations per run: room for a machine busy with other tests.
  }, 30_000);
});
