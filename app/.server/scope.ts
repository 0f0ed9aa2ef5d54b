// One access model (docs/decisions/018, 026): who is asking, with what roles, and how far one permission
// reaches. Every list and record query limits its rows with `inScope`, so "team", "group" and "own" mean the
// same thing for staff, evaluations, certificates, shifts, KPI and workload.
import { type AnyColumn, and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { staff } from "../../db/schema";
import { type PermissionKey, type Role, type Scope, scopeFor } from "../permissions";

export type Access = {
  /** The user asking; 0 for the system (command line, scheduled exports). */
  userId: number;
  roles: readonly Role[];
  /** How far the permission that was checked reaches: everyone, the user's team or group, or their own records. */
  scope: Scope;
  /** The user's own staff record and team, for the "own" and "team" scopes; null when they have none. */
  staffId: number | null;
  teamId: number | null;
  /** The group (regu) on the user's staff record, for the "group" scope (with teamId); null when none. */
  groupName: string | null;
};

/**
 * The command line and the exports it writes: the whole center, no one's own record. Never built from a
 * request: a route always gets its Access from requirePermission.
 */
export const SYSTEM_ACCESS: Access = Object.freeze({
  userId: 0,
  roles: Object.freeze([]) as readonly Role[],
  scope: "any",
  staffId: null,
  teamId: null,
  groupName: null,
});

/** The same person under another permission ("manage:roster" beside "read:roster"), or null when not granted. */
export function accessFor(access: Access, permission: PermissionKey): Access | null {
  if (access === SYSTEM_ACCESS) return SYSTEM_ACCESS;
  const scope = scopeFor(access.roles, permission);
  return scope ? { ...access, scope } : null;
}

/** What decides the rows `access` reaches, as a key for values held per scope (the user aside). */
export const scopeKey = (access: Access) => [access.scope, access.teamId, access.groupName, access.staffId].join("|");

/** Whether a "team" or "group" access has a team (and group) to be scoped to; false means it reaches no one. */
export function hasScopeUnit(access: Access): boolean {
  if (access.scope === "team") return access.teamId !== null;
  if (access.scope === "group") return access.teamId !== null && access.groupName !== null;
  return true;
}

/**
 * Whether `access` reaches a person of `teamId` whose staff record is `staffId` (a row already loaded);
 * `groupName` is their group (required, so no caller forgets it for the "group" scope).
 */
export function reaches(
  access: Access,
  person: { staffId: number; teamId: number | null; groupName: string | null },
): boolean {
  if (access.scope === "any") return true;
  if (access.scope === "team") return access.teamId !== null && access.teamId === person.teamId;
  if (access.scope === "group") {
    return hasScopeUnit(access) && access.teamId === person.teamId && access.groupName === person.groupName;
  }
  return access.staffId !== null && access.staffId === person.staffId;
}

/**
 * The condition that limits rows about a person to what `access` reaches: `staffId` is the column naming the
 * person (staff.id, evaluations.agent_staff_id, …); `teamId` their team's column when the row carries it,
 * otherwise the team is looked up in staff. A group is always looked up in staff (a row never carries it):
 * the group's members now, within the row's team when it has one. Undefined for "any" (no condition); false
 * when the user has no staff record, team or group to be scoped to.
 */
export function inScope(access: Access, columns: { staffId: AnyColumn; teamId?: AnyColumn }): SQL | undefined {
  if (access.scope === "any") return undefined;
  if (access.scope === "team") {
    if (access.teamId === null) return sql`false`;
    return columns.teamId
      ? eq(columns.teamId, access.teamId)
      : inArray(columns.staffId, sql`(select ${staff.id} from ${staff} where ${staff.teamId} = ${access.teamId})`);
  }
  if (access.scope === "group") {
    if (access.teamId === null || access.groupName === null) return sql`false`;
    const members = inArray(
      columns.staffId,
      sql`(select ${staff.id} from ${staff} where ${staff.teamId} = ${access.teamId} and ${staff.groupName} = ${access.groupName})`,
    );
    return columns.teamId ? and(eq(columns.teamId, access.teamId), members) : members;
  }
  return access.staffId === null ? sql`false` : eq(columns.staffId, access.staffId);
}

/** Staff rows within `access`: the common case of `inScope`. */
export function staffInScope(access: Access): SQL | undefined {
  if (access.scope === "group") {
    if (access.teamId === null || access.groupName === null) return sql`false`;
    return and(eq(staff.teamId, access.teamId), eq(staff.groupName, access.groupName));
  }
  return inScope(access, { staffId: staff.id, teamId: staff.teamId });
}

/**
 * Why a user's team or group roles show them no one, in Indonesian, for their home page: a Ketua Tim whose staff
 * record names no group, a supervisor or Ketua Tim whose account is not linked to a staff record. Empty when
 * nothing is missing.
 */
export function scopeGaps(user: {
  roles: readonly Role[];
  staffId: number | null;
  teamId: number | null;
  groupName: string | null;
}): string[] {
  const gaps: string[] = [];
  const leads = user.roles.includes("supervisor") || user.roles.includes("ketua_tim");
  if (leads && (user.staffId === null || user.teamId === null)) {
    gaps.push(
      "Akun Anda belum terhubung dengan data staf, jadi Anda belum melihat data tim atau regu mana pun. Minta administrator menghubungkan akun Anda dengan data staf Anda (Pengguna → Ubah → Data staf).",
    );
  } else if (user.roles.includes("ketua_tim") && user.groupName === null && !user.roles.includes("supervisor")) {
    gaps.push(
      "Data staf Anda belum mencantumkan regu, jadi sebagai Ketua Tim Anda belum melihat data anggota regu mana pun (staf, evaluasi, KPI, pembinaan, jadwal). Minta SDM atau administrator mengisi kolom Regu pada data staf Anda.",
    );
  }
  return gaps;
}
