// Coaching through its pages, as a supervisor, the agent and an assessor use it: opened from the KPI's
// below-threshold list with two agreed actions, refused with reasons when a row is half filled, acknowledged once by
// the agent, followed up once per action; the inbox of each person follows; the staff page, the profile and the
// KPI workbook show it; nobody outside the agent's scope reaches it.

import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { addDays, wibDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { writeKpiWorkbook } from "../../app/.server/workbook";
import * as root from "../../app/root";
import * as kpiPage from "../../app/routes/kpi._index";
import * as coachingList from "../../app/routes/pembinaan._index";
import * as coachingPage from "../../app/routes/pembinaan.$id";
import * as newCoaching from "../../app/routes/pembinaan.baru";
import * as profilePage from "../../app/routes/profil._index";
import * as staffPage from "../../app/routes/staf.$id._index";
import { auditLog, coachingActions, coachingSessions, staff, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { auditReader, downloadList, nipsOf, readCsv, readWorkbook } from "../support/list-exports";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;
const { expectAudited } = auditReader(db);

type Group = { key: string; count: number; items: { text: string; to: string; overdue: boolean }[] };
const inbox = async (cookie: string) => ((await callRoute(root, "/", { cookie })).data as { inbox: Group[] }).inbox;
const errorsOf = (r: { data: unknown }) => (r.data as { errors: Record<string, string> }).errors;

describe("a coaching session", () => {
  it("from the below-threshold list: two actions, acknowledged by the agent, followed up, shown everywhere", async () => {
    const today = wibDay(new Date());
    const supervisor = await sessionCookie("supervisor", DEMO_PASSWORD);
    const lastPeriod = shiftPeriod(periodOf(new Date()).id, -1).id;
    // The demo petugas's final score of the last finished period is below the threshold: the supervisor's list.
    const kpi = (await callRoute(kpiPage, `/kpi?periode=${lastPeriod}`, { cookie: supervisor })).data as {
      below: { staffId: number }[];
      agents: { rows: { staffId: number; kpi: { score: number | null } }[] };
      threshold: number;
    };
    const agentId = await staffIdOf(db(), "petugas");
    expect(kpi.below.map((a) => a.staffId)).toContain(agentId);
    const agentCookie = await sessionCookie("petugas", DEMO_PASSWORD);
    const [agentUser] = await db().select().from(users).where(eq(users.username, "petugas"));
    const [supervisorUser] = await db().select().from(users).where(eq(users.username, "supervisor"));

    // A colleague who was not below the threshold then: that period cannot be the basis of their coaching.
    const fine = kpi.agents.rows.find((a) => a.kpi.score !== null && a.kpi.score >= kpi.threshold);
    const notBelow = await callRoute(newCoaching, "/pembinaan/baru", {
      method: "POST",
      cookie: supervisor,
      form: {
        agentId: String(fine?.staffId),
        kpiPeriodId: lastPeriod,
        heldOn: today,
        observation: "Kehadiran perlu diperbaiki pada periode lalu.",
        description1: "Masuk sif tepat waktu",
        owner1: String(supervisorUser?.id),
        due1: addDays(today, 7),
      },
    });
    expect(notBelow.status).toBe(400);
    expect(errorsOf(notBelow).evaluations).toMatch(/tidak di bawah batas/);

    // The page offers the agent, their evaluations and who may own an action.
    const page = await callRoute(newCoaching, `/pembinaan/baru?petugas=${agentId}&periode=${lastPeriod}`, {
      cookie: supervisor,
    });
    expect(page.status).toBe(200);
    const offered = page.data as { owners: { value: number; label: string }[]; kpiPeriod: { id: string } };
    expect(offered.kpiPeriod.id).toBe(lastPeriod);
    expect(offered.owners[0]).toMatchObject({ value: agentUser?.id, label: expect.stringMatching(/\(petugas\)$/) });
    expect(offered.owners.map((o) => o.value)).toContain(supervisorUser?.id);

    const form = {
      agentId: String(agentId),
      kpiPeriodId: lastPeriod,
      heldOn: today,
      observation: "Nilai akhir di bawah batas: salam pembuka tidak lengkap dan informasi tanpa dasar ketentuan.",
      description1: "Masuk sif tepat waktu selama dua minggu",
      owner1: String(agentUser?.id),
      due1: addDays(today, 14),
      description2: "Memeriksa catatan kehadiran petugas setiap Jumat",
      owner2: String(supervisorUser?.id),
      due2: addDays(today, 7),
    };
    const post = (cookie: string, f: Record<string, string>) =>
      callRoute(newCoaching, "/pembinaan/baru", { method: "POST", cookie, form: f });
    const before = await db().select().from(coachingSessions);

    // A half-filled third row, an owner not on the list and a due day before the session: refused, nothing saved.
    const refused = await post(supervisor, { ...form, description3: "Tanpa penanggung jawab" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toMatchObject({
      owner3: "Pilih penanggung jawab.",
      due3: expect.stringMatching(/Isi Tenggat/),
    });
    expect((refused.data as { values: Record<string, string> }).values.observation).toBe(form.observation);
    const [hr] = await db().select().from(users).where(eq(users.username, "hr"));
    const badOwner = await post(supervisor, { ...form, owner2: String(hr?.id), due1: addDays(today, -1) });
    expect(badOwner.status).toBe(400);
    expect(errorsOf(badOwner)).toMatchObject({
      owner2: "Pilih penanggung jawab dari daftar.",
      due1: "Tenggat tidak boleh sebelum tanggal pembinaan.",
    });
    const noAction = await post(supervisor, {
      agentId: form.agentId,
      kpiPeriodId: lastPeriod,
      heldOn: today,
      observation: form.observation,
    });
    expect(errorsOf(noAction).description1).toMatch(/paling sedikit satu tindakan/);
    const future = await post(supervisor, { ...form, heldOn: addDays(today, 1) });
    expect(errorsOf(future).heldOn).toMatch(/setelah hari ini/);
    expect(await db().select().from(coachingSessions)).toHaveLength(before.length);

    const opened = await post(supervisor, form);
    expect(opened.status).toBe(302);
    const id = opened.location?.match(/^\/pembinaan\/(\d+)\?dibuka=1$/)?.[1] ?? "";
    expect(id).not.toBe("");
    const actions = await db()
      .select()
      .from(coachingActions)
      .where(eq(coachingActions.sessionId, Number(id)));
    expect(actions.map((a) => [a.description, a.dueOn])).toEqual([
      [form.description1, addDays(today, 14)],
      [form.description2, addDays(today, 7)],
    ]);

    // The agent sees it in their inbox, with their own action and its deadline, and acknowledges it once.
    const agentInbox = await inbox(agentCookie);
    expect(agentInbox.find((g) => g.key === "pembinaan-tanggapan")?.items.map((i) => i.to)).toContain(
      `/pembinaan/${id}#tanggapan`,
    );
    expect(agentInbox.find((g) => g.key === "pembinaan-tindakan")?.items.map((i) => i.text)).toContain(
      form.description1,
    );
    const sessionPath = `/pembinaan/${id}`;
    const act = (cookie: string, f: Record<string, string>) =>
      callRoute(coachingPage, sessionPath, { method: "POST", cookie, params: { id }, form: f });
    expect((await act(supervisor, { intent: "acknowledge", comment: "" })).status).toBe(403);
    const ack = await act(agentCookie, { intent: "acknowledge", comment: "Saya akan datang 10 menit lebih awal." });
    expect(ack).toMatchObject({ status: 302, location: `${sessionPath}?ditanggapi=1#tanggapan` });
    const twice = await act(agentCookie, { intent: "acknowledge", comment: "lagi" });
    expect(twice.status).toBe(409);
    expect(errorsOf(twice)._form).toMatch(/sudah Anda tanggapi/);
    const stillWaiting = (await inbox(agentCookie)).find((g) => g.key === "pembinaan-tanggapan");
    expect(stillWaiting?.items.map((i) => i.to) ?? []).not.toContain(`/pembinaan/${id}#tanggapan`);

    // Follow-up: the agent may not record it; the supervisor records each action once.
    const [first, second] = actions;
    const outcome = (actionId: number | undefined, result: string) => ({
      intent: "follow_up",
      actionId: String(actionId),
      outcome: result,
      outcomeNote: "Dicek dari log masuk dua minggu terakhir.",
    });
    expect((await act(agentCookie, outcome(first?.id, "tercapai"))).status).toBe(403);
    const missingOutcome = await act(supervisor, { ...outcome(first?.id, "tercapai"), outcome: "" });
    expect(errorsOf(missingOutcome).outcome).toMatch(/tercapai atau tidak tercapai/);
    expect((await act(supervisor, outcome(first?.id, "tercapai"))).status).toBe(302);
    expect((await act(supervisor, outcome(first?.id, "tidak_tercapai"))).status).toBe(409);
    let shown = (await callRoute(coachingPage, sessionPath, { cookie: agentCookie, params: { id } })).data as {
      status: string;
      session: { agentComment: string };
    };
    expect(shown).toMatchObject({
      status: "berjalan",
      session: { agentComment: "Saya akan datang 10 menit lebih awal." },
    });
    expect((await act(supervisor, outcome(second?.id, "tidak_tercapai"))).status).toBe(302);
    shown = (await callRoute(coachingPage, sessionPath, { cookie: agentCookie, params: { id } })).data as typeof shown;
    expect(shown.status).toBe("selesai");
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "coaching_session"), eq(auditLog.entityId, id)));
    expect(audited.map((a) => a.action)).toEqual([
      "coaching.open",
      "coaching.acknowledge",
      "coaching.follow_up",
      "coaching.follow_up",
    ]);

    // The staff page (supervisor), the profile (agent) and the list show it.
    const onStaff = (
      await callRoute(staffPage, `/staf/${agentId}`, { cookie: supervisor, params: { id: String(agentId) } })
    ).data as { coaching: { id: number; statusLabel: string }[] };
    expect(onStaff.coaching.find((c) => c.id === Number(id))?.statusLabel).toBe("Selesai");
    const onProfile = (await callRoute(profilePage, "/profil", { cookie: agentCookie })).data as {
      extras: { coaching: { id: number }[] };
    };
    expect(onProfile.extras.coaching.map((c) => c.id)).toContain(Number(id));
    const listed = (await callRoute(coachingList, "/pembinaan?status=selesai", { cookie: agentCookie })).data as {
      rows: { id: number; agentName: string }[];
    };
    expect(listed.rows.map((r) => r.id)).toContain(Number(id));

    // The KPI workbook of the current period has one row per action in its Pembinaan sheet.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mutu-coaching-")), "kpi.xlsx");
    await writeKpiWorkbook(db(), {
      periodId: periodOf(new Date()).id,
      settings: await getSettings(db()),
      access: SYSTEM_ACCESS,
      actor: "Uji (uji)",
      output: createWriteStream(file),
    });
    const book = await new ExcelJS.Workbook().xlsx.readFile(file);
    const sheet = book.getWorksheet("Pembinaan");
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const header = rows[0] as string[];
    const mine = rows.filter((r) => r[0] === Number(id));
    expect(mine.map((r) => [r[header.indexOf("Tindakan")], r[header.indexOf("Hasil")]])).toEqual([
      [form.description2, "Tidak tercapai"],
      [form.description1, "Tercapai"],
    ]);
  });

  it("stays within the agent's scope: a supervisor neither opens nor reads another team's coaching", async () => {
    const supervisor = await sessionCookie("supervisor", DEMO_PASSWORD);
    const [own] = await db()
      .select({ teamId: staff.teamId })
      .from(staff)
      .where(eq(staff.id, await staffIdOf(db(), "supervisor")));
    const people = await db().select({ id: staff.id, teamId: staff.teamId, position: staff.position }).from(staff);
    const stranger = people.find((p) => p.teamId !== own?.teamId && p.position === "petugas_layanan");
    expect(stranger).toBeDefined();
    const page = await callRoute(newCoaching, `/pembinaan/baru?petugas=${stranger?.id}`, { cookie: supervisor });
    expect(page.status).toBe(404);
    const posted = await callRoute(newCoaching, "/pembinaan/baru", {
      method: "POST",
      cookie: supervisor,
      form: { agentId: String(stranger?.id) },
    });
    expect(posted.status).toBe(404);
    const list = (await callRoute(coachingList, "/pembinaan?status=semua", { cookie: supervisor })).data as {
      rows: { teamId: number }[];
    };
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.teamId === own?.teamId)).toBe(true);
  });

  it("its download holds the page's sessions, one row per action, within each reader's reach, and is audited", async () => {
    const supervisor = await sessionCookie("supervisor", DEMO_PASSWORD);
    const listed = (await callRoute(coachingList, "/pembinaan?status=semua", { cookie: supervisor })).data as {
      rows: { id: number; actions: number[] }[];
    };
    const response = await downloadList(supervisor, "pembinaan.xlsx", "status=semua");
    expect(response.status).toBe(200);
    const { summary, sheets } = await readWorkbook(await response.arrayBuffer());
    expect(summary.get("Status")).toBe("Semua");
    const rows = sheets.get("Pembinaan")?.rows ?? [];
    expect(rows).toHaveLength(listed.rows.reduce((n, r) => n + r.actions.length, 0));
    expect(new Set(rows.map((r) => r.Sesi))).toEqual(new Set(listed.rows.map((r) => r.id)));
    await expectAudited("pembinaan.xlsx", "supervisor", { status: "semua", scope: "team", rows: rows.length });
    // The agent's CSV holds their own sessions only.
    const agentId = await staffIdOf(db(), "petugas");
    const [agent] = await db().select({ nip: staff.nip }).from(staff).where(eq(staff.id, agentId));
    const own = readCsv(
      await (
        await downloadList(await sessionCookie("petugas", DEMO_PASSWORD), "pembinaan.csv", "status=semua")
      ).arrayBuffer(),
    );
    expect(own.rows.length).toBeGreaterThan(0);
    expect(new Set(nipsOf(own, "NIP Petugas"))).toEqual(new Set([agent?.nip]));
  });

  it("the demo: the assessor's overdue action is in the assessor's and the supervisor's inbox", async () => {
    const penilai = await inbox(await sessionCookie("penilai", DEMO_PASSWORD));
    const own = penilai.find((g) => g.key === "pembinaan-tindakan");
    expect(own?.items.some((i) => i.overdue)).toBe(true);
    const supervisor = await inbox(await sessionCookie("supervisor", DEMO_PASSWORD));
    expect(supervisor.find((g) => g.key === "pembinaan-lewat")?.items[0]?.overdue).toBe(true);
  });
});
