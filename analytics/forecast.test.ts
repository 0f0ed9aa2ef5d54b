import { describe, expect, it } from "vitest";
import { isoWeek } from "./dates";
import { forecast, forecastAt, forecastBasis, type ProfileInput } from "./forecast";

const profile = (row: Partial<ProfileInput> & Pick<ProfileInput, "weekday" | "startMinute">): ProfileInput => ({
  channel: "telepon",
  intervalMinutes: 30,
  days: 6,
  offered: 0,
  answered: 0,
  ahtSeconds: null,
  ...row,
});

describe("the weeks a forecast averages", () => {
  it("a forecast averages the N whole weeks before the week, or before today's week when the week is ahead", () => {
    const ids = (weeks: { id: string }[]) => weeks.map((w) => w.id);
    const today = "2026-12-02"; // a Wednesday of 2026-W49
    expect(ids(forecastBasis(isoWeek("2026-W49"), 6, today))).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
    ]);
    expect(ids(forecastBasis(isoWeek("2026-W52"), 2, today))).toEqual(["2026-W47", "2026-W48"]);
    expect(ids(forecastBasis(isoWeek("2026-W40"), 2, today))).toEqual(["2026-W38", "2026-W39"]);
    expect(ids(forecastBasis(isoWeek("2027-W01"), 1, "2027-01-05"))).toEqual(["2026-W53"]);
  });
});

describe("forecast", () => {
  it("600 contacts over 6 Mondays at 09:00 → 100 per interval; AHT as reported", () => {
    const f = forecast([profile({ weekday: 1, startMinute: 540, offered: 600, answered: 570, ahtSeconds: 180 })], 30);
    expect(forecastAt(f, "telepon", 1, 540)).toEqual({
      channel: "telepon",
      weekday: 1,
      startMinute: 540,
      callsPerInterval: 100,
      ahtSeconds: 180,
      days: 6,
    });
    expect(f.channelAhtSeconds.get("telepon")).toBe(180);
  });

  it("an interval missing on 2 of the 6 Mondays counts 0 there: 200 ÷ 6 = 33.3, not 200 ÷ 4 = 50", () => {
    const f = forecast(
      [
        profile({ weekday: 1, startMinute: 540, days: 6, offered: 600, answered: 600, ahtSeconds: 180 }),
        profile({ weekday: 1, startMinute: 570, days: 4, offered: 200, answered: 200, ahtSeconds: 180 }),
      ],
      30,
    );
    expect(forecastAt(f, "telepon", 1, 570)?.callsPerInterval).toBeCloseTo(200 / 6, 12);
  });

  it("AHT is weighted by answered: (200 s × 300 + 100 s × 100) ÷ 400 = 175 s", () => {
    const f = forecast(
      [
        profile({ weekday: 2, startMinute: 600, offered: 300, answered: 300, ahtSeconds: 200 }),
        profile({ channel: "webchat", weekday: 2, startMinute: 600, offered: 100, answered: 100, ahtSeconds: 100 }),
        profile({ weekday: 3, startMinute: 600, offered: 120, answered: 100, ahtSeconds: 100 }),
      ],
      30,
    );
    expect(f.channelAhtSeconds.get("telepon")).toBe(175);
    expect(f.channelAhtSeconds.get("webchat")).toBe(100);
    expect(forecastAt(f, "telepon", 3, 600)?.callsPerInterval).toBe(20);
  });

  it("puts 60-minute rows on a 30-minute grid: 3 Tuesdays at 60 min (300 at 10:00) and 3 at 30 min (90, 60) → (150 + 90) ÷ 6 = 40 and (150 + 60) ÷ 6 = 35; AHT (200 × 150 + 100 × 90) ÷ 240 = 162.5 s", () => {
    const f = forecast(
      [
        profile({
          weekday: 2,
          startMinute: 600,
          intervalMinutes: 60,
          days: 3,
          offered: 300,
          answered: 300,
          ahtSeconds: 200,
        }),
        profile({ weekday: 2, startMinute: 600, days: 3, offered: 90, answered: 90, ahtSeconds: 100 }),
        profile({ weekday: 2, startMinute: 630, days: 3, offered: 60, answered: 60, ahtSeconds: 100 }),
      ],
      30,
    );
    const at = (minute: number) => forecastAt(f, "telepon", 2, minute);
    expect(at(600)).toMatchObject({ callsPerInterval: 40, ahtSeconds: 162.5, days: 6 });
    expect(at(630)).toMatchObject({ callsPerInterval: 35, days: 6 });
  });

  it("adds 15-minute rows up on a 30-minute grid", () => {
    const f = forecast(
      [
        profile({
          weekday: 4,
          startMinute: 600,
          intervalMinutes: 15,
          days: 2,
          offered: 20,
          answered: 20,
          ahtSeconds: 60,
        }),
        profile({
          weekday: 4,
          startMinute: 615,
          intervalMinutes: 15,
          days: 2,
          offered: 30,
          answered: 30,
          ahtSeconds: 60,
        }),
      ],
      30,
    );
    expect(forecastAt(f, "telepon", 4, 600)?.callsPerInterval).toBe(25);
    expect(f.byChannel.get("telepon")?.size).toBe(1);
  });
});
