// Pure: what Erlang C (erlang.ts) and Erlang A (erlang-abandonment.ts) share: the limits, the types, the checks of
// their inputs, the traffic, one step of the Erlang B recursion and the rounding that must not cost an agent.

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

export function requireFiniteAtLeast(field: string, value: number, min: number, strict = false) {
  if (typeof value !== "number" || !Number.isFinite(value) || (strict ? value <= min : value < min))
    throw new Error(`${field} harus bilangan hingga ${strict ? ">" : "≥"} ${min} (diterima: ${String(value)}).`);
}

export function requireAgents(field: string, value: number) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${field} harus bilangan bulat ≥ 0 (diterima: ${String(value)}).`);
}

export function requireTraffic(field: string, value: number) {
  requireFiniteAtLeast(field, value, 0);
  if (value > MAX_TRAFFIC_ERLANGS)
    throw new Error(
      `${field} ${value} Erlang melebihi batas ${MAX_TRAFFIC_ERLANGS.toLocaleString("id-ID")} Erlang; periksa satuan volume dan AHT.`,
    );
}

// One step of the Erlang B recursion. Shared by erlangC and requiredAgents so both produce bit-identical values
// (requiredAgents' answer then agrees exactly with serviceLevel at the same N).
export const erlangBStep = (b: number, n: number, traffic: number) => (traffic * b) / (n + traffic * b);

// Erlang C from Erlang B at N > A. The denominator N − A + A·B is positive there.
export const waitFromBlocking = (agents: number, traffic: number, b: number) =>
  (agents * b) / (agents - traffic * (1 - b));

export function trafficOf(input: { callsPerInterval: number; intervalSeconds: number; ahtSeconds: number }) {
  requireFiniteAtLeast("callsPerInterval", input.callsPerInterval, 0);
  requireFiniteAtLeast("intervalSeconds", input.intervalSeconds, 0, true);
  requireFiniteAtLeast("ahtSeconds", input.ahtSeconds, 0);
  const traffic = (input.callsPerInterval * input.ahtSeconds) / input.intervalSeconds;
  requireTraffic("trafficErlangs (callsPerInterval × ahtSeconds ÷ intervalSeconds)", traffic);
  return traffic;
}

// n ÷ (1 − s) is often a whole number that binary arithmetic lands just above (21 ÷ 0.7 = 30.000000000000004);
// that noise must not schedule a whole extra position.
export const ceilIgnoringRoundingNoise = (x: number) => Math.ceil(x - x * 1e-12);

// A ÷ N computed in binary can land just above a cap it meets exactly (57 × 420 ÷ 1800 = 13.3 erlangs, and
// 13.3 ÷ 19 = 0.7000000000000001 > 0.70): that noise must not staff a whole extra agent.
export const withinCap = (occupancy: number, maxOccupancy: number) => occupancy <= maxOccupancy * (1 + 1e-12);

/** The traffic and the checked targets of a staffing question (Erlang C or A). */
export function staffingTargets(input: StaffingInput) {
  const traffic = trafficOf(input);
  const { targetServiceLevel, targetAnswerSeconds } = input;
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
  return { traffic, maxOccupancy, shrinkage };
}

/** No traffic (no contacts, or AHT 0) is no work: nobody waits, every contact is answered at once, nobody is busy. */
export const noTraffic = () => ({
  trafficErlangs: 0,
  probabilityWait: 0,
  serviceLevel: 1,
  asaSeconds: 0,
  occupancy: 0,
});
