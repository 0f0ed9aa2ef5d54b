// Pure: the staffing plan of a week (issue 6). ISO weeks ('2026-W49', Monday to Sunday in WIB), the forecast of
// each channel's contacts per weekday and interval from the last N whole weeks, and per interval of the chosen week
// the agents and positions Erlang C asks for against the agents rostered. No I/O, no wall clock: `today` is passed
// in. Fractions are 0–1, times in seconds unless a name says minutes or hours.
import { formatDay, parseCalendarDay } from "./dates";
import { requiredAgents, serviceLevel } from "./erlang";
import type { ChannelCode } from "./organization";
import { addDays, MINUTES_PER_DAY, mondayOf } from "./workforce-time";

// ---------------------------------------------------------------------------------------------------------------
// ISO weeks

export type IsoWeek = {
  /** '2026-W49' */
  id: string;
  /** The ISO week-year (the year of the week's Thursday; 29 Dec 2025 is in 2026-W01). */
  year: number;
  week: number;
  /** WIB days 'YYYY-MM-DD': the Monday, the Sunday, and all seven from Monday. */
  monday: string;
  sunday: string;
  days: string[];
  /** 'Minggu 49 2026 (30 Nov – 6 Des 2026)' */
  label: string;
};

// Years outside this range are almost certainly typing mistakes (as for periods, analytics/period.ts).
const MIN_YEAR = 1900;
const MAX_YEAR = 9998;
const DAY_MS = 86_400_000;

/** Indonesian day names, Monday first (index = ISO weekday − 1). */
export const WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

/** 'Senin' for ISO weekday 1 … 'Minggu' for 7. */
export const weekdayName = (isoWeekday: number): string => WEEKDAY_NAMES[isoWeekday - 1] ?? String(isoWeekday);

