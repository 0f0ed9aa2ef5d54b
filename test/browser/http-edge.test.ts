// The HTTP server's answers to bad requests, against the production build: bodies over their route's limit
// are refused at once (413) without being read, also when sent in chunks; writes from another site's page are
// refused (403), /keluar included; refused downloads answer their status with their message. Each checks that
// nothing happened on the server: memory stays flat, sign-ins are not counted, the session lives on.

import { readFileSync } from "node:fs";
import http from "node:http";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD, launchBrowser, testServer } from "../support/browser";

const { baseUrl, pid: serverPid } = testServer();
const { hostname, port } = new URL(baseUrl);

const MB = 1024 * 1024;

/** The server's resident memory, in MB. */
function serverRssMb(): number {
  const status = readFileSync(`/proc/${serverPid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

type Sent = { status: number; body: string; bytesSent: number; headers: http.IncomingHttpHeaders };

/**
 * Posts a body of `total` bytes (a form that starts with `start`), declared with Content-Length or sent in
 * chunks, writing only as fast as the server reads, and stops sending once the answer has come.
 */
function postLarge(
  path: string,
  total: number,
  options: { chunked?: boolean; headers?: Record<string, string>; start?: string } = {},
) {
  return new Promise<Sent>((resolve, reject) => {
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      ...(options.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(total) }),
      ...options.headers,
    };
    const request = http.request({ hostname, port, path, method: "POST", headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const bytesSent = sent;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => {
        body += part;
      });
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, bytesSent, headers: response.headers });
        request.destroy();
      });
    });
    request.on("error", (error) => answered || reject(error));
    const start = Buffer.from(options.start ?? "username=admin&password=salah-sekali-123&x=");
    request.write(start);
    sent = start.length;
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

async function signInCookie(username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  expect(response.status, `sign-in as ${username}`).toBe(302);
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}

describe("request bodies over their limit", () => {
  test("a 100 MB form to /masuk before sign-in, declared, or 600 MB in chunks, or four at once: 413 at once, memory flat, no sign-in counted", async () => {
    const before = serverRssMb();
    const declared = await postLarge("/masuk", 100 * MB);
    expect(declared.status).toBe(413);
    expect(declared.headers["content-type"]).toMatch(/^text\/html/);
    expect(declared.body).toContain("Kiriman terlalu besar");
    expect(declared.body).toContain("lebih besar dari 256 KB, batas sebuah formulir di Mutu. Tidak ada yang disimpan.");
    // Answered before the client got far: what was sent is what sits in the sockets' buffers.
    expect(declared.bytesSent).toBeLessThan(16 * MB);

    const chunked = await postLarge("/masuk", 600 * MB, { chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.bytesSent).toBeLessThan(16 * MB);

    const together = await Promise.all([1, 2, 3, 4].map(() => postLarge("/masuk", 100 * MB, { chunked: true })));
    expect(together.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    expect(serverRssMb() - before).toBeLessThan(40);

    // Six refused attempts with a wrong password for admin: had any been read, admin would now be locked here.
    for (let i = 0; i < 3; i++) expect((await postLarge("/masuk", 10 * MB)).status).toBe(413);
    await signInCookie("admin");
  });

  test("a form just under the limit is read as usual", async () => {
    const form = new URLSearchParams({
      username: "admin",
      password: DEMO_PASSWORD,
      redirectTo: "/",
      x: "a".repeat(200_000),
    });
    const response = await fetch(`${baseUrl}/masuk`, { method: "POST", body: form, redirect: "manual" });
    expect(response.status).toBe(302);
  });

  test("an upload to /impor is limited by the import setting (20 MB), and before sign-in it is not read at all", async () => {
    const cookie = await signInCookie("hr");
    const multipart = { "content-type": "multipart/form-data; boundary=x", cookie };
    const tooBig = await postLarge("/impor", 25 * MB, { headers: multipart, start: "--x\r\n" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain("lebih besar dari 20 MB, batas impor di Mutu");
    // 100 MB in chunks (declared, it would be refused as too large before sign-in is asked). Answered before
    // the body is read: what was sent is what the sockets' buffers held and what the client wrote before it saw
    // the answer, a small part of the whole. (15 MB with a 12 MB bound was all sent once on a busy machine.)
    const anonymous = await postLarge("/impor", 100 * MB, {
      headers: { "content-type": "multipart/form-data; boundary=x" },
      start: "--x\r\n",
      chunked: true,
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/masuk/);
    expect(anonymous.bytesSent).toBeLessThan(25 * MB);
  });

  test("a form sent by the page's JavaScript gets the message on the page, not a broken one", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/masuk`);
      await page.waitForFunction(() => (window as { __remixContext?: unknown }).__remixContext !== undefined);
      await page.locator("#username").fill("a".repeat(300_000));
      await page.locator("#password").fill("salah-sekali-123");
      const answer = page.waitForResponse((r) => r.url().includes("/masuk.data"));
      await page.getByRole("button", { name: "Masuk" }).click();
      expect((await answer).status()).toBe(413);
      await page.getByRole("heading", { name: "Kiriman terlalu besar" }).waitFor();
      await expect(page.getByText(/lebih besar dari 256 KB/).count()).resolves.toBe(1);
    } finally {
      await browser.close();
    }
  });
});

