// Erlang C and Erlang A side by side on the staffing plan (issue 16, item 3), on the demo: the setting 'Model
// kebutuhan petugas' decides which one counts the short and over intervals, on the page and in the download; and
// the patience Erlang A uses is estimated from the statistics when they allow it, and says so.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { predictedAbandonment } from "../../analytics/patience";
import { answeringAgents } from "../../analytics/staffing";
import { loadDemo } from "../../app/.server/bootstrap";
import { listIntervalStats } from "../../app/.server/interval-stats";
import { rosteredPerInterval } from "../../app/.server/roster";
import { getSettings, updateSettings } from "../../app/.server/settings";
import * as planPage from "../../app/routes/tenaga-kerja.rencana";
import * as download from "../../app/routes/tenaga-kerja.unduh";
import { intervalStats } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { databaseForThisFile } from "../support/db";
import { BASE_URL, callRoute, sessionCookie } from "../support/routes";

// The demo as of Wednesday 2 Dec 2026 10:00 WIB: week 49, forecast from W43–W48 (19 Oct – 29 Nov 2026).
const NOW = new Date("2026-12-02T03:00:00Z");
const WEEK = "2026-W49";
const BASIS = { from: "2026-10-19", to: "2026-11-29" };

const getHandle = databaseForThisFile(async (handle) => {
  await loadDemo(handle, { now: NOW, evaluations: true });
});
const db = () => getHandle().db;
const actor = { id: null, username: "uji" };

type Totals = { understaffed: number; overstaffed: number; positionHours: number };
type Page = {
  channel: {
    model: string;
    week: Totals & { byModel: Record<"erlang_c" | "erlang_a", Totals> };
    patience: { seconds: number; source: string; intervals: number; settingSeconds: number };
  };
  /** The week's grid, and the chosen day's intervals in detail. */
  weekCells: { status: string }[];
  dayIntervals: { status: string; statusByModel: Record<string, string> }[];
};

const openPlan = async (cookie: string) =>
  (await callRoute(planPage, `/tenaga-kerja/rencana?minggu=${WEEK}&kanal=telepon`, { cookie })).data as Page;

async function downloadBook(cookie: string) {
  const response = (await download.loader({
    request: new Request(`${BASE_URL}/tenaga-kerja/unduh?minggu=${WEEK}`, { headers: { cookie } }),
    params: {},
    context: { remoteAddress: "10.0.0.1" },
  })) as Response;
  expect(response.status).toBe(200);
  const book = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
  const summary = book.getWorksheet("Ringkasan");
  const rows = Array.from(summary?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? r.slice(1) : []));
  const telepon = book.getWorksheet("Telepon");
  const header = ((telepon?.getRow(1).values ?? []) as unknown[]).slice(1);
  const status = header.indexOf("Status") + 1; // a row's values are 1-based, with an empty first slot
  const statuses = Array.from(telepon?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? r[status] : null));
  return { rows, statuses };
}

describe("the model that drives the roster comparison", () => {
  it("is Erlang C by default; set to Erlang A, the page's and the download's short intervals are Erlang A's", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const before = await openPlan(cookie);
    const { erlang_c: c, erlang_a: a } = before.channel.week.byModel;
    expect(before.channel.model).toBe("erlang_c");
    expect(before.channel.week).toMatchObject({ understaffed: c.understaffed, overstaffed: c.overstaffed });
    // Callers who hang up need fewer agents at the demo's busy Monday: the two models disagree on some intervals.
    expect(a.positionHours).toBeLessThan(c.positionHours);
    expect(a.understaffed).toBeLessThan(c.understaffed);
    const plainBook = await downloadBook(cookie);
    expect(plainBook.rows.find((r) => r[0] === "Model penentu kurang/lebih staf")?.[1]).toBe("Erlang C");
    expect(plainBook.statuses.filter((s) => s === "Kurang")).toHaveLength(c.understaffed);

    const settings = await getSettings(db());
    await updateSettings(db(), actor, { ...settings, "workforce.model": "erlang_a" });
    try {
      const after = await openPlan(cookie);
      expect(after.channel.model).toBe("erlang_a");
      expect(after.channel.week).toMatchObject({ understaffed: a.understaffed, overstaffed: a.overstaffed });
      // Both models are still shown, with the same figures: only which one drives changed.
      expect(after.channel.week.byModel).toEqual(before.channel.week.byModel);
      expect(after.dayIntervals.every((i) => i.status === i.statusByModel.erlang_a)).toBe(true);
      expect(after.weekCells.filter((i) => i.status === "kurang")).toHaveLength(a.understaffed);
      const book = await downloadBook(cookie);
      expect(book.rows.find((r) => r[0] === "Model penentu kurang/lebih staf")?.[1]).toBe("Erlang A");
      expect(book.statuses.filter((s) => s === "Kurang")).toHaveLength(a.understaffed);
    } finally {
      await updateSettings(db(), actor, settings);
    }
  });
});

