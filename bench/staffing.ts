// Benchmark of Erlang C staffing for a full week at large volume: 336 half-hours × 5 channels = 1,680
// `requiredAgents` calls (80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 %), against the same count of bare
// `erlangC(N, A)` evaluations at each interval's resulting N, in the same run. Volumes follow a daily shape with
// morning and afternoon peaks, up to 5,000 calls per half hour; AHT 180–400 s by channel. Then the whole plan of
// that week as the app makes it (`forecast` from six weeks of interval sums, `staffingPlan` with a roster: Erlang C
// for the need and the service level the roster is expected to achieve, the comparison, the totals). And the same
// week under Erlang A (requiredAgentsWithAbandonment, patience 180 s), against Erlang C's requiredAgents. The plan
// computes both models: timed cold (Erlang A computed), warm (through the memo the app uses, app/.server/
// erlang-memo.ts) and for one channel (what the plan page asks for), each against bare erlangC in the same run; and
// the patience estimator over six weeks of the busiest channel's intervals.
// Ends with one line of JSON: {"bench":"staffing","ratio":…,…} (ratio: requiredAgents ÷ bare erlangC).
//   npx tsx bench/staffing.ts [repetitions=21] [peakCalls=5000]

import { isoWeek } from "../analytics/dates";
import { erlangC, requiredAgents, requiredAgentsWithAbandonment } from "../analytics/erlang";
import { forecast, type ProfileInput } from "../analytics/forecast";
import type { ChannelCode } from "../analytics/organization";
import { estimatePatience, type PatienceObservation, predictedAbandonment } from "../analytics/patience";
import { answeringAgents, type RosteredInput, staffingPlan } from "../analytics/staffing";
import { EXACT_ABANDONMENT } from "../analytics/staffing-models";
import { abandonmentMemo, MEMOIZED_ABANDONMENT, memoizedIntervalPatience } from "../app/.server/erlang-memo";
import { printResult } from "./result";

const [repetitions = 21, peakCalls = 5000] = process.argv.slice(2).map(Number);
const INTERVAL_SECONDS = 1800;
const WARM_UP = 5;

// Share of the telephone peak and AHT per channel: the phone carries the most, written channels take longer.
const CHANNELS: { code: ChannelCode; share: number; ahtSeconds: number }[] = [
  { code: "telepon", share: 1, ahtSeconds: 300 },
  { code: "webchat", share: 0.6, ahtSeconds: 400 },
  { code: "media_sosial", share: 0.35, ahtSeconds: 240 },
  { code: "email", share: 0.25, ahtSeconds: 360 },
  { code: "sms", share: 0.2, ahtSeconds: 180 },
];
const DAY_FACTOR = [1, 0.95, 0.9, 0.9, 0.85, 0.5, 0.4]; // Monday … Sunday

/** Share (0–1) of the peak in the half hour starting at `hour`: quiet nights, peaks at 10:00 and 14:30. */
const dailyShape = (hour: number) =>
  0.02 + 0.98 * Math.max(Math.exp(-(((hour - 10) / 2) ** 2)), 0.85 * Math.exp(-(((hour - 14.5) / 2.2) ** 2)));

const intervals = DAY_FACTOR.flatMap((day) =>
  Array.from({ length: 48 }, (_, i) => i / 2).flatMap((hour) =>
    CHANNELS.map((c) => ({
      callsPerInterval: Math.round(peakCalls * c.share * day * dailyShape(hour)),
      intervalSeconds: INTERVAL_SECONDS,
      ahtSeconds: c.ahtSeconds,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    })),
  ),
);
if (intervals.length !== 1680) throw new Error(`expected 1,680 intervals, got ${intervals.length}`);

const staffWeek = () => intervals.map((input) => requiredAgents(input));

// Same numbers first: the bare baseline evaluates exactly the N and A that staffing settled on.
const week = staffWeek();
const pairs = week.map((r) => [r.agents, r.trafficErlangs] as const);
week.forEach((r, i) => {
  const [agents, traffic] = pairs[i] ?? [0, 0];
  if (erlangC(agents, traffic) !== r.probabilityWait) throw new Error(`interval ${i}: erlangC differs from staffing`);
});
const bareWeek = () => pairs.map(([agents, traffic]) => erlangC(agents, traffic));

