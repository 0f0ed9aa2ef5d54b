// Benchmark of the KPI review page on a large period (1,000 agents, 50,000 evaluations of 20 items):
//  (c) the KPI computation (from the database, nothing kept), the same read as the page reads it (figures held,
//      docs/decisions/029) and the whole page loader, against one hand-written SQL aggregate that produces the
//      same per-agent final scores, ranks and team averages (checked equal), in the same run;
//  (d) latency of GET /kpi under 20 concurrent signed-in users (autocannon) against the production build: the
//      period approved (its figures kept at approval), then reopened with a write every second meanwhile.
// Ends with one line of JSON: {"bench":"kpi-dashboard","ratio":…,"p95Ms":…,…} (ratio: computation ÷ SQL; p95Ms:
// the approved period's; openP95Ms: the open period's under writes).
//   npx tsx bench/kpi-dashboard.ts [agents=1000] [evaluations=50000] [seconds=15]
//   WEB_CONCURRENCY=2 npx tsx bench/kpi-dashboard.ts   # the server with two worker processes (decision 030)
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { kpiDashboard } from "../app/.server/kpi-dashboard";
import { computeCenterFigures } from "../app/.server/kpi-figures";
import { type PeriodKpiReport, periodKpiReport, reportFor } from "../app/.server/period-kpi";
import { approvePeriod, reopenPeriod } from "../app/.server/periods";
import type { Access } from "../app/.server/scope";
import { getSettings } from "../app/.server/settings";
import { openDatabase } from "../db/client";
import { evaluations as evaluationsTable, periods, users } from "../db/schema";
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

  // Same numbers first: every agent's final score, rank and team average, against the hand-written SQL.
  const hand = (await db.execute(HAND_SQL)) as unknown as { rows?: unknown[] } & unknown[];
  const rows = (hand.rows ?? hand) as { staff_id: number; final: number; rank: string; team_average: number }[];
  const sameAsSql = (report: PeriodKpiReport, what: string) => {
    for (const r of rows) {
      const mine = report.agents.find((a) => a.staffId === r.staff_id);
      if (!mine || Math.abs((mine.kpi.score ?? Number.NaN) - Number(r.final)) > 1e-9 || mine.rank !== Number(r.rank))
        throw new Error(`${what}, agent ${r.staff_id}: ${mine?.kpi.score}/${mine?.rank}, SQL ${r.final}/${r.rank}`);
    }
    if (rows.length !== report.agents.filter((a) => a.kpi.score !== null).length)
      throw new Error(`${what}: counts differ`);
  };
  const computeNow = async () => {
    const [figures] = await computeCenterFigures(db, [PERIOD], settings);
    if (!figures) throw new Error("no figures");
    return reportFor(figures, access);
  };
  sameAsSql(await computeNow(), "computed");
  sameAsSql(await periodKpiReport(db, PERIOD, settings, access), "as the page reads it, open");

  const runs = 7;
  const handMs = await median(runs, () => db.execute(HAND_SQL));
  const kpiMs = await median(runs, computeNow);
  const heldMs = await median(runs, () => periodKpiReport(db, PERIOD, settings, access));
  const pageMs = await median(runs, () => kpiDashboard(db, settings, access, PERIOD));
  // Approved: the figures kept in the approving transaction give every agent the same numbers.
  const actor = { id: kasi.id, username: kasi.username };
  await approvePeriod(db, actor, PERIOD);
  sameAsSql(await periodKpiReport(db, PERIOD, settings, access), "kept at approval");
  const approvedPageMs = await median(runs, () => kpiDashboard(db, settings, access, PERIOD));
  const [period] = await db.select({ status: periods.status }).from(periods).where(eq(periods.id, PERIOD));
  await handle.close();
  const figures = {
    periodStatus: period?.status ?? "open",
    sqlMs: handMs,
    kpiMs,
    heldMs,
    pageMs,
    approvedPageMs,
    ratio: kpiMs / handMs,
    heldRatio: heldMs / handMs,
    pageRatio: pageMs / handMs,
  };
  const lines = [
    `(c) ${agents.toLocaleString("en")} agents, ${evaluations.toLocaleString("en")} evaluations, median of ${runs}:`,
    `    hand-written SQL aggregate ${handMs.toFixed(0)} ms; KPI computation ${kpiMs.toFixed(0)} ms, ratio ${(kpiMs / handMs).toFixed(2)}x;`,
    `    as the page reads it (figures held) ${heldMs.toFixed(1)} ms, ratio ${(heldMs / handMs).toFixed(2)}x;`,
    `    whole page loader (also 12-period trend, IKU, calibration) ${pageMs.toFixed(0)} ms open, ${approvedPageMs.toFixed(0)} ms approved, ratio ${(pageMs / handMs).toFixed(2)}x`,
  ];
  return { lines, figures };
}

