// The coverage page (/cakupan) as a file: each evaluated agent's evaluations of the period against the quota, in
// the page's order (the largest shortfall first), and each assessor's workload. Like the page, a period it does
// not offer falls back to the current one.
import { inArray } from "drizzle-orm";
import { CHANNELS, type ChannelCode, channelShortName } from "../../../analytics/organization";
import { staff } from "../../../db/schema";
import { periodCoverage } from "../coverage";
import { periodChoice } from "../periods";
import { reaches } from "../scope";
import { type Column, cell, yesNo } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Coverage = Awaited<ReturnType<typeof periodCoverage>>;
type AgentRow = Coverage["rows"][number] & { nip: string | null; quota: number };
type WorkloadRow = Coverage["workload"][number];

const byChannel = (counts: Partial<Record<ChannelCode, number>>) =>
  Object.entries(counts)
    .map(([channel, n]) => `${n} ${channelShortName(channel).toLowerCase()}`)
    .join(", ");

const AGENT_COLUMNS: readonly Column<AgentRow>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (r) => r.nip },
  { header: "Nama", width: 30, kind: "text", value: (r) => r.fullName },
  { header: "Tim", width: 36, kind: "text", value: (r) => r.teamName },
  { header: "Evaluasi Interaksi", width: 11, kind: "integer", value: (r) => r.interactions },
  // Every channel, not only telepon as on the page: the file is where the mix is looked into.
  ...CHANNELS.map(
    (c): Column<AgentRow> => ({ header: c.short, width: 9, kind: "integer", value: (r) => r.byChannel[c.code] ?? 0 }),
  ),
  { header: "Kuota", width: 8, kind: "integer", value: (r) => r.quota },
  { header: "Penilaian Periode", width: 11, kind: "text", value: (r) => (r.reviewed ? "Sudah" : "Belum") },
  { header: "Kuota Terpenuhi", width: 10, kind: "text", value: (r) => yesNo(r.status.met) },
  { header: "Kekurangan", width: 11, kind: "integer", value: (r) => r.status.missing },
  { header: "Kekurangan per Saluran", width: 22, kind: "text", value: (r) => byChannel(r.status.missingByChannel) },
];

const WORKLOAD_COLUMNS: readonly Column<WorkloadRow>[] = [
  { header: "Penilai", width: 30, kind: "text", value: (w) => w.name },
  { header: "Evaluasi Terkirim", width: 11, kind: "integer", value: (w) => w.submitted },
  { header: "Draf", width: 8, kind: "integer", value: (w) => w.drafts },
  { header: "Penilaian Periode", width: 11, kind: "integer", value: (w) => w.reviews },
  { header: "Disanggah", width: 10, kind: "integer", value: (w) => w.disputed },
];

export const coverageExport: ListExport = {
  name: "cakupan",
  label: "Cakupan evaluasi dan beban penilai",
  permission: "read:coverage",
  formats: ["xlsx", "csv"],
  options: ["periode"],
  async prepare(ctx, params) {
    const { period } = periodChoice(params.get("periode"), undefined, ctx.now);
    const coverage = await periodCoverage(ctx.db, period.id, ctx.settings);
    // Only ever "any" today; should a narrower scope be granted, the agents are limited with it.
    const shown = coverage.rows.filter((r) => reaches(ctx.access, { staffId: r.id, ...r }));
    const nips = shown.length
      ? await ctx.db
          .select({ id: staff.id, nip: staff.nip })
          .from(staff)
          .where(
            inArray(
              staff.id,
              shown.map((r) => r.id),
            ),
          )
      : [];
    const nipOf = new Map(nips.map((s) => [s.id, s.nip]));
    // The page's order: the largest shortfall first, then team and name (a stable sort).
    const rows: AgentRow[] = [...shown]
      .sort((a, b) => b.status.missing - a.status.missing)
      .map((r) => ({ ...r, nip: nipOf.get(r.id) ?? null, quota: coverage.quota.perAgent }));
    const minimums = byChannel(coverage.quota.byChannel);
    return {
      title: "Cakupan Evaluasi dan Beban Penilai",
      fileStem: `Cakupan_${period.id}`,
      filters: [
        ["Periode", cell.text(period.label)],
        [
          "Kuota per petugas",
          cell.text(`${coverage.quota.perAgent} evaluasi interaksi${minimums ? `, paling sedikit ${minimums}` : ""}`),
        ],
        ["Memenuhi kuota", cell.text(`${rows.filter((r) => r.status.met).length} dari ${rows.length} petugas`)],
      ],
      audit: { periodId: period.id },
      tables: [
        table("Cakupan", AGENT_COLUMNS, async () => rows),
        table("Beban Penilai", WORKLOAD_COLUMNS, async () => coverage.workload),
      ],
    };
  },
};
