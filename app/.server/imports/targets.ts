// The SQL of each import target: its staging table, how staged rows compare with the table they go to,
// the merge that records a before-image of every row it changes, and the undo. Set-based, so a commit of
// 100,000 rows is a handful of statements.
import { param, type SQL, sql } from "drizzle-orm";
import type { CallRow, ImportKind, TrainingRow } from "../../../analytics/import-rules";

export type Target = {
  table: string;
  /** The row fields of the natural key (as in the column specs of analytics/import-rules). */
  keyFields: string[];
  keyLabel: string;
  createStaging: string;
  stage(rows: { row: number; value: TrainingRow | CallRow }[]): SQL;
  firstWithKey(value: TrainingRow | CallRow): SQL;
  countSql: string;
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
  values: (value: TrainingRow | CallRow) => unknown[];
  describeConflict: string;
}): Target {
  const names = spec.columns.map(([n]) => n);
  const compared = names.filter((n) => !spec.key.includes(n));
  const on = spec.key.map((k) => `t.${k} = s.${k}`).join(" and ");
  const differs = compared.map((c) => `t.${c} is distinct from s.${c}`).join(" or ");
  return {
    table: spec.table,
    keyFields: spec.keyFields,
    keyLabel: spec.keyLabel,
    describeConflict: spec.describeConflict,
    createStaging: `create temp table ${spec.staging} (row_no integer not null, ${spec.columns
      .map(([n, t]) => `${n} ${t}`)
      .join(", ")}, unique (${spec.key.join(", ")})) on commit drop`,
    // One array parameter per column (unnest), so a chunk of thousands of rows binds a dozen values. Each
    // goes as text[] and is cast in SQL: both drivers send text arrays the same way.
    stage: (rows) => {
      const columns = [
        rows.map((r) => r.row),
        ...names.map((_, c) => rows.map((r) => spec.values(r.value)[c] ?? null)),
      ];
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
    // Rows the batch inserts are known by their batch_id; only rows it updates need a before-image.
    mergeSql: [
      `insert into import_batch_changes (batch_id, row_id, action, before)
        select $batch, t.id, 'update', to_jsonb(t) from ${spec.staging} s join ${spec.table} t on ${on} where ${differs}`,
      `update ${spec.table} t set ${compared.map((c) => `${c} = s.${c}`).join(", ")}, batch_id = $batch, updated_at = now()
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
      `update ${spec.table} t set ${[...compared, "batch_id", "updated_at"].map((c) => `${c} = r.${c}`).join(", ")}
        from import_batch_changes c, jsonb_populate_record(null::${spec.table}, c.before) r
        where c.batch_id = $batch and c.action = 'update' and c.row_id = t.id`,
    ],
  };
}

export const TARGETS: Record<ImportKind, Target> = {
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
};
