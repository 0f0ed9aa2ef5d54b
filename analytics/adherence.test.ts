import { describe, expect, it } from "vitest";
import { type AgentAdherence, agentAdherence, type RosteredShift, type StateCode, type StatePeriod } from "./adherence";
import { addDays } from "./dates";
import { wibInstant } from "./workforce-time";

const DAY = "2026-11-02";
/** "07:12" on `day` (WIB) as epoch ms; "+07:05" is the next day. */
const at = (clock: string, day = DAY) => {
  const next = clock.startsWith("+");
  const [h, m] = clock.replace("+", "").split(":").map(Number);
  return wibInstant(next ? addDays(day, 1) : day, (h ?? 0) * 60 + (m ?? 0)).getTime();
};
const shift = (start: string, end: string, day = DAY): RosteredShift => ({
  startsAt: at(start, day),
  endsAt: at(end, day),
  channel: "telepon",
  day,
});
const state = (s: StateCode, start: string, end: string, day = DAY): StatePeriod => ({
  state: s,
  startsAt: at(start, day),
  endsAt: at(end, day),
});
const run = (
  shifts: RosteredShift[],
  states: StatePeriod[],
  options: { covered?: string[]; from?: string; to?: string } = {},
): AgentAdherence =>
  agentAdherence({
    shifts,
    states,
    coveredDays: new Set(options.covered ?? [DAY, addDays(DAY, 1)]),
    breakAllowanceMinutes: 60,
    from: options.from ?? DAY,
    to: options.to ?? DAY,
  });

describe("adherence of one shift (break allowance 60 minutes)", () => {
  it("late 12, a 90-minute break of which 30 unscheduled, left 20 early: (448 − 30) ÷ 480 = 87.08 %", () => {
    const r = run(
      [shift("07:00", "15:00")],
      [
        state("siap", "07:12", "11:00"),
        state("istirahat", "11:00", "12:30"),
        state("sibuk", "12:30", "14:40"),
        state("logout", "14:40", "15:30"),
      ],
    );
    const s = r.shifts[0];
    expect(s).toMatchObject({
      rosteredMinutes: 480,
      loggedInMinutes: 448,
      breakMinutes: 90,
      unscheduledBreakMinutes: 30,
      adherentMinutes: 418,
      lateMinutes: 12,
      earlyMinutes: 20,
      absentMinutes: 0,
      lateShifts: 1,
      earlyShifts: 1,
    });
    expect(s?.adherence).toBeCloseTo(418 / 480, 10);
    expect(s?.conformance).toBe(1);
  });

  it("logged in the whole shift with a 60-minute break: 480 ÷ 480 = 100 %, nothing late or early", () => {
    const r = run(
      [shift("07:00", "15:00")],
      [state("login", "06:55", "11:00"), state("istirahat", "11:00", "12:00"), state("siap", "12:00", "15:00")],
    );
    expect(r.shifts[0]).toMatchObject({ adherence: 1, lateMinutes: 0, earlyMinutes: 0, unscheduledBreakMinutes: 0 });
    // Five minutes logged in before the shift: conformance 480 ÷ 485.
    expect(r.total.conformance).toBeCloseTo(480 / 485, 10);
  });

  it("logged out 30 minutes in the middle: (480 − 30) ÷ 480 = 93.75 %, neither late nor early", () => {
    const r = run([shift("07:00", "15:00")], [state("siap", "07:00", "10:00"), state("siap", "10:30", "15:00")]);
    expect(r.shifts[0]).toMatchObject({ adherentMinutes: 450, adherence: 0.9375, lateMinutes: 0, earlyMinutes: 0 });
  });

  it("a logout state counts as logged out: siap 07:00–09:00, logout 09:00–15:00 = 120 ÷ 480 = 25 %, left 360 early", () => {
    const r = run([shift("07:00", "15:00")], [state("siap", "07:00", "09:00"), state("logout", "09:00", "15:00")]);
    expect(r.shifts[0]).toMatchObject({ adherence: 0.25, earlyMinutes: 360, lateMinutes: 0 });
  });

  it("absent: a shift on a day with states but none of the agent's is 480 absent minutes and 0 %", () => {
    const r = run([shift("07:00", "15:00")], []);
    expect(r.shifts[0]).toMatchObject({ absentMinutes: 480, absentShifts: 1, adherence: 0, lateMinutes: 0 });
    expect(r.total.conformance).toBeNull();
  });

  it("a shift on a day without imported states has no figures: not absent, adherence unknown", () => {
    const r = run([shift("07:00", "15:00")], [], { covered: [] });
    expect(r.shifts[0]).toMatchObject({ hasData: false, adherence: null, absentMinutes: 0, shiftsWithoutData: 1 });
    expect(r.total).toMatchObject({ rosteredMinutes: 0, shiftsWithoutData: 1, adherence: null });
  });
});

