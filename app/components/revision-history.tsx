import { formatInstantWib } from "../../analytics/dates";
import { formatScore } from "../score-fields";

type Revision = {
  revision: number;
  reason: string;
  note: string;
  changedAt: Date | string;
  changedBy: string | null;
  snapshot: {
    total: number | null;
    hardskill: number | null;
    softskill: number | null;
    kedisiplinan: number | null;
    criticalFailed: boolean;
    scores: { itemId: number; value: number | null; comment: string }[];
  };
};

const REASONS: Record<string, string> = { submitted: "Dikirim", adjusted: "Disesuaikan setelah sanggahan" };

/** Every revision since submission, oldest first, each with who, when and the scores it held. */
export function RevisionHistory({
  revisions,
  items,
}: {
  revisions: Revision[];
  items: { id: number; code: string }[];
}) {
  const code = new Map(items.map((i) => [i.id, i.code]));
  return (
    <section aria-labelledby="riwayat">
      <h2 id="riwayat">Riwayat revisi</h2>
      {revisions.map((r) => (
        <details key={r.revision} className="revision">
          <summary>
            Revisi {r.revision} · {REASONS[r.reason] ?? r.reason} · {r.changedBy ?? "sistem"} ·{" "}
            {formatInstantWib(new Date(r.changedAt))} · total {formatScore(r.snapshot.total)}
            {r.snapshot.criticalFailed ? " (butir kritis gagal)" : ""}
          </summary>
          {r.note && <p className="quote">{r.note}</p>}
          <p className="small">
            {r.snapshot.scores
              .map((s) => `${code.get(s.itemId) ?? s.itemId}: ${s.value === null ? "N/A" : s.value}`)
              .join(" · ")}
          </p>
        </details>
      ))}
    </section>
  );
}