/** Median of `runs` timings of `work` after `WARM_UP` untimed runs, in milliseconds. */
function median(runs: number, work: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

// The same week as the app plans it: six weeks of interval sums per weekday and interval (the forecast's input),
// and a roster with 90 % of the positions needed, so that every interval also runs the roster's service level.
const HISTORY_WEEKS = 6;
const profile: ProfileInput[] = intervals.map((input, i) => ({
  channel: CHANNELS[i % CHANNELS.length]?.code ?? "telepon",
  weekday: Math.floor(i / (48 * CHANNELS.length)) + 1,
  startMinute: (Math.floor(i / CHANNELS.length) % 48) * 30,
  intervalMinutes: 30,
  days: HISTORY_WEEKS,
  offered: input.callsPerInterval * HISTORY_WEEKS,
  answered: input.callsPerInterval * HISTORY_WEEKS,
  ahtSeconds: input.ahtSeconds,
}));
const week49 = isoWeek("2026-W49");
const rostered: RosteredInput[] = profile.map((p, i) => ({
  day: week49.days[p.weekday - 1] ?? week49.monday,
  startMinute: p.startMinute,
  channel: p.channel,
  agents: Math.floor((week[i]?.positions ?? 0) * 0.9),
}));
const TARGETS = { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 };
const planWeek = (abandonment = EXACT_ABANDONMENT, channels = CHANNELS.map((c) => c.code)) =>
  staffingPlan({
    days: week49.days,
    intervalMinutes: 30,
    channels,
    forecast: forecast(profile, 30),
    targets: Object.fromEntries(CHANNELS.map((c) => [c.code, TARGETS])) as Record<ChannelCode, typeof TARGETS>,
    rostered,
    patienceSeconds: Object.fromEntries(CHANNELS.map((c) => [c.code, 180])),
    abandonment,
  });
// Same numbers: the plan's agents are requiredAgents' for every interval.
const planned = planWeek().flatMap((c) => c.intervals);
if (planned.length !== 1680) throw new Error(`expected 1,680 planned intervals, got ${planned.length}`);
const plannedAgents = planned.reduce((sum, p) => sum + p.agents, 0);
if (plannedAgents !== week.reduce((sum, r) => sum + r.agents, 0)) throw new Error("the plan differs from staffing");

// The same week under Erlang A (callers hang up after 3 minutes on average): what abandonment costs to compute.
const PATIENCE_SECONDS = 180;
const staffWeekWithAbandonment = () =>
  intervals.map((input) => requiredAgentsWithAbandonment({ ...input, patienceSeconds: PATIENCE_SECONDS }));
const weekWithAbandonment = staffWeekWithAbandonment();

// Six weeks of the phone's history as the estimator reads it: each interval's contacts with the agents rostered
// (90 % of the positions, after shrinkage), hanging up as Erlang A with a patience of 180 s predicts.
const phone = intervals.filter((_, i) => i % CHANNELS.length === 0);
const observations: PatienceObservation[] = Array.from({ length: HISTORY_WEEKS }).flatMap(() =>
  phone.map((input, i) => {
    const o = {
      offered: input.callsPerInterval,
      abandoned: 0,
      ahtSeconds: input.ahtSeconds,
      answeringAgents: answeringAgents(rostered[i * CHANNELS.length]?.agents ?? 0, 0.3),
      intervalSeconds: INTERVAL_SECONDS,
    };
    return { ...o, abandoned: Math.round(o.offered * predictedAbandonment(o, PATIENCE_SECONDS)) };
  }),
);

/** One timed run of `work`, in milliseconds. */
const once = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const bareMs = median(repetitions, bareWeek);
const abandonmentMs = median(repetitions, staffWeekWithAbandonment);
const staffingMs = median(repetitions, staffWeek);
// Cold: every Erlang A computed (no memo); the memo emptied before the page's first request, then warm.
const planColdMs = once(() => planWeek());
abandonmentMemo.clear();
const pageColdMs = once(() => planWeek(MEMOIZED_ABANDONMENT, ["telepon"]));
const pageWarmMs = median(repetitions, () => planWeek(MEMOIZED_ABANDONMENT, ["telepon"]));
abandonmentMemo.clear();
const planMemoColdMs = once(() => planWeek(MEMOIZED_ABANDONMENT));
const planMs = median(repetitions, () => planWeek(MEMOIZED_ABANDONMENT));
const memo = abandonmentMemo.stats();
const estimate = estimatePatience(observations);
const estimateMs = once(() => estimatePatience(observations));
const estimateWarmMs = median(repetitions, () => estimatePatience(observations, memoizedIntervalPatience));

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const calls = sum(intervals.map((i) => i.callsPerInterval));
const peakTraffic = Math.max(...week.map((r) => r.trafficErlangs));
// Intervals where the occupancy cap, not the service level, set the head count.
const capped = intervals.filter(
  (input, i) => requiredAgents({ ...input, maxOccupancy: 1 }).agents < (week[i]?.agents ?? 0),
).length;
console.log(
  [
    `week: ${intervals.length.toLocaleString("en")} intervals, ${calls.toLocaleString("en")} calls, peak ${peakTraffic.toFixed(0)} Erl, ` +
      `${sum(week.map((r) => r.agents)).toLocaleString("en")} agent-intervals (${capped} set by the occupancy cap), ` +
      `${sum(week.map((r) => r.positions)).toLocaleString("en")} positions`,
    `median of ${repetitions} after ${WARM_UP} warm-up runs: requiredAgents ${staffingMs.toFixed(2)} ms, ` +
      `bare erlangC at the same N ${bareMs.toFixed(2)} ms, ratio ${(staffingMs / bareMs).toFixed(2)}x`,
    `Erlang A (patience ${PATIENCE_SECONDS} s) for the same week: ${abandonmentMs.toFixed(2)} ms, ratio to requiredAgents ` +
      `(Erlang C) ${(abandonmentMs / staffingMs).toFixed(2)}x; ${sum(weekWithAbandonment.map((r) => r.agents)).toLocaleString("en")} ` +
      `agent-intervals against Erlang C's ${sum(week.map((r) => r.agents)).toLocaleString("en")}`,
    `the week's plan, both models (forecast + staffingPlan with a roster, ${planned.filter((p) => p.status === "kurang").length} intervals short under Erlang C): ` +
      `cold ${planColdMs.toFixed(0)} ms (${(planColdMs / bareMs).toFixed(0)}x bare erlangC); through the memo: first ${planMemoColdMs.toFixed(0)} ms, ` +
      `then ${planMs.toFixed(2)} ms, ratio to bare erlangC ${(planMs / bareMs).toFixed(2)}x (memo ${memo.entries} entries)`,
    `the plan page's channel (telepon, 336 intervals) through the memo: first ${pageColdMs.toFixed(0)} ms, then ${pageWarmMs.toFixed(2)} ms ` +
      `(${(pageWarmMs / bareMs).toFixed(2)}x bare erlangC of the whole week)`,
    `patience estimated from ${observations.length.toLocaleString("en")} phone intervals (six weeks) generated with ${PATIENCE_SECONDS} s: ` +
      `${estimate.patienceSeconds} s from ${estimate.intervals} intervals, ${estimateMs.toFixed(0)} ms (${(estimateMs / bareMs).toFixed(0)}x bare erlangC); ` +
      `through the memo, once seen: ${estimateWarmMs.toFixed(2)} ms (${(estimateWarmMs / bareMs).toFixed(2)}x)`,
  ].join("\n"),
);
printResult("staffing", {
  repetitions,
  intervals: intervals.length,
  bareMs,
  staffingMs,
  ratio: staffingMs / bareMs,
  abandonmentMs,
  abandonmentRatio: abandonmentMs / staffingMs,
  planColdMs,
  planMemoFirstMs: planMemoColdMs,
  planMs,
  planRatio: planMs / bareMs,
  pageFirstMs: pageColdMs,
  pageMs: pageWarmMs,
  patienceSeconds: estimate.patienceSeconds,
  estimateMs,
  estimateMemoMs: estimateWarmMs,
});
