// Benchmark of the KPI workbook on generated large periods (1,000 agents, 14 item scores per evaluation):
//  (a) the export through the command line against a bare exceljs streaming write, in the same run, of the
//      same sheets with the same number of rows and cells (no database, no styles);
//  (b) peak memory of the export at `small` and at `large` evaluations.
// Both run built (the command line as build/node/mutu.js, the bare write compiled into build/bench/), under plain
// Node. Ends with one line of JSON: {"bench":"kpi-workbook","ratio":…,"memoryRatio":…,…} (ratio at `small`).
//   npx tsx bench/kpi-workbook.ts [small=50000] [large=200000]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { BUILT_CLI, builtBenchScript, ensureBuilt } from "./built";
import { createLargePeriod, PERIOD } from "./large-period";
import { printResult } from "./result";

const [small = 50_000, large = 200_000] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), "mutu-workbook-bench-"));

function timed(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ...args], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.slice(-2000)}`);
  const [seconds, kb] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds: seconds ?? Number.NaN, mb: (kb ?? 0) / 1024 };
}

/** How many evaluations (period reviews too) and item scores the export writes: the bare write gets as many rows. */
async function rowCounts(url: string): Promise<{ evaluations: number; items: number }> {
  const sql = postgres(url, { max: 1 });
  try {
    const [row] = await sql`select
      (select count(*)::int from evaluations where period_id = ${PERIOD} and state <> 'draft') as evaluations,
      (select count(*)::int from evaluation_scores s join evaluations e on e.id = s.evaluation_id
        where e.period_id = ${PERIOD} and e.state <> 'draft') as items`;
    return { evaluations: Number(row?.evaluations), items: Number(row?.items) };
  } finally {
    await sql.end();
  }
}

ensureBuilt();
const bareScript = await builtBenchScript("bench/bare-workbook.ts");
const lines: string[] = [];
const peaks: number[] = [];
const runs: { exportSeconds: number; bareSeconds: number; bareMb: number }[] = [];
for (const evaluations of [small, large]) {
  const period = await createLargePeriod({ agents: 1000, evaluations });
  try {
    const env = { ...process.env, DATABASE_URL: period.url };
    const out = path.join(dir, `kpi-${evaluations}.xlsx`);
    const exported = timed([BUILT_CLI, "export", "kpi", "--period", PERIOD, "--out", out], env);
    // The same shape written bare: 1,000 agent rows × 14 cells, an evaluation row × 15 for each evaluation and
    // period review, an item row × 9 for each item score.
    const rows = await rowCounts(period.url);
    const bare = timed(
      [bareScript, String(1000), String(rows.evaluations), path.join(dir, "bare.xlsx"), String(rows.items)],
      env,
    );
    lines.push(
      `${evaluations.toLocaleString("en")} evaluations: export ${exported.seconds.toFixed(1)} s (peak ${exported.mb.toFixed(0)} MB), ` +
        `bare exceljs ${bare.seconds.toFixed(1)} s (peak ${bare.mb.toFixed(0)} MB), ratio ${(exported.seconds / bare.seconds).toFixed(2)}x`,
    );
    peaks.push(exported.mb);
    runs.push({ exportSeconds: exported.seconds, bareSeconds: bare.seconds, bareMb: bare.mb });
  } finally {
    await period.drop();
  }
}
const [a, b] = peaks;
lines.push(
  `peak memory ${large.toLocaleString("en")} ÷ ${small.toLocaleString("en")} evaluations: ${((b ?? 0) / (a ?? 1)).toFixed(2)}x`,
);
console.log(lines.join("\n"));
rmSync(dir, { recursive: true, force: true });
const [first, second] = runs;
printResult("kpi-workbook", {
  evaluations: small,
  ratio: (first?.exportSeconds ?? Number.NaN) / (first?.bareSeconds ?? Number.NaN),
  memoryRatio: (b ?? Number.NaN) / (a ?? Number.NaN),
  exportSeconds: first?.exportSeconds ?? null,
  bareSeconds: first?.bareSeconds ?? null,
  peakMb: a ?? null,
  largeEvaluations: large,
  largeRatio: (second?.exportSeconds ?? Number.NaN) / (second?.bareSeconds ?? Number.NaN),
  largeExportSeconds: second?.exportSeconds ?? null,
  largePeakMb: b ?? null,
});
