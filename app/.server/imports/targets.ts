// The SQL of each import target: its staging table, how staged rows compare with the table they go to,
// the merge that records a before-image of every row it changes, and the undo. Set-based, so a commit of
// 100,000 rows is a handful of statements.
import { param, type SQL, sql } from "drizzle-orm";
import { formatDay } from "../../../analytics/dates";
import type {
  CallRow,
  ImportKind,
  ImportRow,
  IntervalRow,
  RosterRow,
  StaffRow,
  StateRow,
  TrainingRow,
} from "../../../analytics/import-rules";
import { formatStatePeriod } from "../../../analytics/import-states";
import { formatShift } from "../../../analytics/workforce-time";
import { overlapChecks } from "./overlaps";
import { KEEP_GROUP, STAFF_GROUPS_SQL } from "./staff-groups";

/** A check over the whole staged file and the stored rows; every row it returns is refused with an error. */
export type StagingCheck = {
  sql: string;
  /** The error for one returned row: `column` is a column key of analytics/import-rules. */
  issue(found: Record<string, unknown>): { row: number; column: string; message: string };
};

export type Target = {
  table: string;
  staging: string;
  /** The row fields of the natural key (as in the column specs of analytics/import-rules). */
  keyFields: string[];
  keyLabel: string;
  createStaging: string;
  /** The values of a row's staging columns after row_no, in order (numbers and text; null for none). */
  values(value: ImportRow): unknown[];
  /** COPY into the staging table in text format: row_no, then `values`. */
  copySql: string;
  stage(rows: { row: number; value: ImportRow }[]): SQL;
  firstWithKey(value: ImportRow): SQL;
  /** Run once the whole file is staged, before counting (a lock that keeps writers of the same rows apart). */
  beforeChecks?: string;
  /** Run in order once the whole file is staged; each is repeated until it refuses no more rows. */
  checks?: StagingCheck[];
  countSql: string;
  /** The staged rows that are new or differ from the stored ones, in file order, with the stored row if any. */
  changesSql(limit: number, offset: number): string;
  /** Run in order with $batch replaced by the batch id. */
  mergeSql: string[];
  /** Rows of the batch changed by something later: the undo must not overwrite them. */
  conflictSql: string;
  undoSql: string[];
  /** How a conflicting row is named in a message. */
  describeConflict: string;
};

