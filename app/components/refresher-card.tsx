// The home page's refresher card (HR and the QA coordinator): how many refreshers are overdue or due soon, per
// course and team, and the way to the list.
import { Link } from "@remix-run/react";

type Summary = {
  overdue: number;
  due: number;
  counts: { courseCode: string; teamName: string; overdue: number; due: number }[];
};

export function RefresherCard({ summary }: { summary: Summary }) {
  return (
    <section className="card" aria-labelledby="penyegaran">
      <h2 id="penyegaran">
        <Link to="/pelatihan/penyegaran">Penyegaran jatuh tempo</Link>
      </h2>
      {summary.counts.length === 0 ? (
        <p className="muted">Tidak ada penyegaran yang lewat waktu atau jatuh tempo dalam 30 hari.</p>
      ) : (
        <>
          <p>
            <strong>{summary.overdue}</strong> lewat waktu, <strong>{summary.due}</strong> jatuh tempo dalam 30 hari.
          </p>
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">Penyegaran per pelatihan dan tim</caption>
              <thead>
                <tr>
                  <th scope="col">Pelatihan</th>
                  <th scope="col">Tim</th>
                  <th scope="col" className="num">
                    Lewat waktu
                  </th>
                  <th scope="col" className="num">
                    Jatuh tempo
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.counts.map((c) => (
                  <tr key={`${c.courseCode}-${c.teamName}`}>
                    <td data-label="Pelatihan">{c.courseCode}</td>
                    <td data-label="Tim">{c.teamName.replace(/^Tim Kerja /, "")}</td>
                    <td className="num" data-label="Lewat waktu">
                      {c.overdue}
                    </td>
                    <td className="num" data-label="Jatuh tempo">
                      {c.due}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
