// The overlap checks of rows with a start and an end per person (shifts, agent states), run over the staged file
// and the stored rows by the import engine (targets.ts).
import type { StagingCheck } from "./targets";

const epochMs = (value: unknown) => new Date(Number(value));

/**
 * The two overlap checks of timed rows of one person (shifts, agent states): two rows of the file that overlap
 * (the later is refused), and a row overlapping a stored one the file does not replace (same start). `detail` is
 * the stored row's column named in the message (a shift's channel, a period's state).
 */
export function overlapChecks(spec: {
  staging: string;
  table: string;
  detail: string;
  show: (startsAt: Date, endsAt: Date) => string;
  inFile: (otherRow: unknown, other: string) => string;
  stored: (other: string, detail: unknown) => string;
}): StagingCheck[] {
  const times = (alias: string) =>
    `extract(epoch from ${alias}.starts_at)::float8 * 1000 as other_starts, extract(epoch from ${alias}.ends_at)::float8 * 1000 as other_ends`;
  const other = (f: Record<string, unknown>) => spec.show(epochMs(f.other_starts), epochMs(f.other_ends));
  return [
    {
      sql: `select distinct on (a.row_no) a.row_no, b.row_no as other_row, ${times("b")}
        from ${spec.staging} a join ${spec.staging} b on b.staff_id = a.staff_id and b.row_no < a.row_no
          and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
        order by a.row_no, b.row_no`,
      issue: (f) => ({ row: Number(f.row_no), column: "start", message: spec.inFile(f.other_row, other(f)) }),
    },
    {
      sql: `select distinct on (s.row_no) s.row_no, t.${spec.detail} as detail, ${times("t")}
        from ${spec.staging} s join ${spec.table} t on t.staff_id = s.staff_id and t.starts_at <> s.starts_at
          and tstzrange(s.starts_at, s.ends_at) && tstzrange(t.starts_at, t.ends_at)
        where not exists (select 1 from ${spec.staging} r where r.staff_id = t.staff_id and r.starts_at = t.starts_at)
        order by s.row_no, t.starts_at`,
      issue: (f) => ({ row: Number(f.row_no), column: "start", message: spec.stored(other(f), f.detail) }),
    },
  ];
}
