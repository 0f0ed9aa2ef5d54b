// The load benchmarks' harness: signed-in users posting forms in a loop for a fixed time over keep-alive
// connections (Node's fetch), every request timed and its outcome kept, and the summary they print.
import { readdir, readFile } from "node:fs/promises";
import type { Role } from "../analytics/roles";
import { addBenchUsers, quantile, signIn, startServer } from "./server";

/**
 * `pauseMs`: how long each user waits, on average, after one piece of work before starting the next;
 * `processes`: the server's WEB_CONCURRENCY (decision 030).
 */
export type LoadOptions = { users: number; seconds: number; pauseMs: number; processes: number };

/**
 * `[users=50] [seconds=20] [--pause=MS] [--processes=N]` from the command line; `--short` (10 users, 5 s) for CI.
 */
export function loadOptions(argv: readonly string[]): LoadOptions {
  const short = argv.includes("--short");
  const [users, seconds] = argv.filter((a) => !a.startsWith("--")).map(Number);
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const pause = flag("pause");
  const processes = flag("processes");
  const chosen = {
    users: users ?? (short ? 10 : 50),
    seconds: seconds ?? (short ? 5 : 20),
    pauseMs: pause === undefined ? 0 : Number(pause),
    processes: processes === undefined ? 1 : Number(processes),
  };
  if (
    !Number.isInteger(chosen.users) ||
    chosen.users < 1 ||
    !(chosen.seconds > 0) ||
    !(chosen.pauseMs >= 0) ||
    !Number.isInteger(chosen.processes) ||
    chosen.processes < 1
  )
    throw new Error("usage: [users=50] [seconds=20] [--pause=MS] [--processes=N] [--short]");
  return chosen;
}

/** "no pause", or the pause between one user's pieces of work; and how many server processes when more than one. */
export const pauseLabel = (options: LoadOptions) =>
  (options.pauseMs ? `a pause of about ${options.pauseMs} ms after each` : "no pause") +
  (options.processes > 1 ? `, ${options.processes} server processes` : "");

export type Sample = {
  step: string;
  /** From sending the request to having read the whole response body, in milliseconds. */
  ms: number;
  /** The HTTP status, or 0 when the request failed without a response. */
  status: number;
  location: string | null;
  /** The body of an answer that is not a redirect (to look for a message), else "". */
  body: string;
  /** Its visible message or text, shortened, for the report. */
  detail: string;
};

/** Collects every request's outcome. */
export class Recorder {
  readonly samples: Sample[] = [];

  /** Posts `form` with the session `cookie` as a browser's form submission would, without following redirects. */
  async post(step: string, url: string, cookie: string, form: Record<string, string>): Promise<Sample> {
    const start = performance.now();
    let sample: Sample;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { cookie, origin: new URL(url).origin },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      const text = await response.text();
      const body = response.status >= 300 && response.status < 400 ? "" : text;
      sample = {
        step,
        ms: performance.now() - start,
        status: response.status,
        location: response.headers.get("location"),
        body,
        detail: summarizeBody(body),
      };
    } catch (error) {
      sample = { step, ms: performance.now() - start, status: 0, location: null, body: "", detail: String(error) };
    }
    this.samples.push(sample);
    return sample;
  }
}

// An error page's visible message, not its markup.
function summarizeBody(body: string): string {
  const alert = body.match(/class="[^"]*(?:alert-error|error)[^"]*"[^>]*>([^<]{1,300})/)?.[1];
  return (alert ?? body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).trim().slice(0, 300);
}

/**
 * Runs `step(user, n)` for each user at once, n = 1, 2, …, until the time is up (a step under way is
 * finished), with the pause between steps; a step answers false when its user has nothing more to do.
 * Returns the seconds actually taken.
 */
export async function runFor(
  options: LoadOptions,
  step: (user: number, n: number) => Promise<boolean>,
): Promise<number> {
  const start = performance.now();
  const end = start + options.seconds * 1000;
  // Each pause, and the start, is drawn between 0.5 and 1.5 × pauseMs (the start from 0): users that all
  // paused alike would come back together, in waves, as no real office does.
  const wait = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, end - performance.now()))));
  const user = async (index: number) => {
    if (options.pauseMs) await wait(Math.random() * options.pauseMs);
    for (let n = 1; performance.now() < end; n++) {
      if (!(await step(index, n))) return;
      if (options.pauseMs) await wait(options.pauseMs * (0.5 + Math.random()));
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, index) => user(index)));
  return (performance.now() - start) / 1000;
}

/** Throughput and latency of `samples` taken over `seconds`, one line per step and one for all. */
export function latencyLines(samples: readonly Sample[], seconds: number): string[] {
  const line = (label: string, of: readonly Sample[]) => {
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    const p = (q: number) => quantile(ms, q).toFixed(0);
    return (
      `  ${label.padEnd(8)} ${String(of.length).padStart(6)} requests, ${(of.length / seconds).toFixed(1).padStart(6)}/s; ` +
      `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`
    );
  };
  const steps = [...new Set(samples.map((s) => s.step))];
  const lines = steps.map((step) =>
    line(
      step,
      samples.filter((s) => s.step === step),
    ),
  );
  return [...lines, line("all", samples)];
}

