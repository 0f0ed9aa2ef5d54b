// The evaluation workflow on the real database, through the real routes: draft → submitted →
// acknowledged | disputed → final, by role and by state, with stale edits, locked periods and the window.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import * as list from "../../app/routes/evaluasi._index";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as settlePage from "../../app/routes/evaluasi.$id.selesaikan";
import * as editDraft from "../../app/routes/evaluasi.$id.ubah";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import { valueField } from "../../app/score-fields";
import { auditLog, evaluationRevisions, evaluations, periods, staff, teams } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, scoreForm, staffIdOf } from "../support/evaluations";
import { callRoute, type RouteResult, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

const who: Record<string, string> = {};
let agent = 0; // the demo petugas
let otherAgent = 0; // another agent of the same team

beforeAll(async () => {
  for (const u of ["penilai", "koordinator", "petugas", "supervisor", "kasi"])
    who[u] = await sessionCookie(u, DEMO_PASSWORD);
  agent = await staffIdOf(db(), "petugas");
  const [li] = await db().select().from(teams).where(eq(teams.code, "layanan_informasi"));
  const colleagues = await db()
    .select()
    .from(staff)
    .where(and(eq(staff.teamId, li?.id ?? 0), eq(staff.active, true)));
  otherAgent = colleagues.find((s) => s.id !== agent && s.position === "petugas_layanan")?.id ?? 0;
});

type Failure = { errors: Record<string, string>; values: Record<string, string> };
const idFrom = (r: RouteResult) => Number(r.location?.match(/^\/evaluasi\/(\d+)/)?.[1]);

async function submit(form: Record<string, string>, cookie = who.penilai) {
  return callRoute(newEvaluation, "/evaluasi/baru", { method: "POST", form, cookie });
}
async function load(id: number) {
  const [row] = await db().select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw new Error(`no evaluation ${id}`);
  return row;
}
async function respond(id: number, form: Record<string, string>, cookie = who.petugas) {
  return callRoute(evaluationPage, "/evaluasi/x", { method: "POST", params: { id: String(id) }, form, cookie });
}
async function view(id: number, cookie: string | undefined) {
  return callRoute(evaluationPage, "/evaluasi/x", { params: { id: String(id) }, cookie });
}

describe("scoring an interaction", () => {
  it("all 4s and Ya: hardskill (75×80 + 100×20) ÷ 100 = 80, softskill (100×15 + 75×85) ÷ 100 = 78.75, total (40×80 + 30×78.75) ÷ 70 = 79.46; revision 1 is kept", async () => {
    const r = await submit(await interactionForm(db(), agent));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/\?terkirim=1$/);
    const e = await load(idFrom(r));
    expect(e).toMatchObject({
      state: "submitted",
      periodId: "2026-11",
      hardskill: 80,
      softskill: 78.75,
      revision: 1,
      criticalFailed: false,
    });
    expect(e.total).toBeCloseTo(5562.5 / 70, 10);
    const revisions = await db().select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, e.id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.snapshot.total).toBeCloseTo(79.4643, 3);
  });

  it("the period follows the interaction time in WIB: 26 Nov 2026 00.00 is 2026-11, 25 Nov 23.59 is 2026-10", async () => {
    const a = await load(idFrom(await submit(await interactionForm(db(), otherAgent, { at: "2026-11-26T00:00" }))));
    const b = await load(idFrom(await submit(await interactionForm(db(), otherAgent, { at: "2026-11-25T23:59" }))));
    expect(a.periodId).toBe("2026-11");
    expect(b.periodId).toBe("2026-10");
    expect(a.interactionAt?.toISOString()).toBe("2026-11-25T17:00:00.000Z");
  });

  it("a critical item answered Tidak sets the total to 0 and flags it", async () => {
    const e = await load(idFrom(await submit(await interactionForm(db(), agent, { values: { SK1: "tidak" } }))));
    expect(e).toMatchObject({ total: 0, criticalFailed: true, softskill: 78.75 });
  });

  it("submitting with items unscored names each of them, keeps what was chosen, and saves nothing", async () => {
    const before = (await db().select().from(evaluations)).length;
    const form = await interactionForm(db(), agent, { values: { H1: "", S3: "", HK2: "" } });
    const r = await submit(form);
    expect(r.status).toBe(400);
    const errors = Object.values((r.data as Failure).errors);
    expect(errors.filter((m) => m === "Belum dinilai.")).toHaveLength(3);
    expect((r.data as Failure).values.interactionRef).toBe("CALL-TEST-0001");
    expect((await db().select().from(evaluations)).length).toBe(before);
  });

  it("refuses out-of-range values, N/A where not allowed, and unknown channels", async () => {
    const r = await submit({ ...(await interactionForm(db(), agent, { values: { H1: "na" } })), channel: "fax" });
    const errors = (r.data as Failure).errors;
    expect(r.status).toBe(400);
    expect(errors.channel).toBe("Pilih saluran komunikasi interaksi ini.");
    const bad = await submit(await interactionForm(db(), agent, { values: { H1: "9", H2: "na" } }));
    const badErrors = Object.values((bad.data as Failure).errors);
    expect(badErrors).toContain("Nilai tidak dikenal. Pilih salah satu pilihan.");
    expect(badErrors).toContain("Butir ini tidak boleh N/A.");
  });

  it("an assessor cannot evaluate themself, an inactive agent, or an interaction in the future", async () => {
    const base = await interactionForm(db(), agent);
    const self = await submit({ ...base, agentId: String(await staffIdOf(db(), "penilai")) });
    expect((self.data as Failure).errors.agentId).toBe("Anda tidak dapat menilai diri sendiri.");
    const [inactive] = await db().select().from(staff).where(eq(staff.active, false));
    const gone = await submit({ ...base, agentId: String(inactive?.id) });
    expect((gone.data as Failure).errors.agentId).toMatch(/nonaktif/);
    const future = await submit(await interactionForm(db(), agent, { at: "2099-01-01T08:00" }));
    expect((future.data as Failure).errors.interactionAt).toBe("Waktu interaksi tidak boleh di masa depan.");
  });
});

