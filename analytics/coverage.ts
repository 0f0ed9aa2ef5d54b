// Pure: whether an agent's evaluations in a period meet the quota (reference: 4 per period, at least one
// on telepon; a minimum per channel is a setting).
import type { ChannelCode } from "./organization";

export type Quota = { perAgent: number; byChannel: Partial<Record<ChannelCode, number>> };
export type QuotaStatus = { met: boolean; missing: number; missingByChannel: Partial<Record<ChannelCode, number>> };

/**
 * `missing` counts the evaluations still needed overall (at least the channel shortfalls, since those must be
 * added anyway); `missingByChannel` names the channels whose minimum is not reached yet.
 */
export function quotaStatus(
  counts: { interactions: number; byChannel: Partial<Record<ChannelCode, number>> },
  quota: Quota,
): QuotaStatus {
  const missingByChannel: Partial<Record<ChannelCode, number>> = {};
  let channelShortfall = 0;
  for (const [channel, minimum] of Object.entries(quota.byChannel) as [ChannelCode, number][]) {
    const short = Math.max(0, minimum - (counts.byChannel[channel] ?? 0));
    if (short > 0) missingByChannel[channel] = short;
    channelShortfall += short;
  }
  const missing = Math.max(channelShortfall, quota.perAgent - counts.interactions, 0);
  return { met: missing === 0, missing, missingByChannel };
}
