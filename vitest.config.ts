import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Three projects: pure unit tests, tests against a real database (PostgreSQL when DATABASE_URL is set,
// PGlite otherwise), and browser tests that drive Debian's Chromium against the production build.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on this two-core machine. Test files wait
    // on the database (another process) and on Chromium much of the time, and each file has its own database, so
    // two workers finish in about half the time; a third only adds contention.
    maxWorkers: 2,
    minWorkers: 1,
    // Unit and database tests: the files of a worker thread share its modules (a third faster: the app is loaded
    // once per worker, not once per file). Each database test file still has its own database; module state is
    // kept per database handle (WeakMap<Database, …>) or per request, never in a plain module variable, so
    // nothing one file does reaches the next; a test that changes process.env puts it back in afterAll. Vitest
    // reads this per pool, not per project: the browser tests use the forks pool, isolated as by default.
    pool: "threads",
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["analytics/**/*.test.ts", "fixtures/**/*.test.ts", "app/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "db",
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
        },
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