describe("the time of the interaction", () => {
  const wibTime = (day: string) => `${day}T10:00`;
  const periodsBack = (n: number) => shiftPeriod(periodOf(new Date()).id, -n);
  const countEvaluations = async () => (await db().select({ id: evaluations.id }).from(evaluations)).length;
  async function refusedAt(at: string) {
    const before = await countEvaluations();
    const r = await submit(await interactionForm(db(), agent, { at }));
    expect(r.status, at).toBe(409);
    expect(await countEvaluations(), "nothing saved").toBe(before);
    return (r.data as Failure).errors.interactionAt;
  }
  async function withHireDate<T>(hireDate: string | null, run: () => Promise<T>): Promise<T> {
    const [row] = await db().select({ hireDate: staff.hireDate }).from(staff).where(eq(staff.id, agent));
    await db().update(staff).set({ hireDate }).where(eq(staff.id, agent));
    try {
      return await run();
    } finally {
      await db()
        .update(staff)
        .set({ hireDate: row?.hireDate ?? null })
        .where(eq(staff.id, agent));
    }
  }

  it("1970 is refused at the field, and nothing is saved", async () => {
    expect(await refusedAt("1970-01-01T07:00")).toMatch(/^Waktu interaksi sebelum .* Periksa tanggal dan tahunnya\.$/);
  });

  it("before the agent started work (hire date) is refused, naming the date", async () => {
    const hired = periodsBack(2).firstDay;
    await withHireDate(hired, async () => {
      const [person] = await db().select().from(staff).where(eq(staff.id, agent));
      expect(await refusedAt(wibTime(periodsBack(3).firstDay))).toBe(
        `Waktu interaksi sebelum ${person?.fullName} mulai bertugas (${formatDay(hired)}). Periksa tanggal dan tahunnya.`,
      );
      expect((await submit(await interactionForm(db(), agent, { at: wibTime(hired), intent: "draft" }))).status).toBe(
        302,
      );
    });
  });

  it("before the first period Mutu keeps (with no older evaluation: a year back) is refused, naming it", async () => {
    await withHireDate(null, async () => {
      const first = periodsBack(11);
      expect(await refusedAt(wibTime(periodsBack(12).firstDay))).toBe(
        `Waktu interaksi sebelum ${formatDay(first.firstDay)}, awal periode tertua yang disimpan Mutu (${first.label}). Periksa tanggal dan tahunnya.`,
      );
      const inFirst = await submit(
        await interactionForm(db(), agent, { at: wibTime(first.firstDay), intent: "draft" }),
      );
      expect(inFirst.status).toBe(302);
      // An evaluation Mutu already keeps from further back moves the bound back to its period.
      const older = periodsBack(14);
      await db()
        .update(evaluations)
        .set({ periodId: older.id })
        .where(eq(evaluations.id, idFrom(inFirst)));
      const back = await submit(await interactionForm(db(), agent, { at: wibTime(older.firstDay), intent: "draft" }));
      expect(back.status).toBe(302);
      expect(await refusedAt(wibTime(periodsBack(15).firstDay))).toMatch(
        new RegExp(older.label.replace(/[()]/g, "\\$&")),
      );
    });
  });
});

