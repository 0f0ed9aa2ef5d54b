// Erlang A (M/M/N+M) against pyworkforce's ErlangA regression case, against Erlang C as patience grows, and its
// properties; and the occupancy boundary that used to cost an agent.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { erlangA, requiredAgents, requiredAgentsWithAbandonment, serviceLevel } from "./erlang";

const CASE = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetAnswerSeconds: 20 };

describe("golden: pyworkforce's ErlangA regression case (pyworkforce/queuing/abandonment.py)", () => {
  test("100 calls ÷ 30 min, AHT 3 min, 20 s, patience 5 min, 14 agents → Pw 0.14526, P(abandon) 0.013984, occupancy 0.704297, ASA 0.069919 min, SL 0.916792", () => {
    const r = erlangA({ ...CASE, agents: 14, patienceSeconds: 300 });
    expect(r.trafficErlangs).toBe(10);
    expect(r.probabilityWait).toBeCloseTo(0.14526, 5);
    expect(r.probabilityAbandon).toBeCloseTo(0.013984, 6);
    expect(r.occupancy).toBeCloseTo(0.704297, 6);
    expect(r.asaSeconds / 60).toBeCloseTo(0.069919, 6);
    expect(r.serviceLevel).toBeCloseTo(0.916792, 6);
  });

  test("occupancy is the answered traffic ÷ N: 10 × (1 − P(abandon)) ÷ 14", () => {
    const r = erlangA({ ...CASE, agents: 14, patienceSeconds: 300 });
    expect(r.occupancy).toBeCloseTo((10 * (1 - r.probabilityAbandon)) / 14, 12);
  });

  test("80 % in 20 s needs fewer agents than Erlang C when callers hang up (12 < 13), and never more", () => {
    const target = { ...CASE, targetServiceLevel: 0.8 };
    const withAbandonment = requiredAgentsWithAbandonment({ ...target, patienceSeconds: 300 });
    const plain = requiredAgents(target);
    expect(withAbandonment.agents).toBeLessThanOrEqual(plain.agents);
    expect(withAbandonment.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangA({ ...CASE, agents: withAbandonment.agents - 1, patienceSeconds: 300 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
  });

  test("a limit on hanging up staffs more: at most 0.5 % abandoning", () => {
    const target = { ...CASE, targetServiceLevel: 0.8, patienceSeconds: 300 };
    const free = requiredAgentsWithAbandonment(target);
    const strict = requiredAgentsWithAbandonment({ ...target, maxAbandonment: 0.005 });
    expect(strict.agents).toBeGreaterThan(free.agents);
    expect(strict.probabilityAbandon).toBeLessThanOrEqual(0.005);
  });
});

describe("Erlang A tends to Erlang C as patience grows", () => {
  test.each([11, 12, 14, 20])("10 Erl, %i agents, patience 10⁹ s: Pw, SL and ASA within 10⁻⁵ of Erlang C", (agents) => {
    const a = erlangA({ ...CASE, agents, patienceSeconds: 1e9 });
    const c = serviceLevel({ ...CASE, agents });
    expect(Math.abs(a.probabilityWait - c.probabilityWait)).toBeLessThan(1e-5);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-5);
    expect(Math.abs(a.asaSeconds - c.asaSeconds) / c.asaSeconds).toBeLessThan(1e-4);
    expect(a.probabilityAbandon).toBeLessThan(1e-5);
  });
});

describe("properties", () => {
  const inputs = fc.record({
    calls: fc.integer({ min: 1, max: 400 }),
    aht: fc.integer({ min: 30, max: 900 }),
    patience: fc.integer({ min: 10, max: 1200 }),
    extra: fc.integer({ min: -5, max: 15 }),
    target: fc.integer({ min: 0, max: 60 }),
  });

  test("probabilities stay in [0, 1]; more agents never answer fewer or lose more callers", () => {
    fc.assert(
      fc.property(inputs, ({ calls, aht, patience, extra, target }) => {
        const traffic = (calls * aht) / 1800;
        const agents = Math.max(0, Math.ceil(traffic) + extra);
        const base = { callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: aht, targetAnswerSeconds: target };
        const r = erlangA({ ...base, agents, patienceSeconds: patience });
        const more = erlangA({ ...base, agents: agents + 1, patienceSeconds: patience });
        for (const p of [r.probabilityWait, r.probabilityAbandon, r.serviceLevel, r.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(r.probabilityAbandon).toBeLessThanOrEqual(r.probabilityWait + 1e-12);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(r.serviceLevel - 1e-9);
        expect(more.probabilityAbandon).toBeLessThanOrEqual(r.probabilityAbandon + 1e-12);
        expect(Number.isFinite(r.asaSeconds)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test("an overloaded queue: 333.3 Erl on 100 agents stays finite, and P(abandon) ≈ 1 − N ÷ A = 0.70", () => {
    const r = erlangA({
      callsPerInterval: 2000,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      targetAnswerSeconds: 20,
      agents: 100,
      patienceSeconds: 120,
    });
    expect(r.probabilityWait).toBeCloseTo(1, 6);
    expect(r.probabilityAbandon).toBeCloseTo(1 - 100 / ((2000 * 300) / 1800), 3);
    expect(r.occupancy).toBeCloseTo(1, 3);
    expect(Number.isFinite(r.asaSeconds)).toBe(true);
  });

  test("a large center: 3,000 agents of 2,900 erlangs is computed, finite, and close to Erlang C with patient callers", () => {
    const base = {
      callsPerInterval: 17_400,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      targetAnswerSeconds: 20,
      agents: 2950,
    };
    const a = erlangA({ ...base, patienceSeconds: 1e7 });
    const c = serviceLevel(base);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-3);
  });
});

describe("occupancy at its cap exactly", () => {
  test("57 calls × 420 s ÷ 1800 s = 13.3 Erl; cap 0.70: 13.3 ÷ 19 = 0.70 meets it, so 19 agents, not 20", () => {
    const r = requiredAgents({
      callsPerInterval: 57,
      intervalSeconds: 1800,
      ahtSeconds: 420,
      targetServiceLevel: 0,
      targetAnswerSeconds: 20,
      maxOccupancy: 0.7,
    });
    expect(r.agents).toBe(19);
  });
});
