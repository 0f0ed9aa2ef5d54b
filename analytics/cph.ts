// Pure: calls per hour (CPH) of an agent in a period from daily call statistics (DESIGN.md §2).
// CPH = calls handled ÷ logged-in hours. Each channel is scored against its own target; the agent's CPH
// score is the mean of the channel scores weighted by the hours spent on each channel, so an agent is not
// penalised for time on a slower channel (e-mail) compared with the phone.
import type { ChannelCode } from "./organization";
import { cphScore } from "./scoring";

export type ChannelTotals = { channel: ChannelCode; calls: number; loggedInSeconds: number };
export type ChannelCph = ChannelTotals & { hours: number; cph: number | null; target: number; score: number | null };
export type PeriodCph = {
  channels: ChannelCph[];
  calls: number;
  hours: number;
  cph: number | null;
  score: number | null;
};

export function periodCph(totals: readonly ChannelTotals[], targets: Readonly<Record<ChannelCode, number>>): PeriodCph {
  const channels = totals.map((t): ChannelCph => {
    const hours = t.loggedInSeconds / 3600;
    const cph = hours > 0 ? t.calls / hours : null;
    return { ...t, hours, cph, target: targets[t.channel], score: cphScore(cph, targets[t.channel]) };
  });
  const calls = channels.reduce((sum, c) => sum + c.calls, 0);
  const hours = channels.reduce((sum, c) => sum + c.hours, 0);
  const scored = channels.filter((c) => c.score !== null && c.hours > 0);
  const scoredHours = scored.reduce((sum, c) => sum + c.hours, 0);
  return {
    channels,
    calls,
    hours,
    cph: hours > 0 ? calls / hours : null,
    score: scoredHours > 0 ? scored.reduce((sum, c) => sum + (c.score ?? 0) * c.hours, 0) / scoredHours : null,
  };
}

/**
 * What a period review keeps when its CPH comes from the imported statistics: the app's review form and the demo
 * seed both write it this way, so the KPI (which reads the review) shows the CPH the statistics give. The target
 * is the channel's when the agent worked one channel only; with several, each was scored against its own.
 */
export function importedReviewCph(imported: PeriodCph) {
  const single = imported.channels.length === 1 ? imported.channels[0] : undefined;
  return {
    cphActual: imported.cph,
    cphTarget: single?.target ?? null,
    cphScore: imported.score,
    cphSource: "import",
    cphSourceNote: `Statistik panggilan impor: ${imported.calls} panggilan dalam ${imported.hours.toFixed(1).replace(".", ",")} jam login`,
    cphImported: imported.cph,
  };
}
