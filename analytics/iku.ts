// Pure: the key performance indicators (IKU) the Kepala Seksi sets targets for each period (regulation
// C.17.d), and how an actual value reads against its target. Every indicator is "higher is better". The
// `defaultTarget` of each is the domain reference's, also the default of its setting `iku.target.<code>`.

export const IKU_INDICATORS = [
  { code: "rata_nilai_qa", label: "Rata-rata nilai akhir QA", unit: "poin", defaultTarget: 85 },
  { code: "cakupan_evaluasi", label: "Cakupan evaluasi (petugas yang memenuhi kuota)", unit: "%", defaultTarget: 95 },
  { code: "staf_bersertifikat", label: "Staf bersertifikat keahlian", unit: "%", defaultTarget: 90 },
  { code: "capaian_cph", label: "Rata-rata capaian CPH terhadap target", unit: "%", defaultTarget: 100 },
  { code: "sanggahan_tepat_waktu", label: "Sanggahan diselesaikan dalam batas waktu", unit: "%", defaultTarget: 95 },
] as const;

export type IkuCode = (typeof IKU_INDICATORS)[number]["code"];
export type IkuValues = Record<IkuCode, number | null>;

export type IkuAchievement = {
  code: IkuCode;
  label: string;
  unit: string;
  value: number | null;
  target: number | null;
  /** value ÷ target × 100; null when either is missing. Not capped: 110 % means above target. */
  percent: number | null;
};

export function ikuAchievements(values: IkuValues, targets: Partial<Record<IkuCode, number>>): IkuAchievement[] {
  return IKU_INDICATORS.map((indicator) => {
    const value = values[indicator.code];
    const target = targets[indicator.code] ?? null;
    return {
      code: indicator.code,
      label: indicator.label,
      unit: indicator.unit,
      value,
      target,
      percent: value === null || target === null || target <= 0 ? null : (value / target) * 100,
    };
  });
}

/**
 * In words whether an indicator reached its target, so that a page or a workbook never says it by colour alone:
 * 'Tercapai' at 100 % or more, 'Di bawah target' below, or why there is nothing to compare.
 */
export function ikuVerdict(i: Pick<IkuAchievement, "value" | "target">): string {
  if (i.target === null) return "Target belum ditetapkan";
  if (i.value === null) return "Belum ada data";
  return i.value >= i.target ? "Tercapai" : "Di bawah target";
}