describe("drafts", () => {
  let draftId = 0;

  it("a draft may be partial, and only its author sees it", async () => {
    const r = await submit(await interactionForm(db(), agent, { intent: "draft", values: { H1: "", H2: "" } }));
    draftId = idFrom(r);
    expect(r.location).toMatch(/\?disimpan=1$/);
    expect((await load(draftId)).state).toBe("draft");
    expect((await view(draftId, who.penilai)).status).toBe(200);
    for (const other of [who.petugas, who.supervisor, who.koordinator])
      expect((await view(draftId, other)).status).toBe(404);
    const agentList = await callRoute(list, "/evaluasi", { cookie: who.petugas });
    expect((agentList.data as { rows: { id: number }[] }).rows.map((x) => x.id)).not.toContain(draftId);
  });

  it("a second save from a stale page is refused and changes nothing", async () => {
    const e = await load(draftId);
    const form = { ...(await interactionForm(db(), agent, { intent: "draft" })), lockVersion: String(e.lockVersion) };
    const first = await callRoute(editDraft, "/x", {
      method: "POST",
      params: { id: String(draftId) },
      form,
      cookie: who.penilai,
    });
    expect(first.status).toBe(302);
    const saved = await load(draftId);
    const stale = await callRoute(editDraft, "/x", {
      method: "POST",
      params: { id: String(draftId) },
      form: { ...form, note: "Versi lain" },
      cookie: who.penilai,
    });
    expect(stale.status).toBe(409);
    expect((stale.data as Failure).errors._form).toMatch(/telah diubah atau dikirim dari jendela lain/);
    expect(await load(draftId)).toEqual(saved);
  });

  it("another assessor cannot touch it", async () => {
    const e = await load(draftId);
    const form = { ...(await interactionForm(db(), agent, { intent: "submit" })), lockVersion: String(e.lockVersion) };
    const r = await callRoute(editDraft, "/x", {
      method: "POST",
      params: { id: String(draftId) },
      form,
      cookie: who.koordinator,
    });
    // Not "changed meanwhile": to anyone but its author the draft does not exist.
    expect(r.status).toBe(404);
    expect((await load(draftId)).state).toBe("draft");
  });

  it("a draft sent twice (a double click, a second tab) is submitted once; the second is shown what was sent", async () => {
    const r = await submit(await interactionForm(db(), agent, { intent: "draft" }));
    const id = idFrom(r);
    const form = { ...(await interactionForm(db(), agent, { intent: "submit" })), lockVersion: "1" };
    const send = (note: string) =>
      callRoute(editDraft, "/x", {
        method: "POST",
        params: { id: String(id) },
        form: { ...form, note },
        cookie: who.penilai,
      });
    expect((await send("Pertama.")).location).toBe(`/evaluasi/${id}?terkirim=1`);
    const second = await send("Kedua, dari tab lain.");
    expect(second.status).toBe(302);
    expect(second.location).toBe(`/evaluasi/${id}?sudah-terkirim=1`);
    expect(await load(id)).toMatchObject({ state: "submitted", note: "Pertama.", revision: 1 });
    const revisions = await db().select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, id));
    expect(revisions).toHaveLength(1);
  });

  it("deleting from a stale page says so and keeps the draft; from the current one it goes", async () => {
    const e = await load(draftId);
    const del = (lockVersion: number, cookie = who.penilai) =>
      callRoute(evaluationPage, "/x", {
        method: "POST",
        params: { id: String(draftId) },
        form: { intent: "delete", lockVersion: String(lockVersion), konfirmasi: "ya" },
        cookie,
      });
    const stale = await del(e.lockVersion - 1);
    expect(stale.status).toBe(409);
    expect((stale.data as Failure).errors._form).toMatch(/dari jendela lain sejak Anda membukanya, jadi belum dihapus/);
    expect((await del(e.lockVersion, who.koordinator)).status).toBe(404);
    expect(await load(draftId)).toEqual(e);
    const gone = await del(e.lockVersion);
    expect(gone.location).toBe("/evaluasi?dihapus=1");
    expect(await db().select().from(evaluations).where(eq(evaluations.id, draftId))).toEqual([]);
  });
});

