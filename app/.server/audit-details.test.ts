// The audit log's wording: every action and kind of record the code writes has Indonesian words, and each
// row's details read as a person reads them (names, 4 Des 2026, WIB times), never as JSON or code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type AuditRow, describeAudit, mentionedIds } from "./audit-details";
import { ACTION_LABELS, ENTITY_LABELS } from "./audit-words";

const names = {
  users: new Map([
    [2, "Rahmat Hidayat"],
    [7, "Wulan Maharani"],
    [4, "Ilham Setiawan"],
  ]),
  staff: new Map([
    [25, "Agus Siregar"],
    [23, "Maya Syahputra"],
  ]),
  teams: new Map([[1, "Tim Kerja Layanan Informasi dan Pengaduan"]]),
  evaluations: new Map([[781, "Bambang Rahman"]]),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const root = path.resolve(import.meta.dirname, "../..");
const sources = [...sourceFiles(path.join(root, "app")), path.join(root, "db/seed.ts")]
  .filter((f) => !f.endsWith("audit-details.ts"))
  .map((f) => readFileSync(f, "utf8"));

/** The string literals of every `action: …` and `entity: …` the code writes to the log (conditionals included). */
function literalsAfter(key: string): Set<string> {
  const found = new Set<string>();
  for (const text of sources) {
    if (!/recordAudit|auditLog|hiddenOrMissing|audit:/.test(text)) continue;
    for (const m of text.matchAll(new RegExp(`\\b${key}: ([^,}\\n]+)`, "g"))) {
      // The values it can take, not what a condition compares with (`state === "disputed" ? "dispute" : …`).
      for (const s of m[1]?.matchAll(/(?<![=!]==\s*)"([a-z_.]+)"(?!\s*[=!]==)/g) ?? []) if (s[1]) found.add(s[1]);
    }
  }
  return found;
}

describe("every action and record the code writes has words", () => {
  it.each([...literalsAfter("action")])("action %s", (action) => {
    expect(ACTION_LABELS[action], `add "${action}" to ACTION_LABELS`).toBeDefined();
  });
  it.each([...literalsAfter("entity")])("record %s", (entity) => {
    expect(ENTITY_LABELS[entity], `add "${entity}" to ENTITY_LABELS`).toBeDefined();
  });
  it("finds the ones it must (the scan itself works)", () => {
    expect(literalsAfter("action").has("disputed")).toBe(false);
    for (const a of ["period.approve", "undo_import", "settle_adjusted", "dispute", "login_failed", "enable"]) {
      expect(literalsAfter("action").has(a)).toBe(true);
    }
    for (const e of ["import_batch", "period_review", "capability_decision", "import_upload"]) {
      expect(literalsAfter("entity").has(e)).toBe(true);
    }
  });
});

// One row in the shape each kind of call records (see the recordAudit calls in app/.server).
const ROWS: AuditRow[] = [
  {
    action: "period.approve",
    entity: "period",
    entityId: "2026-10",
    before: null,
    after: { status: "approved", approvedBy: 2, approvedAt: "2026-12-03T22:18:28.324Z" },
  },
  {
    action: "period.reopen",
    entity: "period",
    entityId: "2026-10",
    before: { id: "2026-10", status: "approved", approvedBy: 2, approvedAt: "2026-12-03T22:18:28.324Z" },
    after: { status: "open", reopenedBy: 2, reopenedAt: "2026-12-04T01:00:00.000Z", reopenReason: "Koreksi CPH." },
  },
  { action: "iku.set", entity: "period", entityId: "2026-10", before: {}, after: { rata_nilai_qa: 80 } },
  {
    action: "import",
    entity: "import_batch",
    entityId: "1",
    before: null,
    after: { kind: "training", fileName: "a.csv", rows: 27, new: 27, updated: 0, unchanged: 0, errors: 0 },
  },
  { action: "undo_import", entity: "import_batch", entityId: "1", before: { inserted: 27, updated: 0 }, after: null },
  {
    action: "update",
    entity: "staff",
    entityId: "25",
    before: { id: 25, nip: "199208042018121127", birthPlace: "Tangerang", birthDate: "1992-08-04", teamId: 1 },
    after: { id: 25, nip: "199208042018121127", birthPlace: "Tangerang Selatan", birthDate: "1992-08-04", teamId: 1 },
  },
  {
    action: "create",
    entity: "staff",
    entityId: "26",
    before: null,
    after: { fullName: "Nurul", position: "petugas_layanan", golongan: "III/a", teamId: 1, active: true },
  },
  {
    action: "update",
    entity: "user",
    entityId: "7",
    before: { roles: ["hr"], disabledAt: null, staffId: null },
    after: { roles: ["hr", "penilai"], disabledAt: null, staffId: 23 },
  },
  { action: "update", entity: "setting", entityId: "kpi.threshold", before: { value: 61 }, after: { value: 62 } },
  {
    action: "update",
    entity: "setting",
    entityId: "certificate.signerName",
    before: { value: "" },
    after: { value: "Hendra Wijayanto" },
  },
  {
    action: "submit",
    entity: "evaluation",
    entityId: "781",
    before: null,
    after: { state: "submitted", periodId: "2026-11", agentStaffId: 25, total: 78.571 },
  },
  {
    action: "settle_adjusted",
    entity: "evaluation",
    entityId: "781",
    before: { state: "disputed", total: 78.57, revision: 1 },
    after: { state: "final", total: 89.29, note: "Butir B.3 dinilai ulang." },
  },
  {
    action: "create",
    entity: "period_review",
    entityId: "900",
    before: null,
    after: { state: "draft", periodId: "2026-11", agentStaffId: 23, kedisiplinan: 82.5, cph: 12.7, cphSourceNote: "" },
  },
  {
    action: "issue",
    entity: "certificate",
    entityId: "3",
    before: null,
    after: { number: "003/SK-CC/2026", staffId: 25, role: "petugas_layanan", issuedOn: "2026-12-04", evidence: ["a"] },
  },
  {
    action: "create",
    entity: "capability_decision",
    entityId: "4",
    before: null,
    after: {
      id: 4,
      staffId: 25,
      role: "ketua_tim",
      decidedBy: "Direktur PPKC",
      letterNumber: "KEP-1/2026",
      letterDate: "2026-11-30",
      basis: "KPI tiga periode terakhir di atas 85.",
      recordedBy: 2,
      recordedAt: "2026-12-04T01:00:00.000Z",
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawReason: null,
    },
  },
  {
    action: "update",
    entity: "shift",
    entityId: "40",
    before: {
      staffId: 23,
      startsAt: "2026-12-01T16:00:00.000Z",
      endsAt: "2026-12-02T00:00:00.000Z",
      channel: "telepon",
    },
    after: {
      staffId: 23,
      startsAt: "2026-12-01T08:00:00.000Z",
      endsAt: "2026-12-01T16:00:00.000Z",
      channel: "webchat",
    },
  },
  {
    action: "update",
    entity: "scorecard_version",
    entityId: "3",
    before: { hardskill: 40, softskill: 30, kedisiplinan: 20, cph: 10 },
    after: { weightHardskill: 45, weightSoftskill: 25, weightKedisiplinan: 20, weightCph: 10 },
  },
  {
    action: "delete",
    entity: "scorecard_item",
    entityId: "12",
    before: { id: 12, versionId: 3, position: 4, code: "B.3", section: "hardskill", scale: "1-5", critical: false },
    after: null,
  },
  {
    action: "create",
    entity: "calibration_session",
    entityId: "2",
    before: null,
    after: { title: "Kalibrasi", participants: [4, 7], benchmark: true },
  },
  {
    action: "report.create",
    entity: "report",
    entityId: "5",
    before: null,
    after: { kind: "penjamin_kualitas", reportDate: "2026-12-01", title: "T", problem: "P", regulation: "R" },
  },
  { action: "login_failed", entity: "user", entityId: null, before: null, after: { reason: "unknown_user" } },
  {
    action: "access_denied",
    entity: "route",
    entityId: "/admin/audit",
    before: null,
    after: { permission: "read:audit", method: "GET" },
  },
  {
    action: "access_denied",
    entity: "evaluation",
    entityId: "781",
    before: null,
    after: { path: "/evaluasi/781", method: "GET" },
  },
  {
    action: "create",
    entity: "training_course",
    entityId: "9",
    before: null,
    after: { code: "TLI-09", name: "Diklat", category: "teknis_layanan_informasi", hours: 12.5, validityMonths: null },
  },
  { action: "seed_demo", entity: "database", entityId: null, before: null, after: { staff: 40, users: 12 } },
];

const text = (row: AuditRow) => {
  const d = describeAudit(row, names);
  return [d.action, d.record, ...d.details.flatMap((x) => [x.label, x.value])].join(" | ");
};

describe("each row reads as Indonesian, not as data", () => {
  it.each(ROWS.map((r) => [`${r.action} ${r.entity}`, r] as const))("%s", (_, row) => {
    const shown = text(row);
    expect(shown).not.toMatch(/[{}"]|\[object|undefined|NaN/);
    expect(shown, "an ISO date or time").not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(shown, "a code or a key").not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b|\b(period|iku|report)\.\w+/);
  });
});

describe("what a reader sees", () => {
  const details = (row: AuditRow) =>
    Object.fromEntries(describeAudit(row, names).details.map((d) => [d.label, d.value]));

  it("approving a period: the period by its label, who and when in WIB (22:18 UTC = 05.18 WIB the next day)", () => {
    const d = describeAudit(ROWS[0] as AuditRow, names);
    expect(d.action).toBe("menyetujui dan mengunci periode");
    expect(d.record).toBe("Periode Oktober 2026 (26 Okt 2026 – 25 Nov 2026)");
    expect(details(ROWS[0] as AuditRow)).toEqual({
      Status: "disetujui",
      "Disetujui oleh": "Rahmat Hidayat",
      "Disetujui pada": "4 Des 2026 05.18 WIB",
    });
  });

  it("a change lists only what changed, as old → new", () => {
    expect(details(ROWS[5] as AuditRow)).toEqual({ "Tempat lahir": "Tangerang → Tangerang Selatan" });
    expect(details(ROWS[7] as AuditRow)).toEqual({ Peran: "SDM → SDM, Penilai", Staf: "— → Maya Syahputra" });
    expect(details(ROWS[8] as AuditRow)).toEqual({ Nilai: "61 → 62" });
    expect(details(ROWS[9] as AuditRow)).toEqual({ Nilai: "— → Hendra Wijayanto" });
  });

  it("a setting is named by its group and label; an evaluation by its agent", () => {
    expect(describeAudit(ROWS[8] as AuditRow, names).record).toBe(
      "Pengaturan: Penilaian — Batas bawah nilai akhir KPI",
    );
    expect(describeAudit(ROWS[10] as AuditRow, names).record).toBe("Evaluasi #781 — Bambang Rahman");
    expect(details(ROWS[10] as AuditRow)).toEqual({
      Status: "Terkirim",
      Periode: "Periode November 2026 (26 Nov 2026 – 25 Des 2026)",
      Petugas: "Agus Siregar",
      "Nilai total": "78,57",
    });
  });

  it("an import and its undo, and a shift's times in WIB", () => {
    expect(describeAudit(ROWS[4] as AuditRow, names)).toMatchObject({
      action: "membatalkan impor",
      record: "Impor #1",
    });
    expect(Object.keys(details(ROWS[3] as AuditRow))).toEqual([
      "Jenis data",
      "Berkas",
      "Baris data",
      "Baris baru",
      "Baris diperbarui",
      "Baris tidak berubah",
      "Kesalahan",
    ]);
    expect(details(ROWS[3] as AuditRow)["Jenis data"]).toBe("Catatan pelatihan");
    expect(details(ROWS[15] as AuditRow)).toEqual({
      Mulai: "1 Des 2026 23.00 WIB → 1 Des 2026 15.00 WIB",
      Selesai: "2 Des 2026 07.00 WIB → 1 Des 2026 23.00 WIB",
      Saluran: "Telepon → Web-chat",
    });
  });

  it("template weights recorded under two names read as one change", () => {
    expect(details(ROWS[16] as AuditRow)).toEqual({ "Bobot Hardskill": "40 → 45", "Bobot Softskill": "30 → 25" });
  });

  it("a failed sign-in says why; a refused page says how it was asked for, not the permission code", () => {
    expect(details(ROWS[20] as AuditRow)).toEqual({ Sebab: "nama pengguna tidak dikenal" });
    expect(details(ROWS[21] as AuditRow)).toEqual({ Cara: "membuka" });
  });

  it("mentionedIds collects the users and staff a page needs names for", () => {
    expect(mentionedIds(ROWS)).toEqual({
      users: expect.arrayContaining([2, 4, 7]),
      staff: expect.arrayContaining([23, 25, 26]),
      evaluations: expect.arrayContaining([781, 900]),
    });
  });
});
