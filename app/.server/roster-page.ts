// The roster week grid: one row per person, one column per day (Monday to Sunday), each shift in the column
// of the WIB day it starts on; and its forms (add, change, delete a shift), each checked against the user's
// manage:roster scope by roster.ts.
import { z } from "zod";
import { wibDay } from "../../analytics/dates";
import { CHANNELS } from "../../analytics/organization";
import { shiftWeek, weekOfDay } from "../../analytics/staffing";
import { addDays } from "../../analytics/workforce-time";
import { type PermissionKey, type Scope, scopeFor } from "../permissions";
import { httpError } from "./errors";
import { submitConfirmed, submitForm } from "./forms";
import { deleteShift, listShifts, type RosterAccess, rosterStaff, saveShift, shiftInput } from "./roster";
import type { Authenticated } from "./session";
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

const accessOf = (auth: Authenticated, permission: PermissionKey): RosterAccess | null => {
  const scope = scopeFor(auth.user.roles, permission);
  return scope ? { scope, staffId: auth.user.staffId, teamId: auth.user.teamId } : null;
};

/** The grid of the week starting `monday`; `auth` comes from requirePermission("read:roster"). */
export async function rosterGrid(auth: Authenticated & { scope: Scope }, monday: string, editId: number | null) {
  const read: RosterAccess = { scope: auth.scope, staffId: auth.user.staffId, teamId: auth.user.teamId };
  const manage = accessOf(auth, "manage:roster");
  const db = auth.env.db;
  const sunday = addDays(monday, 6);
  const [shifts, people, editable] = await Promise.all([
    listShifts(db, { from: monday, to: sunday, access: read }),
    rosterStaff(db, read),
    manage ? rosterStaff(db, manage) : Promise.resolve([]),
  ]);
  // A night shift that began on the Sunday before belongs to last week's grid.
  const inWeek = shifts.filter((s) => s.day >= monday && s.day <= sunday);
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
  };
}

const intentInput = z.object({ intent: z.enum(["save", "delete"]) });
const deleteInput = z.object({ id: z.coerce.number({ error: "Sif tidak dikenal." }).int().positive() });

/** The forms of the grid: save (add or change) and delete a shift; `auth` from requirePermission("manage:roster"). */
export async function rosterAction(auth: Authenticated & { scope: Scope }, form: FormData) {
  const manage: RosterAccess = { scope: auth.scope, staffId: auth.user.staffId, teamId: auth.user.teamId };
  const intent = intentInput.safeParse({ intent: form.get("intent") });
  if (!intent.success) httpError(400, "Permintaan tidak dikenal.");
  const db = auth.env.db;
  if (intent.data.intent === "delete") {
    const result = await submitConfirmed(deleteInput, form, ({ id }) => deleteShift(db, auth.actor, id, manage));
    return { ...result, intent: "delete" as const };
  }
  const result = await submitForm(shiftInput, form, (input) => saveShift(db, auth.actor, input, manage));
  return { ...result, intent: "save" as const };
}
