// The KPI of a period on the demo data, checked by hand from the evaluations themselves; incomplete KPIs;
// what the supervisor sees; and approving a period locks it until it is reopened with a reason.
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { byTeamAndRank } from "../../analytics/kpi";
import { periodOf } from "../../analytics/period";
import { periodIku } from "../../app/.server/iku";
import { periodKpiReport } from "../../app/.server/period-kpi";
import { createReport } from "../../app/.server/reports";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as review from "../../app/routes/kpi._index";
import * as reportList from "../../app/routes/laporan._index";
import * as newReport from "../../app/routes/laporan.baru";
import { auditLog, evaluations, ikuTargets, periods, scorecardVersions, staff, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

// The demo is built relative to "now"; a fixed now keeps its periods the same on every run.
const NOW = new Date("2026-11-29T03:00:00Z");
const PERIOD = "2026-09";
const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

type Report = Awaited<ReturnType<typeof periodKpiReport>>;
let report: Report;
beforeAll(async () => {
  report = await periodKpiReport(db(), PERIOD, await getSettings(db()), SYSTEM_ACCESS);
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the demo data", () => {
  it("dates no interaction before its agent's hire date (the evaluation form would refuse it)", async () => {
    const early = await db()
      .select({ id: evaluations.id })
      .from(evaluations)
      .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
      .where(sql`(${evaluations.interactionAt} at time zone 'Asia/Jakarta')::date < ${staff.hireDate}`);
    expect(early).toEqual([]);
  });
});

describe("the KPI of a period", () => {
  it("equals, for the demo agent and two others, a hand computation from their evaluations", async () => {
    const agentIds = [await staffIdOf(db(), "petugas"), report.agents[3]?.staffId ?? 0, report.agents[9]?.staffId ?? 0];
    for (const agentId of agentIds) {
      const rows = await db()
        .select()
        .from(evaluations)
        .where(
          and(eq(evaluations.agentStaffId, agentId), eq(evaluations.periodId, PERIOD), ne(evaluations.state, "draft")),
        );
      const interactions = rows.filter((r) => r.kind === "interaction");
      const review = rows.find((r) => r.kind === "period_review");
      expect(interactions.length).toBeGreaterThan(0);
      const [version] = await db()
        .select()
        .from(scorecardVersions)
        .where(eq(scorecardVersions.id, interactions[0]?.versionId ?? 0));
      // The default template: hardskill 40, softskill 30, kedisiplinan 20, CPH 10.
      expect(version).toMatchObject({
        weightHardskill: 40,
        weightSoftskill: 30,
        weightKedisiplinan: 20,
        weightCph: 10,
      });
      // A failed critical item counts as 0 in both interaction dimensions.
      const hardskill = mean(interactions.map((e) => (e.criticalFailed ? 0 : (e.hardskill ?? 0))));
      const softskill = mean(interactions.map((e) => (e.criticalFailed ? 0 : (e.softskill ?? 0))));
      const final =
        (40 * hardskill +
          30 * softskill +
          20 * (review?.kedisiplinan ?? Number.NaN) +
          10 * (review?.cphScore ?? Number.NaN)) /
        100;
      const row = report.agents.find((a) => a.staffId === agentId);
      expect(row?.evaluations).toBe(interactions.length);
      expect(row?.dimensions.hardskill).toBeCloseTo(hardskill, 9);
      expect(row?.dimensions.softskill).toBeCloseTo(softskill, 9);
      expect(row?.kpi.score).toBeCloseTo(final, 9);
      expect(row?.cphActual).toBe(review?.cphActual);
    }
  });

  it("ranks within each team and summarises each team from its agents' complete KPIs", () => {
    for (const team of report.teams) {
      const members = report.agents.filter((a) => a.teamId === team.teamId && a.kpi.score !== null);
      expect(team.summary.average).toBeCloseTo(mean(members.map((m) => m.kpi.score ?? 0)), 9);
      const best = members.reduce((a, b) => ((a.kpi.score ?? 0) >= (b.kpi.score ?? 0) ? a : b));
      expect(best.rank).toBe(1);
      expect(team.summary.distribution.reduce((n, d) => n + d.count, 0)).toBe(members.length);
    }
  });

  it("names what is missing when a dimension has no data, and gives neither predikat nor rank", async () => {
    const october = await periodKpiReport(db(), "2026-10", await getSettings(db()), SYSTEM_ACCESS);
    const incomplete = october.agents.filter((a) => a.kpi.score === null);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const a of incomplete) {
      expect(a.kpi.missing.length).toBeGreaterThan(0);
      for (const m of a.kpi.missing) expect(a.dimensions[m]).toBeNull();
      expect(a).toMatchObject({ predikat: null, rank: null });
    }
  });

  it("the supervisor's page holds their own team only", async () => {
    const r = await callRoute(review, `/kpi?periode=${PERIOD}`, {
      cookie: await sessionCookie("supervisor", DEMO_PASSWORD),
    });
    expect(r.status).toBe(200);
    const data = r.data as { summary: Pick<Report, "teams">; agents: { rows: Report["agents"]; total: number } };
    expect(data.summary.teams).toHaveLength(1);
    expect(new Set(data.agents.rows.map((a) => a.teamId)).size).toBe(1);
    expect(data.agents.total).toBeLessThan(report.agents.length);
  });

  it("lists the agents team by team, best first, fifty to a page, and shows the last page for a page past the end", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    type Page = { agents: { rows: Report["agents"]; page: number; pages: number; total: number } };
    const first = (await callRoute(review, `/kpi?periode=${PERIOD}`, { cookie })).data as Page;
    expect(first.agents).toMatchObject({ page: 1, total: report.agents.length });
    expect(first.agents.rows.map((a) => a.staffId)).toEqual(
      [...report.agents]
        .sort(byTeamAndRank)
        .slice(0, 50)
        .map((a) => a.staffId),
    );
    const past = (await callRoute(review, `/kpi?periode=${PERIOD}&halaman=99`, { cookie })).data as Page;
    expect(past.agents.page).toBe(past.agents.pages);
  });

  it("sorts the agents by a column within each team, highest first then reversed, incomplete values last", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    type Page = { agents: { rows: Report["agents"] } };
    const cphOf = async (arah: string) =>
      ((await callRoute(review, `/kpi?periode=${PERIOD}&urut=cph&arah=${arah}`, { cookie })).data as Page).agents.rows;
    for (const arah of ["turun", "naik"]) {
      const rows = await cphOf(arah);
      const teams = rows.map((a) => a.teamName);
      expect(teams).toEqual([...teams].sort((x, y) => x.localeCompare(y, "id"))); // teams stay apart
      for (const team of new Set(teams)) {
        const values = rows.filter((a) => a.teamName === team).map((a) => a.cphActual);
        const known = values.filter((v): v is number => v !== null);
        expect(values.slice(0, known.length)).toEqual(known); // no value: at the end of the team
        expect(known).toEqual([...known].sort((x, y) => (arah === "turun" ? y - x : x - y)));
      }
    }
    expect((await cphOf("turun"))[0]?.cphActual).not.toBe((await cphOf("naik"))[0]?.cphActual);
  });
});

