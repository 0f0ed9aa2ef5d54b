// Training records by hand, through the pages as HR and the QA coordinator use them: the list filters by course
// and shows where a record came from; a correction is audited with the record before and after, eligibility
// follows at once, and a form opened before another change is refused as stale, changing nothing; a deletion
// asks first; a record that already exists is refused at its field.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eligibilityOf } from "../../app/.server/certification";
import { runImport } from "../../app/.server/imports/engine";
import { refresherList } from "../../app/.server/refreshers";
import { STALE_RECORD } from "../../app/.server/training-records";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "../../app/confirmation";
import * as root from "../../app/root";
import * as listPage from "../../app/routes/pelatihan.catatan._index";
import * as editPage from "../../app/routes/pelatihan.catatan.$id";
import * as newPage from "../../app/routes/pelatihan.catatan.baru";
import * as refresherPage from "../../app/routes/pelatihan.penyegaran";
import { auditLog, staff, trainingCourses, trainingRecords } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { makeEligible, seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff", (handle) => seedCatalogue(handle.db));
const db = () => getHandle().db;
const TODAY = new Date().toISOString().slice(0, 10);

async function agentWithRecords() {
  const [agent] = await db()
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.position, "petugas_layanan"), eq(staff.active, true)))
    .orderBy(desc(staff.id))
    .limit(1);
  if (!agent) throw new Error("no agent");
  await makeEligible(db(), agent.id);
  const [softSkills] = await db()
    .select()
    .from(trainingRecords)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(and(eq(trainingRecords.staffId, agent.id), eq(trainingCourses.code, "SSK-01")));
  if (!softSkills) throw new Error("no record");
  return { staffId: agent.id, record: softSkills.training_records };
}
const formOf = (r: typeof trainingRecords.$inferSelect, change: Record<string, string> = {}) => ({
  staffId: String(r.staffId),
  courseId: String(r.courseId),
  startDate: "",
  endDate: r.endDate.split("-").reverse().join("/"),
  hours: r.hours === null ? "" : String(r.hours),
  status: r.status,
  score: "",
  provider: r.provider ?? "",
  certificateNumber: "",
  version: String(r.version),
  ...change,
});

describe("a training record corrected by hand", () => {
  it("HR's correction is audited before and after, and eligibility follows; the same old form again is refused as stale", async () => {
    const { staffId, record } = await agentWithRecords();
    const [otherCourse] = await db().select().from(trainingCourses).where(eq(trainingCourses.code, "PP-01"));
    expect((await eligibilityOf(db(), staffId, "petugas_layanan", TODAY)).eligible).toBe(true);
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const path = `/pelatihan/catatan/${record.id}`;
    const page = await callRoute(editPage, path, { cookie, params: { id: String(record.id) } });
    expect(page.status).toBe(200);
    const saved = await callRoute(editPage, path, {
      cookie,
      params: { id: String(record.id) },
      method: "POST",
      // The record had been entered under the wrong course: it was Pelayanan Prima, not the soft-skills training.
      form: formOf(record, { courseId: String(otherCourse?.id), provider: "Pusdiklat" }),
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/pelatihan/catatan?disimpan=1");
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "training_record"), eq(auditLog.entityId, String(record.id))))
      .orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({
      action: "update",
      before: { courseId: record.courseId },
      after: { courseId: otherCourse?.id, provider: "Pusdiklat" },
    });
    const now = await eligibilityOf(db(), staffId, "petugas_layanan", TODAY);
    expect(now.eligible).toBe(false);
    const stale = await callRoute(editPage, path, {
      cookie,
      params: { id: String(record.id) },
      method: "POST",
      form: formOf(record, { status: "lulus" }),
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ errors: { _form: STALE_RECORD } });
    const [after] = await db().select().from(trainingRecords).where(eq(trainingRecords.id, record.id));
    expect(after).toMatchObject({ courseId: otherCourse?.id, version: record.version + 1, batchId: null });
  });

  it("the QA coordinator adds a record; the same person, course and end date again is refused at the date", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const [person] = await db().select({ id: staff.id }).from(staff).where(eq(staff.position, "penilai")).limit(1);
    const [course] = await db().select().from(trainingCourses).where(eq(trainingCourses.code, "PYG-03"));
    const form = {
      staffId: String(person?.id),
      courseId: String(course?.id),
      endDate: "14/10/2026",
      status: "selesai",
      hours: "4",
    };
    const added = await callRoute(newPage, "/pelatihan/catatan/baru", { cookie, method: "POST", form });
    expect(added.status).toBe(302);
    const again = await callRoute(newPage, "/pelatihan/catatan/baru", { cookie, method: "POST", form });
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ errors: { endDate: expect.stringMatching(/sudah punya catatan pelatihan/) } });
    const bad = await callRoute(newPage, "/pelatihan/catatan/baru", {
      cookie,
      method: "POST",
      form: { ...form, endDate: "31/02/2026", score: "101" },
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { endDate: expect.any(String), score: "Nilai harus angka 0–100." } });
  });

  it("a deletion without the confirmation step is refused; with it the record goes and the audit keeps it", async () => {
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const [target] = await db().select().from(trainingRecords).orderBy(desc(trainingRecords.id)).limit(1);
    if (!target) throw new Error("no record");
    const path = `/pelatihan/catatan/${target.id}`;
    const params = { id: String(target.id) };
    const unconfirmed = await callRoute(editPage, path, {
      cookie,
      params,
      method: "POST",
      form: { intent: "hapus", version: String(target.version) },
    });
    expect(unconfirmed.status).toBe(400);
    const deleted = await callRoute(editPage, path, {
      cookie,
      params,
      method: "POST",
      form: { intent: "hapus", version: String(target.version), [CONFIRM_FIELD]: CONFIRM_VALUE },
    });
    expect(deleted.location).toBe("/pelatihan/catatan?dihapus=1");
    expect(await db().select().from(trainingRecords).where(eq(trainingRecords.id, target.id))).toEqual([]);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(target.id)))
      .orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({ action: "delete", entity: "training_record", after: null });
  });
});

