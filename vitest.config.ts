import tsconfigPaths from "vite-tsconfig-paths";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { SlowFirstSequencer } from "./test/support/sequencer";

// The tests against a real database (test/db), with their setup.
const DATABASE_TESTS = {
  include: ["test/db/**/*.test.ts"],
  environment: "node",
  globalSetup: ["test/support/db-global-setup.ts"],
  env: {
    // Fixed for tests so the session cookie's signing secret is never written to the developer's .data/.
    SESSION_SECRET: "test-secret-for-signing-session-cookies-0123456789",
    // Tests fire writes far faster than people: the write limits are off here, except in the test of
    // the limits themselves (test/db/web-hardening.test.ts), and on in the browser tests' server.
    MUTU_WRITE_RATE_LIMIT: "off",
  },
  testTimeout: 30_000,
  hookTimeout: 60_000,
} satisfies TestProjectInlineConfiguration["test"];

// Database test files whose outcome depends neither on the database driver nor on the process's time zone, and
// which take long: CI runs them on PostgreSQL only (decision 031).
const SAME_ON_EVERY_DATABASE = [
  // Every route × role gives the status the permission table promises: decided in code before any query.
  "test/db/permissions.test.ts",
  // Hostile files against the CSV and .xlsx readers, previewed (nothing written). Committing imports on the
  // embedded database is run by imports, import-staging, import-fuzz-rows, staff-import and the command line.
  "test/db/import-fuzz.test.ts",
];

// Projects: pure unit tests, tests against a real database (PostgreSQL when DATABASE_URL is set, PGlite
// otherwise; "embedded" is CI's second pass over them), and browser tests that drive Debian's Chromium against the
// production build.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on this two-core machine. Test files wait
    // on the database (another process) and on Chromium much of the time, and each file has its own database, so
    // two workers finish in about half the time; a third only adds contention.
    maxWorkers: 2,
    minWorkers: 1,
    // The slowest database test files first, also in a clean clone (test/support/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // Unit and database tests: the files of a worker thread share its modules (a third faster: the app is loaded
    // once per worker, not once per file). Each database test file still has its own database; module state is
    // kept per database handle (WeakMap<Database, …>) or per request, never in a plain module variable, so
    // nothing one file does reaches the next; a test that changes process.env puts it back in afterAll. Vitest
    // reads this per pool, not per project, and only the browser project uses forks: a fork there serves file
    // after file instead of each file paying ~2.5 s for a fresh process. Each test file is still evaluated anew
    // (its own module variables, browser and hooks); the helpers in test/support keep no state between calls,
    // and every file closes the Chromium it launched in afterAll.
    pool: "threads",
    poolOptions: { threads: { isolate: false }, forks: { isolate: false } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["analytics/**/*.test.ts", "fixtures/**/*.test.ts", "app/**/*.test.ts"],
          environment: "node",
        },
      },
      { extends: true, test: { ...DATABASE_TESTS, name: "db" } },
      // CI's second pass (.ci/run, decision 031): the database tests again on the embedded database and in
      // another time zone, but for the files whose subject neither changes.
      {
        extends: true,
        test: { ...DATABASE_TESTS, name: "embedded", exclude: [...configDefaults.exclude, ...SAME_ON_EVERY_DATABASE] },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/browser-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One server per worker (test/support/browser-global-setup.ts, BROWSER_WORKERS).
          pool: "forks",
        },
      },
    ],
  },
});
