// Checks made when the server starts, in the order that writes nothing before it must: the configuration
// (environment variables), the port, then the database. Each failure is one line that says what to fix,
// printed instead of a stack trace (server.ts); nothing is created before the check that could stop it.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, dataDir } from "../../db/client";
import { type MailConfig, readMailConfig } from "./mail/config";
import { sessionSecretProblem } from "./session";

/** A start refused for a reason the operator can fix; its message is the one line to print. */
export class StartupError extends Error {
  override name = "StartupError";
}

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Null when mail is off (SMTP_URL unset). */
  mail: MailConfig | null;
  /** How many server processes to run (WEB_CONCURRENCY, 1 unless set): several only on PostgreSQL (decision 030). */
  processes: number;
};

export const MAX_PROCESSES = 64;

/** Reads and checks the configuration without writing anything. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const rawPort = env.PORT ?? "3000";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT harus bilangan bulat 1–65535 (sekarang "${rawPort}").`);
  }
  const rawProcesses = env.WEB_CONCURRENCY?.trim() || "1";
  const processes = Number(rawProcesses);
  if (!/^\d+$/.test(rawProcesses) || processes < 1 || processes > MAX_PROCESSES) {
    throw new StartupError(
      `WEB_CONCURRENCY harus bilangan bulat 1–${MAX_PROCESSES}, jumlah proses server (sekarang "${env.WEB_CONCURRENCY}"): misalnya WEB_CONCURRENCY=2, atau hapus untuk satu proses.`,
    );
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) {
    let protocol = "";
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {}
    if (protocol !== "postgres:" && protocol !== "postgresql:") {
      throw new StartupError(
        "DATABASE_URL bukan alamat PostgreSQL: tulis seperti postgres://pengguna:sandi@host:5432/nama_basis_data.",
      );
    }
  }
  // The data folder holds the embedded database, and the generated session secret when none is set.
  if (!databaseUrl || !env.SESSION_SECRET) checkDataDir(dataDir());
  const secret = sessionSecretProblem();
  if (secret) throw new StartupError(secret);
  const mail = readMailConfig(env);
  if (mail && "problem" in mail) throw new StartupError(mail.problem);
  return { port, host: env.HOST ?? "0.0.0.0", databaseUrl, mail, processes };
}

/** MUTU_DATA_DIR must be a folder this user can write, or a path where one can be made. */
function checkDataDir(dir: string) {
  const fix = "arahkan MUTU_DATA_DIR ke folder yang dapat ditulisi pengguna yang menjalankan Mutu";
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw new StartupError(
      existing === dir
        ? `MUTU_DATA_DIR (${dir}) adalah berkas, bukan folder: ${fix} (dibuat bila belum ada).`
        : `MUTU_DATA_DIR (${dir}) tidak dapat dibuat karena ${existing} adalah berkas: ${fix}.`,
    );
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new StartupError(`MUTU_DATA_DIR (${dir}): folder ${existing} tidak dapat ditulisi: ${fix}.`);
  }
}

/** The one line for a port the server cannot listen on. */
export function listenError(error: unknown, config: ServerConfig): Error {
  const code = (error as { code?: string }).code;
  const where = `${config.host}:${config.port}`;
  if (code === "EADDRINUSE") {
    return new StartupError(
      `Port ${config.port} sudah dipakai program lain (${where}): hentikan program itu, atau jalankan Mutu di port lain dengan PORT=….`,
    );
  }
  if (code === "EACCES") {
    return new StartupError(
      `Port ${config.port} hanya boleh dibuka administrator sistem: pakai port di atas 1023 (PORT=3000) di belakang reverse proxy.`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new StartupError(`HOST=${config.host} bukan alamat mesin ini: pakai 0.0.0.0 (semua alamat) atau 127.0.0.1.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Opens the database and makes one round trip, so that a database out of reach stops the start here. */
export async function connectDatabase(open: () => Promise<DatabaseHandle>, url: string | undefined) {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await open();
    await handle.db.execute(sql`select 1`);
    return handle;
  } catch (error) {
    await handle?.close().catch(() => {});
    throw databaseError(error, url);
  }
}

/** The one line for a database Mutu cannot reach, from the driver's error code; other errors pass unchanged. */
export function databaseError(error: unknown, url: string | undefined): Error {
  if (!url) return error instanceof Error ? error : new Error(String(error));
  let target = "PostgreSQL";
  let database = "";
  try {
    const u = new URL(url);
    const socket = u.searchParams.get("host");
    target = socket?.startsWith("/") ? `PostgreSQL (soket ${socket})` : `PostgreSQL di ${u.hostname}:${u.port || 5432}`;
    database = decodeURIComponent(u.pathname.slice(1));
  } catch {}
  const codes = new Set<string>();
  for (let e: unknown = error; e && codes.size < 5; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown; errno?: unknown }).code;
    if (typeof code === "string") codes.add(code);
    for (const inner of (e as { errors?: unknown[] }).errors ?? []) {
      const c = (inner as { code?: unknown }).code;
      if (typeof c === "string") codes.add(c);
    }
  }
  const fix = "periksa DATABASE_URL";
  if (codes.has("ECONNREFUSED")) {
    return new StartupError(
      `${target} menolak sambungan (tidak ada yang mendengarkan di sana): ${fix}, dan apakah PostgreSQL berjalan.`,
    );
  }
  if (codes.has("ENOTFOUND") || codes.has("EAI_AGAIN")) {
    return new StartupError(`Nama host di DATABASE_URL tidak dikenal (${target}): ${fix}.`);
  }
  if (codes.has("CONNECT_TIMEOUT") || codes.has("ETIMEDOUT") || codes.has("EHOSTUNREACH") || codes.has("ENETUNREACH")) {
    return new StartupError(`${target} tidak dapat dicapai (tidak menjawab): ${fix}, jaringan dan firewall.`);
  }
  if (codes.has("ENOENT")) return new StartupError(`${target} tidak ada (soket tidak ditemukan): ${fix}.`);
  if (codes.has("28P01") || codes.has("28000")) {
    return new StartupError(`${target} menolak pengguna atau kata sandi di DATABASE_URL: ${fix}.`);
  }
  if (codes.has("3D000")) {
    return new StartupError(`Basis data "${database}" belum ada di ${target}: buat dahulu (createdb ${database}).`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
