import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { workforceChoice, workforceHeatmap } from "~/.server/workforce-page";
import { SelectField } from "~/components/field";
import { HeatmapLegend, HeatmapTable } from "~/components/heatmap";
import { ImportHint } from "~/components/import-hint";
import { WorkloadSection } from "~/components/workload-table";
import { can } from "~/permissions";
import { CHANNELS } from "../../analytics/organization";
import { METRICS, RANGE_WEEKS } from "../../analytics/workforce-heatmap";

export const meta: MetaFunction = () => [{ title: "Analitik tenaga kerja — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user, access } = await requirePermission(request, context, "read:workforce");
  const choice = workforceChoice(new URL(request.url).searchParams);
  const page = await workforceHeatmap(env.db, env.settings, choice, access);
  return {
    ...page,
    canImport: { calls: can(user.roles, "import:calls"), intervals: can(user.roles, "import:intervals") },
  };
}

export default function Workforce() {
  const d = useLoaderData<typeof loader>();
  const channel = CHANNELS.find((c) => c.code === d.choice.channel);
  const link = (metric: string) => `?kanal=${d.choice.channel}&rentang=${d.choice.weeks}&ukuran=${metric}`;
  return (
    <div className="page">
      <h1>Analitik tenaga kerja</h1>
      <p className="lead">
        {channel?.short}, {d.choice.weeks} minggu terakhir ({d.range.label}): rata-rata per hari dalam seminggu dan
        interval {d.intervalMinutes} menit.
      </p>
      <p>
        <Link to="/tenaga-kerja/rencana">Rencana kebutuhan staf per minggu</Link> ·{" "}
        <Link to="/tenaga-kerja/jadwal">Jadwal dinas</Link> · <Link to="/tenaga-kerja/kepatuhan">Kepatuhan jadwal</Link>
      </p>
      <Form method="get" className="filters">
        <SelectField
          name="kanal"
          label="Saluran"
          defaultValue={d.choice.channel}
          options={CHANNELS.map((c) => ({ value: c.code, label: c.short }))}
        />
        <SelectField
          name="rentang"
          label="Rentang"
          defaultValue={String(d.choice.weeks)}
          options={RANGE_WEEKS.map((w) => ({ value: String(w), label: `${w} minggu terakhir` }))}
        />
        <input type="hidden" name="ukuran" value={d.choice.metric} />
        <input type="hidden" name="periode" value={d.workload.period.id} />
        <button type="submit">Tampilkan</button>
      </Form>
      <nav className="tabs" aria-label="Ukuran peta panas">
        <ul>
          {METRICS.map((m) => (
            <li key={m.code}>
              <Link to={link(m.code)} aria-current={m.code === d.choice.metric ? "page" : undefined}>
                {m.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {d.hasData ? (
        <>
          <HeatmapLegend map={d.map} metric={d.metric} />
          <HeatmapTable
            map={d.map}
            metric={d.metric}
            caption={`${d.metric.label} ${channel?.short ?? ""} per hari dan jam, ${d.range.label}`}
          />
          <p className="muted">
            {d.totals.offered.toLocaleString("id-ID")} kontak masuk, {d.totals.answered.toLocaleString("id-ID")}{" "}
            dijawab, {d.totals.abandoned.toLocaleString("id-ID")} ditinggalkan penelepon sebelum dijawab dalam rentang
            ini.
          </p>
        </>
      ) : (
        <p className="alert alert-info">
          Belum ada statistik interval {channel?.short} untuk {d.range.label}.{" "}
          <ImportHint kind="intervals" what="statistik interval" canImport={d.canImport.intervals} />
        </p>
      )}
      <WorkloadSection workload={d.workload} choice={d.choice} canImport={d.canImport.calls} />
    </div>
  );
}
