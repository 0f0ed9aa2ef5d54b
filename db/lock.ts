// PGlite is a single-process database: two processes writing one directory corrupt it. A lock file beside
// the directory says who holds it, and a process that dies without removing it (kill -9, a crashed container)
// must not block every later start. A PID alone cannot tell: after a crash in a container the new process
// often gets the very same PID, and a new container gets a new hostname. So the lock records the holder's
// identity as the kernel knows it, and is judged by what can be checked from here:
// - the same kernel boot and PID namespace (/proc/sys/kernel/random/boot_id, /proc/self/ns/pid): the holder is
//   alive only if /proc/<pid>/stat shows a process with that PID *and the same start time* (a reused PID has
//   another start time);
// - anywhere else (another container or machine sharing the folder, or this machine before a reboot): the
//   holder refreshes the lock file's time every HEARTBEAT_MS, and a lock not refreshed for STALE_AFTER_MS is
//   left over from a process that is gone.
// The lock is made atomically with its content (written aside, then linked into place), and taken over by
// renaming it away first, so that two processes starting at once cannot both win.
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

export const HEARTBEAT_MS = 15_000;
export const STALE_AFTER_MS = 90_000;

export type LockRecord = {
  pid: number;
  host: string;
  /** Kernel boot id; null where /proc is missing (macOS). */
  bootId: string | null;
  /** The PID namespace, as `pid:[4026531836]`; null where /proc is missing. */
  pidNamespace: string | null;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat, field 22). */
  startTicks: string | null;
  since: string;
};

function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const bootId = () => readOr(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(), null);
const pidNamespace = () => readOr(() => readlinkSync("/proc/self/ns/pid"), null);

/** The start time of process `pid` in clock ticks since boot, or null when no such process is visible. */
export function startTicks(pid: number): string | null {
  const stat = readOr(() => readFileSync(`/proc/${pid}/stat`, "utf8"), null);
  if (!stat) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null; // field 22 of the whole line
}

/** This process as a lock records it. */
export function ownRecord(): LockRecord {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    pidNamespace: pidNamespace(),
    startTicks: startTicks(process.pid),
    since: new Date().toISOString(),
  };
}

function readLock(lockPath: string): { text: string; record: Partial<LockRecord> | null; ageMs: number } | null {
  let text: string;
  let ageMs: number;
  try {
    text = readFileSync(lockPath, "utf8");
    ageMs = Date.now() - statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = readOr(() => JSON.parse(text) as Partial<LockRecord>, null);
  return { text, record: typeof parsed?.pid === "number" ? parsed : null, ageMs };
}

type Verdict = { alive: false } | { alive: true; visible: boolean };

/** Whether the process that wrote `holder` still runs, judged as the file header says. */
function judge(holder: Partial<LockRecord> | null, ageMs: number, me: LockRecord): Verdict {
  if (!holder || typeof holder.pid !== "number") return { alive: false }; // garbage: written atomically, so not ours
  const visible =
    holder.bootId != null &&
    holder.bootId === me.bootId &&
    holder.pidNamespace != null &&
    holder.pidNamespace === me.pidNamespace;
  if (visible) {
    const ticks = startTicks(holder.pid);
    return ticks !== null && ticks === holder.startTicks ? { alive: true, visible } : { alive: false };
  }
  if (me.bootId === null && holder.bootId == null && holder.host === me.host) {
    // No /proc here (macOS, a developer's machine): the PID is all there is, and it is not ours.
    if (holder.pid === process.pid) return { alive: false };
    try {
      process.kill(holder.pid, 0);
      return { alive: true, visible: true };
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM" ? { alive: true, visible: true } : { alive: false };
    }
  }
  return ageMs < STALE_AFTER_MS ? { alive: true, visible: false } : { alive: false };
}

function refusal(dir: string, lockPath: string, holder: Partial<LockRecord>, ageMs: number, visible: boolean) {
  const advice =
    "PGlite hanya aman untuk satu proses: hentikan proses itu dahulu (misalnya server `npm start`), atau jalankan dengan PostgreSQL melalui DATABASE_URL.";
  if (visible) {
    return new DatabaseLockedError(
      `Basis data tertanam di ${dir} sedang dipakai oleh proses lain (PID ${holder.pid}). Kunci: ${lockPath}. ${advice}`,
    );
  }
  const wait = Math.max(1, Math.ceil((STALE_AFTER_MS - ageMs) / 1000));
  return new DatabaseLockedError(
    `Basis data tertanam di ${dir} sedang dipakai oleh proses lain di ${holder.host || "mesin lain"} (PID ${holder.pid}, di kontainer atau mesin lain; kunci ${lockPath} diperbarui ${Math.round(ageMs / 1000)} detik lalu). Bila proses itu sudah berhenti, coba lagi dalam ${wait} detik; bila masih berjalan, hentikan dahulu. ${advice}`,
  );
}

/** Takes the lock of `dir` (the file `${dir}.lock`), or throws DatabaseLockedError. Returns its release. */
export function lockDirectory(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  const me = ownRecord();
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(aside, text, { mode: 0o600 });
    try {
      linkSync(aside, lockPath); // fails if a lock exists: only one process can win
      return holdLock(lockPath, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(aside, { force: true });
    }
    const found = readLock(lockPath);
    if (!found) continue; // released meanwhile
    const verdict = judge(found.record, found.ageMs, me);
    if (verdict.alive) throw refusal(dir, lockPath, found.record ?? {}, found.ageMs, verdict.visible);
    takeOverStale(lockPath, found.text);
  }
  throw new DatabaseLockedError(`Tidak dapat mengunci basis data tertanam di ${dir} (kunci ${lockPath}). Coba lagi.`);
}

/** Removes a stale lock, unless another process replaced it since it was judged (then it is put back). */
function takeOverStale(lockPath: string, judged: string) {
  const away = `${lockPath}.stale-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockPath, away);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // someone else took it away first
    throw error;
  }
  if (readOr(() => readFileSync(away, "utf8"), judged) !== judged) {
    readOr(() => linkSync(away, lockPath), undefined); // a live lock after all: back where it was
  }
  rmSync(away, { force: true });
}

/** Keeps the lock's time fresh while held; the release removes it only if it is still this process's. */
function holdLock(lockPath: string, text: string): () => void {
  const heartbeat = setInterval(() => {
    const now = new Date();
    readOr(() => utimesSync(lockPath, now, now), undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    clearInterval(heartbeat);
    if (readOr(() => readFileSync(lockPath, "utf8"), null) === text) rmSync(lockPath, { force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}
