// The staffing plan's what-if through its page and its download, on the demo: a change shows in the figures and in
// the file, a value out of range is refused at its field with the plan as it is, and nothing reaches the settings.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as planPage from "../../app/routes/tenaga-kerja.rencana";
import * as download from "../../app/routes/tenaga-kerja.unduh";
import { settings } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { BASE_URL, callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;

type Page = {
  week: { id: string };
  channel: {
    targets: { serviceLevel: number; answerSeconds: number };
    week: { positionHours: number; forecastCalls: number };
  };
  settingsTargets: { serviceLevel: number; answerSeconds: number };
  whatIf: { words: string[]; errors: Record<string, string>; query: string };
};

describe("what if, on the staffing plan", () => {
  it("more contacts and a stricter target need more positions, for this view and its download only", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const open = async (query: string) =>
      (await callRoute(planPage, `/tenaga-kerja/rencana?kanal=telepon${query}`, { cookie })).data as Page;
    const storedBefore = await db().select().from(settings);
    const plain = await open("");
    expect(plain.channel.week.forecastCalls).toBeGreaterThan(0);
    expect(plain.whatIf.words).toEqual([]);

    const busier = await open("&volume=50&sl=95&jawab=10");
    expect(busier.whatIf.words).toEqual(["volume +50 %", "tingkat layanan 95 %", "waktu jawab 10 detik"]);
    expect(busier.channel.week.forecastCalls).toBeCloseTo(plain.channel.week.forecastCalls * 1.5, 6);
    expect(busier.channel.week.positionHours).toBeGreaterThan(plain.channel.week.positionHours);
    expect(busier.channel.targets).toMatchObject({ serviceLevel: 0.95, answerSeconds: 10 });
    expect(busier.settingsTargets).toEqual(plain.settingsTargets);

    // A value out of range: said at its field, the plan as it is, nothing simulated.
    const refused = await open("&volume=abc&aht=-20");
    expect(refused.whatIf.errors.volume).toMatch(/bilangan bulat −90 sampai 300/);
    expect(refused.whatIf.words).toEqual([]);
    expect(refused.channel.week.positionHours).toBe(plain.channel.week.positionHours);

    // The download of the simulation says so on its summary; a refused value is refused there too.
    const response = (await download.loader({
      request: new Request(
        `${BASE_URL}/tenaga-kerja/unduh?minggu=${plain.week.id}&kanal=telepon&volume=50&sl=95&jawab=10`,
        { headers: { cookie } },
      ),
      params: {},
      context: { remoteAddress: "10.0.0.1" },
    })) as Response;
    expect(response.status).toBe(200);
    const book = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
    const summary = JSON.stringify(book.getWorksheet("Ringkasan")?.getSheetValues());
    expect(summary).toContain("Simulasi");
    expect(summary).toContain("Telepon: volume +50 %, tingkat layanan 95 %, waktu jawab 10 detik (tidak disimpan)");
    const bad = await callRoute(download, `/tenaga-kerja/unduh?minggu=${plain.week.id}&kanal=telepon&okupansi=0`, {
      cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toContain("Okupansi maksimum");

    // Nothing was written to the settings.
    expect(await db().select().from(settings)).toEqual(storedBefore);
  });
});
