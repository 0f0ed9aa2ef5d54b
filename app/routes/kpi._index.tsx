import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { KPI_SORTS, kpiDashboard, kpiPeriodChoice } from "~/.server/kpi-dashboard";
import { kpiReviewAction } from "~/.server/kpi-forms";
import { requirePermission } from "~/.server/session";
import { BelowThresholdCoaching } from "~/components/coaching-table";
import { DownloadLink } from "~/components/download-link";
import { Notice } from "~/components/field";
import { IkuTable } from "~/components/iku-table";
import { DimensionsChart, DistributionChart, QualityCphChart, TrendChart } from "~/components/kpi-charts";
import { AgentsTable, ApprovalPanel, HeadlineCards, NoData } from "~/components/kpi-sections";
import { Pager } from "~/components/pager";
import { PeriodPicker } from "~/components/period-picker";
import { ReportTimelinessTable } from "~/components/report-timeliness";
import { BelowThresholdTraining } from "~/components/training-needs";
import { readSort } from "~/list-params";
import { formatScore } from "~/score-fields";

export const meta: MetaFunction = () => [{ title: "Tinjauan KPI — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, access } = await requirePermission(request, context, "read:kpi");
  const params = new URL(request.url).searchParams;
  const { period, choices } = await kpiPeriodChoice(env.db, params.get("periode"));
  const page = Number(params.get("halaman") ?? 1);
  const sort = readSort(params, KPI_SORTS);
  return { choices, sort, ...(await kpiDashboard(env.db, env.settings, access, period.id, { page, sort })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePermission(request, context, "read:kpi");
  const { period, matched } = await kpiPeriodChoice(auth.env.db, new URL(request.url).searchParams.get("periode"));
  const result = await kpiReviewAction(auth, { id: period.id, matched }, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  const done = { approve: "disetujui", reopen: "dibuka", iku: "target" }[result.intent];
  throw redirect(`/kpi?periode=${period.id}&${done}=1`);
}

export default function KpiReview() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { summary } = d;
  const teams = summary.teams.map((t) => t.teamName);
  const approvalError = failed && !failed.ok && failed.intent !== "iku" ? Object.values(failed.errors)[0] : undefined;
  return (
    <div className="page">
      <h1>Tinjauan KPI</h1>
      <p className="lead">
        {d.period.label}. Nilai akhir = bobot template × hardskill, softskill, kedisiplinan dan skor CPH; KPI tanpa
        salah satu dimensi ditandai belum lengkap, tidak dianggap 0.
      </p>
      <Notice>
        {params.get("disetujui") ? "Periode disetujui dan dikunci." : null}
        {params.get("dibuka") ? "Periode dibuka kembali; alasannya tercatat di log audit." : null}
      </Notice>
      <div className="toolbar">
        <PeriodPicker value={d.period.id} choices={d.choices} />
        {d.can.export && (
          <>
            <DownloadLink className="button secondary" href={`/kpi/unduh?periode=${d.period.id}`}>
              {d.can.export === "team"
                ? "Unduh KPI tim Anda sebagai Excel (.xlsx)"
                : d.can.export === "group"
                  ? "Unduh KPI regu Anda sebagai Excel (.xlsx)"
                  : "Unduh KPI sebagai Excel (.xlsx)"}
            </DownloadLink>
            <DownloadLink className="button secondary" href={`/kpi/unduh?periode=${d.period.id}&format=csv`}>
              Unduh KPI petugas (CSV)
            </DownloadLink>
          </>
        )}
      </div>
      <ApprovalPanel
        period={d.period}
        status={d.status}
        ended={d.ended}
        lock={d.lock}
        error={approvalError}
        failedIntent={failed && !failed.ok ? failed.intent : undefined}
      />
      <HeadlineCards center={summary.center} below={d.below.length} threshold={d.threshold} />
      <IkuTable
        rows={d.iku}
        canSet={d.can.setIku}
        errors={failed && !failed.ok && failed.intent === "iku" ? failed.errors : undefined}
        values={failed && !failed.ok && failed.intent === "iku" ? failed.values : undefined}
        saved={params.get("target") !== null}
      />
      <h2>Grafik</h2>
      {d.hasData ? (
        <div className="charts">
          <TrendChart trend={d.trend} teams={teams} />
          {summary.center.complete > 0 ? (
            <DistributionChart distribution={summary.center.distribution} />
          ) : (
            <NoData title="Sebaran predikat" why="belum ada KPI yang lengkap pada periode ini." />
          )}
          <DimensionsChart
            teams={summary.teams.map((t) => ({ teamName: t.teamName, dimensions: t.summary.dimensions }))}
          />
          {d.scatter.points.length > 0 ? (
            <QualityCphChart points={d.scatter.points} listAll={d.scatter.listAll} threshold={d.threshold} />
          ) : (
            <NoData title="Kualitas interaksi dan CPH" why="belum ada petugas dengan nilai interaksi dan CPH." />
          )}
        </div>
      ) : (
        <p className="alert alert-info">
          Tidak ada data untuk {d.period.label}: belum ada evaluasi, penilaian periode, atau statistik panggilan.
        </p>
      )}
      <section aria-labelledby="di-bawah">
        <h2 id="di-bawah">Petugas dengan nilai akhir di bawah {d.threshold}</h2>
        {d.below.length === 0 ? (
          <p className="muted">Tidak ada petugas dengan nilai akhir di bawah batas.</p>
        ) : (
          <>
            <AgentsTable agents={d.below} caption="Petugas di bawah batas" threshold={d.threshold} />
            <BelowThresholdTraining rows={d.belowTraining} linkCourses={d.can.openCourses} />
            {d.can.coach && (
              <BelowThresholdCoaching agents={d.below} periodId={d.period.id} finished={d.period.finished} />
            )}
          </>
        )}
      </section>
      <ReportTimelinessTable rows={d.reportTimeliness} />
      <section aria-labelledby="kalibrasi">
        <h2 id="kalibrasi">Kesehatan kalibrasi</h2>
        <p>
          {d.calibration.sessions} sesi kalibrasi selesai pada periode ini, {d.calibration.assessors} penilaian penilai.{" "}
          {d.calibration.drifting.length === 0
            ? `Tidak ada penilai yang rata-rata simpangannya melebihi ${d.calibration.thresholdPoints} poin.`
            : `Simpangan melebihi ${d.calibration.thresholdPoints} poin: ${d.calibration.drifting
                .map((x) => `${x.name} (${formatScore(x.meanDeviation)})`)
                .join(", ")}.`}
        </p>
      </section>
      <section aria-labelledby="semua">
        <h2 id="semua">KPI per petugas</h2>
        <AgentsTable
          agents={d.agents.rows}
          caption="KPI per petugas"
          threshold={d.threshold}
          sort={d.sort}
          anchor="semua"
        />
        <Pager {...d.agents} anchor="semua" label="Halaman tabel KPI per petugas" />
      </section>
    </div>
  );
}
