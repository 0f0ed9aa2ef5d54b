// Every list that can be taken away, by name (labels.ts): the download route, the command line, the README and
// the access walker read this one table.
import { eligibilityExport } from "./eligibility";
import { evaluationsExport } from "./evaluations";
import type { ListExportName } from "./labels";
import type { ListExport } from "./list-export";
import { raporExport } from "./rapor";

export const LIST_EXPORTS: Partial<Record<ListExportName, ListExport>> = {
  evaluasi: evaluationsExport,
  kelayakan: eligibilityExport,
  rapor: raporExport,
};
