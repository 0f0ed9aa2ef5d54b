// The data layer itself: migrations, the demo seed, and PGlite's one-process guard.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS } from "../../analytics/organization";
import { scoreEvaluation } from "../../analytics/scoring";
import { loadDemo } from "../../app/.server/bootstrap";
import { DatabaseLockedError, openDatabase } from "../../db/client";
import { HEARTBEAT_MS, type LockRecord, ownRecord, STALE_AFTER_MS, startTicks } from "../../db/lock";
import {
  calibrationSessions,
  evaluationScores,
  evaluations,
  scorecardItems,
  scorecardVersions,
  staff,
  teams,
  users,
} from "../../db/schema";
import { isDemoSeeded, isEmpty } from "../../db/seed";
import { databaseForThisFile, type ProcessDatabase, processDatabase } from "../support/db";

const getHandle = databaseForThisFile();
// why: the demo lays its six periods out up to "now"; a fixed instant keeps this test independent of the clock.
const NOW = new Date("2026-11-29T03:00:00Z");

describe("migrations and seed", () => {
  it("every database has the three Tim Kerja of the regulation, and nothing else", async () => {
    const rows = await getHandle().db.select({ code: teams.code, name: teams.name }).from(teams).orderBy(teams.id);
    expect(rows).toEqual(TEAMS.map(({ code, name }) => ({ code, name })));
    expect(await isEmpty(getHandle().db)).toBe(true);
  });

  it("migrating again changes nothing", async () => {
    await getHandle().migrate();
    expect(await getHandle().db.select({ n: count() }).from(teams)).toEqual([{ n: 3 }]);
  });

  it("the demo seed loads 40 staff, one user per role plus the other assessors, once; a second seed is refused and changes nothing", async () => {
    const { db } = getHandle();
    const loaded = await loadDemo(getHandle(), { now: NOW });
    expect(loaded).toMatchObject({ staff: 40, users: 14 });
    expect(loaded.evaluations).toBeGreaterThan(600);
    expect(await isDemoSeeded(db)).toBe(true);
    await expect(loadDemo(getHandle(), { now: NOW })).rejects.toThrow(/sudah berisi staf atau pengguna/);
    expect(await db.select({ n: count() }).from(staff)).toEqual([{ n: 40 }]);
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 14 }]);
  });

  it("the demo tells a story over six periods: every agent evaluated, reviews, disputes, drafts and calibration", async () => {
    const { db } = getHandle();
    const rows = await db.select().from(evaluations);
    expect([...new Set(rows.map((r) => r.periodId))].sort()).toEqual([
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    expect(rows.filter((r) => r.state === "disputed")).toHaveLength(1);
    expect(rows.filter((r) => r.state === "final").length).toBeGreaterThan(5);
    expect(rows.some((r) => r.state === "draft")).toBe(true);
    expect(rows.filter((r) => r.kind === "period_review" && r.periodId === "2026-09").length).toBeGreaterThan(25);
    expect(rows.every((r) => r.interactionAt === null || r.interactionAt < NOW)).toBe(true);
    const sessions = await db.select().from(calibrationSessions);
    expect(sessions.map((s) => s.state).sort()).toEqual(["closed", "open"]);
  });

  it("every stored demo score equals what the scoring code computes from its item values", async () => {
    const { db } = getHandle();
    const rows = await db.select().from(evaluations);
    const scores = await db.select().from(evaluationScores);
    const items = await db.select().from(scorecardItems);
    const versions = await db.select().from(scorecardVersions);
    for (const e of rows.filter((r) => r.state !== "draft")) {
      const version = versions.find((v) => v.id === e.versionId);
      const scored = items
        .filter((i) => i.versionId === e.versionId)
        .map((i) => ({ ...i, section: i.section as "hardskill", scale: i.scale as "1-5" }));
      const values = new Map(scores.filter((s) => s.evaluationId === e.id).map((s) => [s.itemId, s.value]));
      const sections = e.kind === "interaction" ? (["hardskill", "softskill"] as const) : (["kedisiplinan"] as const);
      const weights = {
        hardskill: version?.weightHardskill ?? 0,
        softskill: version?.weightSoftskill ?? 0,
        kedisiplinan: version?.weightKedisiplinan ?? 0,
        cph: version?.weightCph ?? 0,
      };
      const r = scoreEvaluation(scored, values, weights, sections);
      expect(e.criticalFailed).toBe(r.criticalFailed);
      if (e.kind === "interaction") expect(e.total).toBeCloseTo(r.total ?? Number.NaN, 9);
      else expect(e.kedisiplinan).toBeCloseTo(r.sections.kedisiplinan ?? Number.NaN, 9);
    }
  });
});

// The embedded database's one-process guard: tested when the run is on the embedded database (`npm test` without
// DATABASE_URL; CI's test:embedded), as every feature is tested on the database the run names (decision 031).
const onPostgres = Boolean(process.env.DATABASE_URL);

/** The directory of a migrated embedded database of this file's own (processDatabase), removed after the file. */
function migratedDirectory(): { dataDir: string } {
  const place = { dataDir: "" };
  let database: ProcessDatabase | undefined;
  beforeAll(async () => {
    database = await processDatabase();
    place.dataDir = path.join(database.env.MUTU_DATA_DIR ?? "", "pglite");
  });
  afterAll(() => database?.remove());
  return place;
}

