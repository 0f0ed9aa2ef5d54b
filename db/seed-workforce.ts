// Inserts the demo roster and interval statistics (fixtures/demo-workforce.ts). Some 20,000 interval rows go in
// as one statement of column arrays (unnest), so the first start stays fast on the embedded database.
import { param, sql } from "drizzle-orm";
import { addDays } from "../analytics/dates";
import { wibInstant } from "../analytics/workforce-time";
import { demoStates, sampleWeekOf } from "../fixtures/demo-states";
import { buildDemoWorkforce, type DemoIntervalStat } from "../fixtures/demo-workforce";
import type { StaffSeed } from "../fixtures/people";
import type { Database } from "./client";
import { agentStates, shifts } from "./schema";

// Arrays go as text[] and are cast in SQL, as the import engine does: both drivers send text arrays alike.
const column = (values: unknown[], type: string) =>
  sql`${param(values.map((v) => (v === null ? null : String(v))))}::text[]::${sql.raw(type)}[]`;

const INTERVAL_COLUMNS: [string, string, (x: DemoIntervalStat) => unknown][] = [
  ["day", "date", (x) => x.day],
  ["channel", "text", (x) => x.channel],
  ["start_minute", "smallint", (x) => x.startMinute],
  ["interval_minutes", "smallint", (x) => x.intervalMinutes],
  ["offered", "integer", (x) => x.offered],
  ["answered", "integer", (x) => x.answered],
  ["abandoned", "integer", (x) => x.abandoned],
  ["aht_seconds", "numeric", (x) => x.ahtSeconds],
  ["answered_within_target", "integer", (x) => x.answeredWithinTarget],
];

export async function insertDemoWorkforce(
  db: Database,
  options: { now: Date; staff: readonly StaffSeed[]; staffIdByNip: ReadonlyMap<string, number> },
): Promise<{ shifts: number; intervals: number; states: number }> {
  const data = buildDemoWorkforce(options.now, options.staff);
  const rows = data.shifts.map((s) => {
    const staffId = options.staffIdByNip.get(s.nip);
    if (staffId === undefined) throw new Error("demo shift of someone not in the demo staff");
    return { staffId, startsAt: s.startsAt, endsAt: s.endsAt, channel: s.channel };
  });
  for (let i = 0; i < rows.length; i += 5000) await db.insert(shifts).values(rows.slice(i, i + 5000));
  // What the phone system said of every finished shift, with the demo's lapses; the last full week is left for
  // the import page's generated sample (app/.server/imports/states-sample.ts), so importing it fills the gap.
  const sampleWeek = sampleWeekOf(options.now);
  const [gapFrom, gapTo] = [wibInstant(sampleWeek, 0), wibInstant(addDays(sampleWeek, 7), 0)];
  const finished = data.shifts.filter((s) => s.endsAt <= options.now && (s.startsAt < gapFrom || s.startsAt >= gapTo));
  const states = demoStates(
    finished.map((s) => ({ who: s.nip, startsAt: s.startsAt, endsAt: s.endsAt, channel: s.channel })),
    (a, b) => a.localeCompare(b),
  ).map((s) => ({
    staffId: options.staffIdByNip.get(s.who) ?? 0,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    channel: s.channel,
    state: s.state,
  }));
  for (let i = 0; i < states.length; i += 5000) await db.insert(agentStates).values(states.slice(i, i + 5000));
  const r = data.intervals;
  await db.execute(sql`insert into interval_stats (${sql.raw(INTERVAL_COLUMNS.map(([name]) => name).join(", "))})
    select * from unnest(${sql.join(
      INTERVAL_COLUMNS.map(([, type, get]) => column(r.map(get), type)),
      sql`, `,
    )})`);
  return { shifts: rows.length, intervals: r.length, states: states.length };
}
