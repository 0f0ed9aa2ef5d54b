// What would make a person scroll sideways or miss a column, measured in the page: the phone pass of
// lists-and-phone.test.ts and the 1366 px check of every page the words sweep reads (words.test.ts).
import type { Page } from "playwright-core";

/**
 * The main pages of each role (its navigation and what it opens from there): checked on a phone by
 * lists-and-phone.test.ts, and read at 1366 px by the words sweep whatever else it finds first.
 */
export const MAIN_PAGES: Record<string, string[]> = {
  admin: ["/", "/staf", "/admin/pengguna", "/admin/pengaturan", "/admin/audit", "/profil"],
  kasi: ["/", "/kpi", "/evaluasi", "/cakupan", "/kalibrasi", "/template", "/kelayakan", "/sertifikat", "/laporan"],
  koordinator: ["/", "/evaluasi", "/evaluasi/periode", "/tenaga-kerja", "/tenaga-kerja/jadwal", "/impor", "/staf"],
  penilai: ["/", "/evaluasi", "/evaluasi/baru", "/kalibrasi", "/template", "/staf"],
  supervisor: ["/", "/kpi", "/evaluasi", "/kelayakan", "/laporan", "/tenaga-kerja", "/tenaga-kerja/rencana", "/staf"],
  petugas: ["/", "/evaluasi", "/tenaga-kerja/jadwal", "/profil"],
  hr: ["/", "/kelayakan", "/impor", "/pelatihan", "/staf"],
};

/** Each way the page as laid out now fails its window, in words; none when it fits. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement as HTMLElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    }
    // A list must show every column; only grids whose columns are a second axis may scroll in their box.
    for (const table of document.querySelectorAll<HTMLTableElement>("table.stack-table")) {
      const box = table.closest(".table-wrap") ?? table.parentElement;
      if (box && box.scrollWidth > box.clientWidth + 1) {
        problems.push(`the table "${table.caption?.textContent?.trim() ?? "?"}" is cut off at the right`);
      }
    }
    for (const table of document.querySelectorAll("table:not(.stack-table):not(.heatmap):not(.compact)")) {
      problems.push(`a table without the phone pattern: "${table.querySelector("caption")?.textContent?.trim()}"`);
    }
    return problems;
  });
}
