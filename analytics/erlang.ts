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

/**
 * Largest traffic accepted, in erlangs. The biggest single queues carry a few thousand erlangs; far above that a
 * unit mistake (milliseconds as seconds, calls per day as per interval) is likelier, and the O(N) recursion would
 * hold the event loop for long.
 */
export const MAX_TRAFFIC_ERLANGS = 1_000_000;

/** Default occupancy cap: 1, no cap beyond the service-level target. The app passes its own (0.85). */
export const DEFAULT_MAX_OCCUPANCY = 1;

/** Default shrinkage: 0, positions equal agents. */
export const DEFAULT_SHRINKAGE = 0;

export type ServiceLevelInput = {
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  agents: number;
  targetAnswerSeconds: number;
};

export type ServiceLevelResult = {
  trafficErlangs: number;
  probabilityWait: number; // 0–1
  serviceLevel: number; // 0–1, share of contacts answered within targetAnswerSeconds
  asaSeconds: number; // average speed of answer; Infinity when agents ≤ traffic
  occupancy: number; // 0–1
};

export type StaffingInput = {
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  targetServiceLevel: number; // [0, 1)
  targetAnswerSeconds: number;
  maxOccupancy?: number; // (0, 1], default DEFAULT_MAX_OCCUPANCY
  shrinkage?: number; // [0, 1), default DEFAULT_SHRINKAGE
};

export type Staffing = ServiceLevelResult & {
  agents: number; // on the phones at once
  positions: number; // scheduled, covering shrinkage (breaks, training, absence)
};

function requireFiniteAtLeast(field: string, value: number, min: number, strict = false) {
  if (typeof value !== "number" || !Number.isFinite(value) || (strict ? value <= min : value < min))
    throw new Error(`${field} harus bilangan hingga ${strict ? ">" : "≥"} ${min} (diterima: ${String(value)}).`);
}

function requireAgents(field: string, value: number) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${field} harus bilangan bulat ≥ 0 (diterima: ${String(value)}).`);
}

function requireTraffic(field: string, value: number) {
  requireFiniteAtLeast(field, value, 0);
  if (value > MAX_TRAFFIC_ERLANGS)
    throw new Error(
      `${field} ${value} Erlang melebihi batas ${MAX_TRAFFIC_ERLANGS.toLocaleString("id-ID")} Erlang; periksa satuan volume dan AHT.`,
    );
}

// One step of the Erlang B recursion. Shared by erlangC and requiredAgents so both produce bit-identical values
// (requiredAgents' answer then agrees exactly with serviceLevel at the same N).
const erlangBStep = (b: number, n: number, traffic: number) => (traffic * b) / (n + traffic * b);

// Erlang C from Erlang B at N > A. The denominator N − A + A·B is positive there.
const waitFromBlocking = (agents: number, traffic: number, b: number) => (agents * b) / (agents - traffic * (1 - b));

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

function trafficOf(input: { callsPerInterval: number; intervalSeconds: number; ahtSeconds: number }) {
  requireFiniteAtLeast("callsPerInterval", input.callsPerInterval, 0);
  requireFiniteAtLeast("intervalSeconds", input.intervalSeconds, 0, true);
  requireFiniteAtLeast("ahtSeconds", input.ahtSeconds, 0);
  const traffic = (input.callsPerInterval * input.ahtSeconds) / input.intervalSeconds;
  requireTraffic("trafficErlangs (callsPerInterval × ahtSeconds ÷ intervalSeconds)", traffic);
  return traffic;
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
  if (traffic === 0) return { trafficErlangs: 0, probabilityWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
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

// n ÷ (1 − s) is often a whole number that binary arithmetic lands just above (21 ÷ 0.7 = 30.000000000000004);
// that noise must not schedule a whole extra position.
const ceilIgnoringRoundingNoise = (x: number) => Math.ceil(x - x * 1e-12);

/**
 * The smallest whole number of agents with traffic < N, service level ≥ `targetServiceLevel` within
 * `targetAnswerSeconds`, and occupancy A ÷ N ≤ `maxOccupancy`; with the measures at that N, and `positions`,
 * the agents to schedule so that `agents` remain after `shrinkage`: ceil(agents ÷ (1 − shrinkage)).
 * O(N): one pass of the Erlang B recursion, testing each candidate from floor(A) + 1 upward as it goes.
 */
export function requiredAgents(input: StaffingInput): Staffing {
  const traffic = trafficOf(input);
  const { ahtSeconds, targetServiceLevel, targetAnswerSeconds } = input;
  const maxOccupancy = input.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY;
  const shrinkage = input.shrinkage ?? DEFAULT_SHRINKAGE;
  if (typeof targetServiceLevel !== "number" || !(targetServiceLevel >= 0 && targetServiceLevel < 1))
    throw new Error(
      `targetServiceLevel harus ≥ 0 dan < 1 (diterima: ${String(targetServiceLevel)}); 100% tidak pernah tercapai selama ada panggilan.`,
    );
  requireFiniteAtLeast("targetAnswerSeconds", targetAnswerSeconds, 0);
  if (typeof maxOccupancy !== "number" || !(maxOccupancy > 0 && maxOccupancy <= 1))
    throw new Error(`maxOccupancy harus > 0 dan ≤ 1 (diterima: ${String(maxOccupancy)}).`);
  if (typeof shrinkage !== "number" || !(shrinkage >= 0 && shrinkage < 1))
    throw new Error(`shrinkage harus ≥ 0 dan < 1 (diterima: ${String(shrinkage)}).`);
  if (traffic === 0)
    return {
      trafficErlangs: 0,
      probabilityWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      agents: 0,
      positions: 0,
    };

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

/** The smallest N with N > A and A ÷ N ≤ maxOccupancy, by the same comparison the results are reported with. */
function firstCandidate(traffic: number, maxOccupancy: number): number {
  let n = Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy));
  // traffic ÷ maxOccupancy is rounded, so the estimate can be one off either way.
  while (n - 1 > traffic && traffic / (n - 1) <= maxOccupancy) n--;
  while (traffic / n > maxOccupancy) n++;
  return n;
}
