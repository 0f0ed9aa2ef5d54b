// Backups as one plain SQL file, written and read through the app's own database handle, so that they work the
// same on PostgreSQL and on the embedded PGlite (which has no pg_dump) and need no client tools on the machine.
// The file holds the data, not the schema: the schema is Mutu's migrations, and the file names the migrations
// its database had. A restore applies those migrations to an empty database, loads the rows, sets the sequences
// and then applies the migrations this Mutu has that the backup predates, all in one transaction.
// See docs/decisions/012-backups.md.
//
// The file, one statement per line (newlines inside values are escaped), so reading it back needs no SQL parser:
//   -- Mutu backup, format 1
//   -- mutu-version: 0.1.0             header lines: version, creation time, source, every applied migration
//   -- table "public"."staff": 40 rows
//   INSERT INTO "public"."staff" ("id", …) VALUES (1, '…', …), (2, …);      up to 500 rows or ~1 MB each
//   SELECT pg_catalog.setval('"public"."staff_id_seq"', 40, true);
//   -- end of Mutu backup: 27 tables, 12345 rows, sha256 <hex of every byte before this line>
//
// The parts: backup/format.ts (the file's constants and SQL literals), backup/catalogue.ts (what the database
// holds), backup/write.ts, backup/read.ts (checking a file without a database) and backup/restore.ts.

export type { CodeMigration } from "./backup/catalogue";
export {
  BACKUP_FORMAT,
  type BackupHeader,
  BackupRefusedError,
  type BackupSummary,
  type Migration,
  type RestoreSummary,
  sqlLiteral,
  type TableCount,
  tableLabel,
  valueSql,
} from "./backup/format";
export { type BackupContents, inspectBackup } from "./backup/read";
export { planRestore, type RestorePlan, restoreBackup } from "./backup/restore";
export { writeBackup } from "./backup/write";
