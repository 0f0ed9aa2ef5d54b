// Pure: the staffing plan of a week (issue 6): per interval of each channel, the agents and positions Erlang C
// asks for to meet the channel's targets with the forecast contacts (forecast.ts), against the agents rostered.
// Weeks are the calendar's (dates.ts). No I/O, no wall clock. Fractions are 0–1, times in seconds unless a name
// says minutes or hours.
import { isoWeekday } from "./dates";
import { requiredAgents, serviceLevel } from "./erlang";
import { type Forecast, slotKey } from "./forecast";
import type { ChannelCode } from "./organization";
import { MINUTES_PER_DAY } from "./workforce-time";

/** A channel's targets (settings `workforce.*.<channel>`), as fractions. */
export type StaffingTargets = {
  /** Share of contacts to answer within `answerSeconds`, [0, 1). */
  serviceLevel: number;
  answerSeconds: number;
  /** Most of their time agents should spend on contacts, (0, 1]. */
  maxOccupancy: number;
  /** Share of rostered time not spent answering (breaks, training, absence), [0, 1). */
  shrinkage: number;
};

/** Agents on duty in one interval of one channel (app/.server/roster.ts rosteredPerInterval). */
export type RosteredInput = {
  day: string;
  startMinute: number;
  channel: ChannelCode;
  /** People on duty for at least part of the interval. */
  agents: number;
  /** Agent time on duty ÷ interval length; `agents` when not given. */
  staffedAgents?: number;
};

export type StaffingStatus = "kurang" | "cukup" | "lebih";
export const STATUS_LABELS: Record<StaffingStatus, string> = { kurang: "Kurang", cukup: "Cukup", lebih: "Lebih" };

/**
 * An interval counts as over-staffed when the rostered head count exceeds the positions needed by more than
 * max(OVERSTAFF_MIN_HEADS, OVERSTAFF_SHARE × positions). One spare person is never flagged: a 24/7 center keeps
 * someone on every channel at night whatever a forecast of a contact or two says, and a rotation cannot cut a
 * crew to the exact head. Above five positions, a fifth more than needed is worth moving elsewhere.
 */
export const OVERSTAFF_MIN_HEADS = 1;
export const OVERSTAFF_SHARE = 0.2;

/** The heads above `positions` that still count as 'cukup'. */
export const overstaffTolerance = (positions: number) => Math.max(OVERSTAFF_MIN_HEADS, OVERSTAFF_SHARE * positions);

/** 'kurang' when fewer are rostered than the positions needed, 'lebih' when more than the tolerance above. */
export function staffingStatus(rostered: number, positions: number): StaffingStatus {
  if (rostered < positions) return "kurang";
  return rostered - positions > overstaffTolerance(positions) ? "lebih" : "cukup";
}

// x × (1 − s) is often a whole number that binary arithmetic lands just below (10 × (1 − 0.9) = 0.9999999999999998):
// that noise must not take an agent away. The same tolerance analytics/erlang.ts uses for positions.
const floorIgnoringRoundingNoise = (x: number) => Math.floor(x + x * 1e-12);

/**
 * Agents answering out of `rostered` people on duty after shrinkage: the largest n whose positions
 * (ceil(n ÷ (1 − s)), as requiredAgents counts them) fit in `rostered`, i.e. floor(rostered × (1 − s)).
 */
export const answeringAgents = (rostered: number, shrinkage: number) =>
  floorIgnoringRoundingNoise(rostered * (1 - shrinkage));

export type PlanInterval = {
  /** WIB day of the interval's start, its ISO weekday, and minutes after its midnight. */
  day: string;
  weekday: number;
  startMinute: number;
  /** startMinute + the interval length: 1440 for the last interval of a day. */
  endMinute: number;
  /** Forecast contacts offered (an average, fractional); 0 with no history. */
  forecastCalls: number;
  /** The AHT the plan used: the interval's own, else the channel's over the basis (when none of the interval's
   * contacts was answered); null when the interval has no history, or no contact of the channel was answered. */
  ahtSeconds: number | null;
  /** What the channel's targets need (analytics/erlang.ts requiredAgents). */
  trafficErlangs: number;
  agents: number;
  positions: number;
  /** Service level, average speed of answer and occupancy with `agents` answering. */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  /** People rostered on the channel for at least part of the interval. */
  rostered: number;
  /** rostered − positions: negative is short. */
  difference: number;
  status: StaffingStatus;
  /** What the roster is expected to achieve: answeringAgents(rostered) answering, with their service level, ASA
   * (null when the queue grows without bound: answering agents ≤ traffic) and occupancy. */
  rosteredAnswering: number;
  expectedServiceLevel: number;
  expectedAsaSeconds: number | null;
  expectedOccupancy: number;
};

