import type { CalibrationResult } from "../../analytics/calibration";
import { formatScore } from "../score-fields";

type Props = {
  result: CalibrationResult;
  items: { id: number; code: string; text: string }[];
  participants: { userId: number; name: string; benchmark: boolean }[];
  threshold: number;
};

/** Per item each assessor's score, the spread and the consensus; per assessor the deviation. */
export function CalibrationResults({ result, items, participants, threshold }: Props) {
  const name = new Map(participants.map((p) => [p.userId, p.name]));
  const text = new Map(items.map((i) => [i.id, `${i.code} ${i.text}`]));
  return (
    <section aria-labelledby="hasil">
      <h2 id="hasil">Hasil kalibrasi</h2>
      <p>
        {result.flaggedCount} butir dengan sebaran lebih dari {threshold} poin (ditandai) perlu dibahas. Konsensus =
        {participants.some((p) => p.benchmark) ? " nilai acuan koordinator" : " median penilai"}; nilai total konsensus{" "}
        {formatScore(result.consensusTotal)}.
      </p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Skor per butir (0–100)</caption>
          <thead>
            <tr>
              <th scope="col">Butir</th>
              {result.assessors.map((a) => (
                <th scope="col" className="num" key={a.assessorId}>
                  {name.get(a.assessorId)}
                </th>
              ))}
              <th scope="col" className="num">
                Sebaran
              </th>
              <th scope="col" className="num">
                Konsensus
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((i) => (
              <tr key={i.itemId}>
                <td data-label="Butir" className="card-title">
                  {text.get(i.itemId)} {i.flagged && <span className="badge danger">perlu dibahas</span>}
                </td>
                {i.scores.map((s) => (
                  <td className="num" key={s.assessorId} data-label={name.get(s.assessorId) ?? ""}>
                    {formatScore(s.score, 0)}
                  </td>
                ))}
                <td className="num" data-label="Sebaran">
                  {formatScore(i.spread, 0)}
                </td>
                <td className="num" data-label="Konsensus">
                  {formatScore(i.consensus, 1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Deviasi penilai</h3>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Deviasi tiap penilai dari konsensus</caption>
          <thead>
            <tr>
              <th scope="col">Penilai</th>
              <th scope="col" className="num">
                Nilai total
              </th>
              <th scope="col" className="num">
                Deviasi rata-rata per butir
              </th>
              <th scope="col" className="num">
                Selisih nilai total
              </th>
            </tr>
          </thead>
          <tbody>
            {result.assessors.map((a) => (
              <tr key={a.assessorId}>
                <td data-label="Penilai" className="card-title">
                  {name.get(a.assessorId)}
                </td>
                <td className="num" data-label="Nilai total">
                  {formatScore(a.total)}
                </td>
                <td className="num" data-label="Deviasi rata-rata per butir">
                  {formatScore(a.meanDeviation)}
                </td>
                <td className="num" data-label="Selisih nilai total">
                  {formatScore(a.totalDeviation)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
