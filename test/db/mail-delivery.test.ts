// The journey with mail: an assessor submits, the agent sees the evaluation in their inbox with the
// deadline and disputes it, the coordinator sees the dispute — and, with a real SMTP server configured, the
// agent and the coordinator receive their mail. Then the server refuses for a while: two worker loops keep
// retrying with back-off (milliseconds here, minutes in production), and once it accepts again every mail
// arrives exactly once (counted by Message-ID).
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { MailConfig } from "../../app/.server/mail/config";
import { type MailWorker, startMailWorker } from "../../app/.server/mail/service";
import * as root from "../../app/root";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import { mailOutbox, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";
import { startSmtpServer, type TestSmtpServer, waitFor } from "../support/smtp";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
let smtp: TestSmtpServer;
let config: MailConfig;
const workers: MailWorker[] = [];
const who = { penilai: "", petugas: "", koordinator: "" };
let agent = 0;

const AGENT = "petugas@mutu.test";
const COORDINATOR = "koordinator@mutu.test";

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Mutu <mutu@mutu.test>";
  config = { smtpUrl: smtp.url, from: "Mutu <mutu@mutu.test>", domain: "mutu.test" };
  for (const u of ["penilai", "petugas", "koordinator"] as const) who[u] = await sessionCookie(u, DEMO_PASSWORD);
  await db().update(users).set({ email: AGENT }).where(eq(users.username, "petugas"));
  await db().update(users).set({ email: COORDINATOR }).where(eq(users.username, "koordinator"));
  agent = await staffIdOf(db(), "petugas");
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await smtp?.close();
});

/** A worker loop polling every 20 ms, retrying after 50, 100, 200 … ms (capped at 400). */
function worker(batchSize = 50) {
  const w = startMailWorker(db(), config, { pollMs: 20, retryBaseMs: 50, retryCapMs: 400, maxAttempts: 50, batchSize });
  workers.push(w);
  return w;
}

async function submitAndDispute() {
  const sent = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    form: await interactionForm(db(), agent),
    cookie: who.penilai,
  });
  const id = Number(sent.location?.match(/^\/evaluasi\/(\d+)/)?.[1]);
  const disputed = await callRoute(evaluationPage, "/evaluasi/x", {
    method: "POST",
    params: { id: String(id) },
    form: { intent: "dispute", reason: "Butir S4 dinilai 4, padahal jeda karena INSW lambat." },
    cookie: who.petugas,
  });
  expect(disputed.status).toBeLessThan(400);
  return id;
}

type Group = { key: string; items: { to: string; due: string | null }[] };
const inboxOf = async (cookie: string) => ((await callRoute(root, "/", { cookie })).data as { inbox: Group[] }).inbox;

describe("the journey with mail", () => {
  it("submitted → in the agent's inbox with the deadline → disputed → in the coordinator's inbox; both get mail", async () => {
    const sent = await callRoute(newEvaluation, "/evaluasi/baru", {
      method: "POST",
      form: await interactionForm(db(), agent),
      cookie: who.penilai,
    });
    const id = Number(sent.location?.match(/^\/evaluasi\/(\d+)/)?.[1]);
    const waiting = (await inboxOf(who.petugas)).find((g) => g.key === "tanggapan");
    const line = waiting?.items.find((i) => i.to === `/evaluasi/${id}`);
    expect(line?.due).toMatch(/WIB$/);

    await callRoute(evaluationPage, "/evaluasi/x", {
      method: "POST",
      params: { id: String(id) },
      form: { intent: "dispute", reason: "Butir S4 dinilai 4, padahal jeda karena INSW lambat." },
      cookie: who.petugas,
    });
    const disputes = (await inboxOf(who.koordinator)).find((g) => g.key === "sanggahan");
    expect(disputes?.items.some((i) => i.to.includes(`/evaluasi/${id}`))).toBe(true);

    worker();
    await waitFor(() => smtp.received.length >= 2, "the agent's and the coordinator's mail");
    const toAgent = smtp.received.find((m) => m.to.includes(AGENT));
    const toCoordinator = smtp.received.find((m) => m.to.includes(COORDINATOR));
    expect(toAgent?.subject).toMatch(/^Evaluasi baru untuk Anda, tanggapi sebelum .* WIB$/);
    expect(toAgent?.text).toContain(`http://localhost:3000/evaluasi/${id}\n`);
    expect(toAgent?.text).toContain("/profil/surel");
    expect(toCoordinator?.subject).toMatch(/^Sanggahan baru dari /);
    expect(toCoordinator?.text).toContain(`/evaluasi/${id}/selesaikan`);
    const [first] = await db().select().from(mailOutbox).orderBy(mailOutbox.id).limit(1);
    expect(toAgent?.messageId).toBe(`<mutu.${first?.id}@mutu.test>`);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it("a server that refuses for a while: nothing is lost, and with two workers at once none is sent twice", async () => {
    const before = smtp.received.length;
    smtp.refuse(true);
    onTestFinished(() => smtp.refuse(false)); // also when this test fails: the next one needs the server back
    const a = worker();
    const b = worker();
    for (let i = 0; i < 5; i++) await submitAndDispute(); // 5 to the agent, 5 to the coordinator
    const unsent = () => db().select().from(mailOutbox).where(isNull(mailOutbox.sentAt));
    // Refused, then refused again after its back-off: the retries are what this test is about. (A count of
    // refusals alone can be reached by first attempts only, when the machine is slow to submit the ten.)
    await waitFor(async () => (await unsent()).some((r) => r.attempts >= 2), "a mail refused and tried again");
    expect(smtp.refusals()).toBeGreaterThanOrEqual(2);
    expect(await unsent()).toHaveLength(10);
    expect(smtp.received.length).toBe(before);

    smtp.refuse(false);
    await waitFor(async () => (await unsent()).length === 0, "every mail sent after the server came back");
    await Promise.all([a.stop(), b.stop()]);
    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(10);
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(10);
    expect(arrived.filter((m) => m.to.includes(AGENT))).toHaveLength(5);
    expect(arrived.filter((m) => m.to.includes(COORDINATOR))).toHaveLength(5);
  });

  it("forty mails, two workers claiming two at a time side by side: each Message-ID arrives exactly once", async () => {
    const before = smtp.received.length;
    for (let i = 0; i < 20; i++) await submitAndDispute();
    const a = worker(2);
    const b = worker(2);
    await waitFor(
      async () => (await db().select().from(mailOutbox).where(isNull(mailOutbox.sentAt))).length === 0,
      "all forty sent",
      30_000,
    );
    await Promise.all([a.stop(), b.stop()]);
    const arrived = smtp.received.slice(before).map((m) => m.messageId);
    expect(arrived).toHaveLength(40);
    expect(new Set(arrived).size).toBe(40);
  });
});