export type StaffingTotals = {
  intervals: number;
  /** Sum of the forecast contacts. */
  forecastCalls: number;
  /** Σ agents (positions) × interval length, in hours. */
  agentHours: number;
  positionHours: number;
  /** Rostered agent time, in hours (people × the part of each interval they are on duty). */
  rosteredHours: number;
  /** rosteredHours − positionHours. */
  differenceHours: number;
  /** Intervals 'kurang' and 'lebih'. */
  understaffed: number;
  overstaffed: number;
};

export type DayTotals = StaffingTotals & { day: string; weekday: number };

export type ChannelPlan = {
  channel: ChannelCode;
  targets: StaffingTargets;
  /** Whether the forecast had any statistics of this channel. */
  hasHistory: boolean;
  /** Every interval of every day, in time order. */
  intervals: PlanInterval[];
  days: DayTotals[];
  week: StaffingTotals;
};

export type StaffingPlanInput = {
  /** The WIB days to plan (a week's seven). */
  days: readonly string[];
  intervalMinutes: number;
  channels: readonly ChannelCode[];
  forecast: Forecast;
  targets: Readonly<Record<ChannelCode, StaffingTargets>>;
  rostered: readonly RosteredInput[];
};

const emptyTotals = (): StaffingTotals => ({
  intervals: 0,
  forecastCalls: 0,
  agentHours: 0,
  positionHours: 0,
  rosteredHours: 0,
  differenceHours: 0,
  understaffed: 0,
  overstaffed: 0,
});

function addTo(totals: StaffingTotals, i: PlanInterval, staffed: number, hoursPerInterval: number): void {
  totals.intervals += 1;
  totals.forecastCalls += i.forecastCalls;
  totals.agentHours += i.agents * hoursPerInterval;
  totals.positionHours += i.positions * hoursPerInterval;
  totals.rosteredHours += staffed * hoursPerInterval;
  totals.differenceHours = totals.rosteredHours - totals.positionHours;
  if (i.status === "kurang") totals.understaffed += 1;
  if (i.status === "lebih") totals.overstaffed += 1;
}

/** Totals summed over several (the channels of a week, for the whole center). */
export function sumTotals(list: readonly StaffingTotals[]): StaffingTotals {
  const total = emptyTotals();
  for (const t of list) {
    total.intervals += t.intervals;
    total.forecastCalls += t.forecastCalls;
    total.agentHours += t.agentHours;
    total.positionHours += t.positionHours;
    total.rosteredHours += t.rosteredHours;
    total.understaffed += t.understaffed;
    total.overstaffed += t.overstaffed;
  }
  total.differenceHours = total.rosteredHours - total.positionHours;
  return total;
}

