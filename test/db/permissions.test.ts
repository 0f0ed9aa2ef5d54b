// Every route × every role (and no one signed in) gives the status the permission table promises.
// The expectations are written out here by hand, independently of app/permissions.ts, so a wrong entry in
// the table fails this test; and every route file must appear here, so a new route cannot skip the check.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, arrayContains, eq, inArray, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../analytics/roles";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import { issueCertificate } from "../../app/.server/certificates";
import { storeUpload } from "../../app/.server/imports/batches";
import { runImport } from "../../app/.server/imports/engine";
import { createReport } from "../../app/.server/reports";
import { loadVersion } from "../../app/.server/scorecards";
import { getSettings } from "../../app/.server/settings";
import { createUser } from "../../app/.server/users";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as calibrationList from "../../app/routes/kalibrasi._index";
import { commentField, valueField } from "../../app/score-fields";
import {
  coachingActions,
  coachingSessions,
  scorecardVersions,
  staff,
  teams,
  trainingCourses,
  trainingRecords,
  users,
} from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { makeEligible, seedCatalogue, setSigner } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { BASE_URL, callRoute, type RouteModule, sessionCookie } from "../support/routes";

const routeModules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const moduleFor = (file: string): RouteModule => {
  const found = routeModules[`../../app/routes/${file}`];
  if (!found) throw new Error(`no route file ${file}`);
  return found;
};

const USERNAME: Record<Role, string> = {
  admin: "admin",
  kepala_seksi: "kasi",
  koordinator_qa: "koordinator",
  penilai: "penilai",
  supervisor: "supervisor",
  ketua_tim: "ketua",
  penjadwal: "penjadwal",
  petugas: "petugas",
  hr: "hr",
};
// Two more callers with the role of another: records are someone's (an upload is its uploader's, a draft its
// author's, a calibration session its participants'), so a second holder of the same role must not reach them.
type Colleague = "hr_lain" | "penilai_lain";
type Who = Role | "anonim" | Colleague;
const SAME_ROLE_AS: Record<Colleague, Role> = { hr_lain: "hr", penilai_lain: "penilai" };
const EVERYONE: Who[] = [
  "anonim",
  "admin",
  "kepala_seksi",
  "koordinator_qa",
  "penilai",
  "penilai_lain",
  "supervisor",
  "ketua_tim",
  "penjadwal",
  "petugas",
  "hr",
  "hr_lain",
];
const OTHER_HR_PASSWORD = "Sandi-Uji-HR-Kedua-2026";
const usernames = new Map<Who, string>(Object.entries(USERNAME) as [Role, string][]);

type Case = {
  file: string;
  method: "GET" | "POST";
  path: string;
  params?: () => Record<string, string>;
  form?: Record<string, string> | (() => Record<string, string>);
  /** The status each caller gets; a colleague not named gets what their role gets; anyone else `otherwise`. */
  expect: Partial<Record<Who, number>>;
  otherwise: number;
};

// A Ketua Tim holds the supervisor's permissions over their group instead of the whole team (decision 026): a
// case that does not name them expects what it expects of the supervisor. The records of the demo supervisor's
// team the cases use are of the Ketua Tim's group (Regu 1); the cases about another group (Regu 2) and what the
// supervisor alone may do name the Ketua Tim. The scheduler (penjadwal) has no such rule: unnamed, `otherwise`.
function expected(c: Case, who: Who): number {
  const own = c.expect[who];
  if (own !== undefined) return own;
  if (who in SAME_ROLE_AS) return c.expect[SAME_ROLE_AS[who as Colleague]] ?? c.otherwise;
  if (who === "ketua_tim") return c.expect.supervisor ?? c.otherwise;
  return c.otherwise;
}

const ids = {
  otherTeamStaff: 0,
  ownTeamStaff: 0,
  otherGroupStaff: 0,
  otherGroupEvaluation: 0,
  otherGroupCoaching: 0,
  ownStaff: 0,
  ownEvaluation: 0,
  draft: 0,
  draftForm: {} as Record<string, string>,
  otherTeamEvaluation: 0,
  someUser: 0,
  evaluation: 0,
  template: 0,
  session: 0,
  course: 0,
  upload: "",
  batch: 0,
  certificate: 0,
  report: 0,
  trainingRecord: 0,
  coaching: 0,
  otherTeamCoaching: 0,
};
const LOGIN = 302; // anyone not signed in is sent to /masuk

/** The walker's cases of one list export, as .xlsx and .csv: signed out, to the sign-in page; else `expect`. */
function listExport(
  list: string,
  query: string,
  expect: Partial<Record<Who, number>>,
  formats: readonly string[] = ["xlsx", "csv"],
): Case[] {
  return formats.map((format) => ({
    file: "unduh.$berkas.ts",
    method: "GET",
    path: `/unduh/${list}.${format}${query ? `?${query}` : ""}`,
    params: () => ({ berkas: `${list}.${format}` }),
    expect: { anonim: LOGIN, ...expect },
    otherwise: 403,
  }));
}

