// The database going away while the app runs: pages answer 503 "Layanan belum tersedia", and once it is back
// the same session simply works again. PostgreSQL only (the embedded database lives in the app's own process):
// the app reaches it through a TCP relay that the test cuts and restores.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../app/.server/bootstrap";
import * as kpiPage from "../../app/routes/kpi._index";
import * as signInPage from "../../app/routes/masuk";
import { type DatabaseHandle, openDatabase, setProcessDatabase } from "../../db/client";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { copyTemplateDatabase } from "../support/db";
import { callRoute, sessionCookie } from "../support/routes";

/** A relay from a local port to PostgreSQL that can be cut (every connection dropped, new ones refused). */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server = listening;
      listening.listen(port, "127.0.0.1", () => resolve((listening.address() as net.AddressInfo).port));
    });
  return {
    listen,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
  };
}

const postgresOnly = Boolean(process.env.DATABASE_URL);

describe.runIf(postgresOnly)("the database stopping while the app runs", () => {
  let copy: Awaited<ReturnType<typeof copyTemplateDatabase>>;
  let handle: DatabaseHandle | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("shows 503 Layanan belum tersedia while it is away, and works again when it returns", async () => {
    copy = await copyTemplateDatabase();
    cleanups.push(() => copy.drop());
    const direct = new URL(copy.url);
    const link = relay({ host: direct.hostname, port: Number(direct.port || 5432) });
    const port = await link.listen(0);
    cleanups.push(() => link.cut());
    const viaRelay = Object.assign(new URL(copy.url), { host: `127.0.0.1:${port}` }).toString();
    handle = await openDatabase({ url: viaRelay });
    cleanups.push(async () => handle?.close());
    await loadDemo(handle, { evaluations: false });
    setProcessDatabase(handle);
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    expect((await callRoute(kpiPage, "/kpi", { cookie })).status).toBe(200);

    await link.cut();
    const down = await callRoute(kpiPage, "/kpi", { cookie });
    expect(down.status).toBe(503);
    expect(String(down.data)).toContain("Layanan belum tersedia");
    const signIn = await callRoute(signInPage, "/masuk", {
      method: "POST",
      form: { username: "kasi", password: DEMO_PASSWORD },
    });
    expect(signIn.status).toBe(503);

    // Back on the same port: the next request reconnects by itself, the session still holds.
    await link.listen(port);
    expect((await callRoute(kpiPage, "/kpi", { cookie })).status).toBe(200);
  }, 60_000);
});
