// The baseline of bench/kpi-workbook.ts: exceljs's streaming writer alone, writing the workbook's three large
// sheets with the same number of rows and cells as the export, from values made in memory.
// Ends with one line of JSON: {"bench":"bare-workbook","seconds":…,…}. kpi-workbook.ts runs it compiled (built.ts).
//   npx tsx bench/bare-workbook.ts AGENTS EVALUATIONS OUT.xlsx [ITEM_ROWS]
import { createWriteStream } from "node:fs";
import ExcelJS from "exceljs";
import { printResult } from "./result";

const started = performance.now();

const [agents = 1000, evaluations = 50_000] = process.argv.slice(2, 4).map(Number);
const out = process.argv[4] ?? "bare.xlsx";
// As many item rows as the export writes (the large period's template has fewer than 20 items).
const itemRows = Number(process.argv[5] ?? evaluations * 20);
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(out), useSharedStrings: false });

function sheet(name: string, rows: number, row: (i: number) => (string | number | Date)[]) {
  const ws = workbook.addWorksheet(name);
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
}

sheet("KPI Petugas", agents, (i) => [
  `19900101000000${String(i).padStart(4, "0")}`,
  `Petugas Uji ${i}`,
  "Tim Kerja Layanan Informasi dan Pengaduan",
  "Petugas Layanan",
  50,
  80.5,
  79.25,
  90,
  11.2,
  100,
  84.6,
  "Baik",
  i % 500,
  "Lengkap",
]);
sheet("Evaluasi", evaluations, (i) => [
  i,
  "interaksi",
  new Date(Date.UTC(2026, 9, 26, i % 24)),
  "telepon",
  `19900101000000${String(i % 1000).padStart(4, "0")}`,
  `Petugas Uji ${i % 1000}`,
  "Penilai Uji",
  80,
  78.75,
  90,
  11.2,
  100,
  79.46,
  "Tidak",
  "diajukan",
]);
sheet("Rincian Item", itemRows, (i) => [
  Math.floor(i / 20),
  `19900101000000${String(i % 1000).padStart(4, "0")}`,
  `H${i % 20}`,
  "Menyampaikan informasi yang akurat sesuai ketentuan",
  "C.12.d",
  "Hardskill",
  1 + (i % 5),
  (i % 5) * 25,
  i % 7 === 0 ? "Catatan butir" : "",
]);
await workbook.commit();
printResult("bare-workbook", {
  agents,
  evaluations,
  itemRows,
  seconds: (performance.now() - started) / 1000,
  peakMb: process.resourceUsage().maxRSS / 1024,
});
