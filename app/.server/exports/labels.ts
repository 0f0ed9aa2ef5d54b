// The lists that can be taken away (list-export.ts), by the name in their address and on the command line, as
// the audit log, the README and the command line's help call them. Kept apart from the lists themselves so the
// audit log's words need no database code.
export const LIST_EXPORT_LABELS = {
  evaluasi: "Daftar evaluasi",
  cakupan: "Cakupan evaluasi dan beban penilai",
  kalibrasi: "Hasil kalibrasi",
  kelayakan: "Daftar kelayakan sertifikasi",
  sertifikat: "Register sertifikat",
  pelatihan: "Catatan pelatihan",
  penyegaran: "Penyegaran jatuh tempo",
  staf: "Direktori staf",
  jadwal: "Jadwal dinas satu minggu",
  audit: "Log audit",
  impor: "Baris dan kesalahan satu impor",
  rapor: "Rapor kinerja",
  pembinaan: "Daftar pembinaan",
  kepatuhan: "Kepatuhan jadwal per petugas",
} as const;

export type ListExportName = keyof typeof LIST_EXPORT_LABELS;

export const isListExportName = (name: string): name is ListExportName => Object.hasOwn(LIST_EXPORT_LABELS, name);

/** "Daftar evaluasi (.xlsx)" for the audit log's record "evaluasi.xlsx"; null for a name it does not know. */
export function listExportLabel(record: string): string | null {
  const [, name, format] = /^([a-z]+)\.(xlsx|csv)$/.exec(record) ?? [];
  return name && isListExportName(name) ? `${LIST_EXPORT_LABELS[name]} (.${format})` : null;
}
