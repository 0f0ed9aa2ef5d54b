// The server started with a bad configuration stops at once with exit code 1 and one line that says what to
// fix (no stack trace), having written nothing: no data folder, no secret file, no migration. And /healthz
// answers 503 whenever the pages would fail.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import * as healthz from "../../app/routes/healthz";
import { openDatabase, setProcessDatabase } from "../../db/client";
import { builtEntry } from "../support/cli";
import { databaseForThisFile } from "../support/db";
import { adminUrl } from "../support/db-global-setup";
import { callRoute } from "../support/routes";
import { freePort, serverEnv } from "../support/server-process";

const getHandle = databaseForThisFile();
const work = mkdtempSync(path.join(tmpdir(), "mutu-startup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRET = "a-session-secret-long-enough-for-mutu-0123456789";

/** Starts the server (built from server.ts) with `env` (on top of a clean one) and waits for it to exit. */
async function start(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(process.execPath, [builtEntry("server.js")], {
    env: serverEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000); // a server that did start
  const [code] = (await once(child, "close")) as [number | null];
  clearTimeout(timer);
  return { code, lines: output.split("\n").filter((line) => line.trim() !== "") };
}

/** Exit 1 and exactly one line, the reason, with no stack trace. */
function expectOneLine(result: { code: number | null; lines: string[] }, reason: RegExp) {
  expect(result.code, result.lines.join("\n")).toBe(1);
  expect(result.lines).toHaveLength(1);
  expect(result.lines[0]).toMatch(/^Mutu tidak dapat dimulai: /);
  expect(result.lines[0]).toMatch(reason);
  expect(result.lines[0]).not.toMatch(/\bat \S+ \(|node:internal|\.ts:\d+/);
}

describe("starting with a bad configuration", () => {
  it("a SESSION_SECRET under 32 characters stops the start, and no data folder is made", async () => {
    const dataDir = path.join(work, "short-secret");
    const result = await start({ SESSION_SECRET: "pendek", MUTU_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expectOneLine(result, /SESSION_SECRET terlalu pendek \(6 karakter\): pakai paling sedikit 32 karakter/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("an SMTP_URL that is not one, or one without MAIL_FROM, stops the start with what to write", async () => {
    const dataDir = path.join(work, "bad-mail");
    const port = String(await freePort());
    const notSmtp = await start({ SMTP_URL: "mail.example.go.id:587", MUTU_DATA_DIR: dataDir, PORT: port });
    expectOneLine(notSmtp, /SMTP_URL bukan alamat server surel: tulis seperti smtp:\/\/pengguna:sandi@/);
    const noSender = await start({ SMTP_URL: "smtp://mail.example.go.id:587", MUTU_DATA_DIR: dataDir, PORT: port });
    expectOneLine(noSender, /SMTP_URL diisi tetapi MAIL_FROM kosong/);
    const badSender = await start({
      SMTP_URL: "smtp://mail.example.go.id:587",
      MAIL_FROM: "Mutu",
      MUTU_DATA_DIR: dataDir,
      PORT: port,
    });
    expectOneLine(badSender, /MAIL_FROM bukan alamat surel \(sekarang "Mutu"\)/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("a MUTU_DATA_DIR that is a file stops the start, and the file is left as it was", async () => {
    const file = path.join(work, "data-is-a-file");
    writeFileSync(file, "bukan folder");
    const result = await start({ MUTU_DATA_DIR: file, PORT: String(await freePort()) });
    expectOneLine(result, /MUTU_DATA_DIR \(.*data-is-a-file\) adalah berkas, bukan folder/);
    expect(readFileSync(file, "utf8")).toBe("bukan folder");
    expect(readdirSync(work).filter((name) => name.startsWith("data-is-a-file"))).toEqual(["data-is-a-file"]);
  });

  it("a WEB_CONCURRENCY that is not a whole number of processes 1–64 stops the start with what to write", async () => {
    expectOneLine(
      await start({ WEB_CONCURRENCY: "dua", MUTU_DATA_DIR: path.join(work, "x"), PORT: String(await freePort()) }),
      /WEB_CONCURRENCY harus bilangan bulat 1–64, jumlah proses server \(sekarang "dua"\): misalnya WEB_CONCURRENCY=2/,
    );
  });

  it("a PORT that is not a port stops the start", async () => {
    expectOneLine(await start({ PORT: "tiga-ribu", MUTU_DATA_DIR: path.join(work, "x") }), /PORT harus bilangan bulat/);
  });

  it("a DATABASE_URL whose port is closed stops the start, naming the address, and nothing is written", async () => {
    const dataDir = path.join(work, "closed-port");
    const closed = await freePort();
    const result = await start({
      DATABASE_URL: `postgres://mutu@127.0.0.1:${closed}/mutu`,
      SESSION_SECRET: SECRET,
      MUTU_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expectOneLine(
      result,
      new RegExp(`PostgreSQL di 127\\.0\\.0\\.1:${closed} menolak sambungan.*periksa DATABASE_URL`),
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  describe("a PORT that is taken", () => {
    let taken: Server | undefined;
    const takePort = async () => {
      taken = createServer().listen(0, "127.0.0.1");
      await once(taken, "listening");
      return String((taken.address() as { port: number }).port);
    };
    afterAll(() => taken?.close());

    it("stops the start before the embedded database is made", async () => {
      const dataDir = path.join(work, "taken-port");
      const port = await takePort();
      expectOneLine(await start({ MUTU_DATA_DIR: dataDir, PORT: port }), new RegExp(`Port ${port} sudah dipakai`));
      expect(existsSync(dataDir)).toBe(false);
    });

    it.runIf(Boolean(process.env.DATABASE_URL))("stops the start before any migration runs on PostgreSQL", async () => {
      const url = process.env.DATABASE_URL ?? "";
      const name = `mutu_startup_${process.pid}_${Date.now().toString(36)}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      try {
        const port = await takePort();
        const result = await start({ DATABASE_URL: adminUrl(url, name), SESSION_SECRET: SECRET, PORT: port });
        expectOneLine(result, new RegExp(`Port ${port} sudah dipakai`));
        const fresh = postgres(adminUrl(url, name), { max: 1, onnotice: () => {} });
        const tables = await fresh`select count(*)::int as n from information_schema.tables
          where table_schema not in ('pg_catalog', 'information_schema')`;
        await fresh.end();
        expect(tables[0]?.n).toBe(0); // not even drizzle's migrations table
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    });
  });
});

describe("/healthz", () => {
  it("answers 200 when pages work", async () => {
    expect((await callRoute(healthz, "/healthz")).status).toBe(200);
  });

  it("answers 503 when every page would fail: a session secret that is too short", async () => {
    const before = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = "pendek";
    try {
      expect((await callRoute(healthz, "/healthz")).status).toBe(503);
    } finally {
      process.env.SESSION_SECRET = before;
    }
  });

  it("answers 503 when every page would fail: a database without Mutu's tables", async () => {
    const empty = await openDatabase({ pgliteDir: null });
    setProcessDatabase(empty);
    try {
      expect((await callRoute(healthz, "/healthz")).status).toBe(503);
    } finally {
      setProcessDatabase(getHandle());
      await empty.close();
    }
  });
});
