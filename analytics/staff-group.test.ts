import { describe, expect, it } from "vitest";
import { canonicalGroupName, groupNameProblem, normalizeGroupName } from "./staff-group";

describe("group names (regu)", () => {
  it("spaces are trimmed and collapsed: '  regu   1 ' → 'regu 1'", () => {
    expect(normalizeGroupName("  regu   1 ")).toBe("regu 1");
    expect(normalizeGroupName("   ")).toBe("");
  });

  it("empty is no group; 40 characters will do, 41 are refused with how to fix it", () => {
    expect(groupNameProblem("")).toBeNull();
    expect(groupNameProblem("R".repeat(40))).toBeNull();
    expect(groupNameProblem(` ${"R".repeat(40)} `)).toBeNull();
    expect(groupNameProblem("R".repeat(41))).toBe(
      'Nama regu paling panjang 40 karakter (sekarang 41); singkatkan, misalnya "Regu 1".',
    );
  });

  it("begins with a letter or a digit, so a spreadsheet formula is not a group", () => {
    for (const ok of ["Regu 1", "2 Malam", "Éka", "Regu Pagi (Telepon)"]) expect(groupNameProblem(ok), ok).toBeNull();
    for (const bad of ["=1+1", "+62 21", "-", "@SUM(1)", "(Regu 1)"]) {
      expect(groupNameProblem(bad), bad).toContain("diawali huruf atau angka");
    }
  });

  it("takes the spelling the team already has when only the case differs", () => {
    expect(canonicalGroupName("regu 1", ["Regu 1", "Regu 2"])).toBe("Regu 1");
    expect(canonicalGroupName("Regu 3", ["Regu 1", "Regu 2"])).toBe("Regu 3");
  });
});
