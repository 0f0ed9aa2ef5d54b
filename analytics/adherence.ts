// Pure: schedule adherence and conformance (issue 16, regulation 2.1.1 and 2.2.1: agents keep to the roster) from
// the roster's shifts and the phone system's agent states. Instants are epoch milliseconds; results in minutes.
//
// - Logged in: any state but `logout` (login, siap, sibuk, istirahat). No state at all is logged out.
// - A shift's scheduled break: the roster holds no break times, so each shift carries an allowance of break
//   minutes (setting); break time in the shift beyond it is an unscheduled break.
// - Adherence = (logged-in minutes in the shift − unscheduled break) ÷ rostered minutes.
// - Conformance = logged-in minutes inside the roster ÷ all logged-in minutes.
// - Late: from the shift's start to the first logged-in moment in it; left early: from the last one to the end;
//   absent: a shift with no logged-in moment at all (neither late nor early then).
// - A shift on a day for which no states were imported (the caller says which days have them) has no data: it
//   counts nowhere, never as an absence.
// Each logged-in minute counts once: inside a shift on the shift's day (a night shift's minutes after midnight
// belong to the day it started), outside every shift on its own calendar day.
import { addDays, WIB_OFFSET_MS } from "./dates";

export type StateCode = "login" | "siap" | "sibuk" | "istirahat" | "logout";
export type StatePeriod = { startsAt: number; endsAt: number; state: StateCode };
export type RosteredShift = { startsAt: number; endsAt: number; channel: string; day: string };

export type AdherenceFigures = {
  rosteredMinutes: number;
  /** Logged-in minutes inside the shifts (conformance's numerator). */
  loggedInRosteredMinutes: number;
  /** All logged-in minutes, inside the shifts or not (conformance's denominator). */
  loggedInMinutes: number;
  breakMinutes: number;
  unscheduledBreakMinutes: number;
  adherentMinutes: number;
  lateMinutes: number;
  earlyMinutes: number;
  absentMinutes: number;
  shifts: number;
  lateShifts: number;
  earlyShifts: number;
  absentShifts: number;
  /** Shifts on days without imported states: left out of every figure above but this count. */
  shiftsWithoutData: number;
};
export type Rates = { adherence: number | null; conformance: number | null };

export type ShiftAdherence = AdherenceFigures & Rates & { shift: RosteredShift; hasData: boolean };
export type DayAdherence = AdherenceFigures & Rates & { day: string };
export type AgentAdherence = { shifts: ShiftAdherence[]; days: DayAdherence[]; total: AdherenceFigures & Rates };

const MS_PER_MINUTE = 60_000;
const DAY_MS = 86_400_000;

export const NO_FIGURES: AdherenceFigures = Object.freeze({
  rosteredMinutes: 0,
  loggedInRosteredMinutes: 0,
  loggedInMinutes: 0,
  breakMinutes: 0,
  unscheduledBreakMinutes: 0,
  adherentMinutes: 0,
  lateMinutes: 0,
  earlyMinutes: 0,
  absentMinutes: 0,
  shifts: 0,
  lateShifts: 0,
  earlyShifts: 0,
  absentShifts: 0,
  shiftsWithoutData: 0,
});

/** Adds figures up (an agent's days, a team's agents). */
export function addFigures(list: readonly AdherenceFigures[]): AdherenceFigures {
  const sum: AdherenceFigures = { ...NO_FIGURES };
  for (const f of list) for (const key of Object.keys(sum) as (keyof AdherenceFigures)[]) sum[key] += f[key];
  return sum;
}

