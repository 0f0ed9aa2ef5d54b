// A team's report answered, assigned, followed up and closed through its page, as the Kepala Seksi, the QA
// coordinator and a supervisor use it: each step only by whom it belongs to and only from the status before it,
// the history in order, the inbox of each person following, the KPI page measuring how soon problems are reported.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays, wibDay } from "../../analytics/dates";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "../../app/confirmation";
import * as root from "../../app/root";
import * as kpiPage from "../../app/routes/kpi._index";
import * as reportPage from "../../app/routes/laporan.$id";
import { auditLog, reportEvents, reports, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;

const inboxKeys = async (cookie: string) =>
  ((await callRoute(root, "/", { cookie })).data as { inbox: { key: string }[] }).inbox.map((g) => g.key);

describe("a report's follow-up", () => {
  it("is answered, assigned, followed up and closed, with its history; nobody else may take a step", async () => {
    const [report] = await db()
      .select()
      .from(reports)
      .where(eq(reports.status, "baru"))
      .orderBy(asc(reports.id))
      .limit(1);
    if (!report) throw new Error("the demo has a report waiting for an answer");
    const id = String(report.id);
    const path = `/laporan/${id}`;
    const kasi = await sessionCookie("kasi", DEMO_PASSWORD);
    const coordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
    const supervisor = await sessionCookie("supervisor", DEMO_PASSWORD);
    const [supervisorUser] = await db().select().from(users).where(eq(users.username, "supervisor"));
    const post = (cookie: string, form: Record<string, string>) =>
      callRoute(reportPage, path, { method: "POST", cookie, params: { id }, form });
    expect(await inboxKeys(kasi)).toContain("laporan-tanggapi");

    const due = addDays(wibDay(new Date()), 3).split("-").reverse().join("/");
    const answer = {
      intent: "answer",
      answer: "Tambahkan contoh pada pedoman butir empati sebelum sesi kalibrasi berikutnya.",
      assigneeUserId: String(supervisorUser?.id),
      followUpDue: due,
    };
    expect((await post(coordinator, answer)).status).toBe(403);
    const past = await post(kasi, { ...answer, followUpDue: "01/01/2020" });
    expect(past.status).toBe(400);
    expect((past.data as { errors: Record<string, string> }).errors.followUpDue).toMatch(/sebelum hari ini/);
    const answered = await post(kasi, answer);
    expect(answered).toMatchObject({ status: 302, location: `${path}?ditanggapi=1#tindak-lanjut` });
    const again = await post(kasi, answer);
    expect(again.status).toBe(409);
    expect((again.data as { errors: { _form: string } }).errors._form).toMatch(/sudah berstatus Ditanggapi/);
    expect(await inboxKeys(supervisor)).toContain("laporan-tindak-lanjut");

    const followUp = {
      intent: "follow_up",
      followUp: "Contoh butir empati ditambahkan ke pedoman; dibahas di rapat tim.",
    };
    const notNamed = await post(coordinator, followUp);
    expect(notNamed.status).toBe(409);
    expect((notNamed.data as { errors: { _form: string } }).errors._form).toMatch(/Hanya penanggung jawab/);
    expect((await post(supervisor, followUp)).status).toBe(302);
    expect(await inboxKeys(kasi)).toContain("laporan-tutup");

    const close = { intent: "close", note: "Tindak lanjut sesuai arahan." };
    const unconfirmed = await post(kasi, close);
    expect(unconfirmed.status).toBeGreaterThanOrEqual(400);
    expect((await post(kasi, { ...close, [CONFIRM_FIELD]: CONFIRM_VALUE })).status).toBe(302);

    const [after] = await db().select().from(reports).where(eq(reports.id, report.id));
    expect(after).toMatchObject({ status: "selesai", assigneeUserId: supervisorUser?.id, followUp: followUp.followUp });
    const history = await db()
      .select({ status: reportEvents.status, note: reportEvents.note })
      .from(reportEvents)
      .where(eq(reportEvents.reportId, report.id))
      .orderBy(asc(reportEvents.at), asc(reportEvents.id));
    expect(history.map((h) => h.status)).toEqual(["baru", "ditanggapi", "ditindaklanjuti", "selesai"]);
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report"), eq(auditLog.entityId, id)));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["report.answer", "report.follow_up", "report.close"]),
    );
    const page = await callRoute(reportPage, path, { cookie: kasi, params: { id } });
    expect(page.data).toMatchObject({
      canAnswer: false,
      canFollowUp: false,
      canClose: false,
      assignee: supervisorUser?.displayName,
    });
  });

  it("the KPI page says per team how many days passed from the problem to its report", async () => {
    const [report] = await db().select().from(reports).orderBy(asc(reports.id)).limit(1);
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const kpi = await callRoute(kpiPage, `/kpi?periode=${report?.periodId}`, { cookie });
    const rows = (kpi.data as { reportTimeliness: { kind: string; measured: number; medianDays: number | null }[] })
      .reportTimeliness;
    expect(rows.map((r) => r.kind)).toEqual(["layanan_informasi", "manajemen_layanan", "penjamin_kualitas"]);
    // The demo's quality report of that period: the problem arose six days before it was filed.
    expect(rows.find((r) => r.kind === "penjamin_kualitas")).toMatchObject({ measured: 1, medianDays: 6 });
  });
});
