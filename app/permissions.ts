// Who may do what: one table of role → "action:entity:scope" (DESIGN.md §8.10). Pure and shared by the
// server (every loader and action checks it) and the interface (navigation shows only what a role may open).
import { ROLES, type Role } from "../analytics/roles";

// "group": the user's group (regu) within their Tim Kerja, for a Ketua Tim (docs/decisions/026).
export type Scope = "any" | "team" | "group" | "own";
export type Permission = `${string}:${string}:${Scope}`;

const EVERYONE = ["read:home:own", "update:profile:own"] as const;

export const PERMISSIONS = {
  admin: [
    ...EVERYONE,
    "manage:user:any",
    "read:audit:any",
    "update:settings:any",
    "read:staff:any",
    "read:staff_personal:any",
    "create:staff:any",
    "update:staff:any",
  ],
  kepala_seksi: [
    ...EVERYONE,
    "read:staff:any",
    "read:staff_personal:any",
    "read:evaluation:any",
    "read:template:any",
    "read:coverage:any",
    "read:calibration:any",
    "read:eligibility:any",
    "decide:capability:any",
    "read:coaching:any",
    "issue:certificate:any",
    "read:certificate:any",
    "read:training:any",
    "read:kpi:any",
    "export:kpi:any",
    "approve:period:any",
    "manage:iku:any",
    "read:report:any",
    // Answers a team's report, names who follows it up by when, and closes it (A.2.c, A.2.e).
    "answer:report:any",
    "read:roster:any",
    "manage:roster:any",
    "read:workforce:any",
    "export:staffing:any",
  ],
  koordinator_qa: [
    ...EVERYONE,
    "read:staff:any",
    "read:evaluation:any",
    "create:evaluation:any",
    "settle:evaluation:any",
    // Coaching after evaluations (C.17.a): opens sessions, agrees actions and records their follow-up.
    "read:coaching:any",
    "manage:coaching:any",
    "read:template:any",
    "manage:template:any",
    "read:coverage:any",
    "read:calibration:any",
    "manage:calibration:any",
    "import:data:any",
    "import:calls:any",
    "import:intervals:any",
    "import:roster:any",
    // The phone system's agent states, the evidence of schedule adherence (issue 16).
    "import:states:any",
    "read:eligibility:any",
    "read:training:any",
    // The QA team holds training (regulation 2.3.3, C.17.c): single records by hand, as HR.
    "manage:training_record:any",
    "read:kpi:any",
    "export:kpi:any",
    "read:report:any",
    "create:report:any",
    "read:roster:any",
    "manage:roster:any",
    "read:workforce:any",
    "export:staffing:any",
  ],
  penilai: [
    ...EVERYONE,
    "read:staff:any",
    "read:evaluation:any",
    "create:evaluation:any",
    "read:template:any",
    "read:calibration:own",
    "read:coaching:any",
    "manage:coaching:any",
    // Who still needs evaluating this period: the assessor's own to-do list (issue 15).
    "read:coverage:any",
  ],
  supervisor: [
    ...EVERYONE,
    "read:staff:team",
    "read:evaluation:team",
    "read:eligibility:team",
    // Coaches their own team's agents, as the assessors and the coordinator coach anyone.
    "read:coaching:team",
    "manage:coaching:team",
    "read:certificate:team",
    "read:training:team",
    "read:kpi:team",
    // The KPI workbook of their own team: its summary, agents, evaluations, item scores and eligibility.
    "export:kpi:team",
    "read:report:any",
    "create:report:any",
    // The whole center's roster, to see the cover; changes only to their own team's shifts.
    "read:roster:any",
    "manage:roster:team",
    // The workforce pages: the whole center's volumes and staffing plan (counts, no one's personal data), but
    // the workload (CPH, occupancy) of their own team's agents only. The plan's workbook holds counts only.
    "read:workforce:team",
    "export:staffing:any",
  ],
  // Ketua Tim (C.8, C.13): what the supervisor has over the whole Tim Kerja, over their own group (regu) only.
  // Writing the team's reports stays with the Koordinator Tim Kerja; they read them.
  ketua_tim: [
    ...EVERYONE,
    "read:staff:group",
    "read:evaluation:group",
    "read:eligibility:group",
    "read:coaching:group",
    "manage:coaching:group",
    "read:certificate:group",
    "read:training:group",
    "read:kpi:group",
    "export:kpi:group",
    "read:report:any",
    // Their group's roster, to see and to change (issue 16: "a Ketua Tim sees and edits only their group's
    // roster"); the whole center's cover is the staffing plan's counts.
    "read:roster:group",
    "manage:roster:group",
    "read:workforce:group",
    "export:staffing:any",
  ],
  // Penjadwal of Tim Kerja Manajemen Layanan (C.12.a): keeps the duty roster of the whole center. The volumes
  // and the staffing plan (counts only) to plan it; nobody's evaluations, KPI or workload but their own.
  penjadwal: [
    ...EVERYONE,
    "read:roster:any",
    "manage:roster:any",
    "import:data:any",
    "import:roster:any",
    // What the phone system says agents did: the other half of keeping the roster.
    "import:states:any",
    "read:workforce:own",
    "export:staffing:any",
  ],
  petugas: [
    ...EVERYONE,
    "read:staff:own",
    "read:evaluation:own",
    "respond:evaluation:own",
    // Their own coaching: reads it, acknowledges it with a comment.
    "read:coaching:own",
    "respond:coaching:own",
    "read:certificate:own",
    "read:training:own",
    "read:roster:own",
    // "Rapor kinerja saya": their own KPI, evaluations, answers, training and certificates as a workbook.
    "export:rapor:own",
  ],
  hr: [
    ...EVERYONE,
    "read:staff:any",
    "read:staff_personal:any",
    "create:staff:any",
    "update:staff:any",
    "manage:training:any",
    "manage:training_record:any",
    "read:training:any",
    "import:data:any",
    // New hires, transfers, promotions and leavers from HR's own spreadsheet (never deleted: set inactive).
    "import:staff:any",
    "import:training:any",
    "import:calls:any",
    "import:intervals:any",
    "import:roster:any",
    "import:states:any",
    "read:eligibility:any",
    "read:certificate:any",
  ],
} as const satisfies Record<Role, readonly Permission[]>;

/** Every "action:entity" some role is granted ("read:staff"): a key outside this table does not compile. */
export type PermissionKey = (typeof PERMISSIONS)[Role][number] extends infer P
  ? P extends `${infer Key}:${Scope}`
    ? Key
    : never
  : never;

const SCOPE_RANK: Record<Scope, number> = { own: 1, group: 2, team: 3, any: 4 };

/** The widest scope any of `roles` grants for `action:entity` ("read:staff"), or null when none does. */
export function scopeFor(roles: readonly Role[], actionEntity: PermissionKey): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    for (const permission of (PERMISSIONS[role] ?? []) as readonly Permission[]) {
      const cut = permission.lastIndexOf(":");
      if (permission.slice(0, cut) !== actionEntity) continue;
      const scope = permission.slice(cut + 1) as Scope;
      if (!best || SCOPE_RANK[scope] > SCOPE_RANK[best]) best = scope;
    }
  }
  return best;
}

export function can(roles: readonly Role[], actionEntity: PermissionKey): boolean {
  return scopeFor(roles, actionEntity) !== null;
}

export { ROLES, type Role };