const CASES: Case[] = [
  { file: "_index.tsx", method: "GET", path: "/", expect: { anonim: LOGIN }, otherwise: 200 },
  { file: "masuk.tsx", method: "GET", path: "/masuk", expect: { anonim: 200 }, otherwise: 302 },
  { file: "masuk.tsx", method: "POST", path: "/masuk", form: {}, expect: {}, otherwise: 400 },
  { file: "keluar.tsx", method: "GET", path: "/keluar", expect: {}, otherwise: 302 },
  { file: "keluar.tsx", method: "POST", path: "/keluar", expect: {}, otherwise: 302 },
  { file: "healthz.ts", method: "GET", path: "/healthz", expect: {}, otherwise: 200 },
  // Public certificate verification: the same answer for everyone, signed in or not.
  { file: "verifikasi._index.tsx", method: "GET", path: "/verifikasi", expect: {}, otherwise: 200 },
  {
    file: "verifikasi.$kode.tsx",
    method: "GET",
    path: "/verifikasi/:kode (unknown)",
    params: () => ({ kode: "ABCDE23456" }),
    expect: {},
    otherwise: 404,
  },
  { file: "$.tsx", method: "GET", path: "/tidak-ada", expect: {}, otherwise: 404 },
  {
    file: "staf._index.tsx",
    method: "GET",
    path: "/staf",
    expect: { anonim: LOGIN, petugas: 302, penjadwal: 403 }, // a petugas is sent to their own profile
    otherwise: 200,
  },
  {
    file: "staf._index.tsx",
    method: "POST",
    path: "/staf",
    form: { q: "a" },
    expect: { anonim: LOGIN, petugas: 302, penjadwal: 403 },
    otherwise: 303, // the search is kept with the session, then the list is shown at its own address
  },
  {
    file: "staf.baru.tsx",
    method: "GET",
    path: "/staf/baru",
    expect: { anonim: LOGIN, admin: 200, hr: 200 },
    otherwise: 403,
  },
  {
    file: "staf.baru.tsx",
    method: "POST",
    path: "/staf/baru",
    form: {},
    expect: { anonim: LOGIN, admin: 400, hr: 400 },
    otherwise: 403,
  },
  {
    file: "staf.$id._index.tsx",
    method: "GET",
    path: "/staf/:id (another team)",
    params: () => ({ id: String(ids.otherTeamStaff) }),
    expect: { anonim: LOGIN, supervisor: 404, petugas: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "staf.$id._index.tsx",
    method: "GET",
    path: "/staf/:id (the supervisor's team)",
    params: () => ({ id: String(ids.ownTeamStaff) }),
    expect: { anonim: LOGIN, petugas: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // The supervisor's team, another group than the Ketua Tim's: out of the Ketua Tim's reach.
    file: "staf.$id._index.tsx",
    method: "GET",
    path: "/staf/:id (another group of the team)",
    params: () => ({ id: String(ids.otherGroupStaff) }),
    expect: { anonim: LOGIN, petugas: 404, ketua_tim: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "staf.$id.ubah.tsx",
    method: "GET",
    path: "/staf/:id/ubah",
    params: () => ({ id: String(ids.ownTeamStaff) }),
    expect: { anonim: LOGIN, admin: 200, hr: 200 },
    otherwise: 403,
  },
  {
    file: "staf.$id.ubah.tsx",
    method: "POST",
    path: "/staf/:id/ubah",
    params: () => ({ id: String(ids.ownTeamStaff) }),
    form: {},
    expect: { anonim: LOGIN, admin: 400, hr: 400 },
    otherwise: 403,
  },
  {
    file: "admin.pengguna._index.tsx",
    method: "GET",
    path: "/admin/pengguna",
    expect: { anonim: LOGIN, admin: 200 },
    otherwise: 403,
  },
  {
    file: "admin.pengguna.baru.tsx",
    method: "GET",
    path: "/admin/pengguna/baru",
    expect: { anonim: LOGIN, admin: 200 },
    otherwise: 403,
  },
  {
    file: "admin.pengguna.baru.tsx",
    method: "POST",
    path: "/admin/pengguna/baru",
    form: {},
    expect: { anonim: LOGIN, admin: 400 },
    otherwise: 403,
  },
  {
    file: "admin.pengguna.$id.tsx",
    method: "GET",
    path: "/admin/pengguna/:id",
    params: () => ({ id: String(ids.someUser) }),
    expect: { anonim: LOGIN, admin: 200 },
    otherwise: 403,
  },
  {
    file: "admin.pengguna.$id.tsx",
    method: "POST",
    path: "/admin/pengguna/:id",
    params: () => ({ id: String(ids.someUser) }),
    form: { intent: "update" },
    expect: { anonim: LOGIN, admin: 400 },
    otherwise: 403,
  },
  {
    file: "admin.pengaturan.tsx",
    method: "GET",
    path: "/admin/pengaturan",
    expect: { anonim: LOGIN, admin: 200 },
    otherwise: 403,
  },
  {
    file: "admin.pengaturan.tsx",
    method: "POST",
    path: "/admin/pengaturan",
    form: { "session.idleMinutes": "nol" },
    expect: { anonim: LOGIN, admin: 400 },
    otherwise: 403,
  },
  {
    file: "admin.audit.tsx",
    method: "GET",
    path: "/admin/audit",
    expect: { anonim: LOGIN, admin: 200 },
    otherwise: 403,
  },
  { file: "profil._index.tsx", method: "GET", path: "/profil", expect: { anonim: LOGIN }, otherwise: 200 },
  {
    file: "pelatihan._index.tsx",
    method: "GET",
    path: "/pelatihan",
    expect: { anonim: LOGIN, hr: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan._index.tsx",
    method: "POST",
    path: "/pelatihan",
    form: {},
    expect: { anonim: LOGIN, hr: 400 },
    otherwise: 403,
  },
  {
    file: "pelatihan.$id.tsx",
    method: "GET",
    path: "/pelatihan/:id",
    params: () => ({ id: String(ids.course) }),
    expect: { anonim: LOGIN, hr: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan.$id.tsx",
    method: "POST",
    path: "/pelatihan/:id",
    params: () => ({ id: String(ids.course) }),
    form: {},
    expect: { anonim: LOGIN, hr: 400 },
    otherwise: 403,
  },
  {
    file: "pelatihan.catatan._index.tsx",
    method: "GET",
    path: "/pelatihan/catatan",
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan.penyegaran.tsx",
    method: "GET",
    path: "/pelatihan/penyegaran",
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan.catatan.baru.tsx",
    method: "GET",
    path: "/pelatihan/catatan/baru",
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan.catatan.baru.tsx",
    method: "POST",
    path: "/pelatihan/catatan/baru",
    form: {},
    expect: { anonim: LOGIN, hr: 400, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "pelatihan.catatan.$id.tsx",
    method: "GET",
    path: "/pelatihan/catatan/:id",
    params: () => ({ id: String(ids.trainingRecord) }),
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "pelatihan.catatan.$id.tsx",
    method: "POST",
    path: "/pelatihan/catatan/:id",
    params: () => ({ id: String(ids.trainingRecord) }),
    form: { intent: "hapus" },
    expect: { anonim: LOGIN, hr: 400, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "impor._index.tsx",
    method: "GET",
    path: "/impor",
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    file: "impor._index.tsx",
    method: "POST",
    path: "/impor",
    form: {},
    expect: { anonim: LOGIN, hr: 400, koordinator_qa: 400, penjadwal: 400 },
    otherwise: 403,
  },
  {
    // The sample files of the import page: for those who may import the kind (training: HR only).
    file: "impor.contoh.$berkas.ts",
    method: "GET",
    path: "/impor/contoh/pelatihan-contoh.csv",
    params: () => ({ berkas: "pelatihan-contoh.csv" }),
    expect: { anonim: LOGIN, hr: 200 },
    otherwise: 403,
  },
  {
    file: "impor.contoh.$berkas.ts",
    method: "GET",
    path: "/impor/contoh/panggilan-contoh.csv",
    params: () => ({ berkas: "panggilan-contoh.csv" }),
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    // Only the listed samples are ever read: no other name, no path.
    file: "impor.contoh.$berkas.ts",
    method: "GET",
    path: "/impor/contoh/../../package.json",
    params: () => ({ berkas: "../../package.json" }),
    expect: { anonim: LOGIN, hr: 404, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    // An upload is its uploader's alone.
    file: "impor.$id._index.tsx",
    method: "GET",
    path: "/impor/:upload (HR's)",
    params: () => ({ id: ids.upload }),
    expect: { anonim: LOGIN, hr: 200, hr_lain: 404, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    file: "impor.$id._index.tsx",
    method: "POST",
    path: "/impor/:upload commit (file with errors)",
    params: () => ({ id: ids.upload }),
    form: {},
    expect: { anonim: LOGIN, hr: 409, hr_lain: 404, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    file: "impor.$id.progres.ts",
    method: "GET",
    path: "/impor/:upload/progres",
    params: () => ({ id: ids.upload }),
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    file: "impor.$id.laporan.ts",
    method: "GET",
    path: "/impor/:upload/laporan",
    params: () => ({ id: ids.upload }),
    expect: { anonim: LOGIN, hr: 200, hr_lain: 404, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    // A training batch: the coordinator imports call statistics only.
    file: "impor.riwayat.$id._index.tsx",
    method: "GET",
    path: "/impor/riwayat/:batch (training)",
    params: () => ({ id: String(ids.batch) }),
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    file: "impor.riwayat.$id._index.tsx",
    method: "POST",
    path: "/impor/riwayat/:batch undo",
    params: () => ({ id: String(ids.batch) }),
    form: { konfirmasi: "ya" },
    // The history is HR's together: a colleague undoing after HR did finds it already undone.
    expect: { anonim: LOGIN, hr: 302, hr_lain: 409, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    file: "impor.riwayat.$id.laporan.ts",
    method: "GET",
    path: "/impor/riwayat/:batch/laporan",
    params: () => ({ id: String(ids.batch) }),
    expect: { anonim: LOGIN, hr: 200, koordinator_qa: 404, penjadwal: 404 },
    otherwise: 403,
  },
  {
    file: "kelayakan._index.tsx",
    method: "GET",
    path: "/kelayakan",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, hr: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    file: "kpi._index.tsx",
    method: "GET",
    path: "/kpi",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    // Setting IKU targets is the Kepala Seksi's; the others who may read the page may not.
    file: "kpi._index.tsx",
    method: "POST",
    path: "/kpi?periode=2026-09",
    form: { intent: "iku" },
    expect: { anonim: LOGIN, kepala_seksi: 302 },
    otherwise: 403,
  },
  {
    // The whole center's workbook for the roles that may export every team's KPI; a supervisor's team's for them.
    file: "kpi.unduh.ts",
    method: "GET",
    path: "/kpi/unduh?periode=2026-09",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    file: "tenaga-kerja._index.tsx",
    method: "GET",
    path: "/tenaga-kerja?kanal=telepon&ukuran=occupancy",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    file: "tenaga-kerja.rencana.tsx",
    method: "GET",
    path: "/tenaga-kerja/rencana?minggu=2026-W49&kanal=sms",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    // Everyone who works shifts sees the roster: an agent their own row.
    file: "tenaga-kerja.jadwal.tsx",
    method: "GET",
    path: "/tenaga-kerja/jadwal?minggu=2026-W49",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200, penjadwal: 200, petugas: 200 },
    otherwise: 403,
  },
  {
    // Changing the roster: an unknown intent is a bad request for who may change it, forbidden for the rest.
    file: "tenaga-kerja.jadwal.tsx",
    method: "POST",
    path: "/tenaga-kerja/jadwal?minggu=2026-W49",
    form: { intent: "tidak-ada" },
    expect: { anonim: LOGIN, kepala_seksi: 400, koordinator_qa: 400, supervisor: 400, penjadwal: 400 },
    otherwise: 403,
  },
  {
    // The staffing plan of a week: counts only, the whole center for every role that may export it.
    file: "tenaga-kerja.unduh.ts",
    method: "GET",
    path: "/tenaga-kerja/unduh?minggu=2026-W49",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    // Schedule adherence: the whole center, a supervisor's team, a Ketua Tim's group, the scheduler's own
    // (read:workforce).
    file: "tenaga-kerja.kepatuhan.tsx",
    method: "GET",
    path: "/tenaga-kerja/kepatuhan?periode=2026-10",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200, penjadwal: 200 },
    otherwise: 403,
  },
  {
    // The KPI page's CSV: the whole center, or a supervisor's team.
    file: "kpi.unduh.ts",
    method: "GET",
    path: "/kpi/unduh?periode=2026-09&format=csv",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200 },
    otherwise: 403,
  },
  // The list exports (/unduh/<list>.<xlsx|csv>): each is the permission of the page it is beside.
  ...listExport("evaluasi", "periode=semua", {
    kepala_seksi: 200,
    koordinator_qa: 200,
    penilai: 200,
    supervisor: 200,
    petugas: 200,
  }),
  ...listExport("kelayakan", "", { kepala_seksi: 200, koordinator_qa: 200, hr: 200, supervisor: 200 }),
  ...listExport("rapor", "dari=2026-08&sampai=2026-10", { petugas: 200 }, ["xlsx"]),
  ...listExport("cakupan", "periode=2026-10", { kepala_seksi: 200, koordinator_qa: 200, penilai: 200 }),
  ...listExport("kalibrasi", "", { kepala_seksi: 200, koordinator_qa: 200, penilai: 200 }),
  ...listExport("sertifikat", "", { kepala_seksi: 200, hr: 200, supervisor: 200, petugas: 200 }),
  ...listExport("jadwal", "minggu=2026-W49", {
    kepala_seksi: 200,
    koordinator_qa: 200,
    supervisor: 200,
    penjadwal: 200,
    petugas: 200,
  }),
  ...listExport("pelatihan", "", {
    kepala_seksi: 200,
    koordinator_qa: 200,
    supervisor: 200,
    petugas: 200,
    hr: 200,
  }),
  // The refreshers due: HR and the QA coordinator, who keep training records.
  ...listExport("penyegaran", "", { koordinator_qa: 200, hr: 200 }),
  // Coaching within each reader's reach: everyone's, the supervisor's team, the agent's own.
  ...listExport("pembinaan", "status=semua", {
    kepala_seksi: 200,
    koordinator_qa: 200,
    penilai: 200,
    supervisor: 200,
    petugas: 200,
  }),
  ...listExport("staf", "", {
    admin: 200,
    kepala_seksi: 200,
    koordinator_qa: 200,
    penilai: 200,
    supervisor: 200,
    petugas: 200,
    hr: 200,
  }),
  ...listExport("kepatuhan", "periode=2026-10", {
    kepala_seksi: 200,
    koordinator_qa: 200,
    supervisor: 200,
    penjadwal: 200,
  }),
  ...listExport("audit", "", { admin: 200 }),
  // An import batch that does not exist: refused with a message to those who import, like one they may not see.
  ...listExport("impor", "impor=987654", { koordinator_qa: 400, penjadwal: 400, hr: 400 }),
  {
    // A rapor is a workbook only; a list that does not exist is not found, whoever asks.
    file: "unduh.$berkas.ts",
    method: "GET",
    path: "/unduh/rapor.csv",
    params: () => ({ berkas: "rapor.csv" }),
    expect: { anonim: LOGIN, petugas: 400 },
    otherwise: 403,
  },
  {
    file: "unduh.$berkas.ts",
    method: "GET",
    path: "/unduh/gaji.xlsx",
    params: () => ({ berkas: "gaji.xlsx" }),
    expect: {},
    otherwise: 404,
  },
  {
    file: "laporan._index.tsx",
    method: "GET",
    path: "/laporan",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    file: "laporan.$id.tsx",
    method: "GET",
    path: "/laporan/x",
    params: () => ({ id: String(ids.report) }),
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    // Answering (and closing) a report is the Kepala Seksi's; an empty answer is refused with reasons.
    file: "laporan.$id.tsx",
    method: "POST",
    path: "/laporan/x (answer)",
    params: () => ({ id: String(ids.report) }),
    form: { intent: "answer" },
    expect: { anonim: LOGIN, kepala_seksi: 400 },
    otherwise: 403,
  },
  {
    // A follow-up is recorded by the person named; an empty one is refused before anything else is checked.
    file: "laporan.$id.tsx",
    method: "POST",
    path: "/laporan/x (follow-up)",
    params: () => ({ id: String(ids.report) }),
    form: { intent: "follow_up" },
    expect: { anonim: LOGIN, kepala_seksi: 400, koordinator_qa: 400, supervisor: 400 },
    otherwise: 403,
  },
  {
    file: "pembinaan._index.tsx",
    method: "GET",
    path: "/pembinaan",
    expect: { anonim: LOGIN, admin: 403, hr: 403, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "pembinaan.$id.tsx",
    method: "GET",
    path: "/pembinaan/:id (the demo petugas's)",
    params: () => ({ id: String(ids.coaching) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // Another team's agent: out of the supervisor's and the agent's scope, as if it did not exist.
    file: "pembinaan.$id.tsx",
    method: "GET",
    path: "/pembinaan/:id (another team's)",
    params: () => ({ id: String(ids.otherTeamCoaching) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, supervisor: 404, petugas: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // Another group of the supervisor's team: the supervisor's, not the Ketua Tim's.
    file: "pembinaan.$id.tsx",
    method: "GET",
    path: "/pembinaan/:id (another group's)",
    params: () => ({ id: String(ids.otherGroupCoaching) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, petugas: 404, ketua_tim: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "pembinaan.$id.tsx",
    method: "POST",
    path: "/pembinaan/:id (another group's) follow-up",
    params: () => ({ id: String(ids.otherGroupCoaching) }),
    form: { intent: "follow_up" },
    expect: { anonim: LOGIN, koordinator_qa: 400, penilai: 400, supervisor: 400, petugas: 404, ketua_tim: 404 },
    otherwise: 403,
  },
  {
    // Only the agent acknowledges their own coaching; a comment too long is refused before anything is saved.
    file: "pembinaan.$id.tsx",
    method: "POST",
    path: "/pembinaan/:id acknowledge",
    params: () => ({ id: String(ids.coaching) }),
    form: { intent: "acknowledge", comment: "x".repeat(2001) },
    expect: { anonim: LOGIN, petugas: 400 },
    otherwise: 403,
  },
  {
    // The follow-up is the coaches' (assessors, the coordinator, the agent's supervisor); an empty one is refused.
    file: "pembinaan.$id.tsx",
    method: "POST",
    path: "/pembinaan/:id follow-up",
    params: () => ({ id: String(ids.coaching) }),
    form: { intent: "follow_up" },
    expect: { anonim: LOGIN, koordinator_qa: 400, penilai: 400, supervisor: 400 },
    otherwise: 403,
  },
  {
    file: "pembinaan.$id.tsx",
    method: "POST",
    path: "/pembinaan/:id (another team's) follow-up",
    params: () => ({ id: String(ids.otherTeamCoaching) }),
    form: { intent: "follow_up" },
    expect: { anonim: LOGIN, koordinator_qa: 400, penilai: 400, kepala_seksi: 403, supervisor: 404, petugas: 404 },
    otherwise: 403,
  },
  {
    file: "pembinaan.baru.tsx",
    method: "GET",
    path: "/pembinaan/baru",
    expect: { anonim: LOGIN, koordinator_qa: 200, penilai: 200, supervisor: 200 },
    otherwise: 403,
  },
  {
    // Opening coaching for the demo petugas with nothing filled in is refused with reasons.
    file: "pembinaan.baru.tsx",
    method: "POST",
    path: "/pembinaan/baru",
    form: () => ({ agentId: String(ids.ownStaff) }),
    expect: { anonim: LOGIN, koordinator_qa: 400, penilai: 400, supervisor: 400 },
    otherwise: 403,
  },
  {
    file: "laporan.baru.tsx",
    method: "GET",
    path: "/laporan/baru",
    expect: { anonim: LOGIN, koordinator_qa: 200, supervisor: 200, ketua_tim: 403 },
    otherwise: 403,
  },
  {
    // Filing a report is the teams' (coordinators and team leaders); an empty form is refused with reasons.
    file: "laporan.baru.tsx",
    method: "POST",
    path: "/laporan/baru",
    form: {},
    expect: { anonim: LOGIN, koordinator_qa: 400, supervisor: 400, ketua_tim: 403 },
    otherwise: 403,
  },
  {
    file: "sertifikat._index.tsx",
    method: "GET",
    path: "/sertifikat",
    expect: { anonim: LOGIN, kepala_seksi: 200, hr: 200, supervisor: 200, petugas: 200 },
    otherwise: 403,
  },
  {
    file: "sertifikat.baru.tsx",
    method: "GET",
    path: "/sertifikat/baru (nobody chosen)",
    expect: { anonim: LOGIN, kepala_seksi: 404 },
    otherwise: 403,
  },
  {
    file: "sertifikat.baru.tsx",
    method: "POST",
    path: "/sertifikat/baru",
    form: {},
    expect: { anonim: LOGIN, kepala_seksi: 400 },
    otherwise: 403,
  },
  {
    // A colleague's certificate, in the supervisor's team: the petugas must not see it.
    file: "sertifikat.$id._index.tsx",
    method: "GET",
    path: "/sertifikat/:id (another agent's)",
    params: () => ({ id: String(ids.certificate) }),
    expect: { anonim: LOGIN, kepala_seksi: 200, hr: 200, supervisor: 200, petugas: 404 },
    otherwise: 403,
  },
  {
    file: "sertifikat.$id._index.tsx",
    method: "POST",
    path: "/sertifikat/:id revoke (no reason)",
    params: () => ({ id: String(ids.certificate) }),
    form: {},
    expect: { anonim: LOGIN, kepala_seksi: 400 },
    otherwise: 403,
  },
  {
    file: "sertifikat.$id.pdf.ts",
    method: "GET",
    path: "/sertifikat/:id/pdf (another agent's)",
    params: () => ({ id: String(ids.certificate) }),
    expect: { anonim: LOGIN, kepala_seksi: 200, hr: 200, supervisor: 200, petugas: 404 },
    otherwise: 403,
  },
  {
    file: "staf.$id._index.tsx",
    method: "POST",
    path: "/staf/:id capability decision (empty)",
    params: () => ({ id: String(ids.ownTeamStaff) }),
    form: { intent: "decide" },
    expect: { anonim: LOGIN, kepala_seksi: 400 },
    otherwise: 403,
  },
  {
    file: "cakupan.tsx",
    method: "GET",
    path: "/cakupan",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, penilai: 200 },
    otherwise: 403,
  },
  {
    file: "kalibrasi._index.tsx",
    method: "GET",
    path: "/kalibrasi",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, penilai: 200 },
    otherwise: 403,
  },
  {
    file: "kalibrasi._index.tsx",
    method: "POST",
    path: "/kalibrasi",
    form: {},
    expect: { anonim: LOGIN, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "kalibrasi.$id.tsx",
    method: "GET",
    path: "/kalibrasi/:id (penilai takes part)",
    params: () => ({ id: String(ids.session) }),
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, penilai: 200, penilai_lain: 404 },
    otherwise: 403,
  },
  {
    // Scores from someone who does not take part are refused; the participant's empty sheet is a 400.
    file: "kalibrasi.$id.tsx",
    method: "POST",
    path: "/kalibrasi/:id submit",
    params: () => ({ id: String(ids.session) }),
    form: { intent: "submit" },
    expect: { anonim: LOGIN, kepala_seksi: 409, koordinator_qa: 409, penilai: 400, penilai_lain: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi._index.tsx",
    method: "GET",
    path: "/evaluasi",
    expect: { anonim: LOGIN, admin: 403, hr: 403, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "evaluasi._index.tsx",
    method: "POST",
    path: "/evaluasi",
    form: { q: "a", periode: "semua" },
    expect: { anonim: LOGIN, admin: 403, hr: 403, penjadwal: 403 },
    otherwise: 303, // the search is kept with the session, then the list is shown at its own address
  },
  {
    file: "evaluasi.baru.tsx",
    method: "GET",
    path: "/evaluasi/baru",
    expect: { anonim: LOGIN, penilai: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "evaluasi.baru.tsx",
    method: "POST",
    path: "/evaluasi/baru",
    form: {},
    expect: { anonim: LOGIN, penilai: 400, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    // Own records: the agent reaches their own staff page and evaluation.
    file: "staf.$id._index.tsx",
    method: "GET",
    path: "/staf/:id (the agent's own)",
    params: () => ({ id: String(ids.ownStaff) }),
    expect: { anonim: LOGIN, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "evaluasi.$id._index.tsx",
    method: "GET",
    path: "/evaluasi/:id (the agent's own)",
    params: () => ({ id: String(ids.ownEvaluation) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // Another team's evaluation: the supervisor sees their own team only.
    file: "evaluasi.$id._index.tsx",
    method: "GET",
    path: "/evaluasi/:id (another team's)",
    params: () => ({ id: String(ids.otherTeamEvaluation) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, petugas: 404, supervisor: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // Another group of the supervisor's team: the Ketua Tim sees their own group only.
    file: "evaluasi.$id._index.tsx",
    method: "GET",
    path: "/evaluasi/:id (another group's)",
    params: () => ({ id: String(ids.otherGroupEvaluation) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, petugas: 404, ketua_tim: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    // Another agent's evaluation, in the supervisor's team: the petugas must not even learn it exists.
    file: "evaluasi.$id._index.tsx",
    method: "GET",
    path: "/evaluasi/:id (another agent's)",
    params: () => ({ id: String(ids.evaluation) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, petugas: 404, penjadwal: 403 },
    otherwise: 200,
  },
  {
    file: "evaluasi.$id._index.tsx",
    method: "POST",
    path: "/evaluasi/:id (another agent's) acknowledge",
    params: () => ({ id: String(ids.evaluation) }),
    form: { intent: "acknowledge", konfirmasi: "ya" },
    expect: { anonim: LOGIN, petugas: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi.$id.ubah.tsx",
    method: "GET",
    path: "/evaluasi/:id/ubah (submitted, not a draft)",
    params: () => ({ id: String(ids.evaluation) }),
    expect: { anonim: LOGIN, penilai: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi.$id.ubah.tsx",
    method: "POST",
    // The form is checked before the record: the same answer as for an id that does not exist.
    path: "/evaluasi/:id/ubah (empty form)",
    params: () => ({ id: String(ids.evaluation) }),
    form: {},
    expect: { anonim: LOGIN, penilai: 400, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    // A draft is its author's alone: no one else can tell it exists.
    file: "evaluasi.$id._index.tsx",
    method: "GET",
    path: "/evaluasi/:id (penilai's draft)",
    params: () => ({ id: String(ids.draft) }),
    expect: { anonim: LOGIN, admin: 403, hr: 403, penilai: 200, penilai_lain: 404, penjadwal: 403 },
    otherwise: 404,
  },
  {
    file: "evaluasi.$id.ubah.tsx",
    method: "GET",
    path: "/evaluasi/:id/ubah (penilai's draft)",
    params: () => ({ id: String(ids.draft) }),
    expect: { anonim: LOGIN, penilai: 200, penilai_lain: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    // A whole form with an old lock version: the author is told it changed meanwhile, anyone else finds nothing.
    file: "evaluasi.$id.ubah.tsx",
    method: "POST",
    path: "/evaluasi/:id/ubah (penilai's draft)",
    params: () => ({ id: String(ids.draft) }),
    form: () => ({ ...ids.draftForm, lockVersion: "99" }),
    expect: { anonim: LOGIN, penilai: 409, penilai_lain: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    // Deleting with an old lock version: the author is told it changed meanwhile, anyone else finds nothing.
    file: "evaluasi.$id._index.tsx",
    method: "POST",
    path: "/evaluasi/:id (penilai's draft) delete",
    params: () => ({ id: String(ids.draft) }),
    form: { intent: "delete", lockVersion: "99", konfirmasi: "ya" },
    expect: { anonim: LOGIN, penilai: 409, penilai_lain: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    // Sending it from its page with an old lock version: the same answers as deleting.
    file: "evaluasi.$id._index.tsx",
    method: "POST",
    path: "/evaluasi/:id (penilai's draft) send",
    params: () => ({ id: String(ids.draft) }),
    form: { intent: "send", lockVersion: "99", konfirmasi: "ya" },
    expect: { anonim: LOGIN, penilai: 409, penilai_lain: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi.$id.selesaikan.tsx",
    method: "GET",
    path: "/evaluasi/:id/selesaikan (not disputed)",
    params: () => ({ id: String(ids.evaluation) }),
    expect: { anonim: LOGIN, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi.$id.selesaikan.tsx",
    method: "POST",
    path: "/evaluasi/:id/selesaikan",
    params: () => ({ id: String(ids.evaluation) }),
    form: {},
    expect: { anonim: LOGIN, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "evaluasi.periode._index.tsx",
    method: "GET",
    path: "/evaluasi/periode",
    expect: { anonim: LOGIN, penilai: 200, koordinator_qa: 200 },
    otherwise: 403,
  },
  {
    file: "evaluasi.periode.nilai.tsx",
    method: "GET",
    path: "/evaluasi/periode/nilai (no agent chosen)",
    expect: { anonim: LOGIN, penilai: 404, koordinator_qa: 404 },
    otherwise: 403,
  },
  {
    file: "evaluasi.periode.nilai.tsx",
    method: "POST",
    path: "/evaluasi/periode/nilai",
    form: {},
    expect: { anonim: LOGIN, penilai: 400, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "template._index.tsx",
    method: "GET",
    path: "/template",
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, penilai: 200 },
    otherwise: 403,
  },
  {
    file: "template._index.tsx",
    method: "POST",
    path: "/template",
    form: {},
    expect: { anonim: LOGIN, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "template.$id.tsx",
    method: "GET",
    path: "/template/:id",
    params: () => ({ id: String(ids.template) }),
    expect: { anonim: LOGIN, kepala_seksi: 200, koordinator_qa: 200, penilai: 200 },
    otherwise: 403,
  },
  {
    file: "template.$id.tsx",
    method: "POST",
    path: "/template/:id",
    params: () => ({ id: String(ids.template) }),
    form: { intent: "weights", lockVersion: "1" },
    expect: { anonim: LOGIN, koordinator_qa: 400 },
    otherwise: 403,
  },
  {
    file: "profil.kata-sandi.tsx",
    method: "GET",
    path: "/profil/kata-sandi",
    expect: { anonim: LOGIN },
    otherwise: 200,
  },
  {
    file: "profil.kata-sandi.tsx",
    method: "POST",
    path: "/profil/kata-sandi",
    form: {},
    expect: { anonim: LOGIN },
    otherwise: 400,
  },
  // One's own mail settings: every signed-in person, on their own account only (no id in the path).
  { file: "profil.surel.tsx", method: "GET", path: "/profil/surel", expect: { anonim: LOGIN }, otherwise: 200 },
  {
    file: "profil.surel.tsx",
    method: "POST",
    path: "/profil/surel",
    form: { email: "bukan alamat", mode: "single" },
    expect: { anonim: LOGIN },
    otherwise: 400,
  },
];

const getHandle = demoDatabaseForThisFile("staff");

const cookies = new Map<Who, string>();
// What only the owner of a record may read: the note of the penilai's draft, the name of HR's upload.
const DRAFT_NOTE = "Catatan draf yang hanya boleh dibaca penulisnya";
const UPLOAD_NAME = "salah.csv";
let secondParticipant = "";

beforeAll(async () => {
  const { db } = getHandle();
  for (const role of Object.keys(USERNAME) as Role[]) {
    cookies.set(role, await sessionCookie(USERNAME[role], DEMO_PASSWORD));
  }
  const [supervisor] = await db
    .select({ teamId: staff.teamId })
    .from(users)
    .innerJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.username, "supervisor"));
  const all = await db
    .select({ id: staff.id, teamId: staff.teamId, code: teams.code, groupName: staff.groupName })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .orderBy(staff.id);
  const petugasStaff = await staffIdOf(db, "petugas");
  const ketuaStaff = await staffIdOf(db, "ketua");
  // The supervisor's team's records are of the Ketua Tim's group (Regu 1), the demo petugas's group too; another
  // group of the same team (Regu 2) is out of the Ketua Tim's reach.
  const ketuaGroup = all.find((s) => s.id === ketuaStaff)?.groupName;
  const inKetuaGroup = all.filter(
    (s) =>
      s.teamId === supervisor?.teamId && s.groupName === ketuaGroup && s.id !== ketuaStaff && s.id !== petugasStaff,
  );
  if (!ketuaGroup || inKetuaGroup.length < 2) throw new Error("the demo Ketua Tim leads a group of several agents");
  ids.ownTeamStaff = inKetuaGroup[0]?.id ?? 0;
  ids.otherTeamStaff = all.find((s) => s.teamId !== supervisor?.teamId)?.id ?? 0;
  ids.otherGroupStaff =
    all.find((s) => s.teamId === supervisor?.teamId && s.groupName !== null && s.groupName !== ketuaGroup)?.id ?? 0;
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.username, "hr"));
  ids.someUser = hr?.id ?? 0;
  // A submitted evaluation of an agent in the supervisor's team (the Ketua Tim's group) who is not the demo
  // petugas, and one of an agent in the team's other group.
  const agent = inKetuaGroup[1];
  const created = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    cookie: cookies.get("penilai"),
    form: await interactionForm(db, agent?.id ?? 0),
  });
  ids.evaluation = Number(created.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
  const otherGroup = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    cookie: cookies.get("penilai"),
    form: await interactionForm(db, ids.otherGroupStaff),
  });
  ids.otherGroupEvaluation = Number(otherGroup.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
  if (!ids.evaluation || !ids.otherGroupEvaluation) throw new Error("the group evaluations were not created");
  // The agent's own evaluation, and one of an agent in the other team.
  ids.ownStaff = petugasStaff;
  const own = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    cookie: cookies.get("penilai"),
    form: await interactionForm(db, petugasStaff),
  });
  ids.ownEvaluation = Number(own.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
  ids.draftForm = { ...(await interactionForm(db, petugasStaff, { intent: "draft" })), note: DRAFT_NOTE };
  const draft = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    cookie: cookies.get("penilai"),
    form: ids.draftForm,
  });
  ids.draft = Number(draft.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
  const [otherTeamAgent] = await db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      and(
        ne(staff.teamId, supervisor?.teamId ?? 0),
        inArray(teams.code, ["layanan_informasi", "manajemen_layanan"]),
        eq(staff.position, "petugas_layanan"),
        eq(staff.active, true),
      ),
    )
    .limit(1);
  if (!otherTeamAgent) throw new Error("the demo has an agent in the other answering team");
  const otherTeam = await callRoute(newEvaluation, "/evaluasi/baru", {
    method: "POST",
    cookie: cookies.get("penilai"),
    form: await interactionForm(db, otherTeamAgent.id),
  });
  ids.otherTeamEvaluation = Number(otherTeam.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
  if (!ids.ownEvaluation || !ids.otherTeamEvaluation) throw new Error("the two extra evaluations were not created");
  const [version] = await db.select({ id: scorecardVersions.id }).from(scorecardVersions).limit(1);
  ids.template = version?.id ?? 0;
  const assessors = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(arrayContains(users.roles, ["penilai"]))
    .orderBy(sql`${users.username} <> 'penilai'`, users.id);
  const session = await callRoute(calibrationList, "/kalibrasi", {
    method: "POST",
    cookie: cookies.get("koordinator_qa"),
    form: {
      title: "Kalibrasi uji",
      versionId: String(ids.template),
      channel: "telepon",
      interactionRef: "CALL-KAL-1",
      interactionAt: "2026-11-27T10:00",
      "participants[]": assessors.slice(0, 2).map((a) => String(a.id)),
    },
  });
  ids.session = Number(session.location?.match(/\/kalibrasi\/(\d+)/)?.[1]);
  if (!assessors.slice(0, 2).some((a) => a.username === "penilai")) throw new Error("demo penilai must take part");
  secondParticipant = assessors[1]?.username ?? "";
  // Colleagues: an assessor who does not take part, and a second HR officer.
  const outsider = assessors[2];
  if (!outsider) throw new Error("the demo has a third assessor");
  usernames.set("penilai_lain", outsider.username);
  cookies.set("penilai_lain", await sessionCookie(outsider.username, DEMO_PASSWORD));
  await createUser(
    db,
    { id: null, username: "uji" },
    { username: "hr.kedua", displayName: "HR Kedua", "roles[]": ["hr"], staffId: null, password: OTHER_HR_PASSWORD },
    { mustChangePassword: false },
  );
  usernames.set("hr_lain", "hr.kedua");
  cookies.set("hr_lain", await sessionCookie("hr.kedua", OTHER_HR_PASSWORD));
  // Training: the catalogue, an upload with errors by HR, a committed batch, and a certificate.
  await seedCatalogue(db);
  const [course] = await db.select({ id: trainingCourses.id }).from(trainingCourses).limit(1);
  ids.course = course?.id ?? 0;
  const hrUser = (await db.select().from(users).where(eq(users.username, "hr")))[0];
  ids.upload = await storeUpload(db, {
    kind: "training",
    fileName: UPLOAD_NAME,
    bytes: readFileSync("fixtures/samples/pelatihan-dengan-kesalahan.csv"),
    userId: hrUser?.id ?? 0,
  });
  const batch = await runImport(db, {
    kind: "training",
    fileName: "contoh.csv",
    source: { path: "fixtures/samples/pelatihan-contoh.csv" },
    commit: true,
    validOnly: false,
    actor: { id: hrUser?.id ?? null, username: "hr" },
  });
  ids.batch = batch.batchId ?? 0;
  const [record] = await db.select({ id: trainingRecords.id }).from(trainingRecords).limit(1);
  ids.trainingRecord = record?.id ?? 0;
  await setSigner(db);
  await makeEligible(db, agent?.id ?? 0);
  const [kasi] = await db.select().from(users).where(eq(users.username, "kasi"));
  const issued = await issueCertificate(db, { id: kasi?.id ?? 0, username: "kasi" }, await getSettings(db), {
    staffId: agent?.id ?? 0,
    role: "petugas_layanan",
    issuedOn: "2026-11-02",
  });
  ids.certificate = issued.id;
  const report = await createReport(
    db,
    { id: kasi?.id ?? 0, username: "kasi" },
    {
      kind: "penjamin_kualitas",
      reportDate: "2026-11-27",
      problemAroseOn: "2026-11-26",
      title: "Laporan uji",
      problem: "Masalah",
      regulation: "KEP-165/BC/2014",
      analysis: "Analisis",
      conclusion: "Simpulan",
    },
  );
  ids.report = report.id;
  // The demo petugas's coaching (the supervisor's team) and a session of an agent in another team.
  const [penilai] = await db.select({ id: users.id }).from(users).where(eq(users.username, "penilai"));
  const coach = async (agentStaffId: number) => {
    const [session] = await db
      .insert(coachingSessions)
      .values({ agentStaffId, coachUserId: penilai?.id ?? 0, heldOn: "2026-11-20", observation: "Salam pembuka." })
      .returning({ id: coachingSessions.id });
    await db.insert(coachingActions).values({
      sessionId: session?.id ?? 0,
      description: "Latihan",
      ownerUserId: penilai?.id ?? 0,
      dueOn: "2026-11-30",
    });
    return session?.id ?? 0;
  };
  ids.coaching = await coach(petugasStaff);
  ids.otherTeamCoaching = await coach(ids.otherTeamStaff);
  ids.otherGroupCoaching = await coach(ids.otherGroupStaff);
});

describe("permission table", () => {
  it("covers every route file", () => {
    const files = readdirSync(path.resolve("app/routes")).filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."));
    expect(new Set(CASES.map((c) => c.file))).toEqual(new Set(files));
  });

  for (const c of CASES) {
    for (const who of EVERYONE) {
      const status = expected(c, who);
      // Signing out ends the session, so it runs with a throwaway one instead of the shared cookie.
      const signsOut = c.file === "keluar.tsx" && c.method === "POST";
      it(`${c.method} ${c.path} as ${who} → ${status}`, async () => {
        const cookie =
          who === "anonim"
            ? undefined
            : signsOut
              ? await sessionCookie(usernames.get(who) ?? "", who === "hr_lain" ? OTHER_HR_PASSWORD : DEMO_PASSWORD)
              : cookies.get(who);
        const result = await callRoute(moduleFor(c.file), c.path, {
          method: c.method,
          params: c.params?.(),
          form: typeof c.form === "function" ? c.form() : c.form,
          cookie,
        });
        expect(result.status).toBe(status);
        if (status === LOGIN && who === "anonim" && c.file !== "keluar.tsx" && c.file !== "masuk.tsx") {
          expect(result.location).toMatch(/^\/masuk/);
        }
      });
    }
  }
});

// Data level (ASVS V8.2.2): whatever a page lets a petugas, a supervisor, a Ketua Tim or the scheduler open, its
// data holds no personal data of the people outside their scope — no NIP or birth date of anyone else for an
// agent or the scheduler, of anyone outside the team for a supervisor or outside the group for a Ketua Tim (names
// of colleagues may appear: the roster and the calibration are shared).
describe("no personal data outside the viewer's scope", () => {
  const scoped: { who: Who; username: string }[] = [
    { who: "petugas", username: "petugas" },
    { who: "supervisor", username: "supervisor" },
    { who: "ketua_tim", username: "ketua" },
    { who: "penjadwal", username: "penjadwal" },
  ];
  for (const { who, username } of scoped) {
    it(`${who}: no page, and no answer to a form, carries the NIP or birth date of anyone outside their scope`, async () => {
      const { db } = getHandle();
      const [me] = await db
        .select({ staffId: users.staffId, teamId: staff.teamId, groupName: staff.groupName, nip: staff.nip })
        .from(users)
        .innerJoin(staff, eq(staff.id, users.staffId))
        .where(eq(users.username, username));
      const people = await db
        .select({
          id: staff.id,
          teamId: staff.teamId,
          groupName: staff.groupName,
          nip: staff.nip,
          birthDate: staff.birthDate,
        })
        .from(staff);
      const within = (p: (typeof people)[number]) =>
        who === "supervisor"
          ? p.teamId === me?.teamId
          : who === "ketua_tim"
            ? p.teamId === me?.teamId && p.groupName === me?.groupName
            : p.id === me?.staffId;
      const outside = people.filter((p) => !within(p));
      expect(outside.length).toBeGreaterThan(0);
      let checked = 0;
      let answers = 0;
      let ownNipShown = false;
      for (const c of CASES) {
        // Every page and every form, whatever the answer (a refusal must not carry data either), but signing out.
        if (c.file === "keluar.tsx") continue;
        const result = await callRoute(moduleFor(c.file), c.path, {
          method: c.method,
          params: c.params?.(),
          form: typeof c.form === "function" ? c.form() : c.form,
          cookie: cookies.get(who),
        });
        // A search answers 303 to the list, whose loader then shows the kept search's rows: read that page too.
        const followed =
          c.method === "POST" && result.status === 303 && result.location?.startsWith("/")
            ? await callRoute(moduleFor(c.file), c.path, {
                url: `${BASE_URL}${result.location}`,
                cookie: cookies.get(who),
              })
            : null;
        const body = [result.data, followed?.data]
          .map((d) => (typeof d === "string" ? d : JSON.stringify(d)))
          .join("\n")
          // A CSV file groups a NIP as printed ("19900101 201001 1 001"), so Excel keeps its 18 digits.
          .replace(/(\d{8}) (\d{6}) (\d) (\d{3})/g, "$1$2$3$4");
        for (const p of outside) {
          expect(body, `${c.path} shows the NIP of staff ${p.id}`).not.toContain(p.nip);
          expect(body, `${c.path} shows the birth date of staff ${p.id}`).not.toContain(p.birthDate);
        }
        checked += 1;
        if (c.method === "POST" && (result.status < 300 || followed?.status === 200)) answers += 1;
        ownNipShown ||= me?.nip !== undefined && body.includes(me.nip);
      }
      expect(checked).toBeGreaterThan(3);
      if (who === "supervisor" || who === "ketua_tim") expect(answers).toBeGreaterThan(0); // the search leads to rows
      // The check can fail: pages do carry NIPs, the viewer's own among them.
      expect(ownNipShown).toBe(true);
    });
  }
});

// Records of others, beyond the status: what a page that opens still keeps back.
describe("records of others", () => {
  const bodyOf = (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));

  // Every route, read and written, as the colleague: whatever the answer, the owner's record is not in it.
  const colleagues: { who: Colleague; owner: Who; secret: string }[] = [
    { who: "penilai_lain", owner: "penilai", secret: DRAFT_NOTE },
    { who: "hr_lain", owner: "hr", secret: UPLOAD_NAME },
  ];
  for (const { who, owner, secret } of colleagues) {
    it(`${who}: no answer to any request carries what is ${owner}'s alone`, async () => {
      let ownerSees = false;
      for (const c of CASES) {
        if (c.file === "keluar.tsx") continue;
        const call = (as: Who) =>
          callRoute(moduleFor(c.file), c.path, {
            method: c.method,
            params: c.params?.(),
            form: typeof c.form === "function" ? c.form() : c.form,
            cookie: cookies.get(as),
          });
        expect(bodyOf((await call(who)).data), `${c.method} ${c.path}`).not.toContain(secret);
        if (c.method === "GET") ownerSees ||= bodyOf((await call(owner)).data).includes(secret);
      }
      expect(ownerSees).toBe(true); // the check can fail: the owner's pages do show it
    });
  }

  it("an open calibration session shows no participant the others' scores, and an outsider not even the session", async () => {
    const { db } = getHandle();
    const version = await loadVersion(db, ids.template);
    const items = (version?.items ?? []).filter((i) => INTERACTION_SECTIONS.includes(i.section));
    const secret = "Komentar rahasia peserta kedua";
    const form: Record<string, string> = { intent: "submit" };
    for (const item of items) form[valueField(item.id)] = item.scale === "1-5" ? "2" : "tidak";
    form[commentField(items[0]?.id ?? 0)] = secret;
    const session = moduleFor("kalibrasi.$id.tsx");
    const params = { id: String(ids.session) };
    const sent = await callRoute(session, "/kalibrasi/:id", {
      method: "POST",
      params,
      form,
      cookie: await sessionCookie(secondParticipant, DEMO_PASSWORD),
    });
    expect(sent.status).toBe(302);
    for (const who of ["penilai", "koordinator_qa", "kepala_seksi"] as const) {
      const page = await callRoute(session, "/kalibrasi/:id", { params, cookie: cookies.get(who) });
      expect(page.status).toBe(200);
      expect(bodyOf(page.data), `${who} sees another's comment`).not.toContain(secret);
      expect((page.data as { result: unknown }).result).toBeNull();
    }
    const list = await callRoute(moduleFor("kalibrasi._index.tsx"), "/kalibrasi", {
      cookie: cookies.get("penilai_lain"),
    });
    expect(list.status).toBe(200);
    const listed = (list.data as { sessions: { id: number }[] }).sessions.map((x) => x.id);
    expect(listed).not.toContain(ids.session);
    const mine = await callRoute(moduleFor("kalibrasi._index.tsx"), "/kalibrasi", { cookie: cookies.get("penilai") });
    expect((mine.data as { sessions: { id: number }[] }).sessions.map((x) => x.id)).toContain(ids.session);
  });

  it("a draft is in no one's list but its author's", async () => {
    const list = moduleFor("evaluasi._index.tsx");
    for (const who of ["penilai_lain", "koordinator_qa", "kepala_seksi", "supervisor", "petugas"] as const) {
      const page = await callRoute(list, "/evaluasi", { cookie: cookies.get(who) });
      expect(page.status).toBe(200);
      expect(bodyOf(page.data), `${who} is shown the draft`).not.toMatch(new RegExp(`"id":${ids.draft}[,}]`));
    }
    const own = await callRoute(list, "/evaluasi", { cookie: cookies.get("penilai") });
    expect(bodyOf(own.data)).toMatch(new RegExp(`"id":${ids.draft}[,}]`));
  });

  it("the import history shows each role only the kinds it may import", async () => {
    const page = moduleFor("impor._index.tsx");
    const batchesOf = async (who: Who) =>
      (
        (await callRoute(page, "/impor", { cookie: cookies.get(who) })).data as { batches: { id: number }[] }
      ).batches.map((b) => b.id);
    expect(await batchesOf("hr")).toContain(ids.batch);
    expect(await batchesOf("hr_lain")).toContain(ids.batch);
    expect(await batchesOf("koordinator_qa")).not.toContain(ids.batch);
  });
});

describe("the import page", () => {
  it("offers each role exactly the kinds of file it may import", async () => {
    const offered = async (who: Role) => {
      const r = await callRoute(moduleFor("impor._index.tsx"), "/impor", { cookie: cookies.get(who) });
      return (r.data as { kinds: { value: string }[] }).kinds.map((k) => k.value);
    };
    expect(await offered("hr")).toEqual(["staff", "training", "calls", "intervals", "roster", "states"]);
    expect(await offered("koordinator_qa")).toEqual(["calls", "intervals", "roster", "states"]);
  });
});

describe("denied access", () => {
  it("is written to the audit log with the route and permission", async () => {
    const { db } = getHandle();
    await callRoute(moduleFor("admin.audit.tsx"), "/admin/audit", { cookie: cookies.get("petugas") });
    const { auditLog } = await import("../../db/schema");
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "access_denied"));
    expect(rows.some((r) => r.actorLabel === "petugas" && r.entityId === "/admin/audit")).toBe(true);
  });

  // A record outside one's scope answers 404 like a missing one, but asking for it is recorded.
  it("asking for someone else's record is recorded with the record; asking for a missing one is not", async () => {
    const { db } = getHandle();
    const { auditLog } = await import("../../db/schema");
    const attempts: {
      who: Who;
      file: string;
      params: () => Record<string, string>;
      method?: "POST";
      form?: () => Record<string, string>;
      entity: string;
      id: () => string;
    }[] = [
      {
        who: "petugas",
        file: "evaluasi.$id._index.tsx",
        params: () => ({ id: String(ids.evaluation) }),
        entity: "evaluation",
        id: () => String(ids.evaluation),
      },
      {
        who: "penilai_lain",
        file: "evaluasi.$id.ubah.tsx",
        params: () => ({ id: String(ids.draft) }),
        entity: "evaluation",
        id: () => String(ids.draft),
      },
      {
        who: "penilai_lain",
        file: "evaluasi.$id.ubah.tsx",
        method: "POST",
        form: () => ({ ...ids.draftForm, lockVersion: "1" }),
        params: () => ({ id: String(ids.draft) }),
        entity: "evaluation",
        id: () => String(ids.draft),
      },
      {
        who: "supervisor",
        file: "staf.$id._index.tsx",
        params: () => ({ id: String(ids.otherTeamStaff) }),
        entity: "staff",
        id: () => String(ids.otherTeamStaff),
      },
      {
        who: "penilai_lain",
        file: "kalibrasi.$id.tsx",
        params: () => ({ id: String(ids.session) }),
        entity: "calibration_session",
        id: () => String(ids.session),
      },
      {
        who: "hr_lain",
        file: "impor.$id._index.tsx",
        params: () => ({ id: ids.upload }),
        entity: "import_upload",
        id: () => ids.upload,
      },
      {
        who: "petugas",
        file: "pembinaan.$id.tsx",
        params: () => ({ id: String(ids.otherTeamCoaching) }),
        entity: "coaching_session",
        id: () => String(ids.otherTeamCoaching),
      },
      {
        who: "koordinator_qa",
        file: "impor.riwayat.$id.laporan.ts",
        params: () => ({ id: String(ids.batch) }),
        entity: "import_batch",
        id: () => String(ids.batch),
      },
    ];
    for (const a of attempts) {
      const denials = () =>
        db
          .select()
          .from(auditLog)
          .where(
            and(eq(auditLog.action, "access_denied"), eq(auditLog.entity, a.entity), eq(auditLog.entityId, a.id())),
          )
          .orderBy(auditLog.id);
      const before = (await denials()).length;
      const r = await callRoute(moduleFor(a.file), "/x", {
        method: a.method ?? "GET",
        params: a.params(),
        form: a.form?.(),
        cookie: cookies.get(a.who),
      });
      expect(r.status, `${a.who} ${a.file}`).toBe(404);
      const after = await denials();
      expect(after.length, `${a.who} ${a.file} recorded`).toBe(before + 1);
      expect(after.at(-1)?.actorLabel).toBe(usernames.get(a.who));
    }
    const missing = await callRoute(moduleFor("evaluasi.$id._index.tsx"), "/x", {
      params: { id: "987654" },
      cookie: cookies.get("petugas"),
    });
    expect(missing.status).toBe(404);
    const none = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access_denied"), eq(auditLog.entityId, "987654")));
    expect(none).toEqual([]);
  });
});
