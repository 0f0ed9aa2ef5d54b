import { describe, expect, it } from "vitest";
import { ROLES } from "../analytics/roles";
import { navigationFor } from "./navigation";
import { can, PERMISSIONS, scopeFor } from "./permissions";

describe("permission table", () => {
  it("has an entry for every role, and every permission reads action:entity:scope", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const list of Object.values(PERMISSIONS)) {
      for (const p of list) expect(p).toMatch(/^[a-z_]+:[a-z_]+:(any|team|own)$/);
    }
  });

  it("a user with several roles gets the widest scope of them", () => {
    expect(scopeFor(["petugas"], "read:staff")).toBe("own");
    expect(scopeFor(["petugas", "supervisor"], "read:staff")).toBe("team");
    expect(scopeFor(["supervisor", "penilai"], "read:staff")).toBe("any");
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
});

describe("navigation", () => {
  it("shows each role only the pages it may open", () => {
    expect(navigationFor(["admin"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Staf",
      "Pengguna",
      "Pengaturan",
      "Log Audit",
    ]);
    expect(navigationFor(["hr"]).map((n) => n.label)).toEqual(["Beranda", "Sertifikasi", "Impor", "Pelatihan", "Staf"]);
    expect(navigationFor(["petugas"]).map((n) => n.label)).toEqual(["Beranda", "Evaluasi"]);
    expect(navigationFor(["penilai"]).map((n) => n.label)).toEqual([
      "Beranda",
      "Evaluasi",
      "Kalibrasi",
      "Template",
      "Staf",
    ]);
    expect(navigationFor(["koordinator_qa"]).map((n) => n.label)).toEqual([
      "Beranda",
      "KPI",
      "Evaluasi",
      "Cakupan",
      "Kalibrasi",
      "Template",
      "Sertifikasi",
      "Impor",
      "Laporan",
      "Staf",
    ]);
  });
});