/** `users` signed-in users asking for the KPI page for `seconds`: every response's time, for an exact p95. */
async function drive(base: string, cookies: string[], duration = seconds) {
  const latencies: number[] = [];
  let next = 0;
  const instance = autocannon({
    url: `${base}/kpi?periode=${PERIOD}`,
    connections: USERS,
    duration,
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % USERS] ?? "" }),
  });
  (instance as unknown as NodeJS.EventEmitter).on("response", (_c: unknown, _s: number, _b: number, ms: number) =>
    latencies.push(ms),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => quantile(latencies, q);
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: p(0.5),
    p95Ms: p(0.95),
    p99Ms: p(0.99),
  };
}

const said = (f: Awaited<ReturnType<typeof drive>>) =>
  `${f.requests} requests, ${f.non2xx} not 2xx, ${f.errors} errors; p50 ${f.p50Ms.toFixed(0)} ms, p95 ${f.p95Ms.toFixed(0)} ms, p99 ${f.p99Ms.toFixed(0)} ms`;

async function load(url: string) {
  const usernames = await addBenchUsers(url, "kasi.bench", USERS, ["kepala_seksi"]);
  const server = await startServer(url);
  const handle = await openDatabase({ url });
  try {
    const cookies = await signIn(server.base, usernames);
    // A few seconds first, not counted: a new process compiles its code and fills what it holds on first use.
    await drive(server.base, cookies, 3);
    const approved = await drive(server.base, cookies);
    // Reopened, and while the users read it an evaluation of the period changes every second (another
    // connection, as another process would): every read after a write must show it, so figures are computed again.
    const [kasi] = await handle.db.select().from(users).where(eq(users.username, "kasi"));
    if (!kasi) throw new Error("no kasi");
    await reopenPeriod(handle.db, { id: kasi.id, username: kasi.username }, PERIOD, {
      reason: "Benchmark: periode dibuka lagi.",
    });
    const [changed] = await handle.db
      .select({ id: evaluationsTable.id })
      .from(evaluationsTable)
      .where(eq(evaluationsTable.periodId, PERIOD))
      .limit(1);
    let writes = 0;
    const writer = setInterval(() => {
      writes++;
      void handle.db
        .update(evaluationsTable)
        .set({ note: `perubahan ${writes}` })
        .where(eq(evaluationsTable.id, changed?.id ?? 0));
    }, 1000);
    const open = await drive(server.base, cookies).finally(() => clearInterval(writer));
    const figures = {
      users: USERS,
      seconds,
      ...approved,
      openRequests: open.requests,
      openNon2xx: open.non2xx,
      openErrors: open.errors,
      openP50Ms: open.p50Ms,
      openP95Ms: open.p95Ms,
      openP99Ms: open.p99Ms,
      openWrites: writes,
    };
    const lines = [
      `(d) GET /kpi, ${USERS} signed-in users for ${seconds} s, approved period: ${said(approved)}`,
      `    reopened, an evaluation changed every second (${writes} writes): ${said(open)}`,
    ];
    return { lines, figures };
  } finally {
    await handle.close();
    await server.stop();
  }
}

const period = await createLargePeriod({ agents, evaluations });
try {
  const computed = await computation(period.url);
  const loaded = await load(period.url);
  console.log([...computed.lines, ...loaded.lines].join("\n"));
  const processes = Number(process.env.WEB_CONCURRENCY ?? 1);
  printResult("kpi-dashboard", { agents, evaluations, processes, ...computed.figures, ...loaded.figures });
} finally {
  await period.drop();
}
