// Pure: Erlang A (M/M/N+M), exported through erlang.ts (issue 16). Compared with pyworkforce's ErlangA in
// erlang-abandonment.test.ts: the same definitions (service level over all offered contacts, ASA over all contacts,
// occupancy = answered traffic ÷ N), computed here without its per-start uniformization.
import {
  ceilIgnoringRoundingNoise,
  erlangBStep,
  noTraffic,
  requireAgents,
  requireFiniteAtLeast,
  type ServiceLevelInput,
  type ServiceLevelResult,
  type Staffing,
  type StaffingInput,
  staffingTargets,
  trafficOf,
  withinCap,
} from "./erlang-inputs";

// Erlang A (M/M/N+M): callers who wait hang up after an exponential patience with mean `patienceSeconds`. Stable
// for any N, also N ≤ A (the impatient leave). Computed exactly from the birth–death chain (arrival λ; departures
// min(j, N)·μ + max(j − N, 0)·θ), without factorials: the states below N relative to state N are 1 ÷ B(N) − 1
// (Erlang B, by the recursion of erlang.ts), the states above N are the products λ ÷ (Nμ + kθ), kept as logarithms so
// an overloaded queue does not overflow, and cut off once a term is a negligible share of their sum.

export type AbandonmentInput = ServiceLevelInput & { patienceSeconds: number };
export type AbandonmentResult = ServiceLevelResult & { probabilityAbandon: number };

type Rates = { arrival: number; service: number; abandon: number };

/** The chain at N agents: the probability of each queue length k = 0, 1, … while all N are busy. */
function queueTail(agents: number, blocking: number, rates: Rates): Float64Array {
  const { arrival, service, abandon } = rates;
  const logs: number[] = [0];
  let log = 0;
  let largest = 0;
  let sum = 1; // Σ exp(log_k − largest), rescaled when the largest grows
  for (let k = 1; k < 10_000_000; k++) {
    log += Math.log(arrival / (agents * service + k * abandon));
    logs.push(log);
    if (log > largest) {
      sum = sum * Math.exp(largest - log) + 1;
      largest = log;
    } else sum += Math.exp(log - largest);
    // Past the top of the hump the terms only shrink, and faster than geometrically.
    if (log < largest && Math.exp(log - largest) < 1e-17 * sum) break;
  }
  // Below N, relative to state N: 1 ÷ B − 1; scaled like the tail.
  const below = blocking > 0 ? (1 / blocking - 1) * Math.exp(-largest) : 0;
  const total = below + sum;
  return Float64Array.from(logs, (l) => Math.exp(l - largest) / total);
}

/**
 * For a caller who finds k = 0, 1, … callers waiting ahead, the probability of being answered within `seconds`:
 * ahead of them the queue moves at Nμ + jθ (answers and hang-ups), they hang up at θ themselves. The backward
 * equations, solved by uniformization for every k at once; Poisson weights as logarithms (no underflow).
 */
function answeredWithin(agents: number, rates: Rates, length: number, seconds: number): Float64Array {
  const { service, abandon } = rates;
  const uniform = agents * service + length * abandon;
  const served = new Float64Array(length);
  if (seconds === 0 || uniform === 0) return served;
  const mean = uniform * seconds;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 50);
  let within = new Float64Array(length); // P(answered within n uniformized steps | k ahead)
  let logFactorial = 0;
  for (let n = 0; n <= steps; n++) {
    if (n > 0) {
      logFactorial += Math.log(n);
      const next = new Float64Array(length);
      for (let k = 0; k < length; k++) {
        const moves = agents * service + k * abandon;
        next[k] =
          (moves / uniform) * (k === 0 ? 1 : (within[k - 1] ?? 0)) +
          (1 - (moves + abandon) / uniform) * (within[k] ?? 0);
      }
      within = next;
    }
    const weight = Math.exp(-mean + n * Math.log(mean) - logFactorial);
    if (weight === 0) continue;
    for (let k = 0; k < length; k++) served[k] = (served[k] ?? 0) + weight * (within[k] ?? 0);
  }
  return served;
}

