// Pure: Erlang C staffing for one queue and one interval (M/M/N: Poisson arrivals, exponential handling, callers
// who wait and never hang up). No I/O. Fractions are 0–1, times are seconds, traffic is in erlangs.
//
// Numerically stable for large centers: no factorials or powers (A^N / N! overflows a double from ~170 agents).
// Erlang B comes from its recursion B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)), whose terms stay in [0, 1], and
// Erlang C from it: C = N·B ÷ (N − A·(1 − B)). One pass is O(N).
//
// Decisions, so callers know what they get:
// - `agents` must be a whole number ≥ 0; a fraction throws instead of being floored, because a fractional head
//   count almost always means positions and agents, or a per-hour rate, were mixed up upstream.
// - Zero traffic (no calls, or AHT 0) is no work: nobody waits (Pw 0, SL 1, ASA 0, occupancy 0), whatever the
//   number of agents, and it needs zero agents.
// - With agents ≤ traffic the queue grows without bound: Pw 1, SL 0, ASA Infinity, and occupancy 1 — every agent
//   is busy all the time. Occupancy is reported as min(1, A ÷ N), never above 1, so it stays a fraction of time.
// - `requiredAgents` never returns agents ≤ traffic when there is traffic, even for a 0 % target, since such a queue
//   has no steady state.
// - targetServiceLevel 1 (100 %) throws: with any traffic SL < 1 for every finite N, so the search would not end.

import {
  ceilIgnoringRoundingNoise,
  DEFAULT_MAX_OCCUPANCY,
  DEFAULT_SHRINKAGE,
  erlangBStep,
  MAX_TRAFFIC_ERLANGS,
  noTraffic,
  requireAgents,
  requireFiniteAtLeast,
  requireTraffic,
  type ServiceLevelInput,
  type ServiceLevelResult,
  type Staffing,
  type StaffingInput,
  staffingTargets,
  trafficOf,
  waitFromBlocking,
  withinCap,
} from "./erlang-inputs";

export {
  type AbandonmentInput,
  type AbandonmentResult,
  erlangA,
  requiredAgentsWithAbandonment,
} from "./erlang-abandonment";
export {
  DEFAULT_MAX_OCCUPANCY,
  DEFAULT_SHRINKAGE,
  MAX_TRAFFIC_ERLANGS,
  type ServiceLevelInput,
  type ServiceLevelResult,
  type Staffing,
  type StaffingInput,
};

/** Probability (0–1) that a contact waits, for `agents` (whole, ≥ 0) and `trafficErlangs` (≥ 0) of traffic. */
export function erlangC(agents: number, trafficErlangs: number): number {
  requireAgents("agents", agents);
  requireTraffic("trafficErlangs", trafficErlangs);
  if (trafficErlangs === 0) return 0;
  if (agents <= trafficErlangs) return 1;
  let b = 1;
  for (let n = 1; n <= agents; n++) {
    b = erlangBStep(b, n, trafficErlangs);
    // Once B underflows to 0 it stays 0, and so does C. This also bounds the loop for huge agent counts: rounding
    // holds B at the smallest subnormal until A ÷ n < ½, so it ends by n ≈ 2A (a few hundred steps for small A).
    if (b === 0) return 0;
  }
  return waitFromBlocking(agents, trafficErlangs, b);
}

// SL = 1 − Pw·e^(−(N−A)·T/AHT) and ASA = Pw·AHT ÷ (N−A), at N > A > 0. Shared so that the search and serviceLevel
// report the same numbers.
const serviceLevelAt = (
  agents: number,
  traffic: number,
  probabilityWait: number,
  ahtSeconds: number,
  targetSeconds: number,
) => 1 - probabilityWait * Math.exp((-(agents - traffic) * targetSeconds) / ahtSeconds);
const asaAt = (agents: number, traffic: number, probabilityWait: number, ahtSeconds: number) =>
  (probabilityWait * ahtSeconds) / (agents - traffic);

/**
 * Service level of `agents` on one interval: the share of contacts answered within `targetAnswerSeconds`
 * (SL = 1 − Pw·e^(−(N−A)·T/AHT)), the probability of waiting, the average speed of answer in seconds
 * (ASA = Pw·AHT ÷ (N−A)) and occupancy (A ÷ N, at most 1). Traffic A = calls × AHT ÷ interval, in erlangs.
 */
export function serviceLevel(input: ServiceLevelInput): ServiceLevelResult {
  const traffic = trafficOf(input);
  requireAgents("agents", input.agents);
  requireFiniteAtLeast("targetAnswerSeconds", input.targetAnswerSeconds, 0);
  if (traffic === 0) return noTraffic();
  if (input.agents <= traffic)
    return { trafficErlangs: traffic, probabilityWait: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 };
  const { agents, ahtSeconds, targetAnswerSeconds } = input;
  const probabilityWait = erlangC(agents, traffic);
  return {
    trafficErlangs: traffic,
    probabilityWait,
    serviceLevel: serviceLevelAt(agents, traffic, probabilityWait, ahtSeconds, targetAnswerSeconds),
    asaSeconds: asaAt(agents, traffic, probabilityWait, ahtSeconds),
    occupancy: traffic / agents,
  };
}

/**
 * The smallest whole number of agents with traffic < N, service level ≥ `targetServiceLevel` within
 * `targetAnswerSeconds`, and occupancy A ÷ N ≤ `maxOccupancy`; with the measures at that N, and `positions`,
 * the agents to schedule so that `agents` remain after `shrinkage`: ceil(agents ÷ (1 − shrinkage)).
 * O(N): one pass of the Erlang B recursion, testing each candidate from floor(A) + 1 upward as it goes.
 */
export function requiredAgents(input: StaffingInput): Staffing {
  const { traffic, maxOccupancy, shrinkage } = staffingTargets(input);
  const { ahtSeconds, targetServiceLevel, targetAnswerSeconds } = input;
  if (traffic === 0) return { ...noTraffic(), agents: 0, positions: 0 };

  // B(N) needs every B(n < N), so the recursion runs from 1 anyway, bare up to the first candidate; from there each
  // step also tests the service level. The loop ends: SL → 1 > target as N grows.
  const first = firstCandidate(traffic, maxOccupancy);
  let b = 1;
  for (let n = 1; n < first; n++) b = erlangBStep(b, n, traffic);
  for (let n = first; ; n++) {
    b = erlangBStep(b, n, traffic);
    const probabilityWait = b === 0 ? 0 : waitFromBlocking(n, traffic, b);
    const level = serviceLevelAt(n, traffic, probabilityWait, ahtSeconds, targetAnswerSeconds);
    if (level < targetServiceLevel) continue;
    // A literal, not `{ ...measures, agents }`: V8's object spread made a week of staffing (bench/staffing.ts) 4× slower.
    return {
      trafficErlangs: traffic,
      probabilityWait,
      serviceLevel: level,
      asaSeconds: asaAt(n, traffic, probabilityWait, ahtSeconds),
      occupancy: traffic / n,
      agents: n,
      positions: ceilIgnoringRoundingNoise(n / (1 - shrinkage)),
    };
  }
}

/** The smallest N with N > A and A ÷ N ≤ maxOccupancy (rounding noise aside). */
function firstCandidate(traffic: number, maxOccupancy: number): number {
  let n = Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy));
  // traffic ÷ maxOccupancy is rounded, so the estimate can be one off either way.
  while (n - 1 > traffic && withinCap(traffic / (n - 1), maxOccupancy)) n--;
  while (!withinCap(traffic / n, maxOccupancy)) n++;
  return n;
}
