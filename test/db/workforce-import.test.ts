// Interval statistics and the duty roster on the real database: imported through the one engine (preview writes
// nothing, commit, re-import changes nothing, undo restores), shifts crossing midnight stored with the right end,
// overlapping shifts refused from a file and from the roster page, and who is on duty per interval.
import { readFileSync } from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { undoBatch } from "../../app/.server/imports/batches";
import { type ImportOptions, runImport } from "../../app/.server/imports/engine";
import { importableKinds } from "../../app/.server/imports/upload";
import { intervalProfile, listIntervalStats } from "../../app/.server/interval-stats";
import {
  deleteShift,
  listShifts,
  rosteredPerInterval,
  rosterStaff,
  type ShiftInput,
  saveShift,
} from "../../app/.server/roster";
import { type Access, SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings, updateSettings } from "../../app/.server/settings";
import { auditLog, intervalStats, periods, shifts, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { buildDemoStaff } from "../../fixtures/people";
import { demoDatabaseForThisFile } from "../support/db";
import { sessionCookie, uploadThroughPage } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
const sample = (name: string) => `fixtures/samples/${name}`;
const actor = { id: null, username: "uji" };

function run(kind: ImportOptions["kind"], file: string | { text: string }, options: Partial<ImportOptions> = {}) {
  return runImport(db(), {
    kind,
    fileName: typeof file === "string" ? file : "teks.csv",
    source: typeof file === "string" ? { path: sample(file) } : file,
    commit: false,
    validOnly: false,
    actor,
    ...options,
  });
}
const intervalCount = async () => (await db().select({ n: count() }).from(intervalStats))[0]?.n ?? 0;
const shiftCount = async () => (await db().select({ n: count() }).from(shifts))[0]?.n ?? 0;
const agents = buildDemoStaff().filter((s) => s.active && s.position === "petugas_layanan");
const agent = (n: number) => {
  const found = agents[n];
  if (!found) throw new Error(`no demo agent ${n}`);
  return found;
};
const staffIdOfNip = async (nip: string) =>
  (await db().select({ id: staff.id }).from(staff).where(eq(staff.nip, nip)))[0]?.id ?? 0;

describe("interval statistics", () => {
  it("the sample with mistakes: each reported at its spreadsheet row, a warning for AHT without answers; nothing written", async () => {
    const r = await run("intervals", "interval-dengan-kesalahan.csv");
    expect(r).toMatchObject({ rows: 13, valid: 2, committed: false, errorCount: 11, warningCount: 1 });
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(at(3)[0]).toMatch(/Jam 07:10 bukan awal interval 30 menit/);
    expect(at(4)[0]).toMatch(/melebihi panggilan masuk \(10\)/);
    expect(at(5)[0]).toMatch(/Dijawab dalam target \(9\) melebihi panggilan dijawab \(8\)/);
    expect(at(6)[0]).toMatch(/AHT wajib diisi/);
    expect(at(7)[0]).toMatch(/AHT \(detik\) "20000"/);
    expect(at(8)[0]).toMatch(/Panggilan masuk "-1"/);
    expect(at(9)[0]).toMatch(/bilangan bulat/);
    expect(at(10)[0]).toMatch(/masa depan/);
    expect(at(11)[0]).toMatch(/Kanal "fax" tidak dikenal/);
    expect(at(12)[0]).toMatch(/sama dengan baris 2 \(tanggal, kanal dan jam yang sama\)/);
    expect(at(13)[0]).toMatch(/bukan jam yang valid/);
    expect(r.errors.find((e) => e.row === 3)?.column).toBe("Jam");
    expect(r.warnings.map((w) => w.row)).toEqual([14]);
    expect(await intervalCount()).toBe(0);
  });

  it("the clean sample commits 480 intervals; again changes nothing; a changed row is an update; undo restores", async () => {
    const first = await run("intervals", "interval-contoh.csv", { commit: true });
    expect(first).toMatchObject({ committed: true, rows: 480, new: 480, updated: 0, errorCount: 0 });
    expect(await intervalCount()).toBe(480);
    const again = await run("intervals", "interval-contoh.csv", { commit: true });
    expect(again).toMatchObject({ committed: true, batchId: null, new: 0, updated: 0, unchanged: 480 });

    const lines = readFileSync(sample("interval-contoh.csv"), "utf8").split("\r\n");
    const index = lines.findIndex((l) => l.startsWith("2026-11-02,09:00,telepon,"));
    const cells = (lines[index] ?? "").split(",");
    lines[index] = [...cells.slice(0, 6), "999", ...cells.slice(7)].join(",");
    const changed = await run("intervals", { text: lines.join("\r\n") }, { commit: true });
    expect(changed).toMatchObject({ new: 0, updated: 1, unchanged: 479 });
    const aht = async () =>
      (
        await db()
          .select({ aht: intervalStats.ahtSeconds })
          .from(intervalStats)
          .where(
            and(
              eq(intervalStats.day, "2026-11-02"),
              eq(intervalStats.channel, "telepon"),
              eq(intervalStats.startMinute, 540),
            ),
          )
      )[0]?.aht;
    expect(await aht()).toBe(999);
    await undoBatch(db(), actor, changed.batchId ?? 0);
    expect(await aht()).toBe(Number(cells[6]));
    await undoBatch(db(), actor, first.batchId ?? 0);
    expect(await intervalCount()).toBe(0);
    await run("intervals", "interval-contoh.csv", { commit: true }); // kept for the reading tests below
  });

  it("reading: the rows of a day, and the sums per weekday and interval agree with the file", async () => {
    const rows = await listIntervalStats(db(), { from: "2026-11-02", to: "2026-11-02", channel: "telepon" });
    expect(rows).toHaveLength(48);
    expect(rows[18]).toMatchObject({ startMinute: 540, intervalMinutes: 30 });
    expect(rows[18]?.startsAt.toISOString()).toBe("2026-11-02T02:00:00.000Z"); // 09:00 WIB
    const file = readFileSync(sample("interval-contoh.csv"), "utf8")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","));
    const offered = (day: string) =>
      file.filter((c) => c[0] === day && c[2] === "telepon").reduce((sum, c) => sum + Number(c[3]), 0);
    const profile = await intervalProfile(db(), { from: "2026-11-02", to: "2026-11-08", channel: "telepon" });
    const monday = profile.filter((p) => p.weekday === 1);
    expect(monday).toHaveLength(48);
    expect(monday.reduce((sum, p) => sum + p.offered, 0)).toBe(offered("2026-11-02"));
    expect(profile.filter((p) => p.weekday === 2).reduce((sum, p) => sum + p.offered, 0)).toBe(offered("2026-11-03"));
    const nine = monday.find((p) => p.startMinute === 540);
    expect(nine?.days).toBe(1);
    expect(nine?.ahtSeconds).toBeCloseTo(rows[18]?.ahtSeconds ?? 0, 6);
  });

  it("rows in a locked period are refused; with 60-minute intervals, the :30 rows are off the grid", async () => {
    await db().insert(periods).values({ id: "2026-10", status: "approved", approvedAt: new Date() });
    try {
      const r = await run("intervals", "interval-contoh.csv");
      expect(r.errorCount).toBe(480);
      expect(r.errors[0]?.message).toMatch(/sudah disetujui dan dikunci/);
    } finally {
      await db().delete(periods).where(eq(periods.id, "2026-10"));
    }
    const settings = await getSettings(db());
    await updateSettings(db(), actor, { ...settings, "workforce.intervalMinutes": 60 });
    try {
      const r = await run("intervals", "interval-contoh.csv");
      expect(r).toMatchObject({ errorCount: 240, valid: 240 });
      expect(r.errors[0]?.message).toMatch(/bukan awal interval 60 menit/);
    } finally {
      await updateSettings(db(), actor, settings);
    }
  });
});

