// Irreversible actions through their real routes (issue 11): each is refused, changing nothing, without the
// field of its confirmation step; a draft is sent from its own page through the same rules as the form; settling
// a dispute as "upheld" never drops scores that were changed; the period lock shows what is still open.
import { readFileSync } from "node:fs";
import { and, between, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { periodFromId } from "../../analytics/period";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import { UPHELD_WITH_EDITS } from "../../app/.server/evaluation-workflow";
import { NOT_CONFIRMED } from "../../app/.server/forms";
import { kpiDashboard } from "../../app/.server/kpi-dashboard";
import { periodsWithData } from "../../app/.server/periods";
import type { Access } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as settlePage from "../../app/routes/evaluasi.$id.selesaikan";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as periodReview from "../../app/routes/evaluasi.periode.nilai";
import * as previewPage from "../../app/routes/impor.$id._index";
import * as batchPage from "../../app/routes/impor.riwayat.$id._index";
import * as review from "../../app/routes/kpi._index";
import * as certificatePage from "../../app/routes/sertifikat.$id._index";
import * as staffPage from "../../app/routes/staf.$id._index";
import * as templatePage from "../../app/routes/template.$id";
import * as rosterRoute from "../../app/routes/tenaga-kerja.jadwal";
import { commentField, valueField } from "../../app/score-fields";
import {
  callStats,
  capabilityDecisions,
  certificates,
  evaluationRevisions,
  evaluations,
  importBatches,
  periods,
  scorecardItems,
  scorecardVersions,
  shifts,
  users,
} from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, scoreForm, staffIdOf } from "../support/evaluations";
import { callRoute, type RouteResult, sessionCookie, uploadThroughPage } from "../support/routes";

// The demo is built relative to "now"; a fixed now keeps its periods the same on every run.
const NOW = new Date("2026-11-29T03:00:00Z");
const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

const who: Record<string, string> = {};
let agent = 0;
beforeAll(async () => {
  for (const u of ["penilai", "koordinator", "petugas", "kasi", "hr", "supervisor"])
    who[u] = await sessionCookie(u, DEMO_PASSWORD);
  agent = await staffIdOf(db(), "petugas");
});

type Failure = { errors: Record<string, string>; values: Record<string, string> };
const idFrom = (r: RouteResult) => Number(r.location?.match(/^\/evaluasi\/(\d+)/)?.[1]);
const refusedUnconfirmed = (r: RouteResult) => {
  expect(r.status).toBe(400);
  expect((r.data as Failure).errors._form).toBe(NOT_CONFIRMED);
};
async function load(id: number) {
  const [row] = await db().select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw new Error(`no evaluation ${id}`);
  return row;
}
const onEvaluation = (id: number, form: Record<string, string>, cookie: string | undefined) =>
  callRoute(evaluationPage, "/evaluasi/x", { method: "POST", params: { id: String(id) }, form, cookie });
const newDraft = async (values: Record<string, string> = {}) =>
  idFrom(
    await callRoute(newEvaluation, "/evaluasi/baru", {
      method: "POST",
      form: await interactionForm(db(), agent, { intent: "draft", values }),
      cookie: who.penilai,
    }),
  );

