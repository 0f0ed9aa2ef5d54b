// The roster week grid: one row per person, one column per day (Monday to Sunday), each shift in the column
// of the WIB day it starts on. Its forms (add, change, delete a shift) are read by roster-forms.ts and checked
// against the user's manage:roster scope by roster.ts.
import { certificatesHeld } from "../../analytics/certified-staff";
import { addDays, shiftWeek, weekOfDay, wibDay } from "../../analytics/dates";
import { CHANNELS } from "../../analytics/organization";
import { can } from "../permissions";
import { certificateSpans } from "./certification";
import type { Database } from "./db";
import { listShifts, rosterStaff } from "./roster";
import { type Access, accessFor } from "./scope";
import { askedWeek } from "./staffing";

/**
 * The ISO week asked for (`?minggu=2026-W49`), else the current one; a malformed week falls back to the current
 * week with the message saying how to write it.
 */
export function rosterWeek(asked: string | null, now = new Date()) {
  const chosen = askedWeek(asked, now);
  const week = chosen.ok ? chosen.week : weekOfDay(wibDay(now));
  return {
    id: week.id,
    monday: week.monday,
    days: week.days,
    label: week.label,
    previous: shiftWeek(week.id, -1).id,
    next: shiftWeek(week.id, 1).id,
    error: chosen.ok ? null : chosen.message,
  };
}

/**
 * The grid of the week starting `monday` as `read` (read:roster) sees it; the rows `read` may also change
 * (manage:roster) carry their forms, and shift `editId` is shown in the form when it is one of them.
 */
async function rosterGrid(db: Database, read: Access, monday: string, editId: number | null) {
  const manage = accessFor(read, "manage:roster");
  const sunday = addDays(monday, 6);
  const [shifts, people, editable] = await Promise.all([
    listShifts(db, { from: monday, to: sunday, access: read }),
    rosterStaff(db, read),
    manage ? rosterStaff(db, manage) : Promise.resolve([]),
  ]);
  // KETUJUH: a shift held by someone without the certificate of their position in force that day is marked.
  const spans = await certificateSpans(db, [...new Set(shifts.map((s) => s.staffId))]);
  const certifiedOn = (s: { staffId: number; position: string; day: string }) =>
    certificatesHeld([{ staffId: s.staffId, position: s.position }], spans, s.day).has(s.staffId);
  // A night shift that began on the Sunday before belongs to last week's grid.
  const inWeek = shifts
    .filter((s) => s.day >= monday && s.day <= sunday)
    .map((s) => ({ ...s, uncertified: !certifiedOn(s) }));
  const editableIds = new Set(editable.map((p) => p.id));
  const edit = editId ? (inWeek.find((s) => s.id === editId && editableIds.has(s.staffId)) ?? null) : null;
  return {
    people: people.map((p) => ({
      ...p,
      canEdit: editableIds.has(p.id),
      shifts: inWeek.filter((s) => s.staffId === p.id),
    })),
    // People the viewer may see but who are not on the list any more (moved, inactive): their shifts still show.
    others: inWeek.filter((s) => !people.some((p) => p.id === s.staffId)),
    editable: editable.map((p) => ({ value: p.id, label: `${p.fullName} (${p.teamName.replace("Tim Kerja ", "")})` })),
    channels: CHANNELS.map((c) => ({ value: c.code, label: c.short })),
    edit: edit && {
      id: edit.id,
      staffId: edit.staffId,
      day: edit.day,
      start: edit.start,
      end: edit.end,
      channel: edit.channel,
    },
    canManage: manage !== null,
    uncertifiedShifts: inWeek.filter((s) => s.uncertified).length,
  };
}

/** The roster page of the week asked for (`?minggu=`), with shift `?ubah=` in the form when it may be changed. */
export async function rosterPage(db: Database, read: Access, params: URLSearchParams, now = new Date()) {
  const week = rosterWeek(params.get("minggu"), now);
  const edit = Number(params.get("ubah")) || null;
  return {
    week,
    ...(await rosterGrid(db, read, week.monday, edit)),
    canImport: can(read.roles, "import:roster"),
  };
}
