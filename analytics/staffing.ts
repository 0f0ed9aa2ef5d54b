// Pure: the staffing plan of a week (issue 6): per interval of each channel, the agents and positions Erlang C and
// Erlang A (staffing-models.ts) ask for to meet the channel's targets with the forecast contacts (forecast.ts),
// against the agents rostered; the model the settings name drives the comparison. Weeks are the calendar's
// (dates.ts). No I/O, no wall clock. Fractions are 0–1, times in seconds unless a name says minutes or hours.
import { isoWeekday } from "./dates";
import { type Forecast, slotKey } from "./forecast";
import type { ChannelCode } from "./organization";
import { DEFAULT_PATIENCE_SECONDS } from "./patience";
import { type AbandonmentModels, intervalModels, type ModelNeed, type StaffingModel } from "./staffing-models";
import { MINUTES_PER_DAY } from "./workforce-time";

export { answeringAgents, MODEL_LABELS, type ModelNeed, type StaffingModel } from "./staffing-models";

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
  trafficErlangs: number;
  /** The model driving the comparison below, and what each model says. */
  model: StaffingModel;
  erlangC: ModelNeed;
  erlangA: ModelNeed;
  /** What the channel's targets need under the driving model. */
  agents: number;
  positions: number;
  /** Service level, average speed of answer and occupancy with `agents` answering. */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  /** People rostered on the channel for at least part of the interval. */
  rostered: number;
  /** rostered − positions (of the driving model): negative is short. */
  difference: number;
  status: StaffingStatus;
  /** The status under each model: what changing the setting would change. */
  statusByModel: Record<StaffingModel, StaffingStatus>;
  /** What the roster is expected to achieve under the driving model: answeringAgents(rostered) answering, with
   * their service level, ASA (null when the queue grows without bound: answering agents ≤ traffic), occupancy and
   * share hanging up (0 under Erlang C). */
  rosteredAnswering: number;
  expectedServiceLevel: number;
  expectedAsaSeconds: number | null;
  expectedOccupancy: number;
  expectedAbandonment: number;
};

/** One model's part of a total: what it needs and how many intervals it finds short or over. */
export type ModelTotals = {
  agentHours: number;
  positionHours: number;
  differenceHours: number;
  understaffed: number;
  overstaffed: number;
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
  /** The same under each model; the fields above are the driving model's. */
  byModel: Record<StaffingModel, ModelTotals>;
};

export type DayTotals = StaffingTotals & { day: string; weekday: number };

export type ChannelPlan = {
  channel: ChannelCode;
  targets: StaffingTargets;
  /** The model driving the comparison, and the mean patience (seconds) Erlang A used. */
  model: StaffingModel;
  patienceSeconds: number;
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
  /** The model driving the comparison with the roster (default Erlang C). */
  model?: StaffingModel;
  /** Mean patience per channel for Erlang A (default DEFAULT_PATIENCE_SECONDS). */
  patienceSeconds?: Readonly<Partial<Record<ChannelCode, number>>>;
  /** Erlang A's computations, or a memo of them. */
  abandonment?: AbandonmentModels;
};

const emptyModelTotals = (): ModelTotals => ({
  agentHours: 0,
  positionHours: 0,
  differenceHours: 0,
  understaffed: 0,
  overstaffed: 0,
});

const emptyTotals = (): StaffingTotals => ({
  intervals: 0,
  forecastCalls: 0,
  agentHours: 0,
  positionHours: 0,
  rosteredHours: 0,
  differenceHours: 0,
  understaffed: 0,
  overstaffed: 0,
  byModel: { erlang_c: emptyModelTotals(), erlang_a: emptyModelTotals() },
});

function addModel(t: ModelTotals, need: ModelNeed, status: StaffingStatus, rosteredHours: number, hours: number) {
  t.agentHours += need.agents * hours;
  t.positionHours += need.positions * hours;
  t.differenceHours = rosteredHours - t.positionHours;
  if (status === "kurang") t.understaffed += 1;
  if (status === "lebih") t.overstaffed += 1;
}

