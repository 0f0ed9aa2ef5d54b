// The command line as production runs it (decision 028): bundled by scripts/build.mjs into JavaScript under plain
// Node, finding the migrations copied beside the bundle rather than in db/. The database tests' global setup builds
// it from the sources of this run (test/support/db-global-setup.ts), so this tests what the sources build to now,
// not a build left from earlier.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import { builtEntry, runMutu } from "../support/cli";

const dataDir = mkdtempSync(path.join(tmpdir(), "mutu-built-"));
// A fresh embedded database: the built command line applies every migration itself.
const env = { DATABASE_URL: "", MUTU_DATA_DIR: dataDir };
const entry = builtEntry("mutu.js");

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the built command line", () => {
  it("runs under plain Node: help exits 0, an unknown command 2", async () => {
    const help = await runMutu(["help"], { env, entry });
    expect(help.code).toBe(0);
    expect(help.out).toContain("Pemakaian: npm run mutu -- <perintah>");
    expect((await runMutu(["frobnicate"], { env, entry })).code).toBe(2);
  });

  it("finds the migrations beside itself: db migrate applies them all, a backup names them and the version", async () => {
    const migrated = await runMutu(["db", "migrate"], { env, entry });
    expect(migrated.err).toBe("");
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain("Migrasi selesai");

    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    const file = path.join(dataDir, "backup.sql");
    const backup = await runMutu(["db", "backup", "--out", file], { env, entry });
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(`(${journal.entries.length} migrasi, pglite`);
    expect(readFileSync(file, "utf8")).toContain(`-- mutu-version: ${packageJson.version}\n`);
  });
});
