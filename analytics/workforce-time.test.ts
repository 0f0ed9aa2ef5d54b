import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatDuration,
  formatShift,
  offGrid,
  parseClock,
  shiftLengthProblem,
  shiftTimes,
  wibInstant,
  wibMinuteOf,
} from "./workforce-time";

describe("clock times", () => {
  it.each([
    ["07:30", 450],
    ["7:30", 450],
    ["14.30", 870],
    ["00:00", 0],
    ["23:59", 1439],
    ["08:00:00", 480],
    [" 09:15 ", 555],
  ])("%s is %i minutes after midnight", (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(["24:00", "25:00", "7:5", "07:60", "0730", "", "08:00:30", "pagi"])("%s is not a time", (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it("24:00 is accepted only as the end of a shift (1440); formatting wraps to the next day's clock", () => {
    expect(parseClock("24:00", { allowEndOfDay: true })).toBe(1440);
    expect(formatClock(450)).toBe("07:30");
    expect(formatClock(1440 + 420)).toBe("07:00");
  });
});

describe("the interval grid", () => {
  it("07:00 and 07:30 start 30-minute intervals; 07:10 lies between 07:00 and 07:30", () => {
    expect(offGrid(420, 30)).toBeNull();
    expect(offGrid(450, 30)).toBeNull();
    expect(offGrid(430, 30)).toEqual({ before: 420, after: 450 });
    expect(offGrid(435, 15)).toBeNull();
    expect(offGrid(450, 60)).toEqual({ before: 420, after: 480 });
    expect(offGrid(1430, 30)).toEqual({ before: 1410, after: 0 });
  });
});

describe("days and instants", () => {
  it("WIB midnight of 30 Nov 2026 is 29 Nov 17:00 UTC, whatever the process time zone", () => {
    expect(wibInstant("2026-11-30", 0).toISOString()).toBe("2026-11-29T17:00:00.000Z");
    expect(wibInstant("2026-11-30", 1440 + 420).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(wibMinuteOf(new Date("2026-11-29T17:30:00Z"))).toBe(30);
  });
});

describe("shifts", () => {
  it("07:00–15:00 is 8 h on its own day; 23:00–07:00 crosses midnight and is 8 h too", () => {
    expect(shiftTimes("2026-11-30", 420, 900)).toEqual({
      startsAt: new Date("2026-11-30T00:00:00Z"),
      endsAt: new Date("2026-11-30T08:00:00Z"),
      durationMinutes: 480,
      crossesMidnight: false,
    });
    const night = shiftTimes("2026-11-30", 1380, 420);
    expect(night.durationMinutes).toBe(480);
    expect(night.crossesMidnight).toBe(true);
    expect(night.endsAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("an end equal to the start is 24 h, refused; 16 h is the longest allowed", () => {
    expect(shiftTimes("2026-11-30", 420, 420).durationMinutes).toBe(1440);
    expect(shiftLengthProblem(1440)).toMatch(/lamanya 24 jam; paling lama 16 jam/);
    expect(shiftLengthProblem(960)).toBeNull();
    expect(shiftLengthProblem(961)).toMatch(/16 jam 1 menit/);
    expect(formatDuration(45)).toBe("45 menit");
  });

  it("a night shift reads with the day it ends; one ending at 24:00 ends on its own day", () => {
    const night = shiftTimes("2026-11-30", 1380, 420);
    expect(formatShift(night.startsAt, night.endsAt)).toBe("30 Nov 2026 23:00–07:00 (sampai 1 Des 2026)");
    const late = shiftTimes("2026-11-30", 960, 1440);
    expect(formatShift(late.startsAt, late.endsAt)).toBe("30 Nov 2026 16:00–00:00");
  });
});
