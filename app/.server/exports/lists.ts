// Every list that can be taken away, by name (labels.ts): the download route, the command line, the README and
// the access walker read this one table.
import { adherenceExport } from "./adherence";
import { auditExport } from "./audit-log";
import { calibrationExport } from "./calibration";
import { certificatesExport } from "./certificates";
import { coachingExport } from "./coaching";
import { coverageExport } from "./coverage";
import { eligibilityExport } from "./eligibility";
import { evaluationsExport } from "./evaluations";
import { importBatchExport } from "./import-batch";
import type { ListExportName } from "./labels";
import type { ListExport } from "./list-export";
import { raporExport } from "./rapor";
import { refreshersExport } from "./refreshers";
import { rosterExport } from "./roster";
import { staffExport } from "./staff";
import { trainingExport } from "./training";

export const LIST_EXPORTS: Partial<Record<ListExportName, ListExport>> = {
  evaluasi: evaluationsExport,
  cakupan: coverageExport,
  kalibrasi: calibrationExport,
  sertifikat: certificatesExport,
  jadwal: rosterExport,
  kelayakan: eligibilityExport,
  rapor: raporExport,
  pelatihan: trainingExport,
  penyegaran: refreshersExport,
  staf: staffExport,
  audit: auditExport,
  impor: importBatchExport,
  pembinaan: coachingExport,
  kepatuhan: adherenceExport,
};
