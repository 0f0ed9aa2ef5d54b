import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reviewBoard } from "~/.server/period-reviews";
import { requirePermission } from "~/.server/session";
import { StateBadge } from "~/components/evaluation-view";
import { PeriodPicker } from "~/components/period-picker";
import { formatScore } from "~/score-fields";
import { periodFromId } from "../../analytics/period";

export const meta: MetaFunction = () => [{ title: "Penilaian periode — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "create:evaluation");
  return reviewBoard(env.db, access, new URL(request.url).searchParams.get("periode"));
}

export default function PeriodReviews() {
  const { period, choices, board } = useLoaderData<typeof loader>();
  const done = board.filter((b) => b.review && b.review.state !== "draft").length;
  return (
    <div className="page">
      <p>
        <Link to="/evaluasi">← Evaluasi</Link>
      </p>
      <h1>Penilaian periode</h1>
      <p className="lead">Sekali per petugas per periode: kedisiplinan dan CPH. {periodFromId(period.id).label}.</p>
      <PeriodPicker value={period.id} choices={choices} />
      <p className="muted" role="status">
        {done} dari {board.length} petugas sudah dinilai untuk periode ini.
      </p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Petugas dan penilaian periodenya</caption>
          <thead>
            <tr>
              <th scope="col">Petugas</th>
              <th scope="col">Tim</th>
              <th scope="col" className="num">
                Kedisiplinan
              </th>
              <th scope="col" className="num">
                Skor CPH
              </th>
              <th scope="col">Status</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {board.map((b) => (
              <tr key={b.id}>
                <td data-label="Petugas" className="card-title">
                  {b.fullName}
                </td>
                <td data-label="Tim">{b.teamName.replace("Tim Kerja ", "")}</td>
                <td className="num" data-label="Kedisiplinan">
                  {formatScore(b.review?.kedisiplinan)}
                </td>
                <td className="num" data-label="Skor CPH">
                  {formatScore(b.review?.cphScore)}
                </td>
                <td data-label="Status">
                  {b.review ? <StateBadge state={b.review.state} /> : b.takenBy ? `draf ${b.takenBy}` : "belum"}
                </td>
                <td data-label="Tindakan">
                  {b.review && b.review.state !== "draft" ? (
                    <Link to={`/evaluasi/${b.review.id}`}>Lihat #{b.review.id}</Link>
                  ) : b.takenBy ? (
                    <span className="muted">sedang dinilai</span>
                  ) : (
                    <Link to={`/evaluasi/periode/nilai?petugas=${b.id}&periode=${period.id}`}>
                      {b.review ? "Lanjutkan draf" : "Nilai"}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