/** Days of several agents (or of one), summed day by day, in day order. */
export function sumDays(days: readonly DayAdherence[]): DayAdherence[] {
  const byDay = new Map<string, DayAdherence[]>();
  for (const d of days) {
    const list = byDay.get(d.day);
    if (list) list.push(d);
    else byDay.set(d.day, [d]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => {
      const figures = addFigures(list);
      return { ...figures, ...ratesOf(figures), day };
    });
}

/** Adherence and conformance of summed figures; null when there is nothing to divide by. */
export function ratesOf(f: AdherenceFigures): Rates {
  return {
    adherence: f.rosteredMinutes > 0 ? f.adherentMinutes / f.rosteredMinutes : null,
    conformance: f.loggedInMinutes > 0 ? f.loggedInRosteredMinutes / f.loggedInMinutes : null,
  };
}

/** The start of WIB day `day` in epoch milliseconds. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS;

/** Logged-in and break milliseconds of `states` (sorted by start) within [from, to), and the first and last logged-in moments. */
function within(states: readonly StatePeriod[], from: number, to: number) {
  let loggedIn = 0;
  let onBreak = 0;
  let first: number | null = null;
  let last: number | null = null;
  // Periods of one agent never overlap and are sorted, so the first that may reach `from` is found by bisection.
  let lo = 0;
  let hi = states.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((states[mid]?.endsAt ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < states.length; i++) {
    const s = states[i];
    if (!s || s.startsAt >= to) break;
    if (s.state === "logout") continue;
    const a = Math.max(s.startsAt, from);
    const b = Math.min(s.endsAt, to);
    if (b <= a) continue;
    loggedIn += b - a;
    if (s.state === "istirahat") onBreak += b - a;
    first = first === null ? a : Math.min(first, a);
    last = last === null ? b : Math.max(last, b);
  }
  return { loggedIn, onBreak, first, last };
}

function shiftFigures(shift: RosteredShift, states: readonly StatePeriod[], breakAllowanceMinutes: number) {
  const rostered = (shift.endsAt - shift.startsAt) / MS_PER_MINUTE;
  const w = within(states, shift.startsAt, shift.endsAt);
  const loggedIn = w.loggedIn / MS_PER_MINUTE;
  const breakMinutes = w.onBreak / MS_PER_MINUTE;
  const unscheduled = Math.max(0, breakMinutes - breakAllowanceMinutes);
  const absent = w.first === null;
  const late = w.first === null ? 0 : (w.first - shift.startsAt) / MS_PER_MINUTE;
  const early = w.last === null ? 0 : (shift.endsAt - w.last) / MS_PER_MINUTE;
  return {
    ...NO_FIGURES,
    rosteredMinutes: rostered,
    loggedInRosteredMinutes: loggedIn,
    loggedInMinutes: loggedIn,
    breakMinutes,
    unscheduledBreakMinutes: unscheduled,
    adherentMinutes: loggedIn - unscheduled,
    lateMinutes: late,
    earlyMinutes: early,
    absentMinutes: absent ? rostered : 0,
    shifts: 1,
    lateShifts: late > 0 ? 1 : 0,
    earlyShifts: early > 0 ? 1 : 0,
    absentShifts: absent ? 1 : 0,
  };
}

/**
 * One agent's adherence over WIB days `from`–`to` (both included): per shift (shifts starting on those days),
 * per day and in total. `states` sorted by start, never overlapping; `coveredDays` the days for which states were
 * imported at all. `shifts` may include the shift before `from` (for its minutes after midnight).
 */
export function agentAdherence(input: {
  shifts: readonly RosteredShift[];
  states: readonly StatePeriod[];
  coveredDays: ReadonlySet<string>;
  breakAllowanceMinutes: number;
  from: string;
  to: string;
  /** Shifts still running at this instant are left out: they are not over yet (absent until they end). */
  until?: number;
}): AgentAdherence {
  const until = input.until ?? Number.POSITIVE_INFINITY;
  const shifts = input.shifts
    .filter((s) => s.day >= input.from && s.day <= input.to && s.endsAt <= until)
    .sort((a, b) => a.startsAt - b.startsAt);
  const perShift: ShiftAdherence[] = shifts.map((shift) => {
    const hasData = input.coveredDays.has(shift.day);
    const figures = hasData
      ? shiftFigures(shift, input.states, input.breakAllowanceMinutes)
      : { ...NO_FIGURES, shiftsWithoutData: 1 };
    return { ...figures, ...ratesOf(figures), shift, hasData };
  });
  const days: DayAdherence[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    const ofDay = perShift.filter((s) => s.shift.day === day);
    const figures = addFigures(ofDay);
    if (input.coveredDays.has(day)) {
      // Logged in on this calendar day outside every shift of the agent (their shifts never overlap).
      const start = dayStart(day);
      const all = within(input.states, start, start + DAY_MS).loggedIn;
      // All the agent's shifts, also one that started the day before `from` and runs past midnight.
      const inShifts = input.shifts.reduce(
        (sum, s) =>
          sum + within(input.states, Math.max(s.startsAt, start), Math.min(s.endsAt, start + DAY_MS)).loggedIn,
        0,
      );
      figures.loggedInMinutes += (all - inShifts) / MS_PER_MINUTE;
    }
    if (figures.shifts + figures.shiftsWithoutData > 0 || figures.loggedInMinutes > 0)
      days.push({ ...figures, ...ratesOf(figures), day });
  }
  const total = addFigures(days);
  return { shifts: perShift, days, total: { ...total, ...ratesOf(total) } };
}
