// Web hardening against the production build: the security headers and Cache-Control of pages, data,
// files and assets; pages that work under the Content-Security-Policy without a single violation; and the
// limit on writes answered with 429 and Retry-After.
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, launchBrowser, signIn, testServer } from "../support/browser";

const { baseUrl } = testServer();

/** Signs in with a plain HTTP request and returns the session cookie. */
async function sessionCookie(username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}

describe("response headers", () => {
  test("a page: CSP with a fresh nonce that its inline scripts carry, the other headers, and no-store", async () => {
    const [first, second] = await Promise.all([fetch(`${baseUrl}/masuk`), fetch(`${baseUrl}/masuk`)]);
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    expect(policy).toMatch(
      /^default-src 'self'; script-src 'self' 'nonce-[^']+'; style-src 'self'; img-src 'self' data:;/,
    );
    expect(policy).toContain("object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe");
    const html = await first.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\sstyle="/); // no style attribute for the policy to refuse
    expect(Object.fromEntries(first.headers)).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "cross-origin-opener-policy": "same-origin",
      "cache-control": "no-store",
    });
    expect(first.headers.get("permissions-policy")).toContain("camera=()");
  });

  test("data, downloads and error pages are no-store; hashed assets are cached for a year", async () => {
    const cookie = await sessionCookie("kasi");
    const html = await (await fetch(`${baseUrl}/masuk`)).text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const cached = await fetch(`${baseUrl}${asset}`);
    expect(cached.status).toBe(200);
    expect(cached.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(cached.headers.get("x-content-type-options")).toBe("nosniff");
    for (const path of ["/kpi.data", "/staf.data", "/unduh/kelayakan.csv", "/tidak-ada", "/healthz"]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      await response.arrayBuffer();
    }
  });
});

describe("pages under the Content-Security-Policy", () => {
  let browser: Browser;
  const violations: string[] = [];
  const watch = (page: Page) =>
    page.on("console", (message: ConsoleMessage) => {
      // A refused script or style, or a header the browser cannot read.
      if (/Content.Security.Policy|Permissions-Policy/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the check notices a violation: an injected inline script is refused and reported", async () => {
    const page = await browser.newPage();
    watch(page);
    await page.goto(`${baseUrl}/masuk`);
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      return (window as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    violations.length = 0;
    await page.close();
  });

  test("KPI charts, the heatmap and the staffing plan work without one violation", async () => {
    const kasi = await browser.newPage();
    watch(kasi);
    await signIn(kasi, baseUrl, "kasi");
    await kasi.goto(`${baseUrl}/kpi`);
    await kasi.locator("figure.chart svg").first().waitFor(); // drawn by scripts: they ran
    expect(await kasi.locator("figure.chart svg").count()).toBeGreaterThan(0);

    const koordinator = await browser.newPage();
    watch(koordinator);
    await signIn(koordinator, baseUrl, "koordinator");
    await koordinator.goto(`${baseUrl}/tenaga-kerja`);
    const cell = koordinator.locator("table.heatmap tbody td[class*='shade-']").first();
    await cell.waitFor();
    // The colour comes from the stylesheet's classes, so the policy need not allow inline styles.
    const background = await cell.evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    await koordinator.getByRole("link", { name: "Rencana kebutuhan staf per minggu" }).click();
    await koordinator.getByRole("heading", { level: 1, name: "Rencana kebutuhan staf" }).waitFor();
    // Client-side navigation worked (Remix fetched .data under connect-src 'self').
    expect(new URL(koordinator.url()).pathname).toBe("/tenaga-kerja/rencana");
    expect(violations).toEqual([]);
  });
});

describe("limits on writes", () => {
  test("past 60 writes a minute an account gets a 429 page with Retry-After, a form post and a data request alike", async () => {
    // An account no other browser test signs in with, so its budget is this test's alone.
    const cookie = await sessionCookie("yusuf.sinaga");
    const post = (path: string) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { cookie },
        body: new URLSearchParams({ q: "a" }),
        redirect: "manual",
      });
    // Bounded loops: the budget refills at one write a second, so exactly when it runs dry depends on speed.
    const untilRefused = async (path: string, most: number) => {
      let passed = 0;
      for (let i = 0; i < most; i++) {
        const response = await post(path);
        if (response.status === 429) return { passed, response };
        await response.arrayBuffer();
        passed++;
      }
      throw new Error(`${most} writes to ${path} and none refused`);
    };
    const page = await untilRefused("/staf", 200);
    expect(page.passed).toBeGreaterThanOrEqual(60);
    expect(Number(page.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(page.response.headers.get("cache-control")).toBe("no-store");
    const body = await page.response.text();
    expect(body).toContain("Tunggu sebentar");
    expect(body).toContain("Terlalu banyak perubahan dikirim dari akun Anda");
    const data = await untilRefused("/staf.data", 10);
    expect(data.response.headers.get("retry-after")).toBeTruthy();
    expect(await data.response.text()).toContain("Terlalu banyak perubahan");
    // Reading goes on.
    expect((await fetch(`${baseUrl}/`, { headers: { cookie } })).status).toBe(200);
  });
});