describe("the patience Erlang A uses", () => {
  it("is the setting while the demo's statistics cannot tell, and says so", async () => {
    const page = await openPlan(await sessionCookie("koordinator", DEMO_PASSWORD));
    expect(page.channel.patience).toMatchObject({ seconds: 120, source: "setting", settingSeconds: 120 });
    expect(page.channel.patience.intervals).toBeLessThan(20);
  });

  it("is estimated from the forecast weeks when their hang-ups follow Erlang A with a 4-minute patience: about 240 s", async () => {
    // Rewrite the phone's statistics of W43–W48 as callers with a mean patience of 240 s would produce them: each
    // interval with at least two answering agents (after the 30 % shrinkage) gets 60 contacts, an AHT that makes
    // their traffic equal to the agents (busy, so some wait), and Erlang A's share of them hanging up, rounded.
    const settings = await getSettings(db());
    const [stats, rostered] = await Promise.all([
      listIntervalStats(db(), { ...BASIS, channel: "telepon" }),
      rosteredPerInterval(db(), { ...BASIS, intervalMinutes: 30, channel: "telepon" }),
    ]);
    const onDuty = new Map(rostered.map((r) => [r.startsAt.getTime(), r.agents]));
    let rewritten = 0;
    for (const row of stats) {
      const agents = answeringAgents(onDuty.get(row.startsAt.getTime()) ?? 0, 0.3);
      if (agents < 2) continue;
      const offered = 60;
      const ahtSeconds = (agents * 1800) / offered;
      const o = { offered, abandoned: 0, ahtSeconds, answeringAgents: agents, intervalSeconds: 1800 };
      const abandoned = Math.round(offered * predictedAbandonment(o, 240));
      const answered = offered - abandoned;
      await db()
        .update(intervalStats)
        .set({ offered, abandoned, answered, ahtSeconds, answeredWithinTarget: Math.round(answered * 0.8) })
        .where(
          and(
            eq(intervalStats.day, row.day),
            eq(intervalStats.channel, "telepon"),
            eq(intervalStats.startMinute, row.startMinute),
          ),
        );
      rewritten += 1;
    }
    expect(rewritten).toBeGreaterThan(100);
    expect(settings["workforce.patienceSeconds.telepon"]).toBe(120);

    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const page = await openPlan(cookie);
    expect(page.channel.patience.source).toBe("estimated");
    expect(page.channel.patience.settingSeconds).toBe(120);
    expect(page.channel.patience.intervals).toBeGreaterThanOrEqual(20);
    expect(Math.abs(page.channel.patience.seconds / 240 - 1)).toBeLessThan(0.1);

    const book = await downloadBook(cookie);
    const targets = book.rows.find((r) => r[0] === "Telepon" && r.length === 7);
    expect(targets?.[5]).toBe(page.channel.patience.seconds);
    expect(targets?.[6]).toBe(
      `Diperkirakan dari ${page.channel.patience.intervals} interval statistik (Pengaturan: 2 menit)`,
    );
  });
});
