// The data layer itself: migrations, the demo seed, and PGlite's one-process guard.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { TEAMS } from "../../analytics/organization";
import { loadDemo } from "../../app/.server/bootstrap";
import { DatabaseLockedError, openDatabase } from "../../db/client";
import { staff, teams, users } from "../../db/schema";
import { isDemoSeeded, isEmpty } from "../../db/seed";
import { databaseForThisFile } from "../support/db";

const getHandle = databaseForThisFile();

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

  it("the demo seed loads 40 staff and one user per role, once; a second seed is refused and changes nothing", async () => {
    const { db } = getHandle();
    expect(await loadDemo(getHandle())).toEqual({ staff: 40, users: 7 });
    expect(await isDemoSeeded(db)).toBe(true);
    await expect(loadDemo(getHandle())).rejects.toThrow(/sudah berisi staf atau pengguna/);
    expect(await db.select({ n: count() }).from(staff)).toEqual([{ n: 40 }]);
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 7 }]);
  });
});

describe("embedded PGlite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mutu-lock-"));
  const dataDir = path.join(dir, "pglite");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a second process opening the same directory gets a clear error; once the first dies, the lock is taken over", async () => {
    // A child process opens the directory and holds it until killed.
    const script = `import { openDatabase } from "./db/client.ts"; await openDatabase({ pgliteDir: ${JSON.stringify(dataDir)} }); console.log("open"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve("."),
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited with ${code}`)));
    });

    const second = openDatabase({ pgliteDir: dataDir });
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(`sedang dipakai oleh proses lain (PID ${child.pid})`);

    child.kill("SIGKILL"); // leaves its lock file behind, as a crash would
    await new Promise((resolve) => child.once("exit", resolve));
    const handle = await openDatabase({ pgliteDir: dataDir });
    await handle.migrate();
    expect(await handle.db.select({ n: count() }).from(teams)).toEqual([{ n: 3 }]);
    await handle.close();
  }, 90_000);
});
