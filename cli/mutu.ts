// The command line: `npm run mutu -- <command>`. Exit codes: 0 done, 1 refused or failed, 2 bad usage.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { IMPORT_KINDS, isImportKind } from "../analytics/import-rules";
import { parseNip } from "../analytics/nip";
import { isRole, ROLES } from "../analytics/roles";
import { UserFacingError } from "../app/.server/errors";
import { isListExportName, LIST_EXPORT_LABELS, type ListExportName } from "../app/.server/exports/labels";
import { logError } from "../app/.server/log";
import { UsageError } from "./usage-error";

// Each command loads only what it uses: a usage error answers at once, and `db backup` does not load the demo
// data, exceljs or argon2. What every command needs (the database) is loaded by the first that asks.
const database = () => import("../db/client");
let databaseLoaded = false;
async function getDatabase() {
  databaseLoaded = true;
  return (await database()).getDatabase();
}

// Refusals the user can act on, whichever module throws them: exit 1 with the message alone, no stack.
const REFUSALS = new Set(["DatabaseLockedError", "DatabaseNotEmptyError", "BackupRefusedError"]);

const USAGE = `Pemakaian: npm run mutu -- <perintah>

Perintah:
  db migrate                     Terapkan migrasi basis data yang belum diterapkan.
  db seed --demo                 Muat data demo (staf dan satu akun per peran) ke basis data kosong.
  db backup [--out BERKAS]       Tulis seluruh isi basis data sebagai satu berkas SQL (bawaan:
                                 mutu-cadangan-<tgl>-<jam>Z.sql), dibaca dalam satu transaksi yang konsisten.
                                 Aman saat aplikasi berjalan di PostgreSQL; PGlite hanya bila aplikasinya
                                 berhenti. Kode keluar: 0 tertulis, 1 ditolak, 2 pemakaian salah.
  db restore BERKAS              Pulihkan berkas cadangan ke basis data yang kosong (baru), dalam satu
                                 transaksi: gagal berarti tidak ada yang berubah. Kode keluar: 0 dipulihkan,
                                 1 ditolak (basis data tidak kosong, berkas bukan cadangan Mutu atau rusak),
                                 2 pemakaian salah.
  user add --username U --role R [--role R2 …] [--staff NIP] [--name "Nama Tampilan"]
                                 Tambah pengguna. Kata sandi dibaca dari stdin, atau ditanyakan.
  import staff|training|calls|intervals|roster BERKAS [--sheet LEMBAR] [--commit [--valid-only]] [--json]
                                 Periksa berkas CSV atau berkas Excel (.xlsx) data staf / catatan
                                 pelatihan / statistik panggilan / statistik interval / jadwal dinas.
                                 Dari berkas Excel dibaca lembar pertama yang terlihat, atau --sheet.
                                 Tanpa --commit tidak ada yang disimpan.
                                 --valid-only menyimpan baris yang valid saja.
                                 --json mencetak satu objek JSON. Kode keluar: 0 tersimpan atau bersih,
                                 1 ada kesalahan, 2 pemakaian salah.
  export kpi [--period YYYY-MM] [--format xlsx|csv] [--out BERKAS]
                                 Tulis workbook KPI satu periode (bawaan: periode terakhir yang sudah
                                 selesai) ke BERKAS (bawaan: KPI_<periode>_<tgl awal>_<tgl akhir>.xlsx,
                                 atau .csv). --format csv menulis baris lembar "KPI Petugas" saja: UTF-8
                                 dengan BOM, pemisah titik koma, desimal koma. Kode keluar: 0 tertulis,
                                 1 ditolak (misalnya periode tidak valid), 2 pemakaian salah.
  export staffing [--week YYYY-Www] [--out BERKAS]
                                 Tulis rencana kebutuhan staf satu minggu ISO (bawaan: minggu ini) ke
                                 BERKAS (bawaan: Rencana_Staf_<minggu>_<Senin>_<Minggu>.xlsx): satu lembar
                                 per kanal, satu baris per interval. Kode keluar: 0 tertulis, 1 ditolak
                                 (misalnya minggu tidak valid), 2 pemakaian salah.
  export <daftar> [--<saringan> NILAI …] [--out BERKAS.xlsx|BERKAS.csv]
                                 Tulis satu daftar seperti tombol "Unduh" di halamannya, untuk seluruh
                                 contact center, dengan saringan halaman itu sebagai opsi bernama sama
                                 (misalnya export evaluasi --periode 2026-10 --status disputed). Format
                                 dari akhiran BERKAS (bawaan .xlsx, nama menurut isinya). Daftar:
${Object.entries(LIST_EXPORT_LABELS)
  .map(([name, label]) => `                                   ${name.padEnd(11)}${label}`)
  .join("\n")}
                                 Rapor kinerja: export rapor --nip NIP [--dari YYYY-MM] [--sampai YYYY-MM].
                                 Kode keluar: 0 tertulis, 1 ditolak (saringan tidak valid), 2 pemakaian salah.
  help                           Tampilkan bantuan ini.

Peran: ${ROLES.join(", ")}
Basis data: PostgreSQL bila DATABASE_URL diisi, selain itu PGlite di .data/pglite.`;

