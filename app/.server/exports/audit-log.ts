// The audit log (/admin/audit) as a file, for the administrator: every entry its filters match — not only the
// page shown — newest first, worded as the page words them, read a chunk at a time below the last entry read.
import { AUDIT_KINDS, auditEntries } from "../audit";
import { type AuditEntryView, auditActors, auditFilterFrom, describeEntries } from "../audit-page";
import { UserFacingError } from "../errors";
import { type Column, cell, excelWib } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Row = AuditEntryView & { instant: Date | null };

const COLUMNS: readonly Column<Row>[] = [
  { header: "Waktu (WIB)", width: 17, kind: "datetime", value: (r) => excelWib(r.instant) },
  { header: "Oleh", width: 30, kind: "text", value: (r) => r.actor },
  { header: "Tindakan", width: 24, kind: "text", value: (r) => r.action },
  { header: "Data", width: 36, kind: "wrap", value: (r) => r.record },
  {
    header: "Rincian",
    width: 60,
    kind: "wrap",
    value: (r) => (r.details.length ? r.details.map((d) => `${d.label}: ${d.value}`).join("\n") : "—"),
  },
  { header: "Alamat IP", width: 16, kind: "text", value: (r) => r.ip },
];

// Where the page shows a date it cannot use at its field, the file names the field.
const FIELD_LABELS = { dari: "Dari tanggal", sampai: "Sampai tanggal" } as const;

export const auditExport: ListExport = {
  name: "audit",
  label: "Log audit",
  permission: "read:audit",
  formats: ["xlsx", "csv"],
  options: ["jenis", "oleh", "dari", "sampai"],
  async prepare(ctx, params) {
    const { filter, errors } = auditFilterFrom(new URL(`http://mutu/admin/audit?${params}`));
    for (const field of ["dari", "sampai"] as const) {
      const error = errors[field];
      if (error) throw new UserFacingError(`${FIELD_LABELS[field]}: ${error}`);
    }
    const actor =
      typeof filter.actor === "number" ? (await auditActors(ctx.db)).find((a) => a.id === filter.actor) : undefined;
    if (typeof filter.actor === "number" && !actor) {
      throw new UserFacingError(
        `Pengguna nomor ${filter.actor} tidak ada. Pilih pengguna dari daftar "Oleh" di halaman Log audit.`,
      );
    }
    const who =
      filter.actor === "none"
        ? "Tanpa akun (sistem, nama pengguna tak dikenal)"
        : actor
          ? `${actor.name} (${actor.username})`
          : "Semua pengguna";
    const range = filter.from || filter.to ? `_${filter.from ?? "awal"}_${filter.to ?? "kini"}` : "";
    async function* rows() {
      for await (const chunk of auditEntries(ctx.db, filter)) {
        const views = await describeEntries(ctx.db, chunk);
        yield views.map((view, i) => ({ ...view, instant: chunk[i]?.at ?? null }));
      }
    }
    return {
      title: "Log Audit",
      fileStem: `Log_Audit${range}`,
      filters: [
        ["Jenis data", cell.text(AUDIT_KINDS.find((k) => k.value === filter.kind)?.label ?? "Semua")],
        ["Oleh", cell.text(who)],
        ["Dari tanggal", filter.from ? cell.date(filter.from) : cell.text("—")],
        ["Sampai tanggal", filter.to ? cell.date(filter.to) : cell.text("—")],
      ],
      audit: {
        jenis: filter.kind,
        oleh: filter.actor === "none" ? "tanpa akun" : actor?.username,
        dari: filter.from,
        sampai: filter.to,
      },
      tables: [table("Log Audit", COLUMNS, rows)],
    };
  },
};
