// Benchmark of the KPI review page on a large period (1,000 agents, 50,000 evaluations of 20 items):
//  (c) the KPI computation and the whole page loader, against one hand-written SQL aggregate that produces the
//      same per-agent final scores, ranks and team averages (checked equal), in the same run;
//  (d) latency of GET /kpi under 20 concurrent signed-in users (autocannon) against the production build.
// Ends with one line of JSON: {"bench":"kpi-dashboard","ratio":…,"p95Ms":…,…} (ratio: computation ÷ SQL).
//   npx tsx bench/kpi-dashboard.ts [agents=1000] [evaluations=50000] [seconds=15]
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { kpiDashboard } from "../app/.server/kpi-dashboard";
import { periodKpiReport } from "../app/.server/period-kpi";
import type { Access } from "../app/.server/scope";
import { getSettings } from "../app/.server/settings";
import { openDatabase } from "../db/client";
import { periods, users } from "../db/schema";
import { createLargePeriod, PERIOD } from "./large-period";
import { printResult } from "./result";
import { addBenchUsers, quantile, signIn, startServer } from "./server";

const [agents = 1000, evaluations = 50_000, seconds = 15] = process.argv.slice(2).map(Number);
const USERS = 20;

const HAND_SQL = sql`
  with per_agent as (
    select e.agent_staff_id as staff_id, s.team_id,
      avg(case when e.critical_failed then 0 else e.hardskill end) filter (where e.kind = 'interaction') as h,
      avg(case when e.critical_failed then 0 else e.softskill end) filter (where e.kind = 'interaction') as s,
      max(e.kedisiplinan) filter (where e.kind = 'period_review') as k,
      max(e.cph_score) filter (where e.kind = 'period_review') as c,
      max(e.version_id) as v
    from evaluations e join staff s on s.id = e.agent_staff_id
    where e.period_id = ${PERIOD} and e.state <> 'draft'
    group by e.agent_staff_id, s.team_id),
  scored as (
    select p.staff_id, p.team_id,
      (sv.weight_hardskill * p.h + sv.weight_softskill * p.s + sv.weight_kedisiplinan * p.k + sv.weight_cph * p.c) / 100.0 as final
    from per_agent p join scorecard_versions sv on sv.id = p.v)
  select staff_id, team_id, final,
    rank() over (partition by team_id order by round(final::numeric, 2) desc) as rank,
    avg(final) over (partition by team_id) as team_average
  from scored`;

/** Median of `runs` timings of `work`, in milliseconds. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function computation(url: string) {
  const handle = await openDatabase({ url });
  const db = handle.db;
  const settings = await getSettings(db);
  const [kasi] = await db.select().from(users).where(eq(users.username, "kasi"));
  if (!kasi) throw new Error("no kasi");
  const access: Access = {
    userId: kasi.id,
    roles: kasi.roles as never,
    scope: "any",
    staffId: null,
    teamId: null,
    groupName: null,
  };

  // Same numbers first: every agent's final score, rank and team average.
  const report = await periodKpiReport(db, PERIOD, settings, access);
  const hand = (await db.execute(HAND_SQL)) as unknown as { rows?: unknown[] } & unknown[];
  const rows = (hand.rows ?? hand) as { staff_id: number; final: number; rank: string; team_average: number }[];
  for (const r of rows) {
    const mine = report.agents.find((a) => a.staffId === r.staff_id);
    if (!mine || Math.abs((mine.kpi.score ?? Number.NaN) - Number(r.final)) > 1e-9 || mine.rank !== Number(r.rank))
      throw new Error(`agent ${r.staff_id}: page ${mine?.kpi.score}/${mine?.rank}, SQL ${r.final}/${r.rank}`);
  }
  if (rows.length !== report.agents.filter((a) => a.kpi.score !== null).length) throw new Error("agent counts differ");

  const runs = 7;
  const handMs = await median(runs, () => db.execute(HAND_SQL));
  const kpiMs = await median(runs, () => periodKpiReport(db, PERIOD, settings, access));
  const pageMs = await median(runs, () => kpiDashboard(db, settings, access, PERIOD));
  // Whether the period measured is approved (locked) or open: the p95 below is of that period.
  const [period] = await db.select({ status: periods.status }).from(periods).where(eq(periods.id, PERIOD));
  await handle.close();
  const figures = {
    periodStatus: period?.status ?? "open",
    sqlMs: handMs,
    kpiMs,
    pageMs,
    ratio: kpiMs / handMs,
    pageRatio: pageMs / handMs,
  };
  const lines = [
    `(c) ${agents.toLocaleString("en")} agents, ${evaluations.toLocaleString("en")} evaluations, median of ${runs}:`,
    `    hand-written SQL aggregate ${handMs.toFixed(0)} ms; KPI computation ${kpiMs.toFixed(0)} ms, ratio ${(kpiMs / handMs).toFixed(2)}x;`,
    `    whole page loader (also 12-period trend, IKU, calibration) ${pageMs.toFixed(0)} ms, ratio ${(pageMs / handMs).toFixed(2)}x`,
  ];
  return { lines, figures };
}

async function load(url: string) {
  const usernames = await addBenchUsers(url, "kasi.bench", USERS, ["kepala_seksi"]);
  const server = await startServer(url);
  try {
    const cookies = await signIn(server.base, usernames);
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon({
      url: `${server.base}/kpi?periode=${PERIOD}`,
      connections: USERS,
      duration: seconds,
      setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % USERS] ?? "" }),
    });
    // The instance is also an event emitter: every response's time, for an exact p95.
    (instance as unknown as NodeJS.EventEmitter).on("response", (_c: unknown, _s: number, _b: number, ms: number) =>
      latencies.push(ms),
    );
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => quantile(latencies, q);
    const figures = {
      users: USERS,
      seconds,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      p50Ms: p(0.5),
      p95Ms: p(0.95),
      p99Ms: p(0.99),
    };
    const lines = [
      `(d) GET /kpi, ${USERS} signed-in users for ${seconds} s: ${result.requests.total} requests, ` +
        `${result.non2xx} not 2xx, ${result.errors} errors; p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms`,
    ];
    return { lines, figures };
  } finally {
    await server.stop();
  }
}

const period = await createLargePeriod({ agents, evaluations });
try {
  const computed = await computation(period.url);
  const loaded = await load(period.url);
  console.log([...computed.lines, ...loaded.lines].join("\n"));
  printResult("kpi-dashboard", { agents, evaluations, ...computed.figures, ...loaded.figures });
} finally {
  await period.drop();
}
