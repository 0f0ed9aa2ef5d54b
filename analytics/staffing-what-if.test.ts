import { describe, expect, it } from "vitest";
import { forecast } from "./forecast";
import type { StaffingTargets } from "./staffing";
import { applyWhatIf, whatIfChanges, whatIfWords } from "./staffing-what-if";

// Two weeks of one Monday 09:00 interval on two channels: telepon 100 and 120 contacts at AHT 200 s, email 10.
const base = forecast(
  [
    {
      channel: "telepon",
      weekday: 1,
      startMinute: 540,
      intervalMinutes: 30,
      days: 2,
      offered: 220,
      answered: 200,
      ahtSeconds: 200,
    },
    {
      channel: "email",
      weekday: 1,
      startMinute: 540,
      intervalMinutes: 30,
      days: 2,
      offered: 20,
      answered: 20,
      ahtSeconds: 300,
    },
  ],
  30,
);
const t: StaffingTargets = { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 };
const targets = { telepon: t, sms: t, email: t, webchat: t, media_sosial: t };

describe("applyWhatIf", () => {
  it("telepon volume −20 %: 110 → 88 contacts; AHT −20 s: 200 → 180 s; email untouched", () => {
    const w = { channel: "telepon" as const, volumePercent: -20, ahtChangeSeconds: -20, targets: {} };
    const { forecast: f } = applyWhatIf(base, targets, w);
    const phone = [...(f.byChannel.get("telepon")?.values() ?? [])][0];
    expect(phone?.callsPerInterval).toBeCloseTo(88, 9);
    expect(phone?.ahtSeconds).toBe(180);
    expect(f.channelAhtSeconds.get("telepon")).toBe(180);
    expect(f.byChannel.get("email")).toBe(base.byChannel.get("email"));
    // The forecast it came from is left as it was.
    expect([...(base.byChannel.get("telepon")?.values() ?? [])][0]?.callsPerInterval).toBe(110);
  });

  it("an AHT cut deeper than the AHT leaves 1 s; targets given replace the channel's, the rest stay", () => {
    const w = {
      channel: "telepon" as const,
      volumePercent: 0,
      ahtChangeSeconds: -600,
      targets: { serviceLevel: 0.9, answerSeconds: 15 },
    };
    const applied = applyWhatIf(base, targets, w);
    expect([...(applied.forecast.byChannel.get("telepon")?.values() ?? [])][0]?.ahtSeconds).toBe(1);
    expect(applied.targets.telepon).toEqual({
      serviceLevel: 0.9,
      answerSeconds: 15,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    expect(applied.targets.email).toBe(t);
  });

  it("says what changed, and that nothing changed when nothing was asked", () => {
    const w = {
      channel: "telepon" as const,
      volumePercent: 20,
      ahtChangeSeconds: -20,
      targets: { serviceLevel: 0.9, answerSeconds: 15 },
    };
    expect(whatIfWords(w)).toEqual(["volume +20 %", "AHT −20 detik", "tingkat layanan 90 %", "waktu jawab 15 detik"]);
    expect(whatIfChanges({ channel: "telepon", volumePercent: 0, ahtChangeSeconds: 0, targets: {} })).toBe(false);
  });
});
