// Mail on the real database: what each event queues, in its own transaction, for whom, as each person chose;
// the two-day reminder queued once; the daily digest as one mail; the back-off and giving up. Delivery goes to
// a real SMTP server (smtp-server) through nodemailer; the worker's clock is passed in, never the wall clock's.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nextDigestAt } from "../../analytics/mail";
import { settleDispute } from "../../app/.server/evaluation-workflow";
import { mailEvaluationSubmitted } from "../../app/.server/mail/events";
import { queueCoachingDue, queueDisputeReminders } from "../../app/.server/mail/scan";
import { smtpTransport } from "../../app/.server/mail/service";
import { deliverDue, outboxCounts } from "../../app/.server/mail/worker";
import { approvePeriod } from "../../app/.server/periods";
import { answerReport } from "../../app/.server/report-follow-up";
import * as userPage from "../../app/routes/admin.pengguna.$id";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as mailPage from "../../app/routes/profil.surel";
import { coachingActions, coachingSessions, evaluations, mailOutbox, reports, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
let smtp: TestSmtpServer;
const who: Record<string, string> = {};
const userId = { penilai: 0, petugas: 0, koordinator: 0, kasi: 0, supervisor: 0, ketua: 0, penjadwal: 0 };
let agent = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Mutu <mutu@mutu.test>";
  who.admin = await sessionCookie("admin", DEMO_PASSWORD);
  for (const u of ["penilai", "petugas", "koordinator", "kasi", "supervisor", "ketua", "penjadwal"] as const) {
    who[u] = await sessionCookie(u, DEMO_PASSWORD);
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.username, u));
    userId[u] = row?.id ?? 0;
  }
  agent = await staffIdOf(db(), "petugas");
});
afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await smtp?.close();
});

/** The person's mail settings as their page's form sends them. */
async function choose(username: string, form: { email: string; on: string[]; mode: "single" | "digest" }) {
  const r = await callRoute(mailPage, "/profil/surel", {
    method: "POST",
    cookie: who[username],
    form: { email: form.email, "on[]": form.on, mode: form.mode },
  });
  expect(r.status, JSON.stringify(r.data)).toBe(200);
}
const AGENT_KINDS = [
  "evaluation_received",
  "dispute_window_closing",
  "dispute_settled",
  "coaching_due",
  "period_approved",
];

beforeEach(async () => {
  await db().delete(mailOutbox);
  await choose("petugas", { email: "Petugas@Mutu.Test", on: AGENT_KINDS, mode: "single" });
  await choose("koordinator", {
    email: "koordinator@mutu.test",
    on: ["dispute_filed", "period_approved", "report_answered"],
    mode: "single",
  });
});

const submit = async () => {
  const r = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    form: await interactionForm(db(), agent),
    cookie: who.penilai,
  });
  expect(r.status).toBe(302);
  return Number(r.location?.match(/^\/evaluasi\/(\d+)/)?.[1]);
};
const outbox = () => db().select().from(mailOutbox).orderBy(mailOutbox.id);