describe.skipIf(onPostgres)("embedded PGlite", () => {
  const place = migratedDirectory();

  it("a second process opening the same directory gets a clear error; once the first dies, the lock is taken over", async () => {
    // A child process opens the directory and holds it until killed.
    const script = `import { openDatabase } from "./db/client.ts"; await openDatabase({ pgliteDir: ${JSON.stringify(place.dataDir)} }); console.log("open"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve("."),
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited with ${code}`)));
    });

    const second = openDatabase({ pgliteDir: place.dataDir });
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(
      `sedang dipakai oleh proses lain (PID ${child.pid}). Kunci: ${place.dataDir}.lock.`,
    );

    child.kill("SIGKILL"); // leaves its lock file behind, as a crash would
    await new Promise((resolve) => child.once("exit", resolve));
    const handle = await openDatabase({ pgliteDir: place.dataDir });
    await handle.migrate();
    expect(await handle.db.select({ n: count() }).from(teams)).toEqual([{ n: 3 }]);
    await handle.close();
  }, 90_000);
});

describe.skipIf(onPostgres)("a PGlite lock left behind by a crash", () => {
  const place = migratedDirectory();
  const lockPath = () => `${place.dataDir}.lock`;

  /** A lock file as a process with `changes` would have written it, last refreshed `ageMs` ago. */
  function leaveLock(changes: Partial<LockRecord>, ageMs = 0) {
    writeFileSync(lockPath(), JSON.stringify({ ...ownRecord(), ...changes }));
    const at = new Date(Date.now() - ageMs);
    utimesSync(lockPath(), at, at);
  }
  async function opens() {
    const handle = await openDatabase({ pgliteDir: place.dataDir });
    const held = JSON.parse(readFileSync(lockPath(), "utf8")) as LockRecord;
    await handle.close();
    return held;
  }

  it.runIf(existsSync("/proc/self/stat"))(
    "does not block a start when its PID now belongs to another process: ours, or another live one",
    async () => {
      // After kill -9 in a container the new process often gets the same PID: the start time tells them apart.
      leaveLock({ pid: process.pid, startTicks: "1" });
      expect((await opens()).startTicks).toBe(startTicks(process.pid));
      expect(existsSync(lockPath())).toBe(false); // released on close
      leaveLock({ pid: process.ppid, startTicks: "1" });
      expect((await opens()).pid).toBe(process.pid);
    },
  );

  it("from another container or machine (another hostname, boot or PID namespace) blocks while it is refreshed, not after", async () => {
    const elsewhere = { pid: 1, host: "mutu-7f9c", bootId: "another-boot", pidNamespace: "pid:[1]", startTicks: "5" };
    leaveLock(elsewhere, 5_000);
    const refused = openDatabase({ pgliteDir: place.dataDir });
    await expect(refused).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(refused).rejects.toThrow(`di mutu-7f9c (PID 1, di kontainer atau mesin lain; kunci ${lockPath()}`);
    leaveLock(elsewhere, STALE_AFTER_MS + 1_000); // no heartbeat since: that process is gone
    expect((await opens()).pid).toBe(process.pid);
    // A lock from before this check (PID and hostname only), from a container that no longer exists.
    writeFileSync(lockPath(), JSON.stringify({ pid: process.pid, host: "old-container", since: "2026-01-01" }));
    utimesSync(lockPath(), new Date(0), new Date(0));
    expect((await opens()).pid).toBe(process.pid);
  });

  it("is refreshed while held, and a second open in the same process is refused naming the file", async () => {
    const handle = await openDatabase({ pgliteDir: place.dataDir });
    try {
      await expect(openDatabase({ pgliteDir: place.dataDir })).rejects.toThrow(`Kunci: ${lockPath()}.`);
      expect(Date.now() - statSync(lockPath()).mtimeMs).toBeLessThan(HEARTBEAT_MS + 5_000);
    } finally {
      await handle.close();
    }
  });
});

// PostgreSQL on the same machine, through its Unix socket as libpq names it (`?host=/dir`): where CI runs it.
const SOCKET_DIR = "/var/run/postgresql";
describe.skipIf(!process.env.DATABASE_URL || !existsSync(SOCKET_DIR))("PostgreSQL through its Unix socket", () => {
  it("a DATABASE_URL with ?host=/dir connects through the socket, and says so where it prints the location", async () => {
    const tcp = new URL(process.env.DATABASE_URL ?? "");
    tcp.searchParams.set("host", SOCKET_DIR);
    const handle = await openDatabase({ url: tcp.toString() });
    try {
      const [row] = await handle.db
        .select({ address: sql<string | null>`inet_client_addr()::text` })
        .from(sql`(select 1) as one`);
      expect(row).toEqual({ address: null }); // null: not over TCP
      expect(handle.location).toContain(`soket ${SOCKET_DIR}`);
      expect(handle.location).not.toContain("@");
    } finally {
      await handle.close();
    }
  });
});
