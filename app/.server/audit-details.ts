// How the audit log reads to people: each recorded action, the record it touched and its before/after values as
// Indonesian words, names instead of ids, and dates as 4 Des 2026 (times in WIB). Pure: the names of the users,
// staff, teams and evaluations a page mentions are looked up by the caller (see auditPage) and passed in.
import { formatDay, formatInstantWib, parseCalendarDay } from "../../analytics/dates";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { IKU_INDICATORS } from "../../analytics/iku";
import { KIND_LABELS } from "../../analytics/import-rules";
import { isMailKind, MAIL_KIND_INFO } from "../../analytics/mail";
import { channelShortName, pangkatLabel, positionLabel, reportKindLabel } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { isRole, ROLE_LABELS } from "../../analytics/roles";
import { SECTION_LABELS, SECTIONS, STATE_LABELS } from "../../analytics/scoring";
import { SETTINGS, type SettingKey } from "../settings-definitions";
import { ACTION_LABELS, ENTITY_LABELS, EXPORT_LABELS, LOGIN_FAILURES, SCOPE_WORDS } from "./audit-words";
import { listExportLabel } from "./exports/labels";
import { COURSE_CATEGORIES } from "./training";

/** Names of the records a page of the log mentions, by id. */
export type AuditNames = {
  users: ReadonlyMap<number, string>;
  staff: ReadonlyMap<number, string>;
  teams: ReadonlyMap<number, string>;
  /** The agent an evaluation is about. */
  evaluations: ReadonlyMap<number, string>;
};