describe("without the confirmation step nothing irreversible happens", () => {
  it("deleting and sending a draft, acknowledging an evaluation", async () => {
    const draft = await newDraft();
    const { lockVersion } = await load(draft);
    refusedUnconfirmed(await onEvaluation(draft, { intent: "delete", lockVersion: String(lockVersion) }, who.penilai));
    refusedUnconfirmed(await onEvaluation(draft, { intent: "send", lockVersion: String(lockVersion) }, who.penilai));
    expect(await load(draft)).toMatchObject({ state: "draft", lockVersion });

    const sent = idFrom(
      await callRoute(newEvaluation, "/evaluasi/baru", {
        method: "POST",
        form: await interactionForm(db(), agent),
        cookie: who.penilai,
      }),
    );
    refusedUnconfirmed(await onEvaluation(sent, { intent: "acknowledge" }, who.petugas));
    expect((await load(sent)).state).toBe("submitted");
    // The dispute is deliberate (a written reason) and needs no extra step.
    const disputed = await onEvaluation(sent, { intent: "dispute", reason: "S4 tidak sesuai rekaman." }, who.petugas);
    expect(disputed.location).toBe(`/evaluasi/${sent}?disanggah=1`);
  });

  it("approving a period, deleting a shift, revoking a certificate or a capability decision, undoing an import", async () => {
    refusedUnconfirmed(
      await callRoute(review, "/kpi?periode=2026-09", {
        method: "POST",
        form: { intent: "approve" },
        cookie: who.kasi,
      }),
    );
    expect(
      await db()
        .select()
        .from(periods)
        .where(and(eq(periods.id, "2026-09"), eq(periods.status, "approved"))),
    ).toEqual([]);

    const [shift] = await db().select().from(shifts).limit(1);
    const deleted = await callRoute(rosterRoute, "/tenaga-kerja/jadwal", {
      method: "POST",
      form: { intent: "delete", id: String(shift?.id) },
      cookie: who.koordinator,
    });
    refusedUnconfirmed(deleted);
    expect(
      await db()
        .select()
        .from(shifts)
        .where(eq(shifts.id, shift?.id ?? 0)),
    ).toHaveLength(1);

    const [certificate] = await db().select().from(certificates).where(isNull(certificates.revokedAt)).limit(1);
    const revoked = await callRoute(certificatePage, "/sertifikat/x", {
      method: "POST",
      params: { id: String(certificate?.id) },
      form: { reason: "Salah terbit, diganti nomor baru." },
      cookie: who.kasi,
    });
    refusedUnconfirmed(revoked);
    expect(
      (
        await db()
          .select()
          .from(certificates)
          .where(eq(certificates.id, certificate?.id ?? 0))
      )[0]?.revokedAt,
    ).toBeNull();

    const [decision] = await db()
      .select()
      .from(capabilityDecisions)
      .where(isNull(capabilityDecisions.withdrawnAt))
      .limit(1);
    const withdrawn = await callRoute(staffPage, "/staf/x", {
      method: "POST",
      params: { id: String(decision?.staffId) },
      form: { intent: "withdraw", decisionId: String(decision?.id), reason: "Surat keputusan dibatalkan." },
      cookie: who.kasi,
    });
    refusedUnconfirmed(withdrawn);
    const [still] = await db()
      .select()
      .from(capabilityDecisions)
      .where(eq(capabilityDecisions.id, decision?.id ?? 0));
    expect(still?.withdrawnAt).toBeNull();

    // A batch of the sample training file, imported by HR through the pages.
    const file = new File([readFileSync("fixtures/samples/pelatihan-contoh.csv")], "pelatihan-contoh.csv", {
      type: "text/csv",
    });
    const upload = (await uploadThroughPage(who.hr, file)).location?.split("/").at(-1) ?? "";
    const committed = await callRoute(previewPage, "/impor/x", {
      method: "POST",
      params: { id: upload },
      form: {},
      cookie: who.hr,
    });
    const batch = { id: Number(committed.location?.match(/\/impor\/riwayat\/(\d+)/)?.[1]) };
    const cookie = who.hr;
    const undone = await callRoute(batchPage, "/impor/riwayat/x", {
      method: "POST",
      params: { id: String(batch.id) },
      form: {},
      cookie,
    });
    refusedUnconfirmed(undone);
    expect((await db().select().from(importBatches).where(eq(importBatches.id, batch.id)))[0]?.undoneAt).toBeNull();
    const confirmed = await callRoute(batchPage, "/impor/riwayat/x", {
      method: "POST",
      params: { id: String(batch.id) },
      form: { konfirmasi: "ya" },
      cookie,
    });
    expect(confirmed.location).toBe(`/impor/riwayat/${batch.id}?dibatalkan=1`);
  });

  it("removing a template item, publishing or discarding a draft version", async () => {
    const [published] = await db()
      .select()
      .from(scorecardVersions)
      .where(eq(scorecardVersions.status, "published"))
      .limit(1);
    const post = (id: number, form: Record<string, string>) =>
      callRoute(templatePage, "/template/x", {
        method: "POST",
        params: { id: String(id) },
        form,
        cookie: who.koordinator,
      });
    const started = await post(published?.id ?? 0, { intent: "new-draft", templateId: String(published?.templateId) });
    const draftId = Number(started.location?.match(/\/template\/(\d+)/)?.[1]);
    const [draft] = await db().select().from(scorecardVersions).where(eq(scorecardVersions.id, draftId));
    const [item] = await db().select().from(scorecardItems).where(eq(scorecardItems.versionId, draftId)).limit(1);
    const lockVersion = String(draft?.lockVersion);
    refusedUnconfirmed(await post(draftId, { intent: "remove-item", itemId: String(item?.id), lockVersion }));
    refusedUnconfirmed(await post(draftId, { intent: "publish", lockVersion }));
    refusedUnconfirmed(await post(draftId, { intent: "discard", lockVersion }));
    expect(
      await db()
        .select()
        .from(scorecardItems)
        .where(eq(scorecardItems.id, item?.id ?? 0)),
    ).toHaveLength(1);
    expect((await db().select().from(scorecardVersions).where(eq(scorecardVersions.id, draftId)))[0]?.status).toBe(
      "draft",
    );
    // Confirmed, the same form does it.
    const discarded = await post(draftId, { intent: "discard", lockVersion, konfirmasi: "ya" });
    expect(discarded.location).toBe("/template");
  });
});

