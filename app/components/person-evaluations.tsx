import { Link } from "@remix-run/react";
import { type EvaluationRow, EvaluationTable } from "./evaluation-table";

/** The latest evaluations of one person on their staff page, and the way to all of them on the evaluation list. */
export function PersonEvaluations({
  person,
  evaluations,
}: {
  person: { id: number; fullName: string };
  evaluations: { recent: EvaluationRow[]; total: number };
}) {
  const { recent, total } = evaluations;
  return (
    <section aria-labelledby="evaluasi">
      <h2 id="evaluasi">Evaluasi</h2>
      {total === 0 ? (
        <p className="muted">Belum ada evaluasi untuk {person.fullName}.</p>
      ) : (
        <>
          <p>
            {total > recent.length ? `${recent.length} terbaru dari ${total} evaluasi. ` : ""}
            <Link to={`/evaluasi?petugas=${person.id}&periode=semua`}>
              Semua evaluasi {person.fullName} ({total})
            </Link>
          </p>
          <EvaluationTable rows={recent} showAgent={false} />
        </>
      )}
    </section>
  );
}
