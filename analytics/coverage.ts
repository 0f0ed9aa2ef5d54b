// Pure: whether an agent's evaluations in a period meet the quota (reference: 4 per period, at least one
// on telepon).

export type Quota = { perAgent: number; telepon: number };
export type QuotaStatus = { met: boolean; missing: number; missingTelepon: number };

/** `missing` counts evaluations still needed overall; `missingTelepon` those that must be on telepon. */
export function quotaStatus(counts: { interactions: number; telepon: number }, quota: Quota): QuotaStatus {
  const missingTelepon = Math.max(0, quota.telepon - counts.telepon);
  const missing = Math.max(missingTelepon, quota.perAgent - counts.interactions, 0);
  return { met: missing === 0, missing, missingTelepon };
}