describe("queueing with the event", () => {
  it("a submission queues one mail to the agent: link to the evaluation, the deadline, no score anywhere", async () => {
    const id = await submit();
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ userId: userId.petugas, kind: "evaluation_received", linkPath: `/evaluasi/${id}` });
    expect(row?.subject).toMatch(/^Evaluasi baru untuk Anda, tanggapi sebelum \d+ \w+ 2026 \d\d\.\d\d WIB$/);
    const [e] = await db().select().from(evaluations).where(eq(evaluations.id, id));
    // The total (79,46) and the section scores (80, 78,75) are nowhere in the mail.
    for (const score of [e?.total, e?.hardskill, e?.softskill]) {
      const shown = String(score).replace(".", ",");
      expect(`${row?.subject} ${row?.body}`).not.toContain(shown);
    }
    expect(row?.body).not.toMatch(/\b\d{18}\b/); // no NIP
  });

  it("the agent's address is kept lower-case, and the dispute queues one mail per active QA coordinator", async () => {
    const [me] = await db().select({ email: users.email }).from(users).where(eq(users.id, userId.petugas));
    expect(me?.email).toBe("petugas@mutu.test");
    const id = await submit();
    const r = await callRoute(evaluationPage, "/evaluasi/x", {
      method: "POST",
      params: { id: String(id) },
      form: { intent: "dispute", reason: "S4 dinilai 4, padahal jeda karena INSW lambat." },
      cookie: who.petugas,
    });
    expect(r.status).toBeLessThan(400);
    const filed = (await outbox()).filter((x) => x.kind === "dispute_filed");
    expect(filed.map((x) => x.userId)).toEqual([userId.koordinator]); // the only coordinator with an address
    expect(filed[0]).toMatchObject({ linkPath: `/evaluasi/${id}/selesaikan` });
    expect(filed[0]?.subject).toMatch(/^Sanggahan baru dari /);
    // A second dispute of the same evaluation is refused, and queues nothing more.
    await callRoute(evaluationPage, "/evaluasi/x", {
      method: "POST",
      params: { id: String(id) },
      form: { intent: "dispute", reason: "Sekali lagi, alasan yang sama panjangnya." },
      cookie: who.petugas,
    });
    expect((await outbox()).filter((x) => x.kind === "dispute_filed")).toHaveLength(1);
  });

  it("an event whose transaction rolls back queues nothing", async () => {
    const id = await submit();
    await db().delete(mailOutbox);
    await expect(
      db().transaction(async (tx) => {
        await mailEvaluationSubmitted(tx, id);
        throw new Error("the event failed after queueing");
      }),
    ).rejects.toThrow("the event failed");
    expect(await outbox()).toEqual([]);
  });

  it("a kind turned off, no address, or mail not configured: nothing is queued", async () => {
    await choose("petugas", { email: "petugas@mutu.test", on: ["dispute_settled"], mode: "single" });
    await submit();
    expect(await outbox()).toEqual([]);

    await choose("petugas", { email: "", on: AGENT_KINDS, mode: "single" });
    await submit();
    expect(await outbox()).toEqual([]);

    await choose("petugas", { email: "petugas@mutu.test", on: AGENT_KINDS, mode: "single" });
    delete process.env.SMTP_URL;
    try {
      await submit();
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    expect(await outbox()).toEqual([]);
  });

  it("the admin sets a person's address on the user form: stored lower-case, refused when not an address", async () => {
    const [before] = await db().select().from(users).where(eq(users.id, userId.supervisor));
    const form = (email: string) => ({
      intent: "update",
      version: String(before?.version),
      displayName: before?.displayName ?? "",
      "roles[]": before?.roles ?? [],
      staffId: String(before?.staffId ?? ""),
      email,
    });
    const post = (email: string) =>
      callRoute(userPage, "/admin/pengguna/x", {
        method: "POST",
        params: { id: String(userId.supervisor) },
        form: form(email),
        cookie: who.admin,
      });
    const bad = await post("supervisor@");
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors.email).toMatch(/Alamat surel tidak valid/);
    expect((await post(" Supervisor@Mutu.Test ")).status).toBe(200);
    const [after] = await db().select({ email: users.email }).from(users).where(eq(users.id, userId.supervisor));
    expect(after?.email).toBe("supervisor@mutu.test");
  });

  it("the page refuses an address that is not one, and says so next to the field", async () => {
    const r = await callRoute(mailPage, "/profil/surel", {
      method: "POST",
      cookie: who.petugas,
      form: { email: "petugas di kantor", "on[]": AGENT_KINDS, mode: "single" },
    });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.email).toMatch(/Alamat surel tidak valid/);
  });

  it("a settled dispute tells the agent the outcome, never the score", async () => {
    const id = await submit();
    await callRoute(evaluationPage, "/evaluasi/x", {
      method: "POST",
      params: { id: String(id) },
      form: { intent: "dispute", reason: "S4 dinilai 4, padahal jeda karena INSW lambat." },
      cookie: who.petugas,
    });
    const [e] = await db().select().from(evaluations).where(eq(evaluations.id, id));
    await settleDispute(db(), { id: userId.koordinator, username: "koordinator" }, id, {
      outcome: "upheld",
      note: "Rekaman menunjukkan jeda 90 detik.",
      lockVersion: e?.lockVersion ?? 0,
      scores: { values: new Map(), comments: new Map() },
    });
    const [settled] = (await outbox()).filter((x) => x.kind === "dispute_settled");
    expect(settled).toMatchObject({ userId: userId.petugas, linkPath: `/evaluasi/${id}` });
    expect(settled?.body).toMatch(/: nilai tetap\./);
    expect(settled?.body).not.toContain(String(e?.total).replace(".", ","));
  });

  it("an answered report tells its author and the person named, each their own words", async () => {
    await db().update(users).set({ email: "supervisor@mutu.test" }).where(eq(users.id, userId.supervisor));
    const [report] = await db()
      .insert(reports)
      .values({
        kind: "penjamin_kualitas",
        periodId: "2026-11",
        reportDate: "2026-12-01",
        title: "Jeda panjang saat INSW lambat",
        problem: "p",
        regulation: "r",
        analysis: "a",
        conclusion: "c",
        authorUserId: userId.koordinator,
      })
      .returning({ id: reports.id });
    const id = report?.id ?? 0;
    await answerReport(db(), { id: userId.kasi, username: "kasi" }, id, {
      answer: "Tambahkan contoh pada pedoman butir empati.",
      assigneeUserId: userId.supervisor,
      followUpDue: "2026-12-20",
    });
    const rows = (await outbox()).filter((x) => x.kind === "report_answered");
    expect(rows.map((r) => [r.userId, r.subject])).toEqual([
      [userId.supervisor, "Anda ditunjuk menindaklanjuti laporan"],
      [userId.koordinator, "Laporan Anda telah ditanggapi"],
    ]);
    expect(rows[0]?.body).toContain("Tenggat tindak lanjut: 20 Des 2026.");
    expect(rows.every((r) => r.linkPath === `/laporan/${id}`)).toBe(true);
  });

  it("approving a period tells the agents evaluated in it and the coordinators, supervisors and Ketua Tim, once per approval", async () => {
    const period = "2026-10";
    await db().update(users).set({ email: "kasi@mutu.test" }).where(eq(users.id, userId.kasi));
    for (const lead of ["supervisor", "ketua", "penjadwal"]) {
      await choose(lead, { email: `${lead}@mutu.test`, on: ["period_approved"], mode: "single" });
    }
    const [e] = await db().select({ id: evaluations.id }).from(evaluations).limit(1);
    // The demo "staff" has no evaluations in 2026-10: one, submitted, for the agent.
    if (e) await db().update(evaluations).set({ periodId: period }).where(eq(evaluations.id, e.id));
    await approvePeriod(db(), { id: userId.kasi, username: "kasi" }, period, new Date("2026-12-04T03:00:00Z"));
    const rows = (await outbox()).filter((x) => x.kind === "period_approved");
    expect(rows.find((x) => x.userId === userId.petugas)?.linkPath).toBe("/profil#kpi");
    expect(rows.find((x) => x.userId === userId.koordinator)?.linkPath).toBe(`/kpi?periode=${period}`);
    // The leads who follow the KPI: the supervisor and the Ketua Tim; the scheduler does not.
    expect(rows.find((x) => x.userId === userId.supervisor)?.linkPath).toBe(`/kpi?periode=${period}`);
    expect(rows.find((x) => x.userId === userId.ketua)?.linkPath).toBe(`/kpi?periode=${period}`);
    expect(rows.find((x) => x.userId === userId.penjadwal)).toBeUndefined();
    expect(rows.find((x) => x.userId === userId.kasi)).toBeUndefined(); // the approver is not told
    expect(rows[0]?.subject).toBe("Periode Oktober 2026 telah disetujui");
  });
});