/** One interval of one channel: forecast → Erlang C with the targets → against the roster. */
export function planInterval(input: {
  day: string;
  weekday: number;
  startMinute: number;
  intervalMinutes: number;
  forecastCalls: number;
  ahtSeconds: number | null;
  targets: StaffingTargets;
  rostered: number;
}): PlanInterval {
  const { targets, rostered, intervalMinutes } = input;
  const intervalSeconds = intervalMinutes * 60;
  // No AHT means no contact was ever answered on the channel: no workload can be derived, so none is planned.
  const ahtSeconds = input.ahtSeconds ?? 0;
  const calls = input.ahtSeconds === null ? 0 : input.forecastCalls;
  const need = requiredAgents({
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    targetServiceLevel: targets.serviceLevel,
    targetAnswerSeconds: targets.answerSeconds,
    maxOccupancy: targets.maxOccupancy,
    shrinkage: targets.shrinkage,
  });
  const answering = answeringAgents(rostered, targets.shrinkage);
  const expected = serviceLevel({
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    agents: answering,
    targetAnswerSeconds: targets.answerSeconds,
  });
  return {
    day: input.day,
    weekday: input.weekday,
    startMinute: input.startMinute,
    endMinute: input.startMinute + intervalMinutes,
    forecastCalls: input.forecastCalls,
    ahtSeconds: input.ahtSeconds,
    trafficErlangs: need.trafficErlangs,
    agents: need.agents,
    positions: need.positions,
    serviceLevel: need.serviceLevel,
    asaSeconds: need.asaSeconds,
    occupancy: need.occupancy,
    rostered,
    difference: rostered - need.positions,
    status: staffingStatus(rostered, need.positions),
    rosteredAnswering: answering,
    expectedServiceLevel: expected.serviceLevel,
    expectedAsaSeconds: Number.isFinite(expected.asaSeconds) ? expected.asaSeconds : null,
    expectedOccupancy: expected.occupancy,
  };
}

/**
 * The plan of each channel over `days`: every interval of the grid with its forecast, the agents and positions
 * the channel's targets need (Erlang C), the agents rostered and the difference; with per-day and whole-range
 * totals. An interval without history is forecast at 0 contacts and needs nobody; an interval nobody is rostered
 * on has 0 rostered.
 */
export function staffingPlan(input: StaffingPlanInput): ChannelPlan[] {
  const { intervalMinutes, forecast: basis } = input;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || MINUTES_PER_DAY % intervalMinutes !== 0) {
    throw new Error(`intervalMinutes harus membagi 1440 menit (diterima: ${intervalMinutes}).`);
  }
  if (basis.intervalMinutes !== intervalMinutes) {
    throw new Error(`Perkiraan dibuat untuk interval ${basis.intervalMinutes} menit, bukan ${intervalMinutes}.`);
  }
  const hoursPerInterval = intervalMinutes / 60;
  // Rostered per channel, keyed by the day's index in `days` and the start minute.
  const dayIndex = new Map(input.days.map((day, d) => [day, d]));
  const rosteredAt = new Map<ChannelCode, Map<number, RosteredInput>>();
  for (const r of input.rostered) {
    const d = dayIndex.get(r.day);
    if (d === undefined) continue;
    const ofChannel = rosteredAt.get(r.channel) ?? new Map<number, RosteredInput>();
    rosteredAt.set(r.channel, ofChannel);
    ofChannel.set(d * MINUTES_PER_DAY + r.startMinute, r);
  }
  const weekdays = input.days.map(isoWeekday);

  return input.channels.map((channel): ChannelPlan => {
    const targets = input.targets[channel];
    const fallbackAht = basis.channelAhtSeconds.get(channel) ?? null;
    const ofChannel = basis.byChannel.get(channel);
    const roster = rosteredAt.get(channel);
    const intervals: PlanInterval[] = [];
    const days: DayTotals[] = [];
    const week = emptyTotals();
    input.days.forEach((day, d) => {
      const weekday = weekdays[d] ?? 1;
      const totals: DayTotals = { day, weekday, ...emptyTotals() };
      for (let startMinute = 0; startMinute < MINUTES_PER_DAY; startMinute += intervalMinutes) {
        const history = ofChannel?.get(slotKey(weekday, startMinute));
        const on = roster?.get(d * MINUTES_PER_DAY + startMinute);
        const interval = planInterval({
          day,
          weekday,
          startMinute,
          intervalMinutes,
          forecastCalls: history?.callsPerInterval ?? 0,
          ahtSeconds: history ? (history.ahtSeconds ?? fallbackAht) : null,
          targets,
          rostered: on?.agents ?? 0,
        });
        intervals.push(interval);
        const staffed = on ? (on.staffedAgents ?? on.agents) : 0;
        addTo(totals, interval, staffed, hoursPerInterval);
        addTo(week, interval, staffed, hoursPerInterval);
      }
      days.push(totals);
    });
    return { channel, targets, hasHistory: (ofChannel?.size ?? 0) > 0, intervals, days, week };
  });
}
