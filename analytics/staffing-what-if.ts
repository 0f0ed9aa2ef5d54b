// Pure: "what if" on the staffing plan (issue 16, item 4): one channel's forecast contacts and AHT changed and its
// targets replaced, for one view of the plan only. Nothing here is saved; the plan is recomputed from the changed
// forecast and targets exactly as from the real ones.
import type { Forecast, ForecastInterval } from "./forecast";
import type { ChannelCode } from "./organization";
import type { StaffingTargets } from "./staffing";

export type WhatIf = {
  channel: ChannelCode;
  /** Change of the forecast contacts, in percent (−20 = a fifth fewer). */
  volumePercent: number;
  /** Change of the AHT, in seconds (−20 = twenty seconds shorter); the AHT never falls below 1 s. */
  ahtChangeSeconds: number;
  /** Targets replacing the channel's settings, as fractions and seconds. */
  targets: Partial<StaffingTargets>;
};

export const whatIfChanges = (w: WhatIf) =>
  w.volumePercent !== 0 || w.ahtChangeSeconds !== 0 || Object.values(w.targets).some((v) => v !== undefined);

const changedAht = (aht: number | null, change: number) => (aht === null ? null : Math.max(1, aht + change));

/** The forecast and targets with the what-if applied to its channel; other channels as they were. */
export function applyWhatIf(
  f: Forecast,
  targets: Readonly<Record<ChannelCode, StaffingTargets>>,
  w: WhatIf,
): { forecast: Forecast; targets: Record<ChannelCode, StaffingTargets> } {
  const factor = 1 + w.volumePercent / 100;
  const byChannel = new Map(f.byChannel);
  const intervals = f.byChannel.get(w.channel);
  if (intervals) {
    const changed = new Map<number, ForecastInterval>();
    for (const [key, i] of intervals) {
      changed.set(key, {
        ...i,
        callsPerInterval: i.callsPerInterval * factor,
        ahtSeconds: changedAht(i.ahtSeconds, w.ahtChangeSeconds),
      });
    }
    byChannel.set(w.channel, changed);
  }
  const channelAhtSeconds = new Map(f.channelAhtSeconds);
  const channelAht = f.channelAhtSeconds.get(w.channel);
  if (channelAht !== undefined) {
    channelAhtSeconds.set(w.channel, changedAht(channelAht, w.ahtChangeSeconds) ?? channelAht);
  }
  const given = Object.fromEntries(Object.entries(w.targets).filter(([, v]) => v !== undefined));
  return {
    forecast: { ...f, byChannel, channelAhtSeconds },
    targets: { ...targets, [w.channel]: { ...targets[w.channel], ...given } },
  };
}

const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toLocaleString("id-ID")}`;
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`.replace(".", ",");

/** The what-if in words, one change per item ("volume +20 %", "AHT −20 detik", "target 90 % dalam 15 detik"). */
export function whatIfWords(w: WhatIf): string[] {
  const words: string[] = [];
  if (w.volumePercent !== 0) words.push(`volume ${signed(w.volumePercent)} %`);
  if (w.ahtChangeSeconds !== 0) words.push(`AHT ${signed(w.ahtChangeSeconds)} detik`);
  const t = w.targets;
  if (t.serviceLevel !== undefined) words.push(`tingkat layanan ${percent(t.serviceLevel)}`);
  if (t.answerSeconds !== undefined) words.push(`waktu jawab ${t.answerSeconds} detik`);
  if (t.shrinkage !== undefined) words.push(`waktu tidak tersedia ${percent(t.shrinkage)}`);
  if (t.maxOccupancy !== undefined) words.push(`okupansi maksimum ${percent(t.maxOccupancy)}`);
  return words;
}