function target(spec: {
  table: string;
  staging: string;
  columns: [string, string][]; // [name, type] of the data columns, key columns first
  key: string[];
  keyFields: string[];
  keyLabel: string;
  values: (value: ImportRow) => unknown[];
  describeConflict: string;
  /** More assignments for every update of a stored row, by the merge and by the undo ("version = t.version + 1"). */
  alsoSet?: string[];
}): Target {
  const names = spec.columns.map(([n]) => n);
  const compared = names.filter((n) => !spec.key.includes(n));
  const on = spec.key.map((k) => `t.${k} = s.${k}`).join(" and ");
  const differs = compared.map((c) => `t.${c} is distinct from s.${c}`).join(" or ");
  const also = spec.alsoSet ?? [];
  return {
    table: spec.table,
    staging: spec.staging,
    keyFields: spec.keyFields,
    keyLabel: spec.keyLabel,
    describeConflict: spec.describeConflict,
    createStaging: `create temp table ${spec.staging} (row_no integer not null, ${spec.columns
      .map(([n, t]) => `${n} ${t}`)
      .join(", ")}, unique (${spec.key.join(", ")})) on commit drop`,
    values: spec.values,
    copySql: `copy ${spec.staging} (row_no, ${names.join(", ")}) from stdin`,
    // One array parameter per column (unnest), so a chunk of thousands of rows binds a dozen values. Each
    // goes as text[] and is cast in SQL: both drivers send text arrays the same way.
    stage: (rows) => {
      const rowValues = rows.map((r) => spec.values(r.value));
      const columns = [rows.map((r) => r.row), ...names.map((_, c) => rowValues.map((v) => v[c] ?? null))];
      const types = ["integer", ...spec.columns.map(([, t]) => t)];
      return sql`insert into ${sql.raw(spec.staging)} (row_no, ${sql.raw(names.join(", "))})
        select * from unnest(${sql.join(
          columns.map((values, c) => sql`${param(values)}::text[]::${sql.raw(types[c] ?? "text")}[]`),
          sql`, `,
        )}) on conflict do nothing returning row_no`;
    },
    firstWithKey: (value) => {
      const keyValues = spec.values(value).slice(0, spec.key.length);
      return sql`select row_no from ${sql.raw(spec.staging)} where ${sql.join(
        spec.key.map((k, i) => sql`${sql.raw(k)} = ${keyValues[i]}`),
        sql` and `,
      )}`;
    },
    countSql: `select
        count(*) filter (where t.id is null)::int as new,
        count(*) filter (where t.id is not null and (${differs}))::int as updated,
        count(*) filter (where t.id is not null and not (${differs}))::int as unchanged
      from ${spec.staging} s left join ${spec.table} t on ${on}`,
    changesSql: (limit, offset) => `select s.row_no, to_jsonb(s) as after,
        case when t.id is null then null else to_jsonb(t) end as before
      from ${spec.staging} s left join ${spec.table} t on ${on}
      where t.id is null or (${differs})
      order by s.row_no limit ${Math.trunc(limit)} offset ${Math.trunc(offset)}`,
    // Rows the batch inserts are known by their batch_id; only rows it updates need a before-image.
    mergeSql: [
      `insert into import_batch_changes (batch_id, row_id, action, before)
        select $batch, t.id, 'update', to_jsonb(t) from ${spec.staging} s join ${spec.table} t on ${on} where ${differs}`,
      `update ${spec.table} t set ${[...compared.map((c) => `${c} = s.${c}`), "batch_id = $batch", "updated_at = now()", ...also].join(", ")}
        from ${spec.staging} s where ${on} and (${differs})`,
      `insert into ${spec.table} (${names.join(", ")}, batch_id)
        select ${names.map((n) => `s.${n}`).join(", ")}, $batch from ${spec.staging} s
        where not exists (select 1 from ${spec.table} t where ${on})`,
    ],
    // A later batch that still stands and changed a row this batch wrote: its before-image names this batch.
    conflictSql: `select c.row_id as id from import_batch_changes c join import_batches b on b.id = c.batch_id
        where b.undone_at is null and c.batch_id <> $batch and (c.before ->> 'batch_id')::integer = $batch`,
    undoSql: [
      `delete from ${spec.table} t where t.batch_id = $batch
        and not exists (select 1 from import_batch_changes c where c.batch_id = $batch and c.row_id = t.id)`,
      // A row changed by hand since (its batch_id no longer this batch's) keeps the change.
      `update ${spec.table} t set ${[...[...compared, "batch_id", "updated_at"].map((c) => `${c} = r.${c}`), ...also].join(", ")}
        from import_batch_changes c, jsonb_populate_record(null::${spec.table}, c.before) r
        where c.batch_id = $batch and c.action = 'update' and c.row_id = t.id and t.batch_id = $batch`,
    ],
  };
}

/**
 * Serialises writers of the roster (imports and the roster page) for the rest of their transaction, so two of
 * them cannot each see no overlap and together store one. Any constant; different from the migration lock.
 */
export const ROSTER_LOCK_SQL = "select pg_advisory_xact_lock(71652015)";

const roster = target({
  table: "shifts",
  staging: "staging_roster",
  columns: [
    ["staff_id", "integer"],
    ["starts_at", "timestamptz"],
    ["ends_at", "timestamptz"],
    ["channel", "text"],
  ],
  key: ["staff_id", "starts_at"],
  keyFields: ["nip", "day", "start"],
  keyLabel: "NIP, tanggal dan jam mulai yang sama",
  values: (v) => {
    const r = v as RosterRow;
    return [r.staffId, r.startsAt, r.endsAt, r.channel];
  },
  describeConflict: "sif",
});