async function dbMigrate() {
  const { ensureDefaultTemplates } = await import("../db/seed");
  const handle = await getDatabase();
  await handle.migrate();
  const templates = await ensureDefaultTemplates(handle.db);
  console.log(`Migrasi selesai (${handle.location}).`);
  if (templates > 0) console.log(`${templates} template penilaian bawaan dimuat.`);
}

async function dbSeed(args: string[]) {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" } }, strict: true });
  if (!values.demo) throw new UsageError("`db seed` memerlukan --demo (hanya data demo yang tersedia).");
  const { demoLoginsText, loadDemo } = await import("../app/.server/bootstrap");
  const handle = await getDatabase();
  await handle.migrate();
  const counts = await loadDemo(handle);
  console.log(
    `Data demo dimuat: ${counts.staff} staf, ${counts.users} pengguna, ${counts.evaluations} evaluasi.\n${demoLoginsText()}`,
  );
}

async function dbBackup(args: string[]) {
  // Arguments first, so a missing folder is refused without opening the database. No migration: a backup
  // reads the database as it is.
  const { checkBackupSource, parseBackupArgs, runBackup } = await import("./backup");
  const request = parseBackupArgs(args);
  checkBackupSource();
  console.log(await runBackup(await getDatabase(), request));
}

async function dbRestore(args: string[]) {
  // The file is checked before the database is opened: a refused file creates no embedded database.
  const { parseRestoreArgs, runRestore } = await import("./backup");
  const { planRestore } = await import("../db/backup");
  const plan = await planRestore(parseRestoreArgs(args).file);
  console.log(await runRestore(await getDatabase(), plan));
}

async function userAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      role: { type: "string", multiple: true },
      staff: { type: "string" },
      name: { type: "string" },
    },
    strict: true,
  });
  if (!values.username) throw new UsageError("--username wajib diisi.");
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError("Paling sedikit satu --role wajib diisi.");
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new UsageError(`Peran tidak dikenal: ${unknown.join(", ")}. Pilihan: ${ROLES.join(", ")}.`);

  const [{ eq }, { staff }, { createUser, userCreateInput }, { readPassword }] = await Promise.all([
    import("drizzle-orm"),
    import("../db/schema"),
    import("../app/.server/users"),
    import("./password-input"),
  ]);
  const handle = await getDatabase();
  await handle.migrate();
  let staffId: number | null = null;
  if (values.staff) {
    const nip = parseNip(values.staff);
    if (!nip.ok) throw new UserFacingError(nip.error);
    const [person] = await handle.db.select({ id: staff.id }).from(staff).where(eq(staff.nip, nip.value.nip));
    if (!person) throw new UserFacingError("Tidak ada staf dengan NIP itu. Tambahkan stafnya terlebih dahulu.");
    staffId = person.id;
  }
  const password = await readPassword();
  const parsed = userCreateInput.safeParse({
    username: values.username,
    displayName: values.name ?? (staffId ? undefined : values.username),
    "roles[]": roles,
    staffId: staffId ? String(staffId) : undefined,
    password,
    passwordConfirm: password,
  });
  if (!parsed.success) throw new UserFacingError(parsed.error.issues.map((i) => i.message).join("\n"));
  const id = await createUser(handle.db, { id: null, username: "cli" }, parsed.data, { mustChangePassword: false });
  console.log(`Pengguna ${parsed.data.username} dibuat (id ${id}).`);
}

/**
 * Where a long import is, on stderr (stdout stays the report, or the JSON): each phase once, and the rows read
 * at most every two seconds.
 */
function progressToStderr() {
  let phase = "";
  let shownAt = 0;
  return (progress: { phase: string; rows: number }) => {
    const now = Date.now();
    if (progress.phase === phase && now - shownAt < 2000) return;
    phase = progress.phase;
    shownAt = now;
    const rows = progress.rows.toLocaleString("id-ID");
    process.stderr.write(progress.phase === "menyimpan" ? `Menyimpan ${rows} baris…\n` : `Membaca… ${rows} baris\n`);
  };
}

