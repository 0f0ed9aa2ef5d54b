// Pure: the two queue models the staffing plan puts side by side (issue 16, item 3) for one interval — Erlang C
// (callers never hang up) and Erlang A (they hang up after a mean patience) — each with the agents and positions its
// targets need and what the rostered agents are expected to achieve. A setting says which one drives the
// comparison with the roster. No I/O.
import { erlangA, serviceLevel as erlangCServiceLevel, requiredAgents, requiredAgentsWithAbandonment } from "./erlang";

export type StaffingModel = "erlang_c" | "erlang_a";
export const STAFFING_MODELS: readonly StaffingModel[] = ["erlang_c", "erlang_a"];
export const MODEL_LABELS: Record<StaffingModel, string> = { erlang_c: "Erlang C", erlang_a: "Erlang A" };
export const isStaffingModel = (value: unknown): value is StaffingModel => value === "erlang_c" || value === "erlang_a";

/**
 * Erlang A's two computations, replaceable by a memo of them (app/.server/erlang-memo.ts): they are pure, and cost
 * about a millisecond an interval at national volume where Erlang C costs a microsecond.
 */
export type AbandonmentModels = {
  required: typeof requiredAgentsWithAbandonment;
  measures: typeof erlangA;
};
export const EXACT_ABANDONMENT: AbandonmentModels = { required: requiredAgentsWithAbandonment, measures: erlangA };

/**
 * Erlang A's inputs are rounded before computing — contacts to 0.01, AHT to 0.1 s, patience to whole seconds —
 * so that a memo keyed by them returns exactly what computing would, and a forecast of 412.1666… contacts and one of
 * 412.17 share an entry. The rounding moves the traffic by far less than the forecast's own error.
 */
export const roundedCalls = (calls: number) => Math.round(calls * 100) / 100;
export const roundedAht = (seconds: number) => Math.round(seconds * 10) / 10;
export const roundedPatience = (seconds: number) => Math.max(1, Math.round(seconds));

// x × (1 − s) is often a whole number that binary arithmetic lands just below (10 × (1 − 0.9) = 0.9999999999999998):
// that noise must not take an agent away. The same tolerance analytics/erlang.ts uses for positions.
const floorIgnoringRoundingNoise = (x: number) => Math.floor(x + x * 1e-12);

/**
 * Agents answering out of `rostered` people on duty after shrinkage: the largest n whose positions
 * (ceil(n ÷ (1 − s)), as requiredAgents counts them) fit in `rostered`, i.e. floor(rostered × (1 − s)).
 */
export const answeringAgents = (rostered: number, shrinkage: number) =>
  floorIgnoringRoundingNoise(rostered * (1 - shrinkage));

/** What one model says of one interval. */
export type ModelNeed = {
  /** Agents answering at once that the targets need, and positions to roster for them after shrinkage. */
  agents: number;
  positions: number;
  /** Service level, mean wait, occupancy and share hanging up with `agents` answering (Erlang C: nobody hangs up). */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probabilityAbandon: number;
  /** What the rostered agents after shrinkage are expected to achieve: service level, mean wait (null when the
   * queue grows without bound under Erlang C), occupancy and share hanging up (0 under Erlang C). */
  expectedServiceLevel: number;
  expectedAsaSeconds: number | null;
  expectedOccupancy: number;
  expectedAbandonment: number;
};

export type IntervalModelsInput = {
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  targets: { serviceLevel: number; answerSeconds: number; maxOccupancy: number; shrinkage: number };
  patienceSeconds: number;
  /** People on duty in the interval. */
  rostered: number;
  abandonment?: AbandonmentModels;
};

/** Both models for one interval: the traffic, the answering agents of the roster, and each model's need. */
export function intervalModels(input: IntervalModelsInput): {
  trafficErlangs: number;
  rosteredAnswering: number;
  erlang_c: ModelNeed;
  erlang_a: ModelNeed;
} {
  const { callsPerInterval, intervalSeconds, ahtSeconds, targets } = input;
  const models = input.abandonment ?? EXACT_ABANDONMENT;
  const staffing = {
    callsPerInterval,
    intervalSeconds,
    ahtSeconds,
    targetServiceLevel: targets.serviceLevel,
    targetAnswerSeconds: targets.answerSeconds,
    maxOccupancy: targets.maxOccupancy,
    shrinkage: targets.shrinkage,
  };
  const answering = answeringAgents(input.rostered, targets.shrinkage);
  const c = requiredAgents(staffing);
  const cExpected = erlangCServiceLevel({
    callsPerInterval,
    intervalSeconds,
    ahtSeconds,
    agents: answering,
    targetAnswerSeconds: targets.answerSeconds,
  });
  const rounded = {
    ...staffing,
    callsPerInterval: roundedCalls(callsPerInterval),
    ahtSeconds: roundedAht(ahtSeconds),
    patienceSeconds: roundedPatience(input.patienceSeconds),
  };
  const a = models.required(rounded);
  const aExpected = models.measures({
    callsPerInterval: rounded.callsPerInterval,
    intervalSeconds,
    ahtSeconds: rounded.ahtSeconds,
    agents: answering,
    targetAnswerSeconds: targets.answerSeconds,
    patienceSeconds: rounded.patienceSeconds,
  });
  return {
    trafficErlangs: c.trafficErlangs,
    rosteredAnswering: answering,
    erlang_c: {
      agents: c.agents,
      positions: c.positions,
      serviceLevel: c.serviceLevel,
      asaSeconds: c.asaSeconds,
      occupancy: c.occupancy,
      probabilityAbandon: 0,
      expectedServiceLevel: cExpected.serviceLevel,
      expectedAsaSeconds: Number.isFinite(cExpected.asaSeconds) ? cExpected.asaSeconds : null,
      expectedOccupancy: cExpected.occupancy,
      expectedAbandonment: 0,
    },
    erlang_a: {
      agents: a.agents,
      positions: a.positions,
      serviceLevel: a.serviceLevel,
      asaSeconds: a.asaSeconds,
      occupancy: a.occupancy,
      probabilityAbandon: a.probabilityAbandon,
      expectedServiceLevel: aExpected.serviceLevel,
      expectedAsaSeconds: aExpected.asaSeconds,
      expectedOccupancy: aExpected.occupancy,
      expectedAbandonment: aExpected.probabilityAbandon,
    },
  };
}