describe("a shift still running", () => {
  it("is left out until it ends: at 03:00 a 23:00–07:00 shift is neither absent nor counted", () => {
    const r = agentAdherence({
      shifts: [shift("07:00", "15:00"), shift("23:00", "+07:00")],
      states: [state("siap", "07:00", "15:00")],
      coveredDays: new Set([DAY]),
      breakAllowanceMinutes: 60,
      from: DAY,
      to: DAY,
      until: at("+03:00"),
    });
    expect(r.total).toMatchObject({ shifts: 1, rosteredMinutes: 480, absentShifts: 0, adherence: 1 });
  });
});

describe("shifts across midnight", () => {
  it("night shift 23:00–07:00, logged in 22:50–07:05: 480 ÷ 480 = 100 %; conformance 480 ÷ 495 = 96.97 %", () => {
    const r = run([shift("23:00", "+07:00")], [state("siap", "22:50", "+07:05")], { to: addDays(DAY, 1) });
    expect(r.shifts[0]).toMatchObject({ rosteredMinutes: 480, adherence: 1, lateMinutes: 0, earlyMinutes: 0 });
    // The shift's minutes belong to the day it started; the 10 minutes before it too, the 5 after to the next day.
    expect(r.days.map((d) => [d.day, d.rosteredMinutes, d.loggedInMinutes])).toEqual([
      [DAY, 480, 490],
      [addDays(DAY, 1), 0, 5],
    ]);
    expect(r.total.conformance).toBeCloseTo(480 / 495, 10);
  });

  it("night shift 23:00–07:00, in at 23:20, out at 06:30: late 20, early 30, (480 − 50) ÷ 480 = 89.58 %", () => {
    const r = run([shift("23:00", "+07:00")], [state("sibuk", "23:20", "+06:30")]);
    expect(r.shifts[0]).toMatchObject({ lateMinutes: 20, earlyMinutes: 30, adherentMinutes: 430 });
    expect(r.shifts[0]?.adherence).toBeCloseTo(430 / 480, 10);
  });

  it("the night shift before the first day still claims its minutes after midnight for its own day", () => {
    const before = shift("23:00", "+07:00", addDays(DAY, -1));
    const r = run(
      [before, shift("15:00", "23:00")],
      [state("siap", "00:00", "07:00"), state("siap", "15:00", "23:00")],
    );
    // Only the 15–23 shift is on the day asked; the 00–07 minutes are the earlier shift's, not outside the roster.
    expect(r.total).toMatchObject({ shifts: 1, rosteredMinutes: 480, loggedInMinutes: 480, conformance: 1 });
  });
});

describe("a period of several shifts", () => {
  it("sums minutes before dividing: (480 + 240) ÷ (480 + 480) = 75 %, one absence counted once", () => {
    const tuesday = addDays(DAY, 1);
    const r = run(
      [shift("07:00", "15:00"), shift("07:00", "15:00", tuesday), shift("07:00", "15:00", addDays(DAY, 2))],
      [state("siap", "07:00", "15:00"), state("siap", "07:00", "11:00", tuesday)],
      { to: addDays(DAY, 2), covered: [DAY, tuesday] },
    );
    expect(r.total).toMatchObject({ shifts: 2, shiftsWithoutData: 1, rosteredMinutes: 960, adherentMinutes: 720 });
    expect(r.total.adherence).toBe(0.75);
    expect(r.total).toMatchObject({ earlyShifts: 1, earlyMinutes: 240, absentShifts: 0 });
  });

  it("logged in on a day without a shift: conformance 0 for that day, no adherence", () => {
    const r = run([], [state("siap", "09:00", "10:00")]);
    expect(r.days).toHaveLength(1);
    expect(r.days[0]).toMatchObject({ loggedInMinutes: 60, conformance: 0, adherence: null });
  });
});