const states = target({
  table: "agent_states",
  staging: "staging_states",
  columns: [
    ["staff_id", "integer"],
    ["starts_at", "timestamptz"],
    ["ends_at", "timestamptz"],
    ["channel", "text"],
    ["state", "text"],
  ],
  key: ["staff_id", "starts_at"],
  keyFields: ["nip", "start"],
  keyLabel: "NIP dan waktu mulai yang sama",
  values: (v) => {
    const r = v as StateRow;
    return [r.staffId, r.startsAt, r.endsAt, r.channel, r.state];
  },
  describeConflict: "status agen",
});

/** Serialises writers of agent states, as ROSTER_LOCK_SQL does for shifts. */
const STATES_LOCK_SQL = "select pg_advisory_xact_lock(71652016)";

const staffTarget = target({
  table: "staff",
  staging: "staging_staff",
  columns: [
    ["nip", "varchar(18)"],
    ["full_name", "text"],
    ["birth_place", "text"],
    ["birth_date", "date"],
    ["golongan", "text"],
    ["position", "text"],
    ["team_id", "integer"],
    ["group_name", "text"],
    ["hire_date", "date"],
    ["active", "boolean"],
  ],
  key: ["nip"],
  keyFields: ["nip"],
  keyLabel: "NIP yang sama",
  values: (v) => {
    const r = v as StaffRow;
    // The flag as text: postgres.js would send a JavaScript boolean array as boolean[], not text[].
    const active = r.active ? "true" : "false";
    const group = r.groupGiven ? r.groupName : KEEP_GROUP;
    return [r.nip, r.fullName, r.birthPlace, r.birthDate, r.golongan, r.position, r.teamId, group, r.hireDate, active];
  },
  describeConflict: "data staf",
  // An open staff form holding the old version is then refused instead of overwriting the import.
  alsoSet: ["version = t.version + 1"],
});

