// Pure: one row of a call-statistics file (an agent's calls and logged-in time on one day and channel).

import {
  channelOf,
  numberOf,
  openDayOf,
  personOf,
  type RowContext,
  type RowResult,
  required,
  rowReader,
} from "./import-cells";
import type { HeaderMap } from "./import-header";
import type { ChannelCode } from "./organization";

export type CallRow = {
  staffId: number;
  day: string;
  channel: ChannelCode;
  callsHandled: number;
  loggedInSeconds: number;
  talkSeconds: number | null;
};

/** Validates one data row of a call-statistics file. */
export function validateCallRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<CallRow> {
  const reader = rowReader("calls", cells, header, headerRow);
  const { out, col, get } = reader;

  const person = personOf(reader, row, ctx);
  const day = openDayOf(reader, row, ctx);
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const callsText = get("calls");
  const calls = required(callsText, row, col("calls"), out)
    ? numberOf(callsText, row, col("calls"), { min: 0, max: 5000, integer: true, label: "Panggilan ditangani" }, out)
    : null;
  let seconds: number | null = null;
  if (header.columns.has("loginHours")) {
    const text = get("loginHours");
    const hours = required(text, row, col("loginHours"), out)
      ? numberOf(text, row, col("loginHours"), { min: 0, max: 24, label: "Jam login" }, out)
      : null;
    seconds = hours === null ? null : Math.round(hours * 3600);
  } else {
    const text = get("loginSeconds");
    seconds = required(text, row, col("loginSeconds"), out)
      ? numberOf(text, row, col("loginSeconds"), { min: 0, max: 86_400, integer: true, label: "Detik login" }, out)
      : null;
  }
  const talk = numberOf(
    get("talkSeconds"),
    row,
    col("talkSeconds"),
    { min: 0, max: 86_400, integer: true, label: "Detik bicara" },
    out,
  );
  if (calls !== null && calls > 0 && seconds === 0) {
    out.errors.push({
      row,
      column: col(header.columns.has("loginHours") ? "loginHours" : "loginSeconds"),
      message: "Ada panggilan ditangani tetapi waktu login 0.",
    });
  }
  if (talk !== null && seconds !== null && talk > seconds) {
    out.errors.push({
      row,
      column: col("talkSeconds"),
      message: `Detik bicara (${talk}) melebihi waktu login (${seconds} detik).`,
    });
  }

  if (out.errors.length > 0 || !person || !day || !channel || calls === null || seconds === null)
    return { value: null, key: null, ...out };
  return {
    value: { staffId: person.id, day, channel, callsHandled: calls, loggedInSeconds: seconds, talkSeconds: talk },
    key: `${person.id}|${day}|${channel}`,
    ...out,
  };
}
