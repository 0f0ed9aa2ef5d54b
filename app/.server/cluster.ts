// Several server processes on one port (WEB_CONCURRENCY, decision 030): the primary process has checked the
// configuration, taken the port, migrated and seeded the database; then it forks the workers (node:cluster,
// which shares the port among them), replaces one that dies (after a pause that doubles while they keep dying
// young, so a worker that cannot start does not spin), and stops them all on SIGINT/SIGTERM.
//
// The hand-over of the port: the primary keeps it (answering 503 while it prepares) until every worker has
// loaded the app and opened its database, then lets it go and tells the workers to listen: the port is
// refused for milliseconds, not for a worker's whole start.
import cluster, { type Worker } from "node:cluster";

/** The messages between the primary and a worker. */
const PREPARED = "mutu:prepared";
const LISTEN = "mutu:listen";

const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
// A worker that ran this long before dying was not failing to start: the next replacement waits the first pause.
const HEALTHY_AFTER_MS = 60_000;
// How long a worker has to finish its requests and close its database after SIGTERM.
const STOP_GRACE_MS = 10_000;

export type Workers = {
  /** Resolves when every first worker is listening. */
  listening: Promise<void>;
  /** Stops every worker (SIGTERM, then SIGKILL after the grace period) and forks no more. */
  stop(): Promise<void>;
};

/**
 * Forks `count` workers. `releasePort` runs once, when all of them are ready to listen; a replacement listens as
 * soon as it is ready. `log` gets one line per worker that died.
 */
export function startWorkers(count: number, releasePort: () => Promise<void>, log = console.error): Workers {
  let stopping = false;
  let released: Promise<void> | null = null;
  let youngDeaths = 0;
  const startedAt = new Map<Worker, number>();
  const prepared = new Set<Worker>();
  const told = new WeakSet<Worker>();
  const listeners = new Set<Worker>();
  let allListening!: () => void;
  const listening = new Promise<void>((resolve) => {
    allListening = resolve;
  });

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.on("message", (message: unknown) => {
      if (message !== PREPARED) return;
      prepared.add(worker);
      if (!released && prepared.size < count) return;
      released ??= releasePort();
      released.then(() => {
        for (const w of prepared) {
          if (told.has(w) || !w.isConnected()) continue;
          told.add(w);
          w.send(LISTEN);
        }
      });
    });
    worker.once("listening", () => {
      listeners.add(worker);
      if (listeners.size >= count) allListening();
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    prepared.delete(worker);
    listeners.delete(worker);
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    youngDeaths = lived >= HEALTHY_AFTER_MS ? 0 : youngDeaths + 1;
    const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, youngDeaths - 1));
    const how = signal ? `sinyal ${signal}` : `kode ${code}`;
    log(
      `Proses server ${worker.process.pid} berhenti tiba-tiba (${how}) setelah ${Math.round(lived / 1000)} detik: diganti dalam ${pause / 1000} detik.`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, pause).unref();
  });

  for (let i = 0; i < count; i++) fork();

  return {
    listening,
    async stop() {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        running.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const kill = setTimeout(() => worker.process.kill("SIGKILL"), STOP_GRACE_MS);
              worker.once("exit", () => {
                clearTimeout(kill);
                resolve();
              });
              worker.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}

/**
 * In a worker: tells the primary that the app is loaded and the database open, and resolves when the primary
 * says to listen (the port is free of the primary's own answer by then).
 */
export function preparedToListen(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (message !== LISTEN) return;
      process.off("message", onMessage);
      resolve();
    };
    process.on("message", onMessage);
    // A primary already gone is noticed by the worker's "disconnect" handler, not thrown here.
    process.send?.(PREPARED, undefined, {}, () => {});
  });
}
