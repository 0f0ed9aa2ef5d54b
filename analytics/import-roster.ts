// Pure: one row of a roster (jadwal dinas) file: one shift of one person. Overlaps with other shifts are checked
// in the database.
import { addDays, formatDay } from "./dates";
import { channelOf, clockOf, openDayOf, personOf, type RowContext, type RowResult, rowReader } from "./import-cells";
import type { HeaderMap } from "./import-header";
import type { ChannelCode } from "./organization";
import { shiftLengthProblem, shiftTimes } from "./workforce-time";

export type RosterRow = {
  staffId: number;
  day: string;
  startMinute: number;
  /** Minutes after the start day's midnight: more than 1440 when the shift ends the next day. */
  endMinute: number;
  /** ISO instants of the shift's start and end. */
  startsAt: string;
  endsAt: string;
  channel: ChannelCode;
};

/** How far ahead a roster is planned; a later date is a typing mistake (2062 for 2026). */
export const ROSTER_HORIZON_DAYS = 366;

/** Validates one data row of a roster (jadwal dinas) file. Overlaps with other shifts are checked in the database. */
export function validateRosterRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<RosterRow> {
  const reader = rowReader("roster", cells, header, headerRow);
  const { out, col, get } = reader;

  const person = personOf(reader, row, ctx);
  if (person && person.active === false) {
    out.errors.push({
      row,
      column: col("nip"),
      message: `${person.fullName} sudah tidak aktif; jadwal dinas hanya untuk staf aktif.`,
    });
  }
  // A roster plans ahead: a day up to a year from today, not only days past.
  const day = openDayOf(reader, row, ctx, {
    day: addDays(ctx.today, ROSTER_HORIZON_DAYS),
    tooLate: (late) => `Tanggal ${formatDay(late)} lebih dari setahun ke depan. Periksa tahunnya.`,
  });
  const startMinute = clockOf(get("start"), row, col("start"), "Jam mulai", out);
  const endMinute = clockOf(get("end"), row, col("end"), "Jam selesai", out, { allowEndOfDay: true });
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const times = day && startMinute !== null && endMinute !== null ? shiftTimes(day, startMinute, endMinute) : null;
  if (times) {
    const problem = shiftLengthProblem(times.durationMinutes);
    if (problem) out.errors.push({ row, column: col("end"), message: problem });
  }

  if (out.errors.length > 0 || !person || !day || startMinute === null || !times || !channel)
    return { value: null, key: null, ...out };
  return {
    value: {
      staffId: person.id,
      day,
      startMinute,
      endMinute: startMinute + times.durationMinutes,
      startsAt: times.startsAt.toISOString(),
      endsAt: times.endsAt.toISOString(),
      channel,
    },
    key: `${person.id}|${times.startsAt.toISOString()}`,
    ...out,
  };
}
