// Pure: the roles of Mutu's users (DESIGN.md §1). One user may hold several.

export const ROLES = [
  "admin",
  "kepala_seksi",
  "koordinator_qa",
  "penilai",
  "supervisor",
  "ketua_tim",
  "penjadwal",
  "petugas",
  "hr",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  kepala_seksi: "Kepala Seksi",
  koordinator_qa: "Koordinator Penjamin Kualitas",
  penilai: "Penilai",
  supervisor: "Koordinator Tim Kerja (Supervisor)",
  ketua_tim: "Ketua Tim",
  penjadwal: "Penjadwal (Tim Kerja Manajemen Layanan)",
  petugas: "Petugas Layanan",
  hr: "SDM",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
