import { describe, expect, it } from "vitest";
import { ROLES } from "../analytics/roles";
import { navigationFor } from "./navigation";
import { can, PERMISSIONS, type PermissionKey, scopeFor } from "./permissions";

describe("permission table", () => {
  it("has an entry for every role, and every permission reads action:entity:scope", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const list of Object.values(PERMISSIONS)) {
      for (const p of list) expect(p).toMatch(/^[a-z_]+:[a-z_]+:(any|team|group|own)$/);
    }
  });

  it("a user with several roles gets the widest scope of them", () => {
    expect(scopeFor(["petugas"], "read:staff")).toBe("own");
    expect(scopeFor(["petugas", "supervisor"], "read:staff")).toBe("team");
    expect(scopeFor(["supervisor", "penilai"], "read:staff")).toBe("any");
    // A group is inside a team: "group" is wider than "own", narrower than "team".
    expect(scopeFor(["petugas", "ketua_tim"], "read:staff")).toBe("group");
    expect(scopeFor(["ketua_tim", "supervisor"], "read:staff")).toBe("team");
    expect(scopeFor([], "read:staff")).toBeNull();
  });

  it("only admin manages users; only admin and HR write staff; agents never read others' birth data", () => {
    for (const role of ROLES) {
      expect(can([role], "manage:user"), role).toBe(role === "admin");
      expect(can([role], "create:staff"), role).toBe(role === "admin" || role === "hr");
    }
    expect(can(["petugas"], "read:staff_personal")).toBe(false);
    expect(can(["supervisor"], "read:staff_personal")).toBe(false);
  });

  it("a Ketua Tim has each team permission of the supervisor over their group, and their group's roster only; writing reports stays the supervisor's", () => {
    const keys = (role: "supervisor" | "ketua_tim") =>
      (PERMISSIONS[role] as readonly string[]).map((p) => p.slice(0, p.lastIndexOf(":")));
    for (const key of keys("supervisor") as PermissionKey[]) {
      const supervisor = scopeFor(["supervisor"], key);
      const expected =
        key === "create:report" ? null : supervisor === "team" || key === "read:roster" ? "group" : supervisor;
      expect(scopeFor(["ketua_tim"], key), key).toBe(expected);
    }
    expect(keys("ketua_tim").every((k) => keys("supervisor").includes(k))).toBe(true);
  });

  it("the scheduler keeps everyone's roster and reads nobody's evaluations, KPI, coaching or staff data", () => {
    expect(scopeFor(["penjadwal"], "manage:roster")).toBe("any");
    expect(scopeFor(["penjadwal"], "read:roster")).toBe("any");
    expect(can(["penjadwal"], "import:roster")).toBe(true);
    expect(scopeFor(["penjadwal"], "read:workforce")).toBe("own");
    for (const key of ["read:evaluation", "read:kpi", "read:coaching", "read:staff", "read:training"] as const) {
      expect(can(["penjadwal"], key), key).toBe(false);
    }
  });
});

describe("workforce permissions", () => {
  it("a Ketua Tim changes their group's shifts and sees their group's workload", () => {
    expect(scopeFor(["ketua_tim"], "manage:roster")).toBe("group");
    expect(scopeFor(["ketua_tim"], "read:roster")).toBe("group");
    expect(scopeFor(["ketua_tim"], "read:workforce")).toBe("group");
  });

  it("the roster: coordinator and Kepala Seksi change any shift, a supervisor only their team's, an agent reads own", () => {
    expect(scopeFor(["koordinator_qa"], "manage:roster")).toBe("any");
    expect(scopeFor(["kepala_seksi"], "manage:roster")).toBe("any");
    expect(scopeFor(["supervisor"], "manage:roster")).toBe("team");
    expect(scopeFor(["supervisor"], "read:roster")).toBe("any");
    expect(scopeFor(["petugas"], "read:roster")).toBe("own");
    for (const role of ["admin", "penilai", "hr", "petugas"] as const) {
      expect(can([role], "manage:roster"), role).toBe(false);
    }
  });

  it("the workforce pages: coordinator and Kepala Seksi see everyone's workload, a supervisor their team's; those three export the staffing plan", () => {
    expect(scopeFor(["koordinator_qa"], "read:workforce")).toBe("any");
    expect(scopeFor(["kepala_seksi"], "read:workforce")).toBe("any");
    expect(scopeFor(["supervisor"], "read:workforce")).toBe("team");
    for (const role of ["admin", "penilai", "hr", "petugas"] as const) {
      expect(can([role], "read:workforce"), role).toBe(false);
      expect(can([role], "export:staffing"), role).toBe(false);
    }
    for (const role of ["koordinator_qa", "kepala_seksi", "supervisor"] as const) {
      expect(scopeFor([role], "export:staffing"), role).toBe("any");
    }
  });

  it("interval statistics and rosters are imported by whoever imports call statistics (HR, QA coordinator), the roster also by the scheduler", () => {
    for (const role of ROLES) {
      const importsCalls = can([role], "import:calls");
      expect(can([role], "import:intervals"), role).toBe(importsCalls);
      expect(can([role], "import:roster"), role).toBe(importsCalls || role === "penjadwal");
      if (role === "penjadwal") expect(can([role], "import:data"), role).toBe(true);
      // The import page is the way in: anyone who may import a kind may open it.
      if (importsCalls) expect(can([role], "import:data"), role).toBe(true);
    }
  });
});

describe("navigation", () => {
  it("shows each role only the pages it may open", () => {
    expect(navigationFor(["admin"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Staf",
      "Pengguna",
      "Pengaturan",
      "Log audit",
    ]);
    expect(navigationFor(["hr"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Sertifikasi",
      "Impor",
      "Pelatihan",
      "Catatan pelatihan",
      "Staf",
    ]);
    expect(navigationFor(["petugas"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Evaluasi",
      "Pembinaan",
      "Jadwal dinas",
    ]);
    expect(navigationFor(["penilai"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Evaluasi",
      "Cakupan",
      "Pembinaan",
      "Kalibrasi",
      "Template",
      "Staf",
    ]);
    expect(navigationFor(["ketua_tim"]).map((n) => n.label)).toEqual([
      "Beranda",
      "KPI",
      "Evaluasi",
      "Pembinaan",
      "Sertifikasi",
      "Laporan",
      "Tenaga kerja",
      "Staf",
    ]);
    // The roster is the scheduler's work: in their menu, as an agent's own shifts are in theirs.
    expect(navigationFor(["penjadwal"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Impor",
      "Tenaga kerja",
      "Jadwal dinas",
    ]);
    expect(navigationFor(["koordinator_qa"]).map((n) => n.label)).toEqual([
      "Beranda",
      "KPI",
      "Evaluasi",
      "Cakupan",
      "Pembinaan",
      "Kalibrasi",
      "Template",
      "Sertifikasi",
      "Impor",
      "Catatan pelatihan",
      "Laporan",
      "Tenaga kerja",
      "Staf",
    ]);
  });
});

describe("permission keys are checked by the compiler", () => {
  it("a key that no role is granted does not compile, and is granted to no one", () => {
    // @ts-expect-error "read:staf" is a typo of "read:staff": typecheck fails if this line compiles.
    const typo: PermissionKey = "read:staf";
    expect(ROLES.some((role) => (PERMISSIONS[role] as readonly string[]).some((p) => p.startsWith(`${typo}:`)))).toBe(
      false,
    );
  });
});