/** The figures of latencyLines' "all" line, for the benchmark's JSON line (result.ts). */
export function latencyFigures(samples: readonly Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    perSecond: samples.length / seconds,
    p50Ms: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    p99Ms: quantile(ms, 0.99),
    maxMs: quantile(ms, 1),
  };
}

/** The first few unexpected answers, grouped by status and message. */
export function errorLines(errors: readonly Sample[]): string[] {
  const groups = new Map<string, number>();
  for (const e of errors) {
    const key = `${e.step} → ${e.status || "no response"}${e.location ? ` ${e.location}` : ""}: ${e.detail}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].slice(0, 10).map(([key, n]) => `  ${n}× ${key}`);
}

type CpuSnapshot = {
  at: number;
  server: number;
  client: number;
  postgres: number;
  machineBusy: number;
  machineTotal: number;
} | null;

// Linux only (/proc): CPU seconds of the app server, of this process, of all PostgreSQL processes (when it runs
// on this machine; also those serving other databases) and of the whole machine, to say who used the cores
// during a run on a machine shared with other work. Null elsewhere.
export async function cpuSnapshot(serverPid: number | undefined): Promise<CpuSnapshot> {
  try {
    const ticks = 100; // USER_HZ on Linux
    const seconds = async (pid: string) => {
      const [comm, rest] = (await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "")).split(") ");
      const fields = rest?.split(" ") ?? [];
      return {
        comm: comm?.split(" (")[1],
        parent: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
      };
    };
    // The server and its workers (WEB_CONCURRENCY: the processes whose parent it is). A PostgreSQL process or a
    // worker that ended between two snapshots is not counted.
    let server = (await seconds(String(serverPid))).cpu;
    let postgres = 0;
    for (const pid of (await readdir("/proc")).filter((d) => /^\d+$/.test(d))) {
      const p = await seconds(pid);
      if (p.comm === "postgres" && Number.isFinite(p.cpu)) postgres += p.cpu;
      if (p.parent === serverPid && Number.isFinite(p.cpu)) server += p.cpu;
    }
    const cpu = (await readFile("/proc/stat", "utf8")).split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      server,
      client: (usage.user + usage.system) / 1e6,
      postgres,
      machineBusy: (total - idle) / ticks,
      machineTotal: total / ticks,
    };
  } catch {
    return null;
  }
}

/** Where the machine's CPU went between two snapshots, in cores (2.0 = both cores busy all the time). */
export function cpuLine(before: CpuSnapshot, after: CpuSnapshot, requests: number): string[] {
  if (!before || !after) return [];
  const seconds = (after.at - before.at) / 1000;
  const cores = (v: number) => (v / seconds).toFixed(2);
  const server = after.server - before.server;
  const client = after.client - before.client;
  const postgres = after.postgres - before.postgres;
  const busy = after.machineBusy - before.machineBusy;
  const total = after.machineTotal - before.machineTotal;
  const perRequest = (v: number) => `${((v * 1000) / requests).toFixed(1)} ms a request`;
  return [
    `  CPU in cores (of ${(total / seconds).toFixed(0)}): app server ${cores(server)} (${perRequest(server)}), ` +
      `PostgreSQL ${cores(postgres)} (${perRequest(postgres)}), this load generator ${cores(client)}, ` +
      `other work on the machine ${cores(busy - server - client - postgres)}, idle ${cores(total - busy)}`,
  ];
}

/**
 * The start of a load run: `options.users` bench users with `roles`, the production server on `url` (in
 * `options.processes` processes) with the write limit off (each bench user saves far faster than a person, above the per-account limit of app/.server/rate-limit.ts),
 * everyone signed in, a recorder, and the server's CPU before the run. Stop `server` when done.
 */
export async function startLoad(url: string, prefix: string, options: LoadOptions, roles: Role[]) {
  const usernames = await addBenchUsers(url, prefix, options.users, roles);
  const server = await startServer(url, { MUTU_WRITE_RATE_LIMIT: "off", WEB_CONCURRENCY: String(options.processes) });
  try {
    const cookies = await signIn(server.base, usernames);
    return { server, cookies, recorder: new Recorder(), cpuBefore: await cpuSnapshot(server.process.pid) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * What both load benchmarks print after a run (latency, CPU, errors, the check's lines) and the figures of their
 * JSON line; `failed` when the check failed or a request erred.
 */
export function runReport(
  options: LoadOptions,
  run: { samples: readonly Sample[]; seconds: number; cpu: string[]; errors: readonly Sample[] },
  verdict: { lines: string[]; failed: boolean; figures: Record<string, number | boolean> },
) {
  console.log([...latencyLines(run.samples, run.seconds), ...run.cpu].join("\n"));
  if (run.errors.length) console.log(errorLines(run.errors).join("\n"));
  console.log(verdict.lines.join("\n"));
  return {
    failed: verdict.failed || run.errors.length > 0,
    figures: {
      users: options.users,
      seconds: options.seconds,
      pauseMs: options.pauseMs,
      processes: options.processes,
      ...latencyFigures(run.samples, run.seconds),
      errors: run.errors.length,
      ...verdict.figures,
    },
  };
}