describe("roster", () => {
  it("the sample with mistakes: overlaps in the file (also across midnight), lengths, times, people", async () => {
    const r = await run("roster", "jadwal-dengan-kesalahan.csv");
    expect(r).toMatchObject({ rows: 14, valid: 3, errorCount: 11, warningCount: 1 });
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(at(3)[0]).toMatch(/bertumpang tindih dengan sif orang yang sama di baris 2 \(2 Nov 2026 07:00–15:00\)/);
    expect(at(4)[0]).toMatch(/lamanya 24 jam/);
    expect(at(5)[0]).toMatch(/lamanya 16 jam 30 menit/);
    expect(at(6)[0]).toMatch(/bukan tanggal yang valid/);
    expect(at(7)[0]).toMatch(/Jam mulai "25:00"/);
    expect(at(8)[0]).toMatch(/Kanal "fax"/);
    expect(at(9)[0]).toMatch(/tidak ada di data staf/);
    expect(at(10)[0]).toMatch(/sudah tidak aktif/);
    expect(at(12)[0]).toMatch(/setahun ke depan/);
    expect(at(13)[0]).toMatch(/sama dengan baris 2/);
    expect(at(15)[0]).toMatch(/baris 14 \(2 Nov 2026 23:00–07:00 \(sampai 3 Nov 2026\)\)/);
    expect(r.errors.find((e) => e.row === 3)?.column).toBe("Mulai");
    expect(r.warnings.map((w) => w.row)).toEqual([11]);
    expect(await shiftCount()).toBe(0);
  });

  it("the clean roster commits; a night shift ends 07:00 WIB the next day; again changes nothing", async () => {
    const first = await run("roster", "jadwal-contoh.csv", { commit: true });
    expect(first).toMatchObject({ committed: true, rows: 45, new: 45, errorCount: 0 });
    const night = agent(2); // the third agent of the sample works 23:00–07:00
    const [stored] = await db()
      .select()
      .from(shifts)
      .where(
        and(
          eq(shifts.staffId, await staffIdOfNip(night.nip)),
          eq(shifts.startsAt, new Date("2026-11-02T16:00:00Z")), // 2 Nov 23:00 WIB
        ),
      );
    expect(stored?.endsAt.toISOString()).toBe("2026-11-03T00:00:00.000Z"); // 3 Nov 07:00 WIB
    expect(stored?.batchId).toBe(first.batchId);
    const again = await run("roster", "jadwal-contoh.csv", { commit: true });
    expect(again).toMatchObject({ committed: true, batchId: null, unchanged: 45 });
  });

  it("the week grid's list includes the night shift that started the evening before, with its clock times", async () => {
    const list = await listShifts(db(), { from: "2026-11-03", to: "2026-11-03", access: SYSTEM_ACCESS });
    const night = list.find((s) => s.day === "2026-11-02" && s.fullName === agent(2).fullName);
    expect(night).toMatchObject({ start: "23:00", end: "07:00", crossesMidnight: true, durationMinutes: 480 });
    expect(night?.teamCode).toBe("layanan_informasi");
    expect(list.every((s) => s.endsAt > new Date("2026-11-02T17:00:00Z"))).toBe(true);
    const own: Access = {
      userId: 0,
      roles: ["petugas"],
      scope: "own",
      staffId: await staffIdOfNip(agent(2).nip),
      teamId: null,
      groupName: null,
    };
    const mine = await listShifts(db(), { from: "2026-11-02", to: "2026-11-08", access: own });
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((s) => s.staffId))).toEqual(new Set([own.staffId]));
  });

  it("who is on duty per interval: 00:00–00:30 on 3 Nov counts the night agents still on their shift", async () => {
    const counts = await rosteredPerInterval(db(), { from: "2026-11-03", to: "2026-11-03", intervalMinutes: 30 });
    const firstInterval = counts.filter((c) => c.startMinute === 0 && c.day === "2026-11-03");
    const list = await listShifts(db(), {
      from: new Date("2026-11-02T17:00:00Z"),
      to: new Date("2026-11-02T17:30:00Z"),
      access: SYSTEM_ACCESS,
    });
    expect(firstInterval.reduce((sum, c) => sum + c.agents, 0)).toBe(list.length);
    expect(list.length).toBeGreaterThan(0);
    expect(firstInterval.every((c) => c.staffedAgents === c.agents)).toBe(true);
    // 07:00: the night shift has ended and the morning shift begun.
    const seven = counts.filter((c) => c.startMinute === 420);
    const morning = await listShifts(db(), {
      from: new Date("2026-11-03T00:00:00Z"),
      to: new Date("2026-11-03T00:30:00Z"),
      access: SYSTEM_ACCESS,
    });
    expect(morning.every((s) => s.start !== "23:00")).toBe(true);
    expect(seven.reduce((sum, c) => sum + c.agents, 0)).toBe(morning.length);
  });

  it("a file shift overlapping a stored one is refused; the same start with a new end is an update", async () => {
    const p = agent(0); // works 07:00–15:00 from 4 Nov in the sample
    const header = "nip;tanggal;mulai;selesai;kanal";
    const r = await run("roster", {
      text: `${header}\n${p.nip};04/11/2026;10:00;18:00;telepon\n${p.nip};05/11/2026;07:00;13:00;webchat\n`,
    });
    expect(r).toMatchObject({ valid: 1, errorCount: 1, updated: 1 });
    expect(r.errors[0]).toMatchObject({ row: 2, column: "mulai" });
    expect(r.errors[0]?.message).toMatch(/sudah tersimpan untuk orang yang sama: 4 Nov 2026 07:00–15:00 \(telepon\)/);
    // "Only the valid rows" never stores the overlapping one.
    const valid = await run(
      "roster",
      { text: `${header}\n${p.nip};04/11/2026;10:00;18:00;telepon\n${p.nip};05/11/2026;07:00;13:00;webchat\n` },
      { commit: true, validOnly: true },
    );
    expect(valid).toMatchObject({ committed: true, updated: 1, errorCount: 1 });
    const fourth = await listShifts(db(), { from: "2026-11-04", to: "2026-11-04", access: SYSTEM_ACCESS });
    expect(fourth.filter((s) => s.fullName === p.fullName).map((s) => `${s.start}–${s.end}`)).toEqual(["07:00–15:00"]);
    await undoBatch(db(), actor, valid.batchId ?? 0);
    // A replaced shift no longer stands in the way: move 07–15 to 07–11 and add 11–15 in the same file.
    const split = await run(
      "roster",
      { text: `${header}\n${p.nip};06/11/2026;07:00;11:00;telepon\n${p.nip};06/11/2026;11:00;15:00;email\n` },
      { commit: true },
    );
    expect(split).toMatchObject({ committed: true, errorCount: 0, new: 1, updated: 1 });
    await undoBatch(db(), actor, split.batchId ?? 0);
    const restored = await listShifts(db(), { from: "2026-11-06", to: "2026-11-06", access: SYSTEM_ACCESS });
    expect(restored.filter((s) => s.fullName === p.fullName).map((s) => `${s.start}–${s.end}`)).toEqual([
      "07:00–15:00",
    ]);
  });
});