async function importFile(kind: string | undefined, args: string[]): Promise<number> {
  if (!isImportKind(kind)) throw new UsageError(`Jenis impor harus ${IMPORT_KINDS.join(", ")}.`);
  const { values, positionals } = parseArgs({
    args,
    options: {
      commit: { type: "boolean" },
      "valid-only": { type: "boolean" },
      json: { type: "boolean" },
      sheet: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("Sebutkan satu berkas CSV atau Excel (.xlsx).");
  if (values["valid-only"] && !values.commit) throw new UsageError("--valid-only hanya berlaku bersama --commit.");
  if (!existsSync(file)) throw new UsageError(`Berkas tidak ditemukan: ${file}`);
  const { isWorkbookFile } = await import("../app/.server/imports/source");
  if (values.sheet !== undefined && !(await isWorkbookFile(file))) {
    throw new UsageError("--sheet hanya berlaku untuk berkas Excel (.xlsx).");
  }
  const { runImport } = await import("../app/.server/imports/engine");
  const handle = await getDatabase();
  await handle.migrate();
  const report = await runImport(handle.db, {
    kind,
    fileName: path.basename(file),
    source: { path: path.resolve(file), sheet: values.sheet },
    commit: Boolean(values.commit),
    validOnly: Boolean(values["valid-only"]),
    actor: { id: null, username: "cli" },
    // With --json the output is for a program: one object, nothing on stderr but errors.
    onProgress: values.json ? undefined : progressToStderr(),
  });
  const errors = [...report.fileErrors.map((message) => ({ row: 1, column: "", message })), ...report.errors];
  if (values.json) {
    const { kind: k, rows, valid, committed, batchId, warnings } = report;
    console.log(
      JSON.stringify({
        kind: k,
        rows,
        valid,
        new: report.new,
        updated: report.updated,
        unchanged: report.unchanged,
        committed,
        batchId,
        errors,
        warnings,
      }),
    );
  } else {
    console.log(
      `${report.rows} baris: ${report.valid} valid (${report.new} baru, ${report.updated} diperbarui, ${report.unchanged} tidak berubah), ${report.errorRows} dengan kesalahan; ${report.errorCount} kesalahan, ${report.warningCount} peringatan.`,
    );
    for (const e of errors) console.log(`  baris ${e.row}${e.column ? `, kolom ${e.column}` : ""}: ${e.message}`);
    for (const w of report.warnings) console.log(`  (peringatan) baris ${w.row}, kolom ${w.column}: ${w.message}`);
    console.log(
      report.committed
        ? report.batchId
          ? `Tersimpan sebagai impor #${report.batchId}.`
          : "Tidak ada yang berubah: isi berkas sudah ada di Mutu."
        : values.commit
          ? "Tidak disimpan: perbaiki kesalahannya, atau jalankan lagi dengan --valid-only."
          : "Pratinjau saja: tidak ada yang disimpan. Tambahkan --commit untuk menyimpan.",
    );
  }
  const clean = errors.length === 0 && report.fileErrors.length === 0;
  return report.committed || (!values.commit && clean) ? 0 : 1;
}

async function exportKpi(args: string[]) {
  // Arguments first, so a mistyped period is refused without opening the database.
  const { parseKpiExportArgs, runKpiExport } = await import("./export-kpi");
  const request = parseKpiExportArgs(args);
  const handle = await getDatabase();
  await handle.migrate();
  console.log(await runKpiExport(handle.db, request));
}

async function exportStaffing(args: string[]) {
  const { parseStaffingExportArgs, runStaffingExport } = await import("./export-staffing");
  const request = parseStaffingExportArgs(args);
  const handle = await getDatabase();
  await handle.migrate();
  console.log(await runStaffingExport(handle.db, request));
}

async function exportList(name: ListExportName, args: string[]) {
  const { parseListExportArgs, runListExport } = await import("./export-list");
  const request = parseListExportArgs(name, args);
  const handle = await getDatabase();
  await handle.migrate();
  console.log(await runListExport(handle.db, request));
}

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === "db" && sub === "migrate") await dbMigrate();
    else if (command === "db" && sub === "seed") await dbSeed(rest);
    else if (command === "db" && sub === "backup") await dbBackup(rest);
    else if (command === "db" && sub === "restore") await dbRestore(rest);
    else if (command === "user" && sub === "add") await userAdd(rest);
    else if (command === "import") return await importFile(sub, rest);
    else if (command === "export" && sub === "kpi") await exportKpi(rest);
    else if (command === "export" && sub === "staffing") await exportStaffing(rest);
    else if (command === "export" && sub && isListExportName(sub)) await exportList(sub, rest);
    else if (command === "help" || command === "--help" || command === "-h") console.log(USAGE);
    else
      throw new UsageError(
        command ? `Perintah tidak dikenal: ${[command, sub].filter(Boolean).join(" ")}` : "Perintah belum diberikan.",
      );
    return 0;
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with ERR_PARSE_ARGS_* codes.
    const code = (error as { code?: string }).code ?? "";
    if (error instanceof UsageError || code.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserFacingError || (error instanceof Error && REFUSALS.has(error.name))) {
      console.error(error.message);
      return 1;
    }
    logError("cli", error);
    return 1;
  } finally {
    if (databaseLoaded) await (await database()).closeDatabase();
  }
}

process.exitCode = await run(process.argv.slice(2));