describe("the list", () => {
  it("filters by course and says which import a record came from", async () => {
    await runImport(db(), {
      kind: "training",
      fileName: "pelatihan-contoh.csv",
      source: { path: "fixtures/samples/pelatihan-contoh.csv" },
      commit: true,
      validOnly: false,
      actor: { id: null, username: "uji" },
    });
    const [course] = await db().select().from(trainingCourses).where(eq(trainingCourses.code, "PYG-03"));
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const listed = await callRoute(listPage, "/pelatihan/catatan", {
      cookie,
      url: `http://mutu.test/pelatihan/catatan?kursus=${course?.id}`,
    });
    const { list } = listed.data as { list: { total: number; rows: { code: string; batchId: number | null }[] } };
    expect(list.total).toBeGreaterThanOrEqual(27);
    expect(new Set(list.rows.map((r) => r.code))).toEqual(new Set(["PYG-03"]));
    expect(list.rows.filter((r) => r.batchId !== null).length).toBeGreaterThan(0);
  });
});

describe("refreshers", () => {
  it("lists the active people whose refresher is overdue or due within 30 days, counted per course and team", async () => {
    const [course] = await db().select().from(trainingCourses).where(eq(trainingCourses.code, "PYG-03"));
    const [person] = await db()
      .select({ id: staff.id, fullName: staff.fullName })
      .from(staff)
      .where(and(eq(staff.active, true), eq(staff.position, "ketua_tim")))
      .limit(1);
    if (!course || !person) throw new Error("no course or person");
    // PYG-03 is refreshed every 6 months: attended on 1 Jan 2026, due on 1 Jul 2026; today is later.
    await db()
      .insert(trainingRecords)
      .values({ staffId: person.id, courseId: course.id, endDate: "2026-01-01", status: "selesai" });
    const lines = await refresherList(db(), "2026-12-04");
    const mine = lines.find((l) => l.staffId === person.id && l.courseCode === "PYG-03");
    expect(mine).toMatchObject({ dueDate: "2026-07-01", overdue: true, fullName: person.fullName });
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const page = await callRoute(refresherPage, "/pelatihan/penyegaran", { cookie });
    expect(page.status).toBe(200);
    // The home page's inbox (read from the root loader) counts the same lines, overdue first.
    type Inbox = {
      inbox: { key: string; count: number; summary?: string; items: { text: string; overdue: boolean }[] }[];
    };
    const home = await callRoute(root, "/", { cookie });
    const due = (home.data as Inbox).inbox.find((g) => g.key === "penyegaran");
    expect(due?.count).toBe((page.data as { lines: unknown[] }).lines.length);
    expect(due?.summary).toMatch(/^\d+ lewat waktu, \d+ jatuh tempo dalam 30 hari\.$/);
    expect(due?.items[0]).toMatchObject({ overdue: true });
    expect(due?.items.some((i) => i.text.endsWith(": PYG-03"))).toBe(true);
    const agentHome = await callRoute(root, "/", { cookie: await sessionCookie("petugas", DEMO_PASSWORD) });
    expect((agentHome.data as Inbox).inbox.some((g) => g.key === "penyegaran")).toBe(false);
  });
});