export const TARGETS: Record<ImportKind, Target> = {
  staff: {
    ...staffTarget,
    beforeChecks: STAFF_GROUPS_SQL,
    checks: [
      {
        // The NIP gives the birth date; a stored person whose birth date differs was typed by hand differently.
        sql: `select s.row_no, to_char(t.birth_date, 'YYYY-MM-DD') as stored, to_char(s.birth_date, 'YYYY-MM-DD') as from_nip
          from staging_staff s join staff t on t.nip = s.nip where t.birth_date <> s.birth_date order by s.row_no`,
        issue: (f) => ({
          row: Number(f.row_no),
          column: "nip",
          message: `NIP ini berarti lahir ${formatDay(String(f.from_nip))}, sedangkan data staf menyimpan ${formatDay(String(f.stored))}. Impor tidak mengubah tanggal lahir: periksa NIP-nya, atau betulkan data orang itu di halaman Staf dulu.`,
        }),
      },
      {
        // Setting someone inactive who still has work open would leave it without an owner.
        sql: `select * from (select s.row_no,
            (select count(*) from evaluations e where e.state = 'draft'
              and (e.agent_staff_id = t.id or e.assessor_user_id in (select u.id from users u where u.staff_id = t.id)))::int as drafts,
            (select count(*) from evaluations e where e.state = 'disputed' and e.agent_staff_id = t.id)::int as disputes,
            (select count(*) from shifts h where h.staff_id = t.id and h.starts_at > now())::int as shifts
          from staging_staff s join staff t on t.nip = s.nip where t.active and not s.active) open
          where drafts + disputes + shifts > 0 order by row_no`,
        issue: (f) => {
          const open = [
            [Number(f.drafts), "draf evaluasi", "hapus atau kirim drafnya"],
            [Number(f.disputes), "sanggahan yang belum diputus", "putuskan sanggahannya"],
            [Number(f.shifts), "sif mendatang", "pindahkan atau hapus sifnya di Jadwal dinas"],
          ].filter(([count]) => Number(count) > 0) as [number, string, string][];
          const and = (parts: string[]) => parts.join(", ").replace(/, ([^,]*)$/, " dan $1");
          return {
            row: Number(f.row_no),
            column: "active",
            message: `Orang ini masih punya ${and(open.map(([n, what]) => `${n} ${what}`))}. Sebelum menonaktifkannya, ${and(open.map(([, , todo]) => todo))}, lalu impor lagi.`,
          };
        },
      },
    ],
  },
  training: target({
    table: "training_records",
    staging: "staging_training",
    columns: [
      ["staff_id", "integer"],
      ["course_id", "integer"],
      ["end_date", "date"],
      ["start_date", "date"],
      ["hours", "numeric(6,1)"],
      ["status", "text"],
      ["score", "numeric(5,2)"],
      ["provider", "text"],
      ["certificate_number", "text"],
    ],
    key: ["staff_id", "course_id", "end_date"],
    keyFields: ["nip", "courseCode", "endDate"],
    keyLabel: "NIP, kode pelatihan dan tanggal selesai yang sama",
    values: (v) => {
      const r = v as TrainingRow;
      return [
        r.staffId,
        r.courseId,
        r.endDate,
        r.startDate,
        r.hours,
        r.status,
        r.score,
        r.provider,
        r.certificateNumber,
      ];
    },
    describeConflict: "catatan pelatihan",
    // A correction form opened before the import is then refused instead of overwriting it.
    alsoSet: ["version = t.version + 1"],
  }),
  calls: target({
    table: "call_stats",
    staging: "staging_calls",
    columns: [
      ["staff_id", "integer"],
      ["day", "date"],
      ["channel", "text"],
      ["calls_handled", "integer"],
      ["logged_in_seconds", "integer"],
      ["talk_seconds", "integer"],
    ],
    key: ["staff_id", "day", "channel"],
    keyFields: ["nip", "day", "channel"],
    keyLabel: "NIP, tanggal dan kanal yang sama",
    values: (v) => {
      const r = v as CallRow;
      return [r.staffId, r.day, r.channel, r.callsHandled, r.loggedInSeconds, r.talkSeconds];
    },
    describeConflict: "statistik panggilan",
  }),
  intervals: target({
    table: "interval_stats",
    staging: "staging_intervals",
    columns: [
      ["day", "date"],
      ["channel", "text"],
      ["start_minute", "smallint"],
      ["interval_minutes", "smallint"],
      ["offered", "integer"],
      ["answered", "integer"],
      ["abandoned", "integer"],
      ["aht_seconds", "numeric(7,1)"],
      ["answered_within_target", "integer"],
    ],
    key: ["day", "channel", "start_minute"],
    keyFields: ["day", "channel", "intervalStart"],
    keyLabel: "tanggal, kanal dan jam yang sama",
    values: (v) => {
      const r = v as IntervalRow;
      return [
        r.day,
        r.channel,
        r.startMinute,
        r.intervalMinutes,
        r.offered,
        r.answered,
        r.abandoned,
        r.ahtSeconds,
        r.answeredWithinTarget,
      ];
    },
    describeConflict: "statistik interval",
  }),
  roster: {
    ...roster,
    beforeChecks: ROSTER_LOCK_SQL,
    checks: overlapChecks({
      staging: "staging_roster",
      table: "shifts",
      detail: "channel",
      show: formatShift,
      inFile: (row, shift) =>
        `Sif ini bertumpang tindih dengan sif orang yang sama di baris ${row} (${shift}). Perbaiki jamnya atau hapus salah satu.`,
      stored: (shift, channel) =>
        `Sif ini bertumpang tindih dengan sif yang sudah tersimpan untuk orang yang sama: ${shift} (${channel}). Ubah atau hapus sif itu dulu, atau perbaiki jam di berkas.`,
    }),
  },
  // One person is in one state at a time, whatever the channel.
  states: {
    ...states,
    beforeChecks: STATES_LOCK_SQL,
    checks: overlapChecks({
      staging: "staging_states",
      table: "agent_states",
      detail: "state",
      show: formatStatePeriod,
      inFile: (row, period) =>
        `Status ini bertumpang tindih dengan status orang yang sama di baris ${row} (${period}). Seorang petugas hanya punya satu status pada satu saat: perbaiki jamnya atau hapus salah satu.`,
      stored: (period, state) =>
        `Status ini bertumpang tindih dengan status yang sudah tersimpan untuk orang yang sama: ${period} (${state}). Perbaiki jam di berkas, atau batalkan impor yang memasukkan status itu dulu.`,
    }),
  },
};