describe("sending a draft from its own page", () => {
  it("sends a complete draft as saved: submitted, revision 1, the scores of the draft", async () => {
    const id = await newDraft({ S4: "5" });
    const before = await load(id);
    const r = await onEvaluation(
      id,
      { intent: "send", lockVersion: String(before.lockVersion), konfirmasi: "ya" },
      who.penilai,
    );
    expect(r.location).toBe(`/evaluasi/${id}?terkirim=1`);
    const after = await load(id);
    expect(after).toMatchObject({ state: "submitted", revision: 1, total: before.total, note: before.note });
    const revisions = await db().select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, id));
    expect(revisions).toHaveLength(1);
  });

  it("refuses an incomplete draft with what is missing and how to fix it, changing nothing", async () => {
    const id = await newDraft({ S4: "", H2: "" });
    const before = await load(id);
    const r = await onEvaluation(
      id,
      { intent: "send", lockVersion: String(before.lockVersion), konfirmasi: "ya" },
      who.penilai,
    );
    expect(r.status).toBe(400);
    const message = (r.data as Failure).errors._form ?? "";
    expect(message).toMatch(/^Draf belum dapat dikirim: butir H2, S4 belum dinilai\./);
    expect(message).toContain('"Lanjutkan draf"');
    expect(await load(id)).toEqual(before);
  });

  it("sends a period review draft too, with its CPH as typed", async () => {
    const periodId = "2026-11";
    const form = {
      agentId: String(agent),
      periodId,
      intent: "draft",
      cphActual: "8,5",
      cphChannel: "telepon",
      cphSourceNote: "Laporan aplikasi telepon",
      ...(await scoreForm(db(), agent, ["kedisiplinan"])),
    };
    await db()
      .delete(evaluations)
      .where(
        and(
          eq(evaluations.kind, "period_review"),
          eq(evaluations.agentStaffId, agent),
          eq(evaluations.periodId, periodId),
        ),
      );
    // The demo holds the agent's call statistics, whose CPH a review takes unless overridden: without them the
    // assessor's typed CPH is the one kept.
    const { firstDay, lastDay } = periodFromId(periodId);
    await db()
      .delete(callStats)
      .where(and(eq(callStats.staffId, agent), between(callStats.day, firstDay, lastDay)));
    const saved = await callRoute(periodReview, `/evaluasi/periode/nilai?petugas=${agent}&periode=${periodId}`, {
      method: "POST",
      form,
      cookie: who.penilai,
    });
    const id = idFrom(saved);
    const before = await load(id);
    expect(before.state).toBe("draft");
    const r = await onEvaluation(
      id,
      { intent: "send", lockVersion: String(before.lockVersion), konfirmasi: "ya" },
      who.penilai,
    );
    expect(r.location).toBe(`/evaluasi/${id}?terkirim=1`);
    expect(await load(id)).toMatchObject({ state: "submitted", cphActual: 8.5, kedisiplinan: before.kedisiplinan });
  });
});

