import { describe, expect, it } from "vitest";
import { heatmap, type ProfileCell, shade } from "./workforce-heatmap";

// Monday 09:00 over two Mondays: 120 offered, 100 answered (80 of them within target), 20 abandoned, AHT 240 s.
const monday9: ProfileCell = {
  weekday: 1,
  startMinute: 540,
  intervalMinutes: 30,
  days: 2,
  offered: 120,
  answered: 100,
  abandoned: 20,
  ahtSeconds: 240,
  answeredWithinTarget: 80,
  answeredWithTarget: 100,
};
const at = (map: ReturnType<typeof heatmap>, weekday: number, startMinute: number) =>
  map.values[map.starts.indexOf(startMinute)]?.[weekday - 1];

describe("workforce heatmap of one channel", () => {
  it("has 48 half-hour rows and seven weekday columns; a cell without data is null", () => {
    const map = heatmap("volume", [monday9], [], 30);
    expect(map.starts).toHaveLength(48);
    expect(map.values.every((row) => row.length === 7)).toBe(true);
    expect(at(map, 2, 540)).toBeNull();
  });

  it("volume 120 contacts over 2 Mondays is 60 per interval", () => {
    expect(at(heatmap("volume", [monday9], [], 30), 1, 540)).toBe(60);
  });

  it("service level 80 within target of 100 answered is 80 %; abandonment 20 of 120 offered is 16.7 %", () => {
    expect(at(heatmap("sl", [monday9], [], 30), 1, 540)).toBe(80);
    expect(at(heatmap("abandon", [monday9], [], 30), 1, 540)).toBeCloseTo(16.667, 3);
  });

  it("occupancy: 100 × 240 s handled over 2 days × 10 rostered agents × 1,800 s is 66.7 %; unrostered is null", () => {
    const roster = [
      { weekday: 1, startMinute: 540, staffedAgents: 10 },
      { weekday: 1, startMinute: 540, staffedAgents: 10 },
    ];
    expect(at(heatmap("occupancy", [monday9], roster, 30), 1, 540)).toBeCloseTo(66.667, 3);
    expect(at(heatmap("occupancy", [monday9], [], 30), 1, 540)).toBeNull();
  });

  it("rows imported with another interval length stay out of the grid", () => {
    const hourly = { ...monday9, intervalMinutes: 60 };
    expect(heatmap("volume", [hourly], [], 30).max).toBeNull();
  });

  it("shades between the map's minimum and maximum; a flat map sits in the middle", () => {
    expect(shade(75, 50, 100)).toBe(0.5);
    expect(shade(50, 50, 100)).toBe(0);
    expect(shade(7, 7, 7)).toBe(0.5);
    expect(shade(null, 0, 1)).toBeNull();
  });
});
