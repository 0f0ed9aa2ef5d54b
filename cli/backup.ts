// `npm run mutu -- db backup` and `db restore`: the whole database as one plain SQL file, and back into an empty
// database. The file format and the rules are in db/backup.ts and docs/decisions/012-backups.md.
import { once } from "node:events";
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { UserFacingError } from "../app/.server/errors";
import { type RestorePlan, restoreBackup, writeBackup } from "../db/backup";
import { type DatabaseHandle, dataDir } from "../db/client";
import { UsageError } from "./usage-error";
import { checkOutputFolder, writeThroughPartial } from "./write-file";

export type BackupRequest = { out: string };
export type RestoreRequest = { file: string };

/** mutu-cadangan-20261129-030000Z.sql: sorts by time, and says the time is UTC. */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll("-", "").replaceAll(":", "").replace("T", "-");
  return `mutu-cadangan-${stamp}Z.sql`;
}

/** Reads the arguments after `db backup`; a missing output folder is refused (exit 1). */
export function parseBackupArgs(args: string[], now = new Date()): BackupRequest {
  const { values } = parseArgs({ args, options: { out: { type: "string" } }, strict: true });
  if (values.out === "") throw new UsageError("--out memerlukan nama berkas.");
  const out = values.out ?? backupFileName(now);
  checkOutputFolder(out);
  return { out };
}

/** Reads the arguments after `db restore`: exactly one existing file. */
export function parseRestoreArgs(args: string[]): RestoreRequest {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("Sebutkan satu berkas cadangan.");
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`Berkas tidak ditemukan: ${file}`);
  return { file };
}

/**
 * A backup reads an existing database and never creates one: without DATABASE_URL the embedded database must
 * already be there (opening a missing directory would make a new, empty one).
 */
export function checkBackupSource(): void {
  if (process.env.DATABASE_URL) return;
  const dir = path.join(dataDir(), "pglite");
  if (!existsSync(dir)) {
    throw new UserFacingError(
      `Tidak ada basis data tertanam di ${dir}. Atur MUTU_DATA_DIR ke folder data Mutu, atau DATABASE_URL untuk PostgreSQL.`,
    );
  }
}

/** Writes the backup through a temporary file, readable by its owner only, synced to disk before it gets its name. */
export async function runBackup(handle: DatabaseHandle, request: BackupRequest, now = new Date()): Promise<string> {
  const summary = await writeThroughPartial(request.out, async (output) => {
    // why: the file holds NIPs, birth dates and password hashes; only its owner may read it.
    chmodSync(output.path, 0o600);
    const written = await writeBackup(handle, output, { now });
    output.end();
    await once(output, "close");
    // why: a backup that the next power cut loses is not a backup; rename alone does not make it durable.
    const fd = openSync(output.path, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return written;
  });
  return `Cadangan ditulis ke ${request.out}: ${summary.tables.length} tabel, ${summary.rows} baris, ${formatSize(summary.bytes)} (${summary.migrations} migrasi, ${handle.kind} ${handle.location}).`;
}

export async function runRestore(handle: DatabaseHandle, plan: RestorePlan): Promise<string> {
  const restored = await restoreBackup(handle, plan);
  const { header } = restored;
  const width = Math.max(...restored.tables.map((t) => t.table.length));
  const lines = [
    `Dipulihkan ke ${handle.kind} ${handle.location} dari ${plan.file}`,
    `(cadangan ${header.createdAt}, Mutu ${header.mutuVersion}, ${header.migrations.length} migrasi, sumber ${header.source}):`,
    ...[...restored.tables]
      .sort((a, b) => a.table.localeCompare(b.table))
      .map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(7)}`),
    `Jumlah: ${restored.tables.length} tabel, ${restored.rows} baris.`,
  ];
  if (restored.newerMigrations.length > 0) {
    lines.push(`Migrasi yang lebih baru dari cadangan diterapkan: ${restored.newerMigrations.join(", ")}.`);
  }
  return lines.join("\n");
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
}