describe("settling a dispute never drops changed scores", () => {
  async function disputed() {
    const id = idFrom(
      await callRoute(newEvaluation, "/evaluasi/baru", {
        method: "POST",
        form: await interactionForm(db(), agent, { comments: { H1: "Jawaban tepat." } }),
        cookie: who.penilai,
      }),
    );
    await onEvaluation(id, { intent: "dispute", reason: "S4 dinilai 4, padahal jeda karena INSW." }, who.petugas);
    return load(id);
  }
  const settle = (id: number, form: Record<string, string>) =>
    callRoute(settlePage, "/x", { method: "POST", params: { id: String(id) }, form, cookie: who.koordinator });

  it('"Nilai tetap" with a changed score (a page without scripts) is refused, keeping what was typed', async () => {
    const e = await disputed();
    const scores = await scoreForm(db(), agent, INTERACTION_SECTIONS, { S4: "5" }, { H1: "Jawaban tepat." });
    const r = await settle(e.id, { outcome: "upheld", note: "Tetap.", lockVersion: String(e.lockVersion), ...scores });
    expect(r.status).toBe(400);
    const failed = r.data as Failure;
    expect(failed.errors.outcome).toBe(UPHELD_WITH_EDITS);
    expect(failed.values).toMatchObject({ ...scores, outcome: "upheld", note: "Tetap." });
    expect(await load(e.id)).toEqual(e);
  });

  it('"Nilai tetap" with a changed comment is refused too; with the scores as they are it is settled', async () => {
    const e = await disputed();
    const changed = await scoreForm(db(), agent, INTERACTION_SECTIONS, {}, { H1: "Jawaban kurang tepat." });
    const h1 = Object.keys(changed).find((k) => k.startsWith("catatan."));
    expect(h1).toBeDefined();
    const refused = await settle(e.id, {
      outcome: "upheld",
      note: "Tetap.",
      lockVersion: String(e.lockVersion),
      ...changed,
    });
    expect((refused.data as Failure).errors.outcome).toBe(UPHELD_WITH_EDITS);
    const same = await scoreForm(db(), agent, INTERACTION_SECTIONS, {}, { H1: "Jawaban tepat." });
    const r = await settle(e.id, { outcome: "upheld", note: "Tetap.", lockVersion: String(e.lockVersion), ...same });
    expect(r.location).toBe(`/evaluasi/${e.id}?diselesaikan=1`);
    expect(await load(e.id)).toMatchObject({ state: "final", settlement: "upheld", total: e.total, revision: 1 });
    // The field names are the ones the page posts.
    expect(valueField(1)).toBe("nilai.1");
    expect(commentField(1)).toBe("catatan.1");
  });
});

describe("locking a period", () => {
  type Page = { lock: Record<string, number> | null; ended: boolean; choices: { value: string }[]; hasData: boolean };
  it("shows the Kepala Seksi what is still open, counted from the records; others do not get it", async () => {
    const periodId = "2026-09";
    const page = (await callRoute(review, `/kpi?periode=${periodId}`, { cookie: who.kasi })).data as Page;
    const count = async (state: string) =>
      (
        await db()
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(evaluations)
          .where(and(eq(evaluations.periodId, periodId), eq(evaluations.state, state)))
      )[0]?.n;
    expect(page.lock).toMatchObject({ disputes: await count("disputed"), drafts: await count("draft") });
    expect(page.lock?.incomplete).toBeGreaterThanOrEqual(0);
    expect(page.lock?.belowQuota).toBeGreaterThanOrEqual(0);
    expect(page.ended).toBe(true);
    const supervisor = (await callRoute(review, `/kpi?periode=${periodId}`, { cookie: who.supervisor })).data as Page;
    expect(supervisor.lock).toBeNull();
  });

  it("offers the periods from the first with data, and says when a period has none", async () => {
    const [first] = await db()
      .select({ id: sql<string>`min(${evaluations.periodId})` })
      .from(evaluations);
    const list = await periodsWithData(db(), NOW);
    expect(list.at(-1)?.id).toBe(first?.id);
    expect(list[0]?.id).toBe("2026-11");
    const settings = await getSettings(db());
    const [kasi] = await db().select().from(users).where(eq(users.username, "kasi"));
    const access: Access = {
      userId: kasi?.id ?? 0,
      roles: ["kepala_seksi"],
      scope: "any",
      staffId: kasi?.staffId ?? null,
      teamId: null,
      groupName: null,
    };
    const empty = await kpiDashboard(db(), settings, access, "2025-01", { now: NOW });
    expect(empty.hasData).toBe(false);
    const full = await kpiDashboard(db(), settings, access, "2026-09", { now: NOW });
    expect(full.hasData).toBe(true);
    // An older period asked for (a bookmark) is shown, on the list, saying it has no data.
    const old = (await callRoute(review, "/kpi?periode=2025-01", { cookie: who.kasi })).data as Page & {
      period: { id: string };
    };
    expect(old.period.id).toBe("2025-01");
    expect(old.hasData).toBe(false);
    expect(old.choices.at(-1)?.value).toBe("2025-01");
    // A period that has not started is never approved, nor another one in its place.
    const wrong = await callRoute(review, "/kpi?periode=2030-01", {
      method: "POST",
      form: { intent: "approve", konfirmasi: "ya" },
      cookie: who.kasi,
    });
    expect(wrong.status).toBe(400);
  });
});
