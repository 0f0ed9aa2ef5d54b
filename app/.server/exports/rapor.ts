// "Rapor kinerja saya" (issue 13): an agent's own report over a range of periods, as a workbook — their KPI per
// period with predikat, every evaluation with the assessor's note and their own answer, the dispute's outcome,
// every item score, their training and certificates. On the web it is always the signed-in agent's own (their
// staff record comes from the session, never from the address, which holds no NIP); on the command line an
// administrator names the person with --nip.
import { eq } from "drizzle-orm";
import { parseNip } from "../../../analytics/nip";
import { positionLabel } from "../../../analytics/organization";
import { periodOf, periodsBetween, shiftPeriod } from "../../../analytics/period";
import { staff, teams } from "../../../db/schema";
import { UserFacingError } from "../errors";
import { agentKpi } from "../period-kpi";
import { trainingOf } from "../training";
import { cell } from "../workbook/cells";
import { type ExportContext, type ListExport, table } from "./list-export";
import {
  agentCertificates,
  agentEvaluations,
  agentItemScores,
  CERTIFICATE_COLUMNS,
  EVALUATION_COLUMNS,
  ITEM_COLUMNS,
  KPI_COLUMNS,
  TRAINING_COLUMNS,
} from "./rapor-sheets";

/** The periods a report covers at most: two years. */
const MAX_PERIODS = 24;
/** The range offered first: the last three finished periods. */
export const RAPOR_DEFAULT_PERIODS = 3;

/** The range of the address (`dari`, `sampai`: YYYY-MM); without one, the last three finished periods. */
export function raporRange(params: URLSearchParams, now: Date) {
  const current = periodOf(now);
  const lastFinished = shiftPeriod(current.id, -1).id;
  const to = params.get("sampai")?.trim() || lastFinished;
  const from = params.get("dari")?.trim() || shiftPeriod(to, 1 - RAPOR_DEFAULT_PERIODS).id;
  let periods: ReturnType<typeof periodsBetween>;
  try {
    periods = periodsBetween(from, to);
  } catch (error) {
    throw new UserFacingError((error as Error).message);
  }
  const last = periods.at(-1);
  if (last && last.start > now)
    throw new UserFacingError(`${last.label} belum dimulai. Pilih periode sampai ${current.label}.`);
  if (periods.length > MAX_PERIODS) {
    throw new UserFacingError(`Rapor paling panjang ${MAX_PERIODS} periode (dua tahun). Persempit rentangnya.`);
  }
  return periods;
}

/** The form on the profile page: the last 24 periods, the last three finished ones chosen. */
export function raporChoices(now = new Date()) {
  const current = periodOf(now);
  const choices = Array.from({ length: MAX_PERIODS }, (_, i) => shiftPeriod(current.id, -i));
  const to = shiftPeriod(current.id, -1).id;
  return {
    choices: choices.map((p) => ({ value: p.id, label: p.label })),
    from: shiftPeriod(to, 1 - RAPOR_DEFAULT_PERIODS).id,
    to,
  };
}

/** The person the report is about: the signed-in agent on the web; the --nip on the command line. */
async function personOf(ctx: ExportContext, params: URLSearchParams) {
  const select = ctx.db
    .select({ id: staff.id, nip: staff.nip, fullName: staff.fullName, position: staff.position, team: teams.name })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId));
  if (ctx.access.scope === "own") {
    if (ctx.access.staffId === null) {
      throw new UserFacingError("Akun Anda tidak terhubung ke data pegawai, jadi belum ada rapor. Hubungi admin.");
    }
    const [me] = await select.where(eq(staff.id, ctx.access.staffId));
    if (!me) throw new UserFacingError("Data pegawai Anda tidak ditemukan. Hubungi admin.");
    return me;
  }
  if (ctx.access.scope !== "any") throw new UserFacingError("Rapor kinerja hanya untuk pegawai yang bersangkutan.");
  const nip = parseNip(params.get("nip") ?? "");
  if (!nip.ok) throw new UserFacingError(`--nip: ${nip.error}`);
  const [person] = await select.where(eq(staff.nip, nip.value.nip));
  if (!person) throw new UserFacingError("Tidak ada pegawai dengan NIP itu.");
  return person;
}

export const raporExport: ListExport = {
  name: "rapor",
  label: "Rapor kinerja",
  permission: "export:rapor",
  formats: ["xlsx"],
  options: ["dari", "sampai", "nip"],
  async prepare(ctx, params) {
    const periods = raporRange(params, ctx.now);
    const person = await personOf(ctx, params);
    const first = periods[0]?.id ?? "";
    const last = periods.at(-1)?.id ?? "";
    const evaluations = await agentEvaluations(ctx.db, person.id, first, last);
    return {
      title: "Rapor Kinerja",
      fileStem: `Rapor_${person.nip}_${first}_${last}`,
      filters: [
        ["Nama", cell.text(person.fullName)],
        ["NIP", cell.text(person.nip)],
        ["Tim", cell.text(person.team)],
        ["Jabatan", cell.text(positionLabel(person.position))],
        ["Dari periode", cell.text(periods[0]?.label ?? "")],
        ["Sampai periode", cell.text(periods.at(-1)?.label ?? "")],
      ],
      // The person by their record's id, not their NIP.
      audit: { staffId: person.id, from: first, to: last },
      tables: [
        table("KPI per Periode", KPI_COLUMNS, () =>
          agentKpi(
            ctx.db,
            person.id,
            periods.map((p) => p.id),
            ctx.settings,
          ),
        ),
        table("Evaluasi", EVALUATION_COLUMNS, async () => evaluations),
        table("Rincian Item", ITEM_COLUMNS, () =>
          agentItemScores(
            ctx.db,
            evaluations.map((e) => e.id),
          ),
        ),
        table("Pelatihan", TRAINING_COLUMNS, () => trainingOf(ctx.db, person.id)),
        table("Sertifikat", CERTIFICATE_COLUMNS, () => agentCertificates(ctx.db, person.id)),
      ],
    };
  },
};