describe("approving a period", () => {
  const post = async (path: string, form: Record<string, string>, who = "kasi") =>
    callRoute(review, path, { method: "POST", form, cookie: await sessionCookie(who, DEMO_PASSWORD) });

  it("is refused for a period that has not ended, and for one with an unsettled dispute", async () => {
    const current = await post("/kpi?periode=2026-11", { intent: "approve", konfirmasi: "ya" });
    expect(current.status).toBe(409);
    expect(JSON.stringify(current.data)).toContain("belum berakhir");
    // An agent disputes an evaluation of August (the demo's open disputes are all in the current period).
    const [august] = await db()
      .select()
      .from(evaluations)
      .where(
        and(eq(evaluations.periodId, "2026-08"), eq(evaluations.kind, "interaction"), ne(evaluations.state, "draft")),
      )
      .limit(1);
    await db()
      .update(evaluations)
      .set({ state: "disputed", disputedAt: NOW, disputeReason: "Uji" })
      .where(eq(evaluations.id, august?.id ?? 0));
    const r = await post("/kpi?periode=2026-08", { intent: "approve", konfirmasi: "ya" });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toMatch(/sanggahan yang belum diselesaikan/);
  });

  it("locks the period: new evaluations and reports into it are refused, the page says so", async () => {
    const approved = await post(`/kpi?periode=${PERIOD}`, { intent: "approve", konfirmasi: "ya" });
    expect(approved.status).toBe(302);
    const [row] = await db().select().from(periods).where(eq(periods.id, PERIOD));
    expect(row?.status).toBe("approved");

    const agent = await staffIdOf(db(), "petugas");
    const evaluation = await callRoute(newEvaluation, "/evaluasi/baru", {
      method: "POST",
      form: await interactionForm(db(), agent, { at: "2026-10-01T10:00" }),
      cookie: await sessionCookie("penilai", DEMO_PASSWORD),
    });
    expect(evaluation.status).toBe(409);
    expect(JSON.stringify(evaluation.data)).toContain("dikunci");

    const [kasi] = await db().select().from(users).where(eq(users.username, "kasi"));
    await expect(
      createReport(
        db(),
        { id: kasi?.id ?? 0, username: "kasi" },
        {
          kind: "penjamin_kualitas",
          reportDate: "2026-10-02",
          problemAroseOn: "2026-10-01",
          title: "Uji",
          problem: "Uji",
          regulation: "KEP-165/BC/2014",
          analysis: "Uji",
          conclusion: "Uji",
        },
      ),
    ).rejects.toThrow(/dikunci/);

    const page = await callRoute(review, `/kpi?periode=${PERIOD}`, {
      cookie: await sessionCookie("kasi", DEMO_PASSWORD),
    });
    expect((page.data as { status: { approved: boolean; approvedBy: string } }).status).toMatchObject({
      approved: true,
      approvedBy: kasi?.displayName,
    });
  });

  it("reopening needs a written reason, which the audit log keeps", async () => {
    const bare = await post(`/kpi?periode=${PERIOD}`, { intent: "reopen", reason: " " });
    expect(bare.status).toBe(400);
    const notAllowed = await post(
      `/kpi?periode=${PERIOD}`,
      { intent: "reopen", reason: "Koreksi nilai CPH." },
      "koordinator",
    );
    expect(notAllowed.status).toBe(403);
    const reason = "Koreksi CPH setelah data sistem telepon diperbaiki.";
    const reopened = await post(`/kpi?periode=${PERIOD}`, { intent: "reopen", reason });
    expect(reopened.status).toBe(302);
    const [row] = await db().select().from(periods).where(eq(periods.id, PERIOD));
    expect(row).toMatchObject({ status: "open", reopenReason: reason });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "period.reopen"), eq(auditLog.entityId, PERIOD)));
    expect(JSON.stringify(audit?.after)).toContain(reason);
  });
});

