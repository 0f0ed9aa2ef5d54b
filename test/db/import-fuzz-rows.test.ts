import { desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../analytics/dates";
import { IMPORT_KINDS } from "../../analytics/import-rules";
import { undoBatch } from "../../app/.server/imports/batches";
import { type ImportReport, runImport } from "../../app/.server/imports/engine";
import { trainingRecords } from "../../db/schema";
import { badNips, filePlan, freeText, issueKeys, render } from "../support/import-files";
import {
  ACTOR,
  columnIsReal,
  comparable,
  FUZZ_SEED,
  fuzzFixture,
  fuzzRuns,
  messageIsSane,
  previewFile,
  previewUpload,
  writtenCounts,
} from "../support/import-fuzz";

const SEED = FUZZ_SEED;
const RUNS = fuzzRuns(40);

const fx = fuzzFixture();
const db = fx.db;

const encoder = new TextEncoder();

describe.each(IMPORT_KINDS)("a generated %s file", (kind) => {
  it("is reported row by row exactly: each flaw at its row and column, the good rows valid, nothing written", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(filePlan(kind, fx.world), async (plan) => {
        const { text, expected } = render(plan);
        const bytes = encoder.encode(text);
        const before = await writtenCounts(db());
        const web = await previewUpload(db(), kind, bytes, fx.userId);
        if ("refused" in web) throw new Error(`upload refused: ${web.refused}`);
        const cli = await previewFile(db(), kind, bytes, fx.dir);
        expect(await writtenCounts(db())).toEqual(before);
        expect(comparable(cli)).toEqual(comparable(web.report));

        const report: ImportReport = web.report;
        expect(report.fileErrors).toEqual([]);
        expect(report.rows).toBe(expected.rows);
        expect(issueKeys(report.errors)).toEqual(expected.errors);
        expect(issueKeys(report.warnings)).toEqual(expected.warnings);
        expect(report.valid).toBe(expected.valid);
        expect(report.errorCount).toBe(report.errors.length);
        expect(report.ignoredColumns).toEqual(expected.ignoredColumns);
        for (const issue of [...report.errors, ...report.warnings]) {
          expect(columnIsReal(kind, issue.column, text), issue.column).toBe(true);
          expect(messageIsSane(issue, text), issue.message).toBe(true);
        }
        for (const [row, first] of expected.duplicates) {
          const issue = report.errors.find((e) => e.row === row);
          expect(issue?.message).toContain(`sama dengan baris ${first} `);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("free text of a committed file", () => {
  // Staging sends each column as a text array; quotes, braces, backslashes and "NULL" must survive it.
  it("is stored exactly as read: formulas, quotes, braces, backslashes, NULL, any Unicode", async () => {
    const person = fx.world.people[0];
    if (!person) throw new Error("nobody");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(freeText, freeText), { minLength: 1, maxLength: 8 }), async (cells) => {
        const lines = [
          "nip;kode_pelatihan;tanggal_selesai;status;penyelenggara;nomor_sertifikat",
          ...cells.map(([provider, number], k) =>
            [person.nip, "PYG-01", addDays(fx.world.pastDay, -200 - k), "selesai", provider, number]
              .map((c) => `"${c.replaceAll('"', '""')}"`)
              .join(";"),
          ),
        ];
        const report = await runImport(db(), {
          kind: "training",
          fileName: "teks.csv",
          source: { text: lines.join("\r\n") },
          commit: true,
          validOnly: false,
          actor: ACTOR,
        });
        expect(report).toMatchObject({ committed: true, errors: [], valid: cells.length });
        const stored = await db()
          .select({ provider: trainingRecords.provider, number: trainingRecords.certificateNumber })
          .from(trainingRecords)
          .where(eq(trainingRecords.batchId, report.batchId ?? 0))
          .orderBy(desc(trainingRecords.endDate));
        // As the importer reads a cell: line breaks as LF, trimmed, cut to the column's length, empty as null.
        const read = (text: string, length: number) => text.replace(/\r\n?/g, "\n").trim().slice(0, length) || null;
        expect(stored).toEqual(
          cells.map(([provider, number]) => ({ provider: read(provider, 200), number: read(number, 100) })),
        );
        await undoBatch(db(), ACTOR, report.batchId ?? 0);
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(RUNS / 2)) },
    );
  });
});

describe("an 18-digit NIP in a file", () => {
  // Each notation in a call-statistics file, the NIP cell written as is, quoted, or quoted with spaces.
  it("is read when plain or grouped with spaces, and refused at its row and column in any other notation", async () => {
    const person = fx.world.people.find((p) => p.active);
    if (!person) throw new Error("no active person");
    const nip = person.nip;
    const good = [nip, ` ${nip} `, `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...good, ...badNips(nip)),
        fc.constantFrom("plain", "quoted"),
        fc.constantFrom(";", ",", "\t"),
        async (cell, quoting, d) => {
          const written = quoting === "quoted" || /[;,\t"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
          const text = [
            ["nip", "tanggal", "kanal", "panggilan_ditangani", "detik_login"].join(d),
            [written, fx.world.pastDay, "telepon", "12", "3600"].join(d),
          ].join("\r\n");
          const web = await previewUpload(db(), "calls", encoder.encode(text), fx.userId);
          if ("refused" in web) throw new Error(web.refused);
          const { report } = web;
          if (good.includes(cell)) {
            expect(report).toMatchObject({ valid: 1, errors: [] });
            return;
          }
          expect(report.valid).toBe(0);
          expect(report.errors.map((e) => [e.row, e.column])).toEqual([[2, "nip"]]);
          if (/e\+?17$/i.test(cell)) expect(report.errors[0]?.message).toMatch(/notasi ilmiah.*Excel/);
        },
      ),
      { seed: SEED, numRuns: Math.min(200, RUNS * 3) },
    );
  });
});
