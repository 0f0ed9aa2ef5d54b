// The main navigation, filtered by the permission table: a role sees only the pages it may open.
import { type PermissionKey, type Role, type Scope, scopeFor } from "./permissions";

/** `when`: a further condition on the roles, for an item that depends on more than one permission. */
type NavItem = {
  to: string;
  label: string;
  permission: PermissionKey;
  scopes?: Scope[];
  when?: (roles: readonly Role[]) => boolean;
};

const NAV: NavItem[] = [
  { to: "/", label: "Beranda", permission: "read:home" },
  { to: "/kpi", label: "KPI", permission: "read:kpi" },
  { to: "/evaluasi", label: "Evaluasi", permission: "read:evaluation" },
  { to: "/cakupan", label: "Cakupan", permission: "read:coverage" },
  { to: "/pembinaan", label: "Pembinaan", permission: "read:coaching" },
  { to: "/kalibrasi", label: "Kalibrasi", permission: "read:calibration" },
  { to: "/template", label: "Template", permission: "read:template" },
  { to: "/kelayakan", label: "Sertifikasi", permission: "read:eligibility", scopes: ["any", "team", "group"] },
  { to: "/impor", label: "Impor", permission: "import:data" },
  { to: "/pelatihan", label: "Pelatihan", permission: "manage:training" },
  { to: "/pelatihan/catatan", label: "Catatan pelatihan", permission: "manage:training_record" },
  { to: "/laporan", label: "Laporan", permission: "read:report" },
  { to: "/tenaga-kerja", label: "Tenaga kerja", permission: "read:workforce" },
  // Agents see their own shifts here, and the scheduler keeps everyone's (their work, C.12.a); everyone else reaches
  // the roster from the workforce page.
  {
    to: "/tenaga-kerja/jadwal",
    label: "Jadwal dinas",
    permission: "read:roster",
    when: (roles) =>
      scopeFor(roles, "read:roster") === "own" ||
      (scopeFor(roles, "manage:roster") === "any" && scopeFor(roles, "read:workforce") === "own"),
  },
  { to: "/staf", label: "Staf", permission: "read:staff", scopes: ["any", "team", "group"] },
  { to: "/admin/pengguna", label: "Pengguna", permission: "manage:user" },
  { to: "/admin/pengaturan", label: "Pengaturan", permission: "update:settings" },
  { to: "/admin/audit", label: "Log audit", permission: "read:audit" },
];

export function navigationFor(roles: readonly Role[]): { to: string; label: string }[] {
  return NAV.filter((item) => {
    const scope = scopeFor(roles, item.permission);
    return scope !== null && (!item.scopes || item.scopes.includes(scope)) && (!item.when || item.when(roles));
  }).map(({ to, label }) => ({ to, label }));
}