describe("written reports", () => {
  it("a coordinator files one; it is listed under the period of its date; a bad date says how to write it", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const form = {
      kind: "penjamin_kualitas",
      reportDate: "26/11/2026",
      problemAroseOn: "24/11/2026",
      title: "Hasil kalibrasi November",
      problem: "Selisih penilaian butir empati antarpenilai.",
      regulation: "KEP-165/BC/2014 Lampiran I butir 2.3.1",
      analysis: "Dua penilai menilai lebih tinggi dari konsensus.",
      conclusion: "Sesi kalibrasi tambahan untuk butir empati.",
    };
    const bad = await callRoute(newReport, "/laporan/baru", {
      method: "POST",
      cookie,
      form: { ...form, reportDate: "31/11/2026" },
    });
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors.reportDate).toMatch(/HH\/BB\/TTTT/);
    const ok = await callRoute(newReport, "/laporan/baru", { method: "POST", cookie, form });
    expect(ok.status).toBe(302);
    const list = await callRoute(reportList, "/laporan?periode=2026-11", { cookie });
    const reports = (list.data as { reports: { title: string; author: string }[] }).reports;
    expect(reports.map((r) => r.title)).toContain("Hasil kalibrasi November");
    const before = await callRoute(reportList, "/laporan?periode=2026-10", { cookie });
    expect((before.data as { reports: { title: string }[] }).reports.map((r) => r.title)).not.toContain(
      "Hasil kalibrasi November",
    );
  });
});

describe("IKU targets", () => {
  it("a period whose targets were never set reads the default targets of the settings (85, 95, 90, 100, 95)", async () => {
    const settings = await getSettings(db());
    // The demo sets targets for the five periods before the current one, not for the current one.
    const report = await periodKpiReport(db(), periodOf(NOW).id, settings, SYSTEM_ACCESS);
    const iku = await periodIku(db(), report, settings);
    expect(Object.fromEntries(iku.map((i) => [i.code, i.target]))).toEqual({
      rata_nilai_qa: 85,
      cakupan_evaluasi: 95,
      staf_bersertifikat: 90,
      capaian_cph: 100,
      sanggahan_tepat_waktu: 95,
    });
  });

  it("a word where a number belongs is refused in Indonesian, kept as typed, and nothing is saved", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const before = await db().select().from(ikuTargets).where(eq(ikuTargets.periodId, "2026-10"));
    const refused = await callRoute(review, "/kpi?periode=2026-10", {
      method: "POST",
      cookie,
      form: { intent: "iku", "target.rata_nilai_qa": "tinggi", "target.cakupan_evaluasi": "95" },
    });
    expect(refused.status).toBe(400);
    const { errors, values } = refused.data as { errors: Record<string, string>; values: Record<string, string> };
    // Not zod's English "Invalid input" of a union (issue 11, the journeys' walk).
    expect(errors).toEqual({ "target.rata_nilai_qa": expect.stringMatching(/^Isi dengan angka, misalnya 80/) });
    expect(values).toMatchObject({ "target.rata_nilai_qa": "tinggi", "target.cakupan_evaluasi": "95" });
    expect(await db().select().from(ikuTargets).where(eq(ikuTargets.periodId, "2026-10"))).toEqual(before);

    const saved = await callRoute(review, "/kpi?periode=2026-10", {
      method: "POST",
      cookie,
      form: { intent: "iku", "target.rata_nilai_qa": "82,5", "target.cakupan_evaluasi": "" },
    });
    expect(saved.status).toBe(302);
    const rows = await db().select().from(ikuTargets).where(eq(ikuTargets.periodId, "2026-10"));
    expect(rows.map((r) => [r.indicator, r.target])).toEqual([["rata_nilai_qa", 82.5]]);
    // Once one is set, the period has the targets the Kepala Seksi set: the others none.
    const settings = await getSettings(db());
    const iku = await periodIku(db(), await periodKpiReport(db(), "2026-10", settings, SYSTEM_ACCESS), settings);
    expect(iku.filter((i) => i.target !== null).map((i) => i.code)).toEqual(["rata_nilai_qa"]);
  });
});