function abandonmentMeasures(
  agents: number,
  blocking: number,
  traffic: number,
  input: { callsPerInterval: number; intervalSeconds: number; ahtSeconds: number; patienceSeconds: number },
  targetSeconds: number,
): AbandonmentResult {
  const rates = {
    arrival: input.callsPerInterval / input.intervalSeconds,
    service: 1 / input.ahtSeconds,
    abandon: 1 / input.patienceSeconds,
  };
  // Far more agents than traffic: B underflows, nobody waits (as erlangC).
  if (agents > 0 && blocking === 0)
    return {
      trafficErlangs: traffic,
      probabilityWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: traffic / agents,
      probabilityAbandon: 0,
    };
  const tail = queueTail(agents, blocking, rates);
  let probabilityWait = 0;
  let queueMean = 0;
  for (const [k, p] of tail.entries()) {
    probabilityWait += p;
    queueMean += k * p;
  }
  const probabilityAbandon = Math.min(1, (rates.abandon * queueMean) / rates.arrival);
  const answered = answeredWithin(agents, rates, tail.length, targetSeconds);
  let level = 1 - probabilityWait;
  for (const [k, p] of tail.entries()) level += p * (answered[k] ?? 0);
  return {
    trafficErlangs: traffic,
    probabilityWait: Math.min(1, probabilityWait),
    serviceLevel: Math.min(1, Math.max(0, level)),
    asaSeconds: queueMean / rates.arrival,
    occupancy: agents === 0 ? 0 : Math.min(1, (traffic * (1 - probabilityAbandon)) / agents),
    probabilityAbandon,
  };
}

/**
 * Erlang A measures of `agents` on one interval: the share of all offered contacts answered within
 * `targetAnswerSeconds` (one who hangs up is not answered), the probability of waiting and of hanging up, the mean
 * wait over all contacts, and the answered traffic ÷ N. As patience grows it tends to Erlang C (serviceLevel).
 */
export function erlangA(input: AbandonmentInput): AbandonmentResult {
  const traffic = trafficOf(input);
  requireAgents("agents", input.agents);
  requireFiniteAtLeast("targetAnswerSeconds", input.targetAnswerSeconds, 0);
  requireFiniteAtLeast("patienceSeconds", input.patienceSeconds, 0, true);
  if (traffic === 0) return { ...noTraffic(), probabilityAbandon: 0 };
  let b = 1;
  for (let n = 1; n <= input.agents && b > 0; n++) b = erlangBStep(b, n, traffic);
  return abandonmentMeasures(input.agents, b, traffic, input, input.targetAnswerSeconds);
}

/**
 * The smallest N meeting the service level, the occupancy cap and at most `maxAbandonment` (default 1: no limit)
 * hanging up, under Erlang A, with its measures and the positions covering shrinkage.
 */
export function requiredAgentsWithAbandonment(
  input: StaffingInput & { patienceSeconds: number; maxAbandonment?: number },
): Staffing & { probabilityAbandon: number } {
  const { traffic, maxOccupancy, shrinkage } = staffingTargets(input);
  requireFiniteAtLeast("patienceSeconds", input.patienceSeconds, 0, true);
  const maxAbandonment = input.maxAbandonment ?? 1;
  if (typeof maxAbandonment !== "number" || !(maxAbandonment > 0 && maxAbandonment <= 1))
    throw new Error(`maxAbandonment harus > 0 dan ≤ 1 (diterima: ${String(maxAbandonment)}).`);
  if (traffic === 0) return { ...noTraffic(), agents: 0, positions: 0, probabilityAbandon: 0 };
  const blockingAt = (agents: number) => {
    let b = 1;
    for (let n = 1; n <= agents && b > 0; n++) b = erlangBStep(b, n, traffic);
    return b;
  };
  const measuresAt = (agents: number) =>
    abandonmentMeasures(agents, blockingAt(agents), traffic, input, input.targetAnswerSeconds);
  const meets = (m: AbandonmentResult) =>
    m.serviceLevel >= input.targetServiceLevel &&
    withinCap(m.occupancy, maxOccupancy) &&
    m.probabilityAbandon <= maxAbandonment;
  // Each measure improves with every agent added (the property tests hold it), so the answer is found by bisection:
  // between A × target (fewer cannot answer that share: at most N ÷ A of the traffic is answered) and a bound that
  // meets the targets, grown from just above the traffic until it does.
  let low = Math.max(1, Math.floor(traffic * input.targetServiceLevel));
  let high = Math.max(low, Math.floor(traffic) + 1);
  while (!meets(measuresAt(high))) {
    low = high + 1;
    high += Math.max(1, Math.ceil(high / 8));
  }
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (meets(measuresAt(middle))) high = middle;
    else low = middle + 1;
  }
  const m = measuresAt(high);
  return { ...m, agents: high, positions: ceilIgnoringRoundingNoise(high / (1 - shrinkage)) };
}
