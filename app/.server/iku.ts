// IKU of a period: the actual value of each indicator (from the period's KPI figures) and
// the targets the Kepala Seksi set, read against each other by analytics/iku.ts.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { IKU_INDICATORS, type IkuCode, type IkuValues, ikuAchievements } from "../../analytics/iku";
import { ikuTargets } from "../../db/schema";
import { numberInput } from "../number-input";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import type { PeriodKpiReport } from "./period-kpi";
import type { Settings } from "./settings";

const percent = (share: number | null) => (share === null ? null : share * 100);

/** The actual values of the indicators, over the people of `report` (the viewer's scope). */
export function ikuValues(report: PeriodKpiReport): IkuValues {
  const { cphPercentSum, cphPercentCount, disputes, disputesInTime } = report.iku;
  return {
    rata_nilai_qa: report.center.average,
    cakupan_evaluasi: percent(report.center.coverage),
    staf_bersertifikat: percent(report.center.certifiedShare),
    capaian_cph: cphPercentCount > 0 ? cphPercentSum / cphPercentCount : null,
    sanggahan_tepat_waktu: disputes > 0 ? (disputesInTime / disputes) * 100 : null,
  };
}

/** The targets the Kepala Seksi set for the period (only those). */
export async function ikuTargetsOf(db: Database, periodId: string): Promise<Partial<Record<IkuCode, number>>> {
  const rows = await db.select().from(ikuTargets).where(eq(ikuTargets.periodId, periodId));
  return Object.fromEntries(rows.map((r) => [r.indicator, r.target]));
}

/** The default targets of the settings (`iku.target.*`), for a period whose targets were never set. */
export const defaultIkuTargets = (settings: Settings): Record<IkuCode, number> =>
  Object.fromEntries(IKU_INDICATORS.map((i) => [i.code, settings[`iku.target.${i.code}`]])) as Record<IkuCode, number>;

/**
 * The period's targets: those set for it, or, while none are (never set, or all cleared), the defaults of the
 * settings.
 */
export async function effectiveIkuTargets(db: Database, periodId: string, settings: Settings) {
  const set = await ikuTargetsOf(db, periodId);
  return Object.keys(set).length > 0 ? set : defaultIkuTargets(settings);
}

export async function periodIku(db: Database, report: PeriodKpiReport, settings: Settings) {
  return ikuAchievements(ikuValues(report), await effectiveIkuTargets(db, report.periodId, settings));
}

// One optional field per indicator; empty means "no target". Read like a file's number (app/number-input.ts). Not a union of "" and a
// number: a word in the field would fail both branches and zod would answer its English "Invalid input".
const targetField = z.preprocess(
  numberInput,
  z
    .number({ error: "Isi dengan angka, misalnya 80 atau 92,5; kosongkan bila tidak ada target." })
    .gt(0, { error: "Target harus lebih dari 0." })
    .max(1000, { error: "Target paling besar 1.000." })
    .nullable(),
);
export const ikuTargetsInput = z.object(
  Object.fromEntries(IKU_INDICATORS.map((i) => [`target.${i.code}`, targetField.optional()])) as Record<
    `target.${IkuCode}`,
    z.ZodOptional<typeof targetField>
  >,
);

/** Replaces the targets of the period with the ones given (one transaction, audited). */
export async function setIkuTargets(
  db: Database,
  actor: Actor & { id: number },
  periodId: string,
  input: z.output<typeof ikuTargetsInput>,
) {
  await db.transaction(async (tx) => {
    const before = await ikuTargetsOf(tx, periodId);
    await tx.delete(ikuTargets).where(eq(ikuTargets.periodId, periodId));
    const rows = IKU_INDICATORS.flatMap((i) => {
      const target = input[`target.${i.code}`];
      return target == null ? [] : [{ periodId, indicator: i.code, target, setBy: actor.id }];
    });
    if (rows.length > 0) await tx.insert(ikuTargets).values(rows);
    await recordAudit(tx, actor, {
      action: "iku.set",
      entity: "period",
      entityId: periodId,
      before,
      after: Object.fromEntries(rows.map((r) => [r.indicator, r.target])),
    });
  });
}
