// Benchmark: importing a large training CSV through the command line, against PostgreSQL's own \copy of the
// same file into a plain table, in the same run on the same database. Prints times, the ratio and peak memory,
// and last one line of JSON: {"bench":"import-training","rows":…,"ratio":…,…} (import ÷ \copy at `rows`).
// The command line is the built one (build/node/mutu.js, built first when the sources changed), as users run it.
//   npx tsx bench/import-training.ts [rows=100000]   (DATABASE_URL or the local PostgreSQL on 127.0.0.1)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { loadDemo } from "../app/.server/bootstrap";
import { openDatabase } from "../db/client";
import { staff, trainingCourses } from "../db/schema";
import { DEMO_COURSES } from "../fixtures/demo-training";
import { BUILT_CLI, ensureBuilt } from "./built";
import { printResult } from "./result";

const rows = Number(process.argv[2] ?? 100_000);
const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `mutu_bench_${Date.now().toString(36)}`;
const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const dir = mkdtempSync(path.join(tmpdir(), "mutu-bench-"));
const admin = postgres(base, { max: 1, onnotice: () => {} });

/** A training file of `n` rows with distinct natural keys (person × course × end date). */
async function generate(n: number, file: string) {
  const handle = await openDatabase({ url });
  const people = await handle.db.select({ nip: staff.nip, fullName: staff.fullName }).from(staff);
  const courses = await handle.db
    .select({ code: trainingCourses.code, name: trainingCourses.name })
    .from(trainingCourses);
  await handle.close();
  const lines = [
    "nip;nama;kode_pelatihan;nama_pelatihan;tanggal_mulai;tanggal_selesai;jam_pelajaran;status;nilai;penyelenggara;nomor_sertifikat",
  ];
  for (let i = 0; i < n; i++) {
    const p = people[i % people.length];
    const c = courses[Math.floor(i / people.length) % courses.length];
    const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / (people.length * courses.length)) * 86_400_000);
    const d = `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/${day.getUTCFullYear()}`;
    lines.push(
      [p?.nip, p?.fullName, c?.code, c?.name, d, d, "8", "lulus", "87,5", "Pusdiklat Bea dan Cukai", `B-${i}`].join(
        ";",
      ),
    );
  }
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
}

/** Runs a command under /usr/bin/time; returns seconds and peak resident memory (MB). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const [seconds, kb] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds: seconds ?? Number.NaN, mb: (kb ?? 0) / 1024, stdout: r.stdout };
}

async function main() {
  ensureBuilt();
  await admin.unsafe(`create database "${name}"`);
  try {
    const handle = await openDatabase({ url });
    await handle.migrate();
    await loadDemo(handle, { evaluations: false });
    await handle.db.insert(trainingCourses).values(DEMO_COURSES);
    await handle.close();
    const cli = [BUILT_CLI, "import", "training"];
    const env = { ...process.env, DATABASE_URL: url };
    const results: string[] = [];
    let figures: Record<string, number> = {};
    for (const n of [Math.round(rows / 4), rows]) {
      const file = path.join(dir, `training-${n}.csv`);
      await generate(n, file);
      const imported = timed(process.execPath, [...cli, file, "--commit", "--json"], env);
      const report = JSON.parse(imported.stdout) as { new: number; committed: boolean };
      if (!report.committed || report.new !== n)
        throw new Error(`import did not commit ${n} rows: ${imported.stdout.slice(0, 300)}`);
      execFileSync("psql", [
        url,
        "-qc",
        "create table if not exists bench_plain (nip text, nama text, kode text, nama_pelatihan text, mulai text, selesai text, jam text, status text, nilai text, penyelenggara text, nomor text)",
      ]);
      execFileSync("psql", [url, "-qc", "truncate bench_plain"]);
      const copied = timed("psql", [
        url,
        "-qc",
        `\\copy bench_plain from '${file}' with (format csv, header, delimiter ';')`,
      ]);
      // The command line's own start (Node, modules, connecting, migrations) measured on a one-row file.
      const one = path.join(dir, "one.csv");
      writeFileSync(one, (await import("node:fs")).readFileSync(file, "utf8").split("\r\n").slice(0, 2).join("\r\n"));
      const startup = timed(process.execPath, [...cli, one, "--json"], env);
      const work = imported.seconds - startup.seconds;
      results.push(
        `${n.toLocaleString("en")} rows: import ${imported.seconds.toFixed(2)} s (of which start-up ${startup.seconds.toFixed(2)} s), ` +
          `\\copy ${copied.seconds.toFixed(2)} s, ratio ${(imported.seconds / copied.seconds).toFixed(1)}x overall, ` +
          `${(work / copied.seconds).toFixed(1)}x without start-up; peak memory ${imported.mb.toFixed(0)} MB ` +
          `(${(imported.mb - startup.mb).toFixed(0)} MB above the one-row run)`,
      );
      execFileSync("psql", [url, "-qc", "truncate training_records, import_batch_changes, import_batches cascade"]);
      // Node grows its heap lazily, so peak memory alone overstates what a stream needs: the same import
      // again with the JavaScript heap capped at 64 MB shows whether memory stays flat as the file grows.
      const capped = timed(process.execPath, ["--max-old-space-size=64", ...cli, file, "--commit", "--json"], env);
      results.push(
        `  same import with the heap capped at 64 MB: ${capped.seconds.toFixed(2)} s, peak ${capped.mb.toFixed(0)} MB`,
      );
      figures = {
        rows: n,
        ratio: imported.seconds / copied.seconds,
        ratioWithoutStartup: work / copied.seconds,
        importSeconds: imported.seconds,
        startupSeconds: startup.seconds,
        copySeconds: copied.seconds,
        peakMb: imported.mb,
        cappedSeconds: capped.seconds,
        cappedPeakMb: capped.mb,
        // The ratio at a quarter of the rows, from the first pass: how it moves with the file's length.
        quarterRatio: figures.ratio ?? Number.NaN,
      };
      execFileSync("psql", [url, "-qc", "truncate training_records, import_batch_changes, import_batches cascade"]);
    }
    console.log(results.join("\n"));
    printResult("import-training", figures);
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