describe("the dispute window's reminder", () => {
  it("window 7 days: due from day 5, queued once however often the scan runs; none once answered", async () => {
    const id = await submit();
    await db().delete(mailOutbox);
    const submittedAt = new Date("2026-12-01T03:00:00Z");
    await db().update(evaluations).set({ submittedAt }).where(eq(evaluations.id, id));
    expect(await queueDisputeReminders(db(), new Date("2026-12-05T03:00:00Z"))).toBe(0); // 3 days left
    expect(await queueDisputeReminders(db(), new Date("2026-12-06T04:00:00Z"))).toBe(1);
    expect(await queueDisputeReminders(db(), new Date("2026-12-06T05:00:00Z"))).toBe(0);
    expect(await queueDisputeReminders(db(), new Date("2026-12-07T05:00:00Z"))).toBe(0);
    const rows = (await outbox()).filter((r) => r.dedupeKey === `dispute_window_closing:${id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject).toBe("Masa sanggah berakhir 8 Des 2026 10.00 WIB");
    await db().update(evaluations).set({ state: "acknowledged" }).where(eq(evaluations.id, id));
    await db().delete(mailOutbox);
    expect(await queueDisputeReminders(db(), new Date("2026-12-06T04:00:00Z"))).toBe(0);
  });
});

describe("a coaching action falling due", () => {
  it("due tomorrow: its owner is told once, with the session's page; done actions and later ones are not", async () => {
    const [session] = await db()
      .insert(coachingSessions)
      .values({
        agentStaffId: agent,
        coachUserId: userId.koordinator,
        heldOn: "2026-12-01",
        observation: "Jeda panjang.",
      })
      .returning({ id: coachingSessions.id });
    const sessionId = session?.id ?? 0;
    const [due] = await db()
      .insert(coachingActions)
      .values([
        {
          sessionId,
          description: "Latihan menjawab pertanyaan tarif",
          ownerUserId: userId.petugas,
          dueOn: "2026-12-05",
        },
        { sessionId, description: "Membaca pedoman", ownerUserId: userId.petugas, dueOn: "2026-12-09" },
      ])
      .returning({ id: coachingActions.id });
    // 4 Dec 2026, 10:00 WIB: the first action is due tomorrow, the second in five days.
    const now = new Date("2026-12-04T03:00:00Z");
    expect(await queueCoachingDue(db(), now)).toBe(1);
    expect(await queueCoachingDue(db(), now)).toBe(0);
    const [row] = (await outbox()).filter((r) => r.kind === "coaching_due");
    expect(row).toMatchObject({
      userId: userId.petugas,
      subject: "Tindakan pembinaan jatuh tempo 5 Des 2026",
      linkPath: `/pembinaan/${sessionId}#tindakan`,
      dedupeKey: `coaching_due:${due?.id}:2026-12-05`,
    });
    expect(row?.body).toContain('"Latihan menjawab pertanyaan tarif"');
  });
});

