import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound } from "~/.server/errors";
import { getReport } from "~/.server/reports";
import { requirePermission } from "~/.server/session";
import { Notice } from "~/components/field";
import { formatDay } from "../../analytics/dates";
import { reportKindLabel } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.title ?? "Laporan"} — Mutu` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "read:report");
  const report = Number.isInteger(Number(params.id)) ? await getReport(env.db, Number(params.id)) : null;
  if (!report) notFound("Laporan ini tidak ditemukan.");
  return { report, periodLabel: periodFromId(report.periodId).label };
}

export default function Report() {
  const { report, periodLabel } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const sections: [string, string][] = [
    ["Permasalahan", report.problem],
    ["Ketentuan terkait", report.regulation],
    ["Analisis", report.analysis],
    ["Simpulan dan rekomendasi", report.conclusion],
  ];
  return (
    <div className="page page-narrow">
      <p>
        <Link to={`/laporan?periode=${report.periodId}`}>← Laporan {periodLabel}</Link>
      </p>
      <Notice>{params.get("baru") ? "Laporan tersimpan." : null}</Notice>
      <h1>{report.title}</h1>
      <p className="lead">
        {reportKindLabel(report.kind)} · {formatDay(report.reportDate)} · {report.author}
      </p>
      {sections.map(([title, body]) => (
        <section key={title}>
          <h2>{title}</h2>
          <p className="prewrap">{body}</p>
        </section>
      ))}
    </div>
  );
}