describe("the agent's answer", () => {
  it("the agent sees only their own evaluations in the list", async () => {
    const r = await callRoute(list, "/evaluasi", { cookie: who.petugas });
    const rows = (r.data as { rows: { agentId: number; state: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x.agentId))).toEqual(new Set([agent]));
  });

  it("acknowledge: once, and never for someone else's evaluation", async () => {
    const id = idFrom(await submit(await interactionForm(db(), agent)));
    const mine = await respond(id, { intent: "acknowledge", konfirmasi: "ya" });
    expect(mine.location).toBe(`/evaluasi/${id}?dikonfirmasi=1`);
    expect((await load(id)).state).toBe("acknowledged");
    const again = await respond(id, { intent: "acknowledge", konfirmasi: "ya" });
    expect((again.data as Failure).errors._form).toBe("Evaluasi ini sudah Anda konfirmasi.");
    const theirs = idFrom(await submit(await interactionForm(db(), otherAgent)));
    expect((await respond(theirs, { intent: "acknowledge", konfirmasi: "ya" })).status).toBe(404);
    expect((await load(theirs)).state).toBe("submitted");
  });

  it("a dispute needs a reason and must come within the window", async () => {
    const id = idFrom(await submit(await interactionForm(db(), agent)));
    const short = await respond(id, { intent: "dispute", reason: "salah" });
    expect((short.data as Failure).errors.reason).toMatch(/paling sedikit 10 karakter/);
    await db()
      .update(evaluations)
      .set({ submittedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
      .where(eq(evaluations.id, id));
    const late = await respond(id, { intent: "dispute", reason: "Nilai S4 tidak sesuai rekaman." });
    expect((late.data as Failure).errors._form).toMatch(/^Masa sanggah berakhir/);
    expect((await load(id)).state).toBe("submitted");
  });

  it("nothing changes inside a period the Kepala Seksi approved", async () => {
    const id = idFrom(await submit(await interactionForm(db(), agent)));
    await db().insert(periods).values({ id: "2026-11", status: "approved", approvedAt: new Date() });
    try {
      const answer = await respond(id, { intent: "acknowledge", konfirmasi: "ya" });
      expect((answer.data as Failure).errors._form).toMatch(/sudah disetujui Kepala Seksi dan dikunci/);
      const created = await submit(await interactionForm(db(), agent));
      expect((created.data as Failure).errors._form).toMatch(/dikunci/);
      expect((await load(id)).state).toBe("submitted");
    } finally {
      await db().delete(periods).where(eq(periods.id, "2026-11"));
    }
  });
});

describe("settling a dispute", () => {
  async function disputed() {
    const id = idFrom(await submit(await interactionForm(db(), agent)));
    await respond(id, { intent: "dispute", reason: "S4 dinilai 4, padahal jeda karena INSW lambat." });
    return load(id);
  }
  const settle = async (id: number, form: Record<string, string>, cookie = who.koordinator) =>
    callRoute(settlePage, "/x", { method: "POST", params: { id: String(id) }, form, cookie });

  it("only the QA coordinator settles; penilai, supervisor and the agent are refused", async () => {
    const e = await disputed();
    for (const c of [who.penilai, who.supervisor, who.petugas, who.kasi]) {
      expect(
        (await settle(e.id, { outcome: "upheld", note: "Tetap.", lockVersion: String(e.lockVersion) }, c)).status,
      ).toBe(403);
    }
    expect((await load(e.id)).state).toBe("disputed");
  });

  it("upheld: final with the note, scores and revision unchanged", async () => {
    const e = await disputed();
    const r = await settle(e.id, {
      outcome: "upheld",
      note: "Rekaman menunjukkan jeda 90 detik.",
      lockVersion: String(e.lockVersion),
    });
    expect(r.location).toBe(`/evaluasi/${e.id}?diselesaikan=1`);
    expect(await load(e.id)).toMatchObject({ state: "final", settlement: "upheld", total: e.total, revision: 1 });
  });

  it("adjusted: a new revision with who and when; the old one stays in the history and the audit log", async () => {
    const e = await disputed();
    const scores = await scoreForm(db(), agent, INTERACTION_SECTIONS, { S4: "5" });
    const r = await settle(e.id, {
      outcome: "adjusted",
      note: "Jeda karena gangguan INSW.",
      lockVersion: String(e.lockVersion),
      ...scores,
    });
    expect(r.status).toBe(302);
    const after = await load(e.id);
    expect(after).toMatchObject({ state: "final", settlement: "adjusted", revision: 2, softskill: 83.75 });
    const revisions = await db().select().from(evaluationRevisions).where(eq(evaluationRevisions.evaluationId, e.id));
    expect(revisions.map((x) => [x.revision, x.reason])).toEqual([
      [1, "submitted"],
      [2, "adjusted"],
    ]);
    expect(revisions[0]?.snapshot.softskill).toBe(78.75);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "evaluation"), eq(auditLog.entityId, String(e.id))));
    expect(audit.map((a) => a.action)).toEqual(["submit", "dispute", "settle_adjusted"]);
  });

  it("an adjustment must score every item; a second settlement from a stale page is refused", async () => {
    const e = await disputed();
    const partial = await scoreForm(db(), agent, INTERACTION_SECTIONS, { S4: "" });
    const r = await settle(e.id, {
      outcome: "adjusted",
      note: "Disesuaikan.",
      lockVersion: String(e.lockVersion),
      ...partial,
    });
    expect(r.status).toBe(400);
    expect(Object.values((r.data as Failure).errors)).toContain("Belum dinilai.");
    expect((await load(e.id)).state).toBe("disputed");
    await settle(e.id, { outcome: "upheld", note: "Tetap.", lockVersion: String(e.lockVersion) });
    const stale = await settle(e.id, { outcome: "upheld", note: "Tetap lagi.", lockVersion: String(e.lockVersion) });
    expect(stale.status).toBe(409);
  });

  it("a comment is kept exactly as typed (the page escapes it; no HTML runs)", async () => {
    const comment = '<img src=x onerror="alert(1)"> & "kutip"';
    const id = idFrom(await submit(await interactionForm(db(), agent, { comments: { H1: comment } })));
    const page = await view(id, who.petugas);
    const e = (
      page.data as {
        evaluation: { scores: Record<string, { comment: string }>; version: { items: { id: number; code: string }[] } };
      }
    ).evaluation;
    const h1 = e.version.items.find((i) => i.code === "H1");
    expect(e.scores[h1?.id ?? 0]?.comment).toBe(comment);
    expect(valueField(h1?.id ?? 0)).toBe(`nilai.${h1?.id}`);
  });
});
