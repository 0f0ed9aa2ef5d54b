// The evaluation list (/evaluasi) as a file: the rows the page shows with its filters, its kept search and its
// sort — every page of them — within the user's Access (an assessor: what they may see; a supervisor: their
// team; an agent: their own sent evaluations).
import { eq } from "drizzle-orm";
import { periodFromId } from "../../../analytics/period";
import { STATE_LABELS } from "../../../analytics/scoring";
import { staff } from "../../../db/schema";
import { evaluationListFilter, evaluationListRows, evaluationListWhere } from "../evaluation-list";
import { type Column, cell, excelWib, yesNo } from "../workbook/cells";
import { judgedColumns, scoreColumns } from "./evaluation-columns";
import { type ListExport, paged, table } from "./list-export";

type Row = Awaited<ReturnType<typeof evaluationListRows>>[number];

const COLUMNS: readonly Column<Row>[] = [
  ...judgedColumns<Row>(),
  { header: "NIP Petugas", width: 21, kind: "nip", value: (e) => e.agentNip },
  { header: "Nama Petugas", width: 30, kind: "text", value: (e) => e.agentName },
  { header: "Tim", width: 36, kind: "text", value: (e) => e.teamName },
  { header: "Penilai", width: 26, kind: "text", value: (e) => e.assessorName },
  ...scoreColumns<Row>(),
  { header: "Dikirim (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.submittedAt) },
];

export const evaluationsExport: ListExport = {
  name: "evaluasi",
  label: "Daftar evaluasi",
  permission: "read:evaluation",
  formats: ["xlsx", "csv"],
  options: ["periode", "status", "petugas", "milik"],
  async prepare(ctx, params) {
    const { filter, choice } = await evaluationListFilter(ctx.db, ctx.access, ctx.sessionId, params, ctx.now);
    const [agent] = filter.agentId
      ? await ctx.db.select({ name: staff.fullName }).from(staff).where(eq(staff.id, filter.agentId))
      : [];
    const where = evaluationListWhere(ctx.access, filter);
    return {
      title: "Daftar Evaluasi",
      fileStem: `Evaluasi_${filter.periodId ?? "semua-periode"}`,
      filters: [
        ["Periode", cell.text(filter.periodId ? periodFromId(filter.periodId).label : "Semua periode")],
        ["Status", cell.text(filter.state ? (STATE_LABELS[filter.state] ?? filter.state) : "Semua")],
        ["Petugas", cell.text(agent?.name ?? "Semua")],
        ...(choice.canCreate
          ? [["Hanya yang saya nilai", cell.text(yesNo(choice.mine))] as [string, ReturnType<typeof cell.text>]]
          : []),
        ["Pencarian", cell.text(filter.search || "—")],
      ],
      // The search text may be a NIP: the log says only that there was one.
      audit: {
        periodId: filter.periodId ?? "semua",
        state: filter.state,
        agentId: filter.agentId,
        mine: choice.mine ? "ya" : undefined,
        search: filter.search ? "ada" : undefined,
      },
      tables: [
        table("Evaluasi", COLUMNS, () =>
          paged((offset, limit) => evaluationListRows(ctx.db, where, filter.sort, offset, limit)),
        ),
      ],
    };
  },
};
