// Pure: how long callers wait before hanging up (the mean patience of Erlang A, issue 16 item 3), estimated from
// the imported interval statistics — offered, abandoned and AHT per interval — with the agents rostered then. No
// I/O. Times in seconds, shares 0–1.
//
// The statistics hold no waiting times, so patience is not measured but inferred: for each interval that can tell,
// the mean patience θ⁻¹ for which Erlang A with that interval's contacts, AHT and answering agents predicts the share
// that hung up; then the median of those, weighted by contacts offered. P(abandon) falls as patience grows (more
// patient callers hang up less), so each interval's value is found by bisection.
import { erlangA } from "./erlang";
import type { ChannelCode } from "./organization";

/**
 * The mean patience (seconds) assumed when the statistics cannot tell (settings `workforce.patienceSeconds.*`).
 * Callers on the phone hold for a minute or two (call-center studies put mean patience at one to a few minutes;
 * two keeps Erlang A cautious); a web-chat visitor keeps the tab open while doing something else, so waits longer;
 * an SMS, a mention on social media or an e-mail is not withdrawn for hours, if ever — then Erlang A is Erlang C.
 */
export const DEFAULT_PATIENCE_SECONDS: Readonly<Record<ChannelCode, number>> = {
  telepon: 120,
  webchat: 180,
  sms: 4 * 3600,
  media_sosial: 4 * 3600,
  email: 24 * 3600,
};

/** One interval of history: what the phone system counted and how many agents were answering (after shrinkage). */
export type PatienceObservation = {
  offered: number;
  abandoned: number;
  /** Null when nothing was answered. */
  ahtSeconds: number | null;
  answeringAgents: number;
  intervalSeconds: number;
};

/** Below this many contacts offered, one hang-up more or less moves the share by 5 % or more: too noisy to use. */
export const MIN_OFFERED_PER_INTERVAL = 20;
/** Fewer qualifying intervals than this (about two days of daytime half hours) and one odd day would decide. */
export const MIN_QUALIFYING_INTERVALS = 20;
/** The patience searched: 5 s (hardly anyone waits less before hanging up) to a day (a written message's reply). */
export const MIN_PATIENCE_SECONDS = 5;
export const MAX_PATIENCE_SECONDS = 86_400;
/** Bisection stops when the bounds are within 1 % of each other: far finer than the data's noise. */
const RELATIVE_PRECISION = 0.01;

/** Erlang A's share hanging up for an observation at `patienceSeconds` (no service level needed: target 0 s). */
export function predictedAbandonment(o: PatienceObservation, patienceSeconds: number): number {
  return erlangA({
    callsPerInterval: o.offered,
    intervalSeconds: o.intervalSeconds,
    ahtSeconds: o.ahtSeconds ?? 0,
    agents: o.answeringAgents,
    targetAnswerSeconds: 0,
    patienceSeconds,
  }).probabilityAbandon;
}

/**
 * The mean patience (seconds) for which Erlang A reproduces the interval's abandonment share, or null when the
 * interval cannot tell: too few contacts, nothing answered, nobody answering, or a patience anywhere from
 * MIN_PATIENCE_SECONDS to MAX_PATIENCE_SECONDS changes the predicted hang-ups by less than one contact (a quiet
 * interval where nobody waits). A share above what even the least patient callers give is MIN_PATIENCE_SECONDS; one
 * below what the most patient give is MAX_PATIENCE_SECONDS (bounds, kept: the median tolerates them) — except when
 * the agents were too few for the contacts answered (Erlang A then predicts more hang-ups whatever the patience):
 * the roster does not describe that interval, and it is left out.
 */
export function intervalPatience(o: PatienceObservation): number | null {
  if (o.offered < MIN_OFFERED_PER_INTERVAL || !o.ahtSeconds || o.ahtSeconds <= 0 || o.answeringAgents < 1) return null;
  const observed = Math.min(1, Math.max(0, o.abandoned / o.offered));
  const mostImpatient = predictedAbandonment(o, MIN_PATIENCE_SECONDS);
  const mostPatient = predictedAbandonment(o, MAX_PATIENCE_SECONDS);
  if ((mostImpatient - mostPatient) * o.offered < 1) return null;
  if (observed >= mostImpatient) return MIN_PATIENCE_SECONDS;
  if (observed <= mostPatient) {
    // More answered than the agents can answer even if nobody ever hung up: the roster misses people.
    const answerable = o.answeringAgents / ((o.offered * o.ahtSeconds) / o.intervalSeconds);
    return 1 - observed > answerable ? null : MAX_PATIENCE_SECONDS;
  }
  // Bisection on the logarithm of patience: P(abandon) falls as patience grows.
  let low = Math.log(MIN_PATIENCE_SECONDS);
  let high = Math.log(MAX_PATIENCE_SECONDS);
  while (high - low > Math.log1p(RELATIVE_PRECISION)) {
    const middle = (low + high) / 2;
    if (predictedAbandonment(o, Math.exp(middle)) > observed) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

/** The value below which half the total weight lies (the lower one on a tie). Null for no weight. */
export function weightedMedian(values: readonly { value: number; weight: number }[]): number | null {
  const sorted = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.weight, 0);
  let below = 0;
  for (const v of sorted) {
    below += v.weight;
    if (below >= total / 2) return v.value;
  }
  return null;
}

export type PatienceEstimate = {
  /** Whole seconds; null when fewer than MIN_QUALIFYING_INTERVALS intervals could tell, or the median is a bound
   * of the search (the data say only "at least a day" or "at most 5 s"). */
  patienceSeconds: number | null;
  /** Intervals that could tell (their median is the estimate). */
  intervals: number;
};

/**
 * The pooled patience of a channel: the median of the intervals' estimates weighted by contacts offered.
 * `perInterval` is intervalPatience or a memo of it (it costs about 0.3 ms an interval at national volume).
 */
export function estimatePatience(
  observations: readonly PatienceObservation[],
  perInterval: (o: PatienceObservation) => number | null = intervalPatience,
): PatienceEstimate {
  const estimates: { value: number; weight: number }[] = [];
  for (const o of observations) {
    const value = perInterval(o);
    if (value !== null) estimates.push({ value, weight: o.offered });
  }
  const median = estimates.length >= MIN_QUALIFYING_INTERVALS ? weightedMedian(estimates) : null;
  const atBound = median === MIN_PATIENCE_SECONDS || median === MAX_PATIENCE_SECONDS;
  return { patienceSeconds: median === null || atBound ? null : Math.round(median), intervals: estimates.length };
}

export type PatienceSource = "estimated" | "setting";
export type ChannelPatience = {
  seconds: number;
  source: PatienceSource;
  /** Intervals the estimate came from (0 when none could tell). */
  intervals: number;
  /** The setting, shown beside an estimate. */
  settingSeconds: number;
};

/** The estimate when there is one, else the setting. */
export const choosePatience = (estimate: PatienceEstimate, settingSeconds: number): ChannelPatience =>
  estimate.patienceSeconds === null
    ? { seconds: settingSeconds, source: "setting", intervals: estimate.intervals, settingSeconds }
    : { seconds: estimate.patienceSeconds, source: "estimated", intervals: estimate.intervals, settingSeconds };

/** '2 menit', '1 jam 30 menit', '45 detik': a patience in words. */
export function patienceWords(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} detik`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
}
