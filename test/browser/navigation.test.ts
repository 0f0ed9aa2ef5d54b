// Signing in and out and the role-filtered navigation, in a real Chromium against the production build.
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { DEMO_PASSWORD, launchBrowser, shoot, signIn, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a context of its own, so no test sees another test's session cookie. */
async function freshPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  onTestFinished(() => context.close());
  return context.newPage();
}

async function navigationLinks(page: Page): Promise<string[]> {
  const texts = await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link").allTextContents();
  return texts.map((text) => text.trim());
}

const pathname = (page: Page) => new URL(page.url()).pathname;

describe("navigation per role", () => {
  test.each([
    { role: "admin", links: ["Beranda", "Staf", "Pengguna", "Pengaturan", "Log audit"] },
    { role: "petugas", links: ["Beranda", "Evaluasi", "Pembinaan", "Jadwal dinas"] },
  ])("$role sees exactly its own links", async ({ role, links }) => {
    const page = await freshPage();
    await signIn(page, baseUrl, role);
    expect(await navigationLinks(page)).toEqual(links);
    await shoot(page, { path: `${screenshots}${role}-home.png`, fullPage: true });
  });

  test("petugas opening the user administration gets 403 Akses ditolak", async () => {
    const page = await freshPage();
    await signIn(page, baseUrl, "petugas");
    const response = await page.goto(`${baseUrl}/admin/pengguna`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Akses ditolak" }).waitFor();
  });
});

describe("signing in and out", () => {
  test("a wrong password shows the error and stays on /masuk", async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/masuk`);
    await page.locator("#username").fill("admin");
    await page.locator("#password").fill("bukan-kata-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Nama pengguna atau kata sandi salah").waitFor();
    expect(pathname(page)).toBe("/masuk");
  });

  test("Keluar signs out, and the home page then sends to /masuk", async () => {
    const page = await freshPage();
    await signIn(page, baseUrl, "supervisor");
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/masuk");
    await page.goto(`${baseUrl}/`);
    expect(pathname(page)).toBe("/masuk");
  });

  test("works with the keyboard alone", async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/masuk`);
    await page.locator("#username").focus();
    await page.keyboard.type("hr");
    await page.keyboard.press("Tab");
    // The tab order itself is under test: the password must be the very next stop.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /^Selamat datang, / }).waitFor();
    expect(pathname(page)).toBe("/");
  });

  test("works with JavaScript disabled", async () => {
    const page = await freshPage({ javaScriptEnabled: false });
    await signIn(page, baseUrl, "kasi");
    expect(await navigationLinks(page)).toContain("Beranda");
  });
});