describe("the roster page's server functions", () => {
  const supervisorAccess = async (): Promise<Access> => {
    const [row] = await db()
      .select({ teamId: staff.teamId })
      .from(users)
      .innerJoin(staff, eq(staff.id, users.staffId))
      .where(eq(users.username, "supervisor"));
    return {
      userId: 0,
      roles: ["supervisor"],
      scope: "team",
      staffId: null,
      teamId: row?.teamId ?? null,
      groupName: null,
    };
  };
  const supervisorActor = async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.username, "supervisor"));
    return { id: u?.id ?? null, username: "supervisor" };
  };

  it("a supervisor adds a night shift for their team (ends next day), audited; overlaps and other teams refused", async () => {
    const access = await supervisorAccess();
    const who = await supervisorActor();
    const person = await staffIdOfNip(agent(12).nip);
    const { id } = await saveShift(
      db(),
      who,
      { staffId: String(person), day: "14/12/2026", start: "23:00", end: "07:00", channel: "telepon" },
      access,
    );
    const [row] = await db().select().from(shifts).where(eq(shifts.id, id));
    expect(row?.startsAt.toISOString()).toBe("2026-12-14T16:00:00.000Z");
    expect(row?.endsAt.toISOString()).toBe("2026-12-15T00:00:00.000Z");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "shift"), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(["create"]);

    await expect(
      saveShift(
        db(),
        who,
        { staffId: person, day: "15/12/2026", start: "06:00", end: "14:00", channel: "sms" },
        access,
      ),
    ).rejects.toThrow(/Bertumpang tindih dengan sif .*14 Des 2026 23:00–07:00 \(sampai 15 Des 2026\)/);
    // Touching is not overlapping: 07:00 is when the night shift ends.
    await saveShift(
      db(),
      who,
      { staffId: person, day: "2026-12-15", start: "07:00", end: "15:00", channel: "sms" },
      access,
    );
    const otherTeam = await db()
      .select({ id: staff.id })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .where(and(eq(teams.code, "manajemen_layanan"), eq(staff.active, true)));
    await expect(
      saveShift(
        db(),
        who,
        { staffId: otherTeam[0]?.id ?? 0, day: "16/12/2026", start: "07:00", end: "15:00", channel: "email" },
        access,
      ),
    ).rejects.toThrow(/bukan anggota tim atau regu/);
    // What a tampered form could send: checked by the server function itself.
    const tampered = {
      staffId: person,
      day: "16/12/2026",
      start: "7",
      end: "15:00",
      channel: "x",
    } as unknown as ShiftInput;
    await expect(saveShift(db(), who, tampered, access)).rejects.toMatchObject({
      errors: { start: expect.stringMatching(/JJ:MM/), channel: "Pilih kanal." },
    });
    await expect(
      saveShift(
        db(),
        who,
        { staffId: person, day: "16/12/2026", start: "07:00", end: "23:30", channel: "sms" },
        access,
      ),
    ).rejects.toMatchObject({ errors: { end: expect.stringMatching(/paling lama 16 jam/) } });
    expect((await rosterStaff(db(), access)).every((s) => s.teamId === access.teamId)).toBe(true);
  });

  it("changing an imported shift by hand keeps the change when its batch is undone; delete is audited", async () => {
    const p = agent(1);
    const r = await run(
      "roster",
      {
        text: `nip;tanggal;mulai;selesai;kanal\n${p.nip};21/12/2026;07:00;15:00;telepon\n${p.nip};22/12/2026;07:00;15:00;telepon\n`,
      },
      { commit: true },
    );
    const imported = await listShifts(db(), { from: "2026-12-21", to: "2026-12-22", access: SYSTEM_ACCESS });
    const [monday, tuesday] = imported.filter((s) => s.fullName === p.fullName);
    if (!monday || !tuesday) throw new Error("imported shifts missing");
    await saveShift(
      db(),
      actor,
      {
        id: String(monday.id),
        staffId: monday.staffId,
        day: "21/12/2026",
        start: "08:00",
        end: "16:00",
        channel: "webchat",
      },
      SYSTEM_ACCESS,
    );
    await undoBatch(db(), actor, r.batchId ?? 0);
    const left = await listShifts(db(), { from: "2026-12-21", to: "2026-12-22", access: SYSTEM_ACCESS });
    expect(left.filter((s) => s.fullName === p.fullName).map((s) => [s.day, s.start, s.channel, s.batchId])).toEqual([
      ["2026-12-21", "08:00", "webchat", null],
    ]);
    await deleteShift(db(), actor, monday.id, SYSTEM_ACCESS);
    expect((await db().select().from(shifts).where(eq(shifts.id, monday.id))).length).toBe(0);
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "shift"), eq(auditLog.entityId, String(monday.id))))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["update", "delete"]);
  });

  it("a shift in a locked period cannot be added, changed or deleted", async () => {
    await db().insert(periods).values({ id: "2026-10", status: "approved", approvedAt: new Date() });
    try {
      const person = await staffIdOfNip(agent(3).nip);
      await expect(
        saveShift(
          db(),
          actor,
          { staffId: person, day: "10/11/2026", start: "07:00", end: "15:00", channel: "sms" },
          SYSTEM_ACCESS,
        ),
      ).rejects.toThrow(/dikunci/);
      const [stored] = await listShifts(db(), { from: "2026-11-04", to: "2026-11-04", access: SYSTEM_ACCESS });
      await expect(deleteShift(db(), actor, stored?.id ?? 0, SYSTEM_ACCESS)).rejects.toThrow(/dikunci/);
      const r = await run("roster", "jadwal-contoh.csv");
      expect(r.errorCount).toBe(45);
    } finally {
      await db().delete(periods).where(eq(periods.id, "2026-10"));
    }
  });
});

describe("who may import which kind", () => {
  it("HR imports all six (staff too); the QA coordinator calls, intervals, roster and agent states; others none", () => {
    expect(importableKinds(["hr"])).toEqual(["staff", "training", "calls", "intervals", "roster", "states"]);
    expect(importableKinds(["koordinator_qa"])).toEqual(["calls", "intervals", "roster", "states"]);
    for (const role of ["admin", "kepala_seksi", "penilai", "supervisor", "petugas"] as const) {
      expect(importableKinds([role])).toEqual([]);
    }
  });

  it("the coordinator uploads a roster file from the import page and is sent to its preview", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const file = new File([readFileSync(sample("jadwal-contoh.csv"))], "jadwal.csv", { type: "text/csv" });
    const r = await uploadThroughPage(cookie, file, "roster");
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/impor\/[0-9a-f-]{36}$/);
  });
});