export type AuditRow = {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export type AuditDetail = { label: string; value: string };
export type AuditDescription = { action: string; record: string; details: AuditDetail[] };

type Format = (value: unknown, names: AuditNames) => string;
type Field = { label: string; format?: Format };

const nameOf = (map: ReadonlyMap<number, string>, value: unknown) => {
  const id = Number(value);
  return map.get(id) ?? `#${String(value)}`;
};
const user: Format = (v, n) => nameOf(n.users, v);
const person: Format = (v, n) => nameOf(n.staff, v);
const team: Format = (v, n) => nameOf(n.teams, v);
const list =
  (one: Format): Format =>
  (v, n) =>
    Array.isArray(v) ? v.map((x) => one(x, n)).join(", ") || "—" : one(v, n);
const code =
  (words: (value: string) => string): Format =>
  (v) =>
    words(String(v));
const period: Format = (v) => {
  try {
    return periodFromId(String(v)).label;
  } catch {
    return String(v);
  }
};
// Long texts (a report's analysis, a dispute's reason) are cut: the record's own page has them whole.
const excerpt: Format = (v) => {
  const text = String(v ?? "").trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** Labels of the fields the log keeps, whatever the record (a record's own list below takes precedence). */
const FIELDS: Record<string, Field> = {
  username: { label: "Nama pengguna" },
  displayName: { label: "Nama tampilan" },
  email: { label: "Alamat surel" },
  disabledKinds: {
    label: "Surel yang dimatikan",
    format: list(code((k) => (isMailKind(k) ? MAIL_KIND_INFO[k].label : k))),
  },
  digest: { label: "Ringkasan harian" },
  roles: { label: "Peran", format: list(code((r) => (isRole(r) ? ROLE_LABELS[r] : r))) },
  staffId: { label: "Staf", format: person },
  disabledAt: { label: "Dinonaktifkan sejak" },
  mustChangePassword: { label: "Wajib mengganti kata sandi" },
  lastLoginAt: { label: "Terakhir masuk" },
  fullName: { label: "Nama" },
  nip: { label: "NIP" },
  birthPlace: { label: "Tempat lahir" },
  birthDate: { label: "Tanggal lahir" },
  golongan: { label: "Pangkat/golongan", format: code(pangkatLabel) },
  position: { label: "Jabatan", format: code(positionLabel) },
  teamId: { label: "Tim Kerja", format: team },
  groupName: { label: "Regu" },
  active: { label: "Aktif" },
  hireDate: { label: "Mulai bertugas" },
  state: { label: "Status", format: code((s) => STATE_LABELS[s] ?? s) },
  total: { label: "Nilai total" },
  periodId: { label: "Periode", format: period },
  agentStaffId: { label: "Petugas", format: person },
  reason: { label: "Alasan", format: excerpt },
  note: { label: "Catatan", format: excerpt },
  revision: { label: "Revisi" },
  kedisiplinan: { label: "Kedisiplinan" },
  cph: { label: "CPH" },
  cphSourceNote: { label: "Sumber CPH", format: excerpt },
  path: { label: "Halaman" },
  method: { label: "Cara", format: code((m) => (m === "GET" ? "membuka" : "mengirim formulir")) },
  write: { label: "Mengubah data", format: () => "Ya" },
  value: { label: "Nilai" },
  title: { label: "Judul", format: excerpt },
  participants: { label: "Peserta", format: list(user) },
  benchmark: { label: "Dengan acuan koordinator" },
  number: { label: "Nomor" },
  role: { label: "Sebagai", format: code(certificateRoleLabel) },
  issuedOn: { label: "Tanggal sertifikat" },
  evidence: { label: "Bukti", format: (v) => (Array.isArray(v) ? v.filter(Boolean).join("; ") : String(v ?? "")) },
  decidedBy: { label: "Diputuskan oleh" },
  letterNumber: { label: "Nomor surat" },
  letterDate: { label: "Tanggal surat" },
  basis: { label: "Dasar", format: excerpt },
  recordedBy: { label: "Dicatat oleh", format: user },
  withdrawnBy: { label: "Dicabut oleh", format: user },
  withdrawReason: { label: "Alasan pencabutan", format: excerpt },
  startsAt: { label: "Mulai" },
  scope: { label: "Cakupan", format: code((v) => SCOPE_WORDS[v] ?? v) },
  day: { label: "Per tanggal" },
  endsAt: { label: "Selesai" },
  channel: { label: "Saluran", format: code(channelShortName) },
  code: { label: "Kode" },
  name: { label: "Nama" },
  category: { label: "Kategori", format: code((c) => COURSE_CATEGORIES.find((x) => x.code === c)?.label ?? c) },
  hours: { label: "Jam pelajaran" },
  validityMonths: { label: "Masa berlaku (bulan)" },
  kind: { label: "Jenis" },
  fileName: { label: "Berkas" },
  rows: { label: "Baris data" },
  new: { label: "Baris baru" },
  inserted: { label: "Baris baru" },
  updated: { label: "Baris diperbarui" },
  unchanged: { label: "Baris tidak berubah" },
  errors: { label: "Kesalahan" },
  status: {
    label: "Status",
    format: code((s) => ({ approved: "disetujui", open: "terbuka", draft: "draf", published: "terbit" })[s] ?? s),
  },
  approvedBy: { label: "Disetujui oleh", format: user },
  approvedAt: { label: "Disetujui pada" },
  publishedBy: { label: "Diterbitkan oleh", format: user },
  publishedAt: { label: "Terbit pada" },
  retiredAt: { label: "Diganti pada" },
  withdrawnAt: { label: "Dicabut pada" },
  reopenedBy: { label: "Dibuka kembali oleh", format: user },
  reopenedAt: { label: "Dibuka kembali pada" },
  reopenReason: { label: "Alasan dibuka kembali", format: excerpt },
  template: { label: "Template" },
  templateId: { label: "Template", format: (v) => `#${String(v)}` },
  version: { label: "Versi" },
  copiedFrom: { label: "Disalin dari versi" },
  items: { label: "Jumlah butir" },
  description: { label: "Uraian", format: excerpt },
  section: { label: "Bagian", format: code((s) => SECTION_LABELS[s as "cph"] ?? s) },
  text: { label: "Teks butir", format: excerpt },
  clause: { label: "Butir KEP-165/BC/2014" },
  scale: { label: "Skala", format: code((s) => (s === "1-5" ? "1–5" : "Ya/Tidak")) },
  weight: { label: "Bobot" },
  allowNa: { label: "Boleh N/A" },
  critical: { label: "Butir kritis" },
  guidance: { label: "Panduan", format: excerpt },
  levels: { label: "Uraian tingkat 1–5", format: (v) => (Array.isArray(v) ? `${v.length} baris` : String(v)) },
  staff: { label: "Staf" },
  users: { label: "Pengguna" },
  evaluations: { label: "Evaluasi" },
  ...Object.fromEntries(IKU_INDICATORS.map((i) => [i.code, { label: `Target ${i.label} (${i.unit})` }])),
  ...Object.fromEntries(
    SECTIONS.map((s) => [`weight${s[0]?.toUpperCase()}${s.slice(1)}`, { label: `Bobot ${SECTION_LABELS[s]}` }]),
  ),
};

// Fields whose meaning depends on the record: a template version's "hardskill" is a weight, an evaluation's a score.
const RECORD_FIELDS: Record<string, Record<string, Field>> = {
  scorecard_version: Object.fromEntries(SECTIONS.map((s) => [s, { label: `Bobot ${SECTION_LABELS[s]}` }])),
  import_batch: { kind: { label: "Jenis data", format: code((k) => KIND_LABELS[k as "training"] ?? k) } },
  period_review: { cph: { label: "CPH (panggilan per jam)" } },
  shift: { staffId: { label: "Petugas", format: person } },
  scorecard_item: { position: { label: "Urutan", format: (v) => String(Number(v) + 1) } },
  scorecard_template: { name: { label: "Nama template" } },
  report: {
    kind: { label: "Jenis laporan", format: code(reportKindLabel) },
    reportDate: { label: "Tanggal laporan" },
    problem: { label: "Permasalahan", format: excerpt },
    regulation: { label: "Ketentuan terkait", format: excerpt },
    analysis: { label: "Analisis", format: excerpt },
    conclusion: { label: "Simpulan/rekomendasi", format: excerpt },
  },
};

// Bookkeeping columns that say nothing to a reader (ids, lock counters, the stored PDF and its hash).
const HIDDEN = new Set([
  "id",
  "version",
  "lockVersion",
  "createdAt",
  "updatedAt",
  "updatedBy",
  "createdBy",
  "versionId",
  "batchId",
  "pdf",
  "pdfSha256",
  "passwordHash",
  "permission",
  "recordedAt",
]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value as text: dates and times as people read them, numbers with a decimal comma, yes/no in words. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (typeof value === "number") return value.toLocaleString("id-ID", { maximumFractionDigits: 2 });
  if (value instanceof Date) return formatInstantWib(value);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return formatInstantWib(new Date(value));
    if (parseCalendarDay(value)) return formatDay(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(plain).join(", ") || "—";
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${FIELDS[k]?.label ?? k}: ${plain(v)}`)
    .join("; ");
}

function fieldOf(entity: string, key: string): Field {
  return RECORD_FIELDS[entity]?.[key] ?? FIELDS[key] ?? { label: key };
}

// PostgreSQL's jsonb keeps an object's keys in its own order (shortest first): show them in the order above.
const ORDER = new Map(Object.keys(FIELDS).map((key, i) => [key, i]));
const rank = (key: string) => ORDER.get(key) ?? ORDER.size;

/** label → shown value of a before/after object, in the order of FIELDS; hidden fields left out. */
function valuesOf(entity: string, data: unknown, names: AuditNames): Map<string, string> {
  const out = new Map<string, string>();
  if (data === null || typeof data !== "object" || Array.isArray(data)) return out;
  const entries = Object.entries(data as Record<string, unknown>).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, value] of entries) {
    if (HIDDEN.has(key)) continue;
    const field = fieldOf(entity, key);
    const shown = value === null || value === undefined || value === "" ? "—" : (field.format ?? plain)(value, names);
    out.set(field.label, shown === "" ? "—" : shown);
  }
  return out;
}

/**
 * What changed: for a change, each field whose value differs ("lama → baru") and each field only the new values
 * have; otherwise the values recorded (of what was created, or of what was deleted). Compared by label, so a
 * field the code records under two names (weightHardskill and hardskill) still reads as one.
 */
function changes(row: AuditRow, names: AuditNames): AuditDetail[] {
  const before = valuesOf(row.entity, row.before, names);
  const after = valuesOf(row.entity, row.after, names);
  if (before.size > 0 && after.size > 0) {
    const details: AuditDetail[] = [];
    for (const [label, value] of after) {
      const old = before.get(label);
      if (old === undefined) details.push({ label, value });
      else if (old !== value) details.push({ label, value: `${old} → ${value}` });
    }
    return details.length > 0 ? details : [{ label: "Perubahan", value: "tidak ada nilai yang berbeda" }];
  }
  return [...(after.size > 0 ? after : before)].map(([label, value]) => ({ label, value }));
}

function recordOf(row: AuditRow, names: AuditNames): string {
  const kind = ENTITY_LABELS[row.entity] ?? row.entity;
  const id = row.entityId;
  if (id === null) return kind;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const before = (row.before ?? {}) as Record<string, unknown>;
  switch (row.entity) {
    case "period":
      return period(id, names);
    case "setting": {
      const def = SETTINGS[id as SettingKey];
      return def ? `${kind}: ${def.group} — ${def.label}` : `${kind}: ${id}`;
    }
    case "route":
      return `${kind} ${id}`;
    case "user":
      return names.users.has(Number(id)) ? `${kind} ${user(id, names)}` : `${kind} #${id}`;
    case "staff":
      return names.staff.has(Number(id)) ? `${kind} ${person(id, names)}` : `${kind} #${id}`;
    case "evaluation":
    case "period_review": {
      const agent = names.evaluations.get(Number(id));
      return agent ? `${kind} #${id} — ${agent}` : `${kind} #${id}`;
    }
    case "certificate":
      return after.number ? `${kind} ${String(after.number)}` : `${kind} #${id}`;
    case "shift": {
      const staffId = after.staffId ?? before.staffId;
      return staffId === undefined ? `${kind} #${id}` : `${kind} #${id} — ${person(staffId, names)}`;
    }
    case "import_upload":
      return kind;
    case "export":
      return `${kind}: ${EXPORT_LABELS[id] ?? listExportLabel(id) ?? id}`;
    default:
      return `${kind} #${id}`;
  }
}

/** One row of the log as a reader sees it: what was done, to which record, and the values in words. */
export function describeAudit(row: AuditRow, names: AuditNames): AuditDescription {
  const after = (row.after ?? {}) as Record<string, unknown>;
  let details: AuditDetail[];
  if (row.action === "login_failed") {
    const reason = String(after.reason ?? "");
    details = [{ label: "Sebab", value: LOGIN_FAILURES[reason] ?? "percobaan masuk ditolak" }];
  } else if (row.action === "access_denied" && row.entity === "route") {
    details = changes({ ...row, after: { method: after.method } }, names);
  } else {
    details = changes(row, names);
  }
  return { action: ACTION_LABELS[row.action] ?? row.action, record: recordOf(row, names), details };
}

/** Every id of a user or staff member the rows mention, for the caller to look their names up. */
export function mentionedIds(rows: readonly AuditRow[]): { users: number[]; staff: number[]; evaluations: number[] } {
  const users = new Set<number>();
  const staff = new Set<number>();
  const evaluations = new Set<number>();
  const add = (set: Set<number>, value: unknown) => {
    const id = Number(value);
    if (Number.isSafeInteger(id) && id > 0) set.add(id);
  };
  for (const row of rows) {
    if (row.entity === "user") add(users, row.entityId);
    if (row.entity === "staff") add(staff, row.entityId);
    if (row.entity === "evaluation" || row.entity === "period_review") add(evaluations, row.entityId);
    for (const data of [row.before, row.after]) {
      if (data === null || typeof data !== "object") continue;
      for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
        const field = fieldOf(row.entity, key).format;
        if (field === person) add(staff, value);
        else if (field === user) add(users, value);
        else if (key === "participants" && Array.isArray(value)) for (const v of value) add(users, v);
      }
    }
  }
  return { users: [...users], staff: [...staff], evaluations: [...evaluations] };
}