function utcMs(day: string): number {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a calendar day: ${day}`);
  return Date.UTC(d.year, d.month - 1, d.day);
}

/** ISO weekday of a WIB day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(utcMs(day)).getUTCDay(); // 0 = Sunday
  return weekday === 0 ? 7 : weekday;
}

/** Monday of week 1 of ISO week-year `year`: the week holding 4 January. */
const firstMonday = (year: number) => mondayOf(`${String(year).padStart(4, "0")}-01-04`);

/** 52 or 53: the ISO weeks of week-year `year`. */
export function weeksInYear(year: number): number {
  return Math.round((utcMs(firstMonday(year + 1)) - utcMs(firstMonday(year))) / (7 * DAY_MS));
}

export const formatWeekId = (year: number, week: number) => `${year}-W${String(week).padStart(2, "0")}`;

function rangeLabel(monday: string, sunday: string): string {
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  return `${sameYear ? formatDay(monday).replace(/ \d{4}$/, "") : formatDay(monday)} – ${formatDay(sunday)}`;
}

function build(year: number, week: number): IsoWeek {
  const monday = addDays(firstMonday(year), (week - 1) * 7);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const sunday = days[6] ?? monday;
  return {
    id: formatWeekId(year, week),
    year,
    week,
    monday,
    sunday,
    days,
    label: `Minggu ${week} ${year} (${rangeLabel(monday, sunday)})`,
  };
}

/**
 * The ISO week 'YYYY-Www' (also accepted: a lower-case w, without the hyphen, a one-digit week: '2026w9').
 * Throws an Error with a message a user can act on when it is malformed or the year has no such week.
 */
export function isoWeek(id: string): IsoWeek {
  const text = typeof id === "string" ? id.trim() : "";
  const m = /^(\d{4})-?[Ww](\d{1,2})$/.exec(text);
  if (!m) {
    throw new Error(
      `Minggu tidak valid: "${text}". Gunakan format YYYY-Www (tahun dan nomor minggu ISO), misalnya 2026-W49 untuk 30 Nov – 6 Des 2026.`,
    );
  }
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Minggu tidak valid: "${text}". Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  }
  const last = weeksInYear(year);
  if (week < 1 || week > last) {
    throw new Error(`Minggu tidak valid: "${text}". Tahun ${year} memiliki minggu 1 sampai ${last}.`);
  }
  return build(year, week);
}

/** The ISO week holding WIB day `day` ('YYYY-MM-DD'). */
export function weekOfDay(day: string): IsoWeek {
  const monday = mondayOf(day);
  const year = Number(addDays(monday, 3).slice(0, 4)); // the year of its Thursday
  return build(year, Math.round((utcMs(monday) - utcMs(firstMonday(year))) / (7 * DAY_MS)) + 1);
}

/** The week `offset` weeks after (negative: before) week `id`. */
export function shiftWeek(id: string, offset: number): IsoWeek {
  return weekOfDay(addDays(isoWeek(id).monday, offset * 7));
}

/**
 * The weeks a forecast of `week` averages: the last `weeks` whole weeks before it that have ended by `today`
 * (a WIB day). For a past or the current week that is the N weeks just before it; for a week further ahead, the
 * N weeks before today's, since later weeks have no statistics yet. Oldest first.
 */
export function forecastBasis(week: IsoWeek, weeks: number, today: string): IsoWeek[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new Error(`weeks harus bilangan bulat ≥ 1 (diterima: ${weeks}).`);
  const beforeWeek = shiftWeek(week.id, -1);
  const beforeToday = weekOfDay(addDays(mondayOf(today), -7));
  const last = beforeWeek.monday < beforeToday.monday ? beforeWeek : beforeToday;
  return Array.from({ length: weeks }, (_, i) => shiftWeek(last.id, i - weeks + 1));
}

// ---------------------------------------------------------------------------------------------------------------
// Forecast

/** The sums of one channel, ISO weekday and interval over a range of days (app/.server/interval-stats.ts). */
export type ProfileInput = {
  channel: ChannelCode;
  weekday: number;
  startMinute: number;
  intervalMinutes: number;
  /** Days that had a row for this interval. */
  days: number;
  offered: number;
  answered: number;
  /** Weighted by answered; null when nothing was answered. */
  ahtSeconds: number | null;
};

export type ForecastInterval = {
  channel: ChannelCode;
  weekday: number;
  startMinute: number;
  /** Average contacts offered in the interval on this weekday (fractional). */
  callsPerInterval: number;
  /** Average handling time, weighted by answered contacts; null when none was answered. */
  ahtSeconds: number | null;
  /** The days the average is over. */
  days: number;
};

export type Forecast = {
  intervalMinutes: number;
  /** Per channel, keyed by slotKey(weekday, startMinute); an interval missing has no history. */
  byChannel: Map<ChannelCode, Map<number, ForecastInterval>>;
  /** Per channel, AHT over all its history (weighted by answered): the fallback for an interval never answered. */
  channelAhtSeconds: Map<ChannelCode, number>;
};

/** A number naming a weekday and start minute (numbers make faster Map keys than strings). */
const slotKey = (weekday: number, startMinute: number) => weekday * MINUTES_PER_DAY + startMinute;

/** The forecast of one channel, weekday and interval; undefined when it has no history. */
export function forecastAt(
  f: Forecast,
  channel: ChannelCode,
  weekday: number,
  startMinute: number,
): ForecastInterval | undefined {
  return f.byChannel.get(channel)?.get(slotKey(weekday, startMinute));
}

type Accumulator = { offered: number; ahtTimesAnswered: number; answeredWithAht: number };
const accumulator = (): Accumulator => ({ offered: 0, ahtTimesAnswered: 0, answeredWithAht: 0 });

/** The value of `key` in `map`, made by `make` and stored the first time. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The forecast of each channel, weekday and interval of `intervalMinutes`: the average of the same weekday and
 * interval over the rows' range (offered ÷ days; AHT weighted by answered contacts).
 *
 * The days divided by are those on which the channel had any interval of that weekday (the most days any of its
 * intervals has), so an interval the phone system left out on a day it reported others counts as 0 contacts
 * rather than raising the average. Rows of another interval length (the setting changed within the range) are
 * put on this grid: a longer interval's contacts spread evenly over the intervals it covers, shorter ones added up.
 */
export function forecast(rows: readonly ProfileInput[], intervalMinutes: number): Forecast {
  // Per channel: per weekday and interval length the most days of any interval (a day was reported at one
  // length, so the lengths' days add up), the sums per slot of the grid, and the sums of the whole channel.
  type ChannelSums = { days: Map<number, number>; slots: Map<number, Accumulator>; all: Accumulator };
  const channels = new Map<ChannelCode, ChannelSums>();
  for (const r of rows) {
    const c = entry(channels, r.channel, () => ({ days: new Map(), slots: new Map(), all: accumulator() }));
    const dayKey = r.weekday * 100 + r.intervalMinutes;
    c.days.set(dayKey, Math.max(c.days.get(dayKey) ?? 0, r.days));
    const end = r.startMinute + r.intervalMinutes;
    for (let slot = r.startMinute - (r.startMinute % intervalMinutes); slot < end; slot += intervalMinutes) {
      const share = (Math.min(end, slot + intervalMinutes) - Math.max(r.startMinute, slot)) / r.intervalMinutes;
      const acc = entry(c.slots, slotKey(r.weekday, slot), accumulator);
      acc.offered += r.offered * share;
      if (r.ahtSeconds !== null) {
        acc.ahtTimesAnswered += r.ahtSeconds * r.answered * share;
        acc.answeredWithAht += r.answered * share;
      }
    }
    if (r.ahtSeconds !== null) {
      c.all.ahtTimesAnswered += r.ahtSeconds * r.answered;
      c.all.answeredWithAht += r.answered;
    }
  }

  const byChannel = new Map<ChannelCode, Map<number, ForecastInterval>>();
  const channelAhtSeconds = new Map<ChannelCode, number>();
  for (const [channel, c] of channels) {
    const daysOfWeekday = new Map<number, number>();
    for (const [dayKey, days] of c.days) {
      const weekday = Math.floor(dayKey / 100);
      daysOfWeekday.set(weekday, (daysOfWeekday.get(weekday) ?? 0) + days);
    }
    const intervals = new Map<number, ForecastInterval>();
    for (const [key, acc] of c.slots) {
      const weekday = Math.floor(key / MINUTES_PER_DAY);
      const days = daysOfWeekday.get(weekday) ?? 0;
      intervals.set(key, {
        channel,
        weekday,
        startMinute: key % MINUTES_PER_DAY,
        callsPerInterval: days > 0 ? acc.offered / days : 0,
        ahtSeconds: acc.answeredWithAht > 0 ? acc.ahtTimesAnswered / acc.answeredWithAht : null,
        days,
      });
    }
    byChannel.set(channel, intervals);
    if (c.all.answeredWithAht > 0) channelAhtSeconds.set(channel, c.all.ahtTimesAnswered / c.all.answeredWithAht);
  }
  return { intervalMinutes, byChannel, channelAhtSeconds };
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

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
    if (d !== undefined) entry(rosteredAt, r.channel, () => new Map()).set(d * MINUTES_PER_DAY + r.startMinute, r);
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
