import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden, notFound } from "~/.server/errors";
import { assignableUsers, namesOf, reportAction, reportHistory } from "~/.server/report-follow-up";
import { getReport } from "~/.server/reports";
import { requirePermission } from "~/.server/session";
import { Notice } from "~/components/field";
import { ReportFollowUp } from "~/components/report-follow-up";
import { can } from "~/permissions";
import { formatDay, formatInstantWib, wibDay } from "../../analytics/dates";
import { reportKindLabel } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { daysFrom, followUpLate } from "../../analytics/report-follow-up";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.title ?? "Laporan"} — Mutu` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "read:report");
  const report = Number.isInteger(Number(params.id)) ? await getReport(env.db, Number(params.id)) : null;
  if (!report) notFound("Laporan ini tidak ditemukan.");
  const mayAnswer = can(user.roles, "answer:report");
  const [history, names, assignable] = await Promise.all([
    reportHistory(env.db, report.id),
    namesOf(env.db, [report.assigneeUserId, report.answeredBy]),
    mayAnswer && report.status === "baru" ? assignableUsers(env.db) : Promise.resolve([]),
  ]);
  const today = wibDay(new Date());
  return {
    report,
    periodLabel: periodFromId(report.periodId).label,
    history: history.map((h) => ({ ...h, at: formatInstantWib(h.at) })),
    assignee: report.assigneeUserId ? (names.get(report.assigneeUserId) ?? null) : null,
    answeredBy: report.answeredBy ? (names.get(report.answeredBy) ?? null) : null,
    late: followUpLate(
      {
        status: report.status,
        followUpDue: report.followUpDue,
        followedUpOn: report.followedUpAt ? wibDay(report.followedUpAt) : null,
      },
      today,
    ),
    delayDays: report.problemAroseOn ? daysFrom(report.problemAroseOn, report.reportDate) : null,
    assignable: assignable.map((u) => ({ value: u.id, label: u.displayName })),
    today,
    canAnswer: mayAnswer && report.status === "baru",
    canFollowUp: report.status === "ditanggapi" && report.assigneeUserId === user.id,
    canClose: mayAnswer && report.status === "ditindaklanjuti",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "read:report");
  const id = Number(params.id);
  const report = Number.isInteger(id) ? await getReport(env.db, id) : null;
  if (!report) notFound("Laporan ini tidak ditemukan.");
  const result = await reportAction(
    env.db,
    { ...actor, id: user.id },
    id,
    await request.formData(),
    can(user.roles, "answer:report"),
  );
  if (!result) forbidden();
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(
    `/laporan/${id}?${result.intent === "answer" ? "ditanggapi" : result.intent === "close" ? "selesai" : "ditindaklanjuti"}=1#tindak-lanjut`,
  );
}

export default function Report() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { report } = d;
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
        <Link to={`/laporan?periode=${report.periodId}`}>← Laporan {d.periodLabel}</Link>
      </p>
      <Notice>{params.get("baru") ? "Laporan tersimpan." : null}</Notice>
      <h1>{report.title}</h1>
      <p className="lead">
        {reportKindLabel(report.kind)} · {formatDay(report.reportDate)} · {report.author}
        {report.problemAroseOn && (
          <>
            {" "}
            · masalah muncul {formatDay(report.problemAroseOn)} ({d.delayDays} hari sebelum dilaporkan)
          </>
        )}
      </p>
      {sections.map(([title, body]) => (
        <section key={title}>
          <h2>{title}</h2>
          <p className="prewrap">{body}</p>
        </section>
      ))}
      <ReportFollowUp
        report={report}
        history={d.history}
        assignee={d.assignee}
        answeredBy={d.answeredBy}
        late={d.late}
        assignable={d.assignable}
        today={d.today}
        can={{ answer: d.canAnswer, followUp: d.canFollowUp, close: d.canClose }}
        failed={failed && !failed.ok ? failed : undefined}
        done={
          params.get("ditanggapi")
            ? "Tanggapan tersimpan; penanggung jawab melihatnya di halaman Beranda."
            : params.get("ditindaklanjuti")
              ? "Tindak lanjut tercatat; Kepala Seksi dapat menutup laporan."
              : params.get("selesai")
                ? "Laporan ditutup."
                : null
        }
      />
    </div>
  );
}
