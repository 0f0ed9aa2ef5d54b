// A process killed (SIGKILL) in the middle of an import's commit: on restart the database is as before the
// import — no rows, no batch — and a new process opens it and imports the same file whole. On the database the run
// names: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in its own directory (CI runs both).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { addDays } from "../../analytics/dates";
import type { DatabaseHandle } from "../../db/client";
import { callStats, importBatches, staff, teams } from "../../db/schema";
import { builtEntry } from "../support/cli";
import { processDatabase } from "../support/db";

const work = mkdtempSync(path.join(tmpdir(), "mutu-faults-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Call statistics for every agent, every day of 2025 from 1 January, on every channel: a commit that takes a while. */
async function bigCallFile(db: DatabaseHandle["db"], days: number): Promise<{ file: string; rows: number }> {
  const agents = await db
    .select({ nip: staff.nip })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(and(eq(staff.active, true), inArray(teams.code, ["layanan_informasi", "manajemen_layanan"])));
  const lines = ["nip,date,channel,calls_handled,logged_in_seconds,talk_seconds"];
  for (let d = 0; d < days; d++) {
    const day = addDays("2025-01-01", d);
    for (const a of agents) {
      for (const channel of ["telepon", "sms", "email", "webchat", "media_sosial"]) {
        lines.push(`${a.nip},${day},${channel},${20 + (d % 30)},21600,${12000 + d}`);
      }
    }
  }
  const file = path.join(work, `panggilan-${days}.csv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, rows: lines.length - 1 };
}

function cli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [builtEntry("mutu.js"), ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

/** Starts `import calls FILE --commit` and kills it (SIGKILL) once it says it is saving. */
async function killMidCommit(file: string, env: Record<string, string>): Promise<NodeJS.Signals | null> {
  const child = cli(["import", "calls", file, "--commit"], env);
  const end = exited(child);
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // Saving has begun: the merge into call_stats is running inside the import's transaction.
      if (stderr.includes("Menyimpan")) setTimeout(() => resolve(), 30);
    });
    end.then(() => reject(new Error(`the import ended before it could be killed: ${stderr}`)));
  });
  child.kill("SIGKILL");
  return (await end).signal;
}

async function counts(db: DatabaseHandle["db"]) {
  const [stats] = await db.select({ n: count() }).from(callStats);
  const [batches] = await db.select({ n: count() }).from(importBatches);
  return { stats: stats?.n ?? 0, batches: batches?.n ?? 0 };
}

async function crashAndRecover(kind: string, open: () => Promise<DatabaseHandle>, env: Record<string, string>) {
  let handle = await open();
  const { file, rows } = await bigCallFile(handle.db, 120);
  const before = await counts(handle.db);
  await handle.close(); // the embedded database allows one process at a time

  expect(await killMidCommit(file, env), `${kind}: killed`).toBe("SIGKILL");

  // A new process opens the database (on PGlite taking over the dead process's lock) and finds it as before.
  handle = await open();
  expect(await counts(handle.db), `${kind}: nothing of the killed import`).toEqual(before);
  await handle.close();

  // And the same file then imports whole.
  const again = cli(["import", "calls", file, "--commit", "--json"], env);
  let out = "";
  again.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  expect((await exited(again)).code).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ committed: true, new: rows });
  handle = await open();
  expect(await counts(handle.db)).toEqual({ stats: before.stats + rows, batches: before.batches + 1 });
  await handle.close();
}

describe("a process killed in the middle of an import commit", () => {
  it("leaves the database as before the import, and a new process opens it and imports the file again", async () => {
    const database = await processDatabase("staff");
    try {
      await crashAndRecover(database.env.DATABASE_URL ? "PostgreSQL" : "PGlite", database.open, database.env);
    } finally {
      await database.remove();
    }
  }, 180_000);
});
