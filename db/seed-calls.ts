// Inserts the demo's daily call statistics (fixtures/demo-calls.ts) and returns each agent's CPH per period,
// computed from those rows by analytics/cph.ts as the app computes it from imported statistics.
import { type ChannelTotals, type PeriodCph, periodCph } from "../analytics/cph";
import type { ChannelCode } from "../analytics/organization";
import { periodOfDay } from "../analytics/period";
import { buildDemoCallStats } from "../fixtures/demo-calls";
import type { StaffSeed } from "../fixtures/people";
import type { Database } from "./client";
import { callStats } from "./schema";

const CHUNK = 1000;

/** Key of an agent's period in the map `insertDemoCallStats` returns. */
export const agentPeriodKey = (staffId: number, periodId: string) => `${staffId}|${periodId}`;

export async function insertDemoCallStats(
  tx: Database,
  input: {
    now: Date;
    staff: readonly StaffSeed[];
    staffIdByNip: ReadonlyMap<string, number>;
    fromDay: string;
    cphTargets: Record<ChannelCode, number>;
    /** The agent's calls per hour on the phone in a period, where the evaluations fixture chose one. */
    phoneCph: (staffId: number, periodId: string) => number | undefined;
  },
): Promise<Map<string, PeriodCph>> {
  const idOf = (nip: string) => {
    const id = input.staffIdByNip.get(nip);
    if (id === undefined) throw new Error("demo call statistics of someone not in the demo staff");
    return id;
  };
  const stats = buildDemoCallStats({
    now: input.now,
    staff: input.staff,
    fromDay: input.fromDay,
    targets: input.cphTargets,
    pace: (nip, periodId) => {
      const cph = input.phoneCph(idOf(nip), periodId);
      return cph === undefined ? undefined : cph / input.cphTargets.telepon;
    },
  });
  const rows = stats.map(({ nip, ...s }) => ({ ...s, staffId: idOf(nip) }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(callStats).values(rows.slice(i, i + CHUNK));

  // Sums per agent, period and channel, as app/.server/cph.ts takes them from SQL (channels in code order, so
  // the floating-point sums add up in the same order and give the very same numbers).
  const totals = new Map<string, Map<ChannelCode, ChannelTotals>>();
  for (const r of rows) {
    const key = agentPeriodKey(r.staffId, periodOfDay(r.day).id);
    const channels = totals.get(key) ?? new Map<ChannelCode, ChannelTotals>();
    const t = channels.get(r.channel) ?? { channel: r.channel, calls: 0, loggedInSeconds: 0 };
    channels.set(r.channel, {
      ...t,
      calls: t.calls + r.callsHandled,
      loggedInSeconds: t.loggedInSeconds + r.loggedInSeconds,
    });
    totals.set(key, channels);
  }
  return new Map(
    [...totals].map(([key, channels]) => [
      key,
      periodCph(
        [...channels.values()].sort((a, b) => (a.channel < b.channel ? -1 : 1)),
        input.cphTargets,
      ),
    ]),
  );
}