describe("writes from another site's page", () => {
  const foreign = { origin: "https://penipu.example" };

  test("a sign-in posted from another origin is refused with 403 and a message, and is not counted", async () => {
    for (const headers of [foreign, { origin: "null" }, { "sec-fetch-site": "cross-site" }]) {
      const response = await fetch(`${baseUrl}/masuk`, {
        method: "POST",
        headers,
        body: new URLSearchParams({ username: "kasi", password: "salah-sekali-123" }),
        redirect: "manual",
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain("dikirim dari halaman situs lain, jadi ditolak");
    }
    const data = await fetch(`${baseUrl}/masuk.data`, {
      method: "POST",
      headers: foreign,
      body: new URLSearchParams({ username: "kasi", password: "salah-sekali-123" }),
    });
    expect(data.status).toBe(403);
    expect(await data.text()).toContain('"ErrorResponse"');
    // The same form from Mutu's own page goes through.
    const own = await fetch(`${baseUrl}/masuk`, {
      method: "POST",
      headers: { origin: baseUrl, "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ username: "kasi", password: DEMO_PASSWORD, redirectTo: "/" }),
      redirect: "manual",
    });
    expect(own.status).toBe(302);
  });

  test("/keluar from another origin is refused, and the session lives on", async () => {
    const cookie = await signInCookie("koordinator");
    const refused = await fetch(`${baseUrl}/keluar`, {
      method: "POST",
      headers: { ...foreign, cookie },
      redirect: "manual",
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("dikirim dari halaman situs lain");
    const home = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: "manual" });
    expect(home.status).toBe(200);
    const own = await fetch(`${baseUrl}/keluar`, {
      method: "POST",
      headers: { origin: baseUrl, cookie },
      redirect: "manual",
    });
    expect(own.status).toBe(302);
    expect((await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: "manual" })).status).toBe(302);
  });
});

describe("refused downloads", () => {
  test("answer their status with their message, not a server error", async () => {
    const agent = await signInCookie("petugas");
    const kpi = await fetch(`${baseUrl}/kpi/unduh`, { headers: { cookie: agent } });
    expect(kpi.status).toBe(403);
    expect(await kpi.json()).toEqual({ message: expect.stringMatching(/^Peran Anda tidak mencakup/) });
    const pdf = await fetch(`${baseUrl}/sertifikat/999999/pdf`, { headers: { cookie: agent } });
    expect(pdf.status).toBe(404);
    expect(await pdf.json()).toEqual({ message: "Sertifikat ini tidak ditemukan, atau tidak termasuk wewenang Anda." });
    const staffing = await fetch(`${baseUrl}/tenaga-kerja/unduh`, { headers: { cookie: agent } });
    expect(staffing.status).toBe(403);
    expect(JSON.stringify(await staffing.json())).not.toContain("Unexpected Server Error");
  });
});
