// One access model (docs/decisions/018): who is asking, with what roles, and how far one permission reaches.
// Every list and record query limits its rows with `inScope`, so "team" and "own" mean the same thing for
// staff, evaluations, certificates, shifts, KPI and workload.
import { type AnyColumn, eq, inArray, type SQL, sql } from "drizzle-orm";
import { staff } from "../../db/schema";
import { type PermissionKey, type Role, type Scope, scopeFor } from "../permissions";

export type Access = {
  /** The user asking; 0 for the system (command line, scheduled exports). */
  userId: number;
  roles: readonly Role[];
  /** How far the permission that was checked reaches: everyone, the user's team, or their own records. */
  scope: Scope;
  /** The user's own staff record and team, for the "own" and "team" scopes; null when they have none. */
  staffId: number | null;
  teamId: number | null;
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
});

/** The same person under another permission ("manage:roster" beside "read:roster"), or null when not granted. */
export function accessFor(access: Access, permission: PermissionKey): Access | null {
  if (access === SYSTEM_ACCESS) return SYSTEM_ACCESS;
  const scope = scopeFor(access.roles, permission);
  return scope ? { ...access, scope } : null;
}

/** Whether `access` reaches a person of `teamId` whose staff record is `staffId` (a row already loaded). */
export function reaches(access: Access, person: { staffId: number; teamId: number | null }): boolean {
  if (access.scope === "any") return true;
  if (access.scope === "team") return access.teamId !== null && access.teamId === person.teamId;
  return access.staffId !== null && access.staffId === person.staffId;
}

/**
 * The condition that limits rows about a person to what `access` reaches: `staffId` is the column naming the
 * person (staff.id, evaluations.agent_staff_id, …); `teamId` their team's column when the row carries it,
 * otherwise the team is looked up in staff. Undefined for "any" (no condition); false when the user has no
 * staff record or team to be scoped to.
 */
export function inScope(access: Access, columns: { staffId: AnyColumn; teamId?: AnyColumn }): SQL | undefined {
  if (access.scope === "any") return undefined;
  if (access.scope === "team") {
    if (access.teamId === null) return sql`false`;
    return columns.teamId
      ? eq(columns.teamId, access.teamId)
      : inArray(columns.staffId, sql`(select ${staff.id} from ${staff} where ${staff.teamId} = ${access.teamId})`);
  }
  return access.staffId === null ? sql`false` : eq(columns.staffId, access.staffId);
}

/** Staff rows within `access`: the common case of `inScope`. */
export const staffInScope = (access: Access): SQL | undefined =>
  inScope(access, { staffId: staff.id, teamId: staff.teamId });
