// Pure: the forecast of each channel's contacts per weekday and interval of a week (issue 6): the average of the
// same weekday and interval over the last N whole weeks (the basis). No I/O, no wall clock: `today` is passed in.
// Times in seconds unless a name says minutes.
import { addDays, type IsoWeek, mondayOf, shiftWeek, weekOfDay } from "./dates";
import type { ChannelCode } from "./organization";
import { MINUTES_PER_DAY } from "./workforce-time";

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
export const slotKey = (weekday: number, startMinute: number) => weekday * MINUTES_PER_DAY + startMinute;

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
