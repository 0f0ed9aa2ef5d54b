// The mean patience Erlang A uses per channel (issue 16, item 3): estimated from the interval statistics of the
// forecast's weeks and the roster of those weeks when enough intervals can tell (analytics/patience.ts), else the
// setting `workforce.patienceSeconds.<channel>`. Two reads; the arithmetic is in analytics/.
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import {
  type ChannelPatience,
  choosePatience,
  estimatePatience,
  type PatienceObservation,
} from "../../analytics/patience";
import { answeringAgents } from "../../analytics/staffing";
import type { Database } from "./db";
import { memoizedIntervalPatience } from "./erlang-memo";
import { listIntervalStats } from "./interval-stats";
import { rosteredPerInterval } from "./roster";
import type { Settings } from "./settings";

/**
 * The patience of each channel asked (all without `channel`) over WIB days `from`–`to`: each interval's offered,
 * abandoned and AHT with the agents rostered then after the channel's shrinkage (as the plan counts them), pooled
 * per channel. Rows of another interval length than the setting's are left out (the roster is counted on its grid).
 */
export async function channelPatience(
  db: Database,
  settings: Settings,
  range: { from: string; to: string; channel?: ChannelCode },
): Promise<Partial<Record<ChannelCode, ChannelPatience>>> {
  const intervalMinutes = settings["workforce.intervalMinutes"];
  const [stats, rostered] = await Promise.all([
    listIntervalStats(db, range),
    rosteredPerInterval(db, { ...range, intervalMinutes }),
  ]);
  const onDuty = new Map(rostered.map((r) => [`${r.channel}|${r.startsAt.getTime()}`, r.agents]));
  const observations = new Map<ChannelCode, PatienceObservation[]>();
  for (const row of stats) {
    if (row.intervalMinutes !== intervalMinutes) continue;
    const shrinkage = settings[`workforce.shrinkage.${row.channel}`] / 100;
    const list = observations.get(row.channel) ?? [];
    observations.set(row.channel, list);
    list.push({
      offered: row.offered,
      abandoned: row.abandoned,
      ahtSeconds: row.ahtSeconds,
      answeringAgents: answeringAgents(onDuty.get(`${row.channel}|${row.startsAt.getTime()}`) ?? 0, shrinkage),
      intervalSeconds: intervalMinutes * 60,
    });
  }
  const channels = CHANNELS.filter((c) => !range.channel || c.code === range.channel);
  return Object.fromEntries(
    channels.map((c) => [
      c.code,
      choosePatience(
        estimatePatience(observations.get(c.code) ?? [], memoizedIntervalPatience),
        settings[`workforce.patienceSeconds.${c.code}`],
      ),
    ]),
  );
}
