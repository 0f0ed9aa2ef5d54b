// The agent-states import and schedule adherence on the real database: the sample week of the roster sample with
// its late start, early leave, long break and absence imports, and every agent's adherence and conformance match
// the figures worked out by hand; the sample with mistakes is refused row by row; overlaps with stored states too.
import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readAdherence, teamAdherence } from "../../app/.server/adherence";
import { undoBatch } from "../../app/.server/imports/batches";
import { type ImportOptions, runImport } from "../../app/.server/imports/engine";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { agentStates } from "../../db/schema";
import { buildDemoStaff } from "../../fixtures/people";
import { demoDatabaseForThisFile } from "../support/db";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
const actor = { id: null, username: "uji" };
const run = (kind: ImportOptions["kind"], file: string | { text: string }, options: Partial<ImportOptions> = {}) =>
  runImport(db(), {
    kind,
    fileName: typeof file === "string" ? file : "teks.csv",
    source: typeof file === "string" ? { path: `fixtures/samples/${file}` } : file,
    commit: false,
    validOnly: false,
    actor,
    ...options,
  });
const stateCount = async () => (await db().select({ n: count() }).from(agentStates))[0]?.n ?? 0;
// The nine agents of jadwal-contoh.csv, in NIP order: the order fixtures/demo-states.ts places lapses in.
const sampleAgents = buildDemoStaff()
  .filter((s) => s.active && s.position === "petugas_layanan")
  .slice(0, 9)
  .sort((a, b) => a.nip.localeCompare(b.nip));
const PERIOD = { from: "2026-10-26", to: "2026-11-25" };

