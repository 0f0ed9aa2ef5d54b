import { describe, expect, it } from "vitest";
import { ikuAchievements, ikuVerdict } from "./iku";

describe("IKU achievement", () => {
  it("is value ÷ target × 100, above 100 when the target is beaten, and empty without a target or a value", () => {
    const rows = ikuAchievements(
      {
        rata_nilai_qa: 84,
        cakupan_evaluasi: 90,
        staf_bersertifikat: 75,
        capaian_cph: null,
        sanggahan_tepat_waktu: 100,
      },
      { rata_nilai_qa: 80, cakupan_evaluasi: 100, capaian_cph: 100, sanggahan_tepat_waktu: 90 },
    );
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r.percent]));
    expect(byCode.rata_nilai_qa).toBeCloseTo(105, 10); // 84 ÷ 80 × 100
    expect(byCode.cakupan_evaluasi).toBe(90);
    expect(byCode.staf_bersertifikat).toBeNull(); // no target set
    expect(byCode.capaian_cph).toBeNull(); // no value
    expect(byCode.sanggahan_tepat_waktu).toBeCloseTo(111.11, 2);
    expect(rows.map((r) => r.code)).toEqual([
      "rata_nilai_qa",
      "cakupan_evaluasi",
      "staf_bersertifikat",
      "capaian_cph",
      "sanggahan_tepat_waktu",
    ]);
  });
});

describe("ikuVerdict: the words beside a Capaian", () => {
  it.each([
    [{ value: 78, target: 80 }, "Di bawah target"],
    [{ value: 80, target: 80 }, "Tercapai"],
    [{ value: 92.5, target: 80 }, "Tercapai"],
    [{ value: 5, target: 0 }, "Tercapai"],
    [{ value: 78, target: null }, "Target belum ditetapkan"],
    [{ value: null, target: 80 }, "Belum ada data"],
  ])("%o → %s", (input, words) => {
    expect(ikuVerdict(input)).toBe(words);
  });
});