describe("delivery", () => {
  const from = "Mutu <mutu@mutu.test>";
  const options = (now: Date, extra: Partial<Parameters<typeof deliverDue>[1]> = {}) => ({
    transport: smtpTransport({ smtpUrl: smtp.url, from, domain: "mutu.test" }),
    from,
    domain: "mutu.test",
    now: () => now,
    ...extra,
  });

  it("daily digest: held until 07:00 WIB, then one mail listing each item with its link", async () => {
    await choose("petugas", { email: "petugas@mutu.test", on: AGENT_KINDS, mode: "digest" });
    const queuedAt = new Date();
    const ids = [await submit(), await submit()];
    const rows = await outbox();
    expect(rows.map((r) => r.digest)).toEqual([true, true]);
    const due = nextDigestAt(rows[0]?.createdAt ?? queuedAt);
    expect(rows[0]?.nextAttemptAt.toISOString()).toBe(due.toISOString());
    const before = smtp.received.length;
    expect(await deliverDue(db(), options(new Date(due.getTime() - 1000)))).toMatchObject({ sent: 0 });
    expect(await deliverDue(db(), options(due))).toMatchObject({ sent: 1, failed: 0 });
    const mail = smtp.received.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toEqual(["petugas@mutu.test"]);
    expect(mail[0]?.subject).toBe("Ringkasan harian Mutu: 2 pemberitahuan");
    for (const id of ids) expect(mail[0]?.text).toContain(`http://localhost:3000/evaluasi/${id}\n`);
    expect((await outbox()).every((r) => r.sentAt !== null)).toBe(true);
  });

  it("refused: retried after 1 min, then 2 min; given up after the last attempt and counted for the admin", async () => {
    await submit();
    const [row] = await outbox();
    if (!row) throw new Error("nothing queued");
    smtp.refuse(true);
    try {
      const t0 = new Date("2026-12-04T03:00:00Z");
      await db().update(mailOutbox).set({ nextAttemptAt: t0 }).where(eq(mailOutbox.id, row.id));
      expect(await deliverDue(db(), options(t0, { maxAttempts: 3 }))).toMatchObject({ sent: 0, failed: 1 });
      let [now] = await outbox();
      expect(now).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, claimedUntil: null });
      expect(now?.nextAttemptAt.toISOString()).toBe("2026-12-04T03:01:00.000Z");
      expect(now?.lastError).toMatch(/421|pemeliharaan/);
      // Not before its time; at its time, the second failure waits two minutes more.
      expect(await deliverDue(db(), options(new Date("2026-12-04T03:00:59Z"), { maxAttempts: 3 }))).toMatchObject({
        failed: 0,
      });
      await deliverDue(db(), options(new Date("2026-12-04T03:01:00Z"), { maxAttempts: 3 }));
      [now] = await outbox();
      expect(now?.nextAttemptAt.toISOString()).toBe("2026-12-04T03:03:00.000Z");
      expect(await deliverDue(db(), options(new Date("2026-12-04T03:03:00Z"), { maxAttempts: 3 }))).toMatchObject({
        gaveUp: 1,
      });
      [now] = await outbox();
      expect(now?.attempts).toBe(3);
      expect(now?.failedAt?.toISOString()).toBe("2026-12-04T03:03:00.000Z");
      expect(await outboxCounts(db())).toMatchObject({ failed: 1, waiting: 0 });
      // Given up is final: later passes leave it alone.
      expect(await deliverDue(db(), options(new Date("2026-12-05T03:00:00Z")))).toMatchObject({ failed: 0, sent: 0 });
    } finally {
      smtp.refuse(false);
    }
  });

  it("a person who removed their address before the send gets nothing; the row goes", async () => {
    await submit();
    await db()
      .update(users)
      .set({ email: null })
      .where(inArray(users.id, [userId.petugas]));
    const before = smtp.received.length;
    expect(await deliverDue(db(), options(new Date(Date.now() + 1000)))).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.received.length).toBe(before);
    expect(
      await db()
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.userId, userId.petugas))),
    ).toEqual([]);
  });
});