describe("agent states", () => {
  it("the sample with mistakes: each at its row, a name warning only, nothing written", async () => {
    const r = await run("states", "status-agen-dengan-kesalahan.csv");
    expect(r).toMatchObject({ rows: 13, valid: 3, committed: false, errorCount: 11, warningCount: 1 });
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(at(3)[0]).toMatch(/bertumpang tindih dengan status orang yang sama di baris 2 \(2 Nov 2026 06:55–11:00\)/);
    expect(at(4)[0]).toMatch(/Status "makan siang" tidak dikenal/);
    expect(at(5)[0]).toMatch(/Selesai harus setelah mulai/);
    expect(at(6)[0]).toMatch(/lebih dari 24 jam/);
    expect(at(7)).toEqual([
      expect.stringMatching(/Mulai "31\/11\/2026 07:00": tanggalnya tidak ada di kalender/),
      expect.stringMatching(/Selesai "31\/11\/2026 08:00": tanggalnya/),
    ]);
    expect(at(8)[0]).toMatch(/Mulai "02\/11\/2026 25:00": jamnya bukan jam yang valid/);
    expect(at(9)[0]).toMatch(/Kanal "fax" tidak dikenal/);
    expect(at(10)[0]).toMatch(/tidak ada di data staf/);
    expect(at(11)[0]).toMatch(/masa depan/);
    expect(at(12)[0]).toMatch(/sama dengan baris 2/);
    expect(r.warnings.map((w) => w.row)).toEqual([13]);
    expect(await stateCount()).toBe(0);
  });

  it("the sample week imports after its roster; again changes nothing", async () => {
    expect(await run("roster", "jadwal-contoh.csv", { commit: true })).toMatchObject({ new: 45, errorCount: 0 });
    const first = await run("states", "status-agen-contoh.csv", { commit: true });
    // 45 shifts, two absent: 43 × (siap, istirahat, sibuk).
    expect(first).toMatchObject({ committed: true, rows: 129, new: 129, errorCount: 0, warningCount: 0 });
    const again = await run("states", "status-agen-contoh.csv", { commit: true });
    expect(again).toMatchObject({ batchId: null, unchanged: 129 });
  });

  it("each agent's adherence and conformance match the hand-computed values (5 shifts × 480 = 2,400 rostered minutes)", async () => {
    const rows = await readAdherence(db(), await getSettings(db()), { ...PERIOD, access: SYSTEM_ACCESS });
    const of = (place: number) => {
      const row = rows.find((r) => r.fullName === sampleAgents[place]?.fullName);
      if (!row) throw new Error(`no adherence for agent ${place}`);
      return row.total;
    };
    // A normal shift: logged in 5 minutes before, out 3 after: 488 logged-in minutes, 480 of them rostered.
    // 1st (and 5th, 9th) by NIP: 15 minutes late on the first shift: (2,400 − 15) ÷ 2,400; 2,385 ÷ (2,440 − 20).
    for (const place of [0, 4, 8]) {
      expect(of(place)).toMatchObject({ rosteredMinutes: 2400, adherentMinutes: 2385, lateMinutes: 15, lateShifts: 1 });
      expect(of(place).adherence).toBeCloseTo(0.99375, 10);
      expect(of(place).conformance).toBeCloseTo(2385 / 2420, 10);
    }
    // 2nd, 6th: left the second shift 30 minutes early: (2,400 − 30) ÷ 2,400 = 98.75 %; 2,370 ÷ (2,440 − 33).
    for (const place of [1, 5]) {
      expect(of(place)).toMatchObject({ adherentMinutes: 2370, earlyMinutes: 30, earlyShifts: 1, lateMinutes: 0 });
      expect(of(place).adherence).toBeCloseTo(0.9875, 10);
      expect(of(place).conformance).toBeCloseTo(2370 / 2407, 10);
    }
    // 3rd, 7th: a 100-minute break on the third shift, 40 beyond the 60 allowed: (2,400 − 40) ÷ 2,400 = 98.33 %.
    for (const place of [2, 6]) {
      expect(of(place)).toMatchObject({ breakMinutes: 340, unscheduledBreakMinutes: 40, adherentMinutes: 2360 });
      expect(of(place).adherence).toBeCloseTo(2360 / 2400, 10);
      expect(of(place).conformance).toBeCloseTo(2400 / 2440, 10);
    }
    // 4th, 8th: absent on the fourth shift: 1,920 ÷ 2,400 = 80 %; conformance 1,920 ÷ 1,952.
    for (const place of [3, 7]) {
      expect(of(place)).toMatchObject({ absentShifts: 1, absentMinutes: 480, adherentMinutes: 1920 });
      expect(of(place).adherence).toBe(0.8);
      expect(of(place).conformance).toBeCloseTo(1920 / 1952, 10);
    }
    // The team: 9 × 2,400 rostered, adherent 3 × 2,385 + 2 × 2,370 + 2 × 2,360 + 2 × 1,920 = 20,455.
    const [team] = teamAdherence(rows);
    expect(team).toMatchObject({ agents: 9, rosteredMinutes: 21_600, adherentMinutes: 20_455 });
  });

  it("a period overlapping a stored one of the same person is refused; undo removes the week", async () => {
    const [agent] = sampleAgents;
    // The agent's first stored login of the sample, and a period from ten minutes before it to ten after.
    const line = readFileSync("fixtures/samples/status-agen-contoh.csv", "utf8")
      .split(/\r?\n/)
      .find((l) => l.startsWith(agent?.nip ?? "?"));
    const start = line?.split(";")[4] ?? "";
    const shifted = (minutes: number) => {
      const [d = "", t = ""] = start.split(" ");
      const total = Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)) + minutes;
      return `${d} ${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
    };
    const text = `NIP;Kanal;Status;Mulai;Selesai\n${agent?.nip};telepon;siap;${shifted(-10)};${shifted(10)}\n`;
    const r = await run("states", { text }, { commit: true });
    expect(r.committed).toBe(false);
    expect(r.errors[0]?.message).toMatch(/bertumpang tindih dengan status yang sudah tersimpan untuk orang yang sama/);
    expect((await run("states", "status-agen-contoh.csv")).unchanged).toBe(129);
    const before = await stateCount();
    const imported = await run(
      "states",
      { text: `NIP;Kanal;Status;Mulai;Selesai\n${agent?.nip};email;login;01/11/2026 08:00;10:00\n` },
      { commit: true },
    );
    expect(await stateCount()).toBe(before + 1);
    await undoBatch(db(), actor, imported.batchId ?? 0);
    expect(await stateCount()).toBe(before);
  });
});