function addTo(totals: StaffingTotals, i: PlanInterval, staffed: number, hoursPerInterval: number): void {
  totals.intervals += 1;
  totals.forecastCalls += i.forecastCalls;
  totals.agentHours += i.agents * hoursPerInterval;
  totals.positionHours += i.positions * hoursPerInterval;
  totals.rosteredHours += staffed * hoursPerInterval;
  totals.differenceHours = totals.rosteredHours - totals.positionHours;
  if (i.status === "kurang") totals.understaffed += 1;
  if (i.status === "lebih") totals.overstaffed += 1;
  addModel(totals.byModel.erlang_c, i.erlangC, i.statusByModel.erlang_c, totals.rosteredHours, hoursPerInterval);
  addModel(totals.byModel.erlang_a, i.erlangA, i.statusByModel.erlang_a, totals.rosteredHours, hoursPerInterval);
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
    for (const model of ["erlang_c", "erlang_a"] as const) {
      const sum = total.byModel[model];
      const part = t.byModel[model];
      sum.agentHours += part.agentHours;
      sum.positionHours += part.positionHours;
      sum.understaffed += part.understaffed;
      sum.overstaffed += part.overstaffed;
    }
  }
  total.differenceHours = total.rosteredHours - total.positionHours;
  for (const sum of Object.values(total.byModel)) sum.differenceHours = total.rosteredHours - sum.positionHours;
  return total;
}

/** One interval of one channel: forecast → Erlang C and Erlang A with the targets → against the roster. */
export function planInterval(input: {
  day: string;
  weekday: number;
  startMinute: number;
  intervalMinutes: number;
  forecastCalls: number;
  ahtSeconds: number | null;
  targets: StaffingTargets;
  rostered: number;
  model?: StaffingModel;
  patienceSeconds?: number;
  abandonment?: AbandonmentModels;
}): PlanInterval {
  const { targets, rostered, intervalMinutes } = input;
  const model = input.model ?? "erlang_c";
  // No AHT means no contact was ever answered on the channel: no workload can be derived, so none is planned.
  const ahtSeconds = input.ahtSeconds ?? 0;
  const calls = input.ahtSeconds === null ? 0 : input.forecastCalls;
  const both = intervalModels({
    callsPerInterval: calls,
    intervalSeconds: intervalMinutes * 60,
    ahtSeconds,
    targets,
    patienceSeconds: input.patienceSeconds ?? DEFAULT_PATIENCE_SECONDS.telepon,
    rostered,
    abandonment: input.abandonment,
  });
  const need = both[model];
  return {
    day: input.day,
    weekday: input.weekday,
    startMinute: input.startMinute,
    endMinute: input.startMinute + intervalMinutes,
    forecastCalls: input.forecastCalls,
    ahtSeconds: input.ahtSeconds,
    trafficErlangs: both.trafficErlangs,
    model,
    erlangC: both.erlang_c,
    erlangA: both.erlang_a,
    agents: need.agents,
    positions: need.positions,
    serviceLevel: need.serviceLevel,
    asaSeconds: need.asaSeconds,
    occupancy: need.occupancy,
    rostered,
    difference: rostered - need.positions,
    status: staffingStatus(rostered, need.positions),
    statusByModel: {
      erlang_c: staffingStatus(rostered, both.erlang_c.positions),
      erlang_a: staffingStatus(rostered, both.erlang_a.positions),
    },
    rosteredAnswering: both.rosteredAnswering,
    expectedServiceLevel: need.expectedServiceLevel,
    expectedAsaSeconds: need.expectedAsaSeconds,
    expectedOccupancy: need.expectedOccupancy,
    expectedAbandonment: need.expectedAbandonment,
  };
}

/**
 * The plan of each channel over `days`: every interval of the grid with its forecast, the agents and positions
 * the channel's targets need under Erlang C and Erlang A, the agents rostered and the difference under the model
 * `model` names; with per-day and whole-range totals. An interval without history is forecast at 0 contacts and needs nobody; an interval nobody is rostered
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

  const model = input.model ?? "erlang_c";
  return input.channels.map((channel): ChannelPlan => {
    const targets = input.targets[channel];
    const patienceSeconds = input.patienceSeconds?.[channel] ?? DEFAULT_PATIENCE_SECONDS[channel];
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
          model,
          patienceSeconds,
          abandonment: input.abandonment,
        });
        intervals.push(interval);
        const staffed = on ? (on.staffedAgents ?? on.agents) : 0;
        addTo(totals, interval, staffed, hoursPerInterval);
        addTo(week, interval, staffed, hoursPerInterval);
      }
      days.push(totals);
    });
    return { channel, targets, model, patienceSeconds, hasHistory: (ofChannel?.size ?? 0) > 0, intervals, days, week };
  });
}
