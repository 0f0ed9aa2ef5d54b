// Pure: one row of an interval-statistics file (a channel's contacts in one interval of one day).

import {
  channelOf,
  clockOf,
  numberOf,
  openDayOf,
  type RowContext,
  type RowResult,
  required,
  rowReader,
} from "./import-cells";
import type { HeaderMap } from "./import-header";
import type { ChannelCode } from "./organization";
import { formatClock, MAX_AHT_SECONDS, offGrid } from "./workforce-time";

export type IntervalRow = {
  day: string;
  /** Minutes after WIB midnight at which the interval starts. */
  startMinute: number;
  intervalMinutes: number;
  channel: ChannelCode;
  offered: number;
  answered: number;
  abandoned: number;
  /** Average handling time of the answered contacts; null when none was answered. */
  ahtSeconds: number | null;
  /** Null when the file does not say. */
  answeredWithinTarget: number | null;
};

/** Most contacts one channel can plausibly get in one interval; a larger number is a day's total pasted in. */
export const MAX_CONTACTS_PER_INTERVAL = 50_000;

/** Validates one data row of an interval-statistics file. */
export function validateIntervalRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<IntervalRow> {
  const reader = rowReader("intervals", cells, header, headerRow);
  const { out, col, get } = reader;

  const day = openDayOf(reader, row, ctx);
  const startMinute = clockOf(get("intervalStart"), row, col("intervalStart"), "Jam", out);
  if (startMinute !== null) {
    const grid = offGrid(startMinute, ctx.intervalMinutes);
    if (grid) {
      out.errors.push({
        row,
        column: col("intervalStart"),
        message: `Jam ${formatClock(startMinute)} bukan awal interval ${ctx.intervalMinutes} menit. Isi jam awal intervalnya (misalnya ${formatClock(grid.before)} atau ${formatClock(grid.after)}); panjang interval diatur di Pengaturan.`,
      });
    }
  }
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const count = (key: string, label: string, needed: boolean) => {
    const text = get(key);
    if (!text) {
      if (needed) required(text, row, col(key), out);
      return null;
    }
    return numberOf(text, row, col(key), { min: 0, max: MAX_CONTACTS_PER_INTERVAL, integer: true, label }, out);
  };
  const offered = count("offered", "Panggilan masuk", true);
  const answered = count("answered", "Panggilan dijawab", true);
  const abandoned = count("abandoned", "Panggilan abandon", true);
  const withinTarget = count("answeredWithinTarget", "Dijawab dalam target", false);
  const ahtText = get("ahtSeconds");
  const aht = numberOf(ahtText, row, col("ahtSeconds"), { min: 0, max: MAX_AHT_SECONDS, label: "AHT (detik)" }, out);

  if (offered !== null && answered !== null && abandoned !== null && answered + abandoned > offered) {
    out.errors.push({
      row,
      column: col("answered"),
      message: `Panggilan dijawab (${answered}) ditambah abandon (${abandoned}) = ${answered + abandoned}, melebihi panggilan masuk (${offered}).`,
    });
  }
  if (withinTarget !== null && answered !== null && withinTarget > answered) {
    out.errors.push({
      row,
      column: col("answeredWithinTarget"),
      message: `Dijawab dalam target (${withinTarget}) melebihi panggilan dijawab (${answered}).`,
    });
  }
  if (answered !== null && answered > 0 && !ahtText) {
    out.errors.push({
      row,
      column: col("ahtSeconds"),
      message: `AHT wajib diisi karena ada ${answered} panggilan dijawab.`,
    });
  }
  if (answered === 0 && aht !== null && aht > 0) {
    out.warnings.push({
      row,
      column: col("ahtSeconds"),
      message: "AHT diisi padahal tidak ada panggilan dijawab; AHT ini tidak dipakai.",
    });
  }

  if (
    out.errors.length > 0 ||
    !day ||
    startMinute === null ||
    !channel ||
    offered === null ||
    answered === null ||
    abandoned === null
  )
    return { value: null, key: null, ...out };
  return {
    value: {
      day,
      startMinute,
      intervalMinutes: ctx.intervalMinutes,
      channel,
      offered,
      answered,
      abandoned,
      // One decimal, as stored, so that importing the same file again compares equal.
      ahtSeconds: answered === 0 || aht === null ? null : Math.round(aht * 10) / 10,
      answeredWithinTarget: withinTarget,
    },
    key: `${day}|${channel}|${startMinute}`,
    ...out,
  };
}
