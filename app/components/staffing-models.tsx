// The staffing plan's two models (issue 16, item 3): which one drives the comparison with the roster, the patience
// Erlang A used and where it came from, and the totals of both side by side.
import { Link } from "@remix-run/react";
import { MIN_QUALIFYING_INTERVALS, patienceWords } from "../../analytics/patience";
import type { ModelTotals, StaffingModel, StaffingTotals } from "../../analytics/staffing";
import { MODEL_LABELS, STAFFING_MODELS } from "../../analytics/staffing-models";

const hours = (value: number) => value.toLocaleString("id-ID", { maximumFractionDigits: 1 });
const signed = (value: number) => (value > 0 ? `+${hours(value)}` : hours(value));

export type PatienceView = {
  seconds: number;
  source: "estimated" | "setting";
  intervals: number;
  settingSeconds: number;
};

/** One sentence each: the model that drives, and the patience Erlang A assumes. */
export function ModelNotice({
  model,
  patience,
  basisLabel,
  canSetTargets,
}: {
  model: StaffingModel;
  patience: PatienceView;
  basisLabel: string;
  canSetTargets: boolean;
}) {
  const settings = canSetTargets ? <Link to="/admin/pengaturan">Pengaturan</Link> : "Pengaturan";
  return (
    <p className="model-notice">
      Kebutuhan dihitung dengan dua model: Erlang C (tidak ada yang menutup selagi menunggu) dan Erlang A (sebagian
      menutup setelah menunggu). <strong>{MODEL_LABELS[model]} menentukan</strong> interval kurang dan lebih staf (model
      kebutuhan petugas di {settings}). Erlang A memakai kesabaran menunggu rata-rata{" "}
      <strong>{patienceWords(patience.seconds)}</strong>
      {patience.source === "estimated" ? (
        <>
          , <strong>diperkirakan dari {patience.intervals} interval statistik</strong> yang cukup ramai untuk itu,
          dengan petugas terjadwalnya, selama {basisLabel}; nilai di Pengaturan {patienceWords(patience.settingSeconds)}
          .
        </>
      ) : (
        <>
          , <strong>dari Pengaturan</strong>: statistik interval belum cukup untuk memperkirakannya (
          {patience.intervals} interval dapat dipakai, perlu {MIN_QUALIFYING_INTERVALS}).
        </>
      )}
    </p>
  );
}

/** Hours and short/over intervals under each model; the driving one marked. */
export function ModelTotalsTable({
  totals,
  model,
  caption,
}: {
  totals: Record<StaffingModel, ModelTotals>;
  model: StaffingModel;
  caption: string;
}) {
  const headers = [
    "Jam petugas dibutuhkan",
    "Jam posisi dibutuhkan",
    "Selisih jam",
    "Interval kurang",
    "Interval lebih",
  ];
  return (
    <div className="table-wrap">
      <table className="stack-table model-totals">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            {headers.map((h) => (
              <th scope="col" className="num" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STAFFING_MODELS.map((m) => {
            const t = totals[m];
            return (
              <tr key={m} className={m === model ? "driving" : undefined}>
                <th scope="row">
                  {MODEL_LABELS[m]}
                  {m === model ? " (penentu)" : ""}
                </th>
                {[
                  hours(t.agentHours),
                  hours(t.positionHours),
                  signed(t.differenceHours),
                  t.understaffed,
                  t.overstaffed,
                ].map((value, i) => (
                  <td className="num" data-label={headers[i]} key={headers[i]}>
                    {value}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The week's figures under the driving model, then both models side by side. */
export function PlanHeadline({ week, model }: { week: StaffingTotals; model: StaffingModel }) {
  return (
    <>
      <dl className="counts headline">
        <div>
          <dt>Perkiraan kontak</dt>
          <dd>{hours(week.forecastCalls)}</dd>
        </div>
        <div>
          <dt>Jam posisi dibutuhkan ({MODEL_LABELS[model]})</dt>
          <dd>{hours(week.positionHours)}</dd>
        </div>
        <div>
          <dt>Jam terjadwal</dt>
          <dd>{hours(week.rosteredHours)}</dd>
        </div>
        <div>
          <dt>Interval kurang staf</dt>
          <dd>{week.understaffed}</dd>
        </div>
        <div>
          <dt>Interval lebih staf</dt>
          <dd>{week.overstaffed}</dd>
        </div>
      </dl>
      <ModelTotalsTable totals={week.byModel} model={model} caption="Erlang C dan Erlang A, minggu ini" />
    </>
  );
}
