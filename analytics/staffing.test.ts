import { describe, expect, it, test } from "vitest";
import { isoWeek } from "./dates";
import { forecast, type ProfileInput } from "./forecast";
import type { ChannelCode } from "./organization";
import {
  answeringAgents,
  planInterval,
  type RosteredInput,
  type StaffingTargets,
  staffingPlan,
  staffingStatus,
  sumTotals,
} from "./staffing";

// The app's defaults: 80 % in 20 s, occupancy at most 85 %, shrinkage 30 %.
const TARGETS: StaffingTargets = { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 };
const ALL_TARGETS = Object.fromEntries(
  (["telepon", "sms", "email", "webchat", "media_sosial"] as ChannelCode[]).map((c) => [c, TARGETS]),
) as Record<ChannelCode, StaffingTargets>;

const emptyWeek = () => sumTotals([]);

const profile = (row: Partial<ProfileInput> & Pick<ProfileInput, "weekday" | "startMinute">): ProfileInput => ({
  channel: "telepon",
  intervalMinutes: 30,
  days: 6,
  offered: 0,
  answered: 0,
  ahtSeconds: null,
  ...row,
});

describe("one interval of the plan", () => {
  // The callcentrehelper.com "Erlang C formula" worked example (also in erlang.test.ts): 100 calls in 30 minutes,
  // AHT 180 s, 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 % → 10 Erl, 14 agents, 20 positions.
  const example = {
    day: "2026-11-30",
    weekday: 1,
    startMinute: 540,
    intervalMinutes: 30,
    forecastCalls: 100,
    ahtSeconds: 180,
    targets: TARGETS,
  };

  test("100 calls × 180 s ÷ 1800 s = 10 Erl → 14 agents, 20 positions (callcentrehelper); 20 rostered → cukup, 14 answer → SL 0.888", () => {
    const i = planInterval({ ...example, rostered: 20 });
    expect(i).toMatchObject({
      trafficErlangs: 10,
      agents: 14,
      positions: 20,
      rostered: 20,
      difference: 0,
      status: "cukup",
      rosteredAnswering: 14,
      endMinute: 570,
    });
    expect(i.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(i.asaSeconds).toBeCloseTo(7.8359, 4);
    expect(i.occupancy).toBeCloseTo(10 / 14, 12);
    expect(i.expectedServiceLevel).toBe(i.serviceLevel);
  });

  test("18 rostered → kurang by 2; floor(18 × 0.7) = 12 answer → SL 0.640, ASA 40.4 s, occupancy 10/12", () => {
    const i = planInterval({ ...example, rostered: 18 });
    expect(i).toMatchObject({ difference: -2, status: "kurang", rosteredAnswering: 12 });
    expect(i.expectedServiceLevel).toBeCloseTo(0.6402, 4);
    expect(i.expectedAsaSeconds).toBeCloseTo(40.445, 3);
    expect(i.expectedOccupancy).toBeCloseTo(10 / 12, 12);
  });

  test("10 rostered → floor(7) = 7 answer ≤ 10 Erl: the queue grows without bound (SL 0, ASA null)", () => {
    const i = planInterval({ ...example, rostered: 10 });
    expect(i).toMatchObject({
      status: "kurang",
      expectedServiceLevel: 0,
      expectedAsaSeconds: null,
      expectedOccupancy: 1,
    });
  });

  test("over-staffed above max(1, 20 % of positions): 20 positions → 24 rostered is cukup (4 ≤ 4), 25 lebih", () => {
    expect(planInterval({ ...example, rostered: 24 }).status).toBe("cukup");
    expect(planInterval({ ...example, rostered: 25 }).status).toBe("lebih");
  });

  it("needs nobody without calls: 1 person rostered is cukup, 2 are lebih; they are expected to answer everything", () => {
    const quiet = { ...example, forecastCalls: 0 };
    expect(planInterval({ ...quiet, rostered: 0 })).toMatchObject({ agents: 0, positions: 0, status: "cukup" });
    const one = planInterval({ ...quiet, rostered: 1 });
    expect(one).toMatchObject({ agents: 0, positions: 0, difference: 1, status: "cukup" });
    expect(one).toMatchObject({ expectedServiceLevel: 1, expectedOccupancy: 0, expectedAsaSeconds: 0 });
    expect(planInterval({ ...quiet, rostered: 2 }).status).toBe("lebih");
  });

  it("plans nobody when no contact was ever answered (no AHT), though the forecast is kept", () => {
    const i = planInterval({ ...example, ahtSeconds: null, rostered: 0 });
    expect(i).toMatchObject({ forecastCalls: 100, ahtSeconds: null, trafficErlangs: 0, agents: 0, positions: 0 });
  });

  it("status thresholds: short below the positions; over by more than max(1, 0.2 × positions)", () => {
    expect(staffingStatus(4, 5)).toBe("kurang");
    expect(staffingStatus(6, 5)).toBe("cukup"); // 1 ≤ max(1, 1)
    expect(staffingStatus(7, 5)).toBe("lebih");
    expect(staffingStatus(12, 10)).toBe("cukup"); // 2 ≤ 2
    expect(staffingStatus(13, 10)).toBe("lebih");
    expect(staffingStatus(1, 0)).toBe("cukup");
  });

  it("answering agents after shrinkage: floor(rostered × (1 − s)), 20 × 0.7 = 14 despite rounding noise", () => {
    expect(answeringAgents(20, 0.3)).toBe(14);
    expect(answeringAgents(10, 0.3)).toBe(7);
    expect(answeringAgents(1, 0.3)).toBe(0);
    expect(answeringAgents(3, 0.9)).toBe(0);
    expect(answeringAgents(10, 0.9)).toBe(1);
    expect(answeringAgents(5, 0)).toBe(5);
  });
});

describe("Erlang C and Erlang A side by side", () => {
  const example = {
    day: "2026-11-30",
    weekday: 1,
    startMinute: 540,
    intervalMinutes: 30,
    forecastCalls: 100,
    ahtSeconds: 180,
    targets: TARGETS,
    patienceSeconds: 300,
  };

  test("100 calls × 180 s, patience 300 s: Erlang C 14 agents → 20 positions, Erlang A 13 → ceil(13 ÷ 0.7) = 19; 19 rostered is kurang under C, cukup under A", () => {
    const c = planInterval({ ...example, rostered: 19 });
    const a = planInterval({ ...example, rostered: 19, model: "erlang_a" });
    expect(c.erlangC).toMatchObject({ agents: 14, positions: 20, probabilityAbandon: 0, expectedAbandonment: 0 });
    expect(c.erlangA).toMatchObject({ agents: 13, positions: 19 });
    expect(a.erlangA).toEqual(c.erlangA);
    expect(c).toMatchObject({ model: "erlang_c", positions: 20, difference: -1, status: "kurang" });
    expect(a).toMatchObject({ model: "erlang_a", positions: 19, difference: 0, status: "cukup" });
    expect(c.statusByModel).toEqual({ erlang_c: "kurang", erlang_a: "cukup" });
  });

  test("20 rostered − 30 % = 14 answering: Erlang A expects pyworkforce's SL 0.916792 and 0.013984 hanging up", () => {
    const a = planInterval({ ...example, rostered: 20, model: "erlang_a" });
    expect(a.rosteredAnswering).toBe(14);
    expect(a.expectedServiceLevel).toBeCloseTo(0.916792, 6);
    expect(a.expectedAbandonment).toBeCloseTo(0.013984, 6);
    expect(a.erlangC.expectedServiceLevel).toBeCloseTo(0.88835, 5);
  });

  test("the week's totals under each model: Erlang C 20 × ½ = 10 position-hours, Erlang A 19 × ½ = 9.5", () => {
    const history = forecast(
      [profile({ weekday: 1, startMinute: 540, offered: 600, answered: 600, ahtSeconds: 180 })],
      30,
    );
    const [plan] = staffingPlan({
      days: isoWeek("2026-W49").days,
      intervalMinutes: 30,
      channels: ["telepon"],
      forecast: history,
      targets: ALL_TARGETS,
      rostered: [{ day: "2026-11-30", startMinute: 540, channel: "telepon", agents: 19 }],
      model: "erlang_a",
      patienceSeconds: { telepon: 300 },
    });
    expect(plan?.model).toBe("erlang_a");
    expect(plan?.patienceSeconds).toBe(300);
    expect(plan?.week.byModel.erlang_c).toMatchObject({ positionHours: 10, understaffed: 1, differenceHours: -0.5 });
    expect(plan?.week.byModel.erlang_a).toMatchObject({ positionHours: 9.5, understaffed: 0, differenceHours: 0 });
    expect(plan?.week).toMatchObject({ positionHours: 9.5, understaffed: 0 });
    const both = sumTotals([plan?.week ?? emptyWeek(), plan?.week ?? emptyWeek()]);
    expect(both.byModel.erlang_a).toMatchObject({ positionHours: 19, understaffed: 0, differenceHours: 0 });
  });
});

describe("the plan of a week", () => {
  const week = isoWeek("2026-W49");
  const history = forecast(
    [
      // Mondays 09:00: 100 calls of 180 s (the callcentrehelper example).
      profile({ weekday: 1, startMinute: 540, offered: 600, answered: 600, ahtSeconds: 180 }),
      // Tuesdays 08:00: 10 calls of 180 s.
      profile({ weekday: 2, startMinute: 480, offered: 60, answered: 60, ahtSeconds: 180 }),
    ],
    30,
  );
  // A night shift Monday 23:00 – Tuesday 07:00 and a day shift covering Monday 09:00, as rosteredPerInterval
  // reports them: one row per interval and channel on duty.
  const night: RosteredInput[] = Array.from({ length: 16 }, (_, k) => {
    const minute = 23 * 60 + k * 30;
    return minute < 1440
      ? { day: "2026-11-30", startMinute: minute, channel: "telepon" as const, agents: 1 }
      : { day: "2026-12-01", startMinute: minute - 1440, channel: "telepon" as const, agents: 1 };
  });
  const rostered: RosteredInput[] = [
    ...night,
    { day: "2026-11-30", startMinute: 540, channel: "telepon", agents: 18 },
    // Half of the agents of this interval came on at 08:15: 3 people, 2.5 agents' worth of time.
    { day: "2026-12-01", startMinute: 480, channel: "telepon", agents: 3, staffedAgents: 2.5 },
  ];
  const [telepon, email] = staffingPlan({
    days: week.days,
    intervalMinutes: 30,
    channels: ["telepon", "email"],
    forecast: history,
    targets: ALL_TARGETS,
    rostered,
  });
  if (!telepon || !email) throw new Error("two channels asked");

  it("has every interval of the week for each channel: 7 × 48 = 336, in time order", () => {
    expect(telepon.intervals).toHaveLength(336);
    expect(email.intervals).toHaveLength(336);
    expect(telepon.intervals[0]).toMatchObject({ day: "2026-11-30", weekday: 1, startMinute: 0 });
    expect(telepon.intervals[335]).toMatchObject({ day: "2026-12-06", weekday: 7, startMinute: 1410, endMinute: 1440 });
    expect(telepon.days.map((d) => d.day)).toEqual(week.days);
  });

  it("Monday 09:00: 100 forecast calls need 20 positions, 18 rostered → kurang by 2", () => {
    const nine = telepon.intervals.find((i) => i.day === "2026-11-30" && i.startMinute === 540);
    expect(nine).toMatchObject({
      forecastCalls: 100,
      agents: 14,
      positions: 20,
      rostered: 18,
      difference: -2,
      status: "kurang",
    });
  });

  it("a channel without history forecasts 0 everywhere and needs nobody", () => {
    expect(email.hasHistory).toBe(false);
    expect(telepon.hasHistory).toBe(true);
    expect(email.intervals.every((i) => i.forecastCalls === 0 && i.positions === 0 && i.status === "cukup")).toBe(true);
    expect(email.week).toMatchObject({ forecastCalls: 0, positionHours: 0, rosteredHours: 0, understaffed: 0 });
  });

  it("counts a shift crossing midnight in both days: Monday 23:00–24:00 (1 h) and Tuesday 00:00–07:00 (7 h)", () => {
    const [monday, tuesday] = telepon.days;
    // Monday: the night shift's hour and 18 agents × ½ h at 09:00 = 1 + 9 = 10 h.
    expect(monday?.rosteredHours).toBe(10);
    // Tuesday: 7 night hours and 2.5 agents' time × ½ h at 08:00 = 8.25 h.
    expect(tuesday?.rosteredHours).toBe(8.25);
    const overnight = telepon.intervals.filter((i) => i.rostered === 1);
    expect(overnight.map((i) => `${i.day} ${i.startMinute}`)).toContain("2026-12-01 0");
    expect(overnight).toHaveLength(16);
    // No calls at night: one person is cukup.
    expect(overnight.every((i) => i.status === "cukup" && i.positions === 0)).toBe(true);
  });

  it("totals: Monday 100 calls, 14 × ½ = 7 agent-hours, 20 × ½ = 10 position-hours, one interval short", () => {
    const monday = telepon.days[0];
    expect(monday).toMatchObject({
      weekday: 1,
      intervals: 48,
      forecastCalls: 100,
      agentHours: 7,
      positionHours: 10,
      differenceHours: 0,
      understaffed: 1,
      overstaffed: 0,
    });
    // Tuesday 08:00: 10 calls × 180 s = 1 Erl → 3 agents (2 give SL < 80 %), ceil(3 ÷ 0.7) = 5 positions; 3 rostered.
    const eight = telepon.intervals.find((i) => i.day === "2026-12-01" && i.startMinute === 480);
    expect(eight).toMatchObject({ trafficErlangs: 1, agents: 3, positions: 5, rostered: 3, status: "kurang" });
    expect(telepon.week).toMatchObject({ intervals: 336, forecastCalls: 110, understaffed: 2, overstaffed: 0 });
    expect(telepon.week.positionHours).toBe(12.5);
    expect(telepon.week.rosteredHours).toBe(18.25);
    const center = sumTotals([telepon.week, email.week]);
    expect(center).toMatchObject({ intervals: 672, forecastCalls: 110, positionHours: 12.5, differenceHours: 5.75 });
  });

  it("refuses a forecast made for another interval length", () => {
    expect(() =>
      staffingPlan({
        days: week.days,
        intervalMinutes: 60,
        channels: ["telepon"],
        forecast: history,
        targets: ALL_TARGETS,
        rostered: [],
      }),
    ).toThrow(/interval 30 menit, bukan 60/);
  });
});
