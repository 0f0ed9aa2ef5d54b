// The IKU of a period against the targets the Kepala Seksi set, and the form that sets them; the result of a
// save is said under the table that shows the new targets, where the person is working.
import { Form } from "@remix-run/react";
import { IKU_INDICATORS, ikuVerdict } from "../../analytics/iku";
import { formatScore } from "../score-fields";
import { FormError, Notice, TextField } from "./field";

type Iku = {
  code: string;
  label: string;
  unit: string;
  value: number | null;
  target: number | null;
  percent: number | null;
};

export function IkuTable({
  rows,
  canSet,
  errors,
  values,
  saved,
}: {
  rows: Iku[];
  canSet: boolean;
  /** The targets were just saved: said here, under the table that shows them, not at the top of the page. */
  saved?: boolean;
  errors?: Record<string, string>;
  /** What was typed, when the targets came back refused: shown again, never the stored ones instead. */
  values?: Record<string, string>;
}) {
  const show = (v: number | null, unit: string) => (v === null ? "—" : `${formatScore(v)}${unit === "%" ? " %" : ""}`);
  return (
    <section aria-labelledby="iku">
      <h2 id="iku">Indikator kinerja utama (IKU)</h2>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Capaian IKU terhadap target</caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col" className="num">
                Nilai
              </th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Capaian
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label}</th>
                <td data-label="Nilai" className="num">
                  {show(r.value, r.unit)}
                </td>
                <td data-label="Target" className="num">
                  {r.target === null ? "belum ditetapkan" : show(r.target, r.unit)}
                </td>
                {/* The words say what the colour says, for whoever cannot see the colour. */}
                <td
                  data-label="Capaian"
                  className={`num ${r.percent !== null && ikuVerdict(r) === "Di bawah target" ? "below" : ""}`}
                >
                  {r.percent === null ? "—" : `${formatScore(r.percent, 1)} % · ${ikuVerdict(r).toLowerCase()}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Notice>{saved ? "Target IKU disimpan." : null}</Notice>
      {canSet && (
        <details open={errors !== undefined}>
          <summary>Tetapkan target periode ini</summary>
          <Form method="post" className="stack card" noValidate>
            <input type="hidden" name="intent" value="iku" />
            {IKU_INDICATORS.map((i) => {
              const current = rows.find((r) => r.code === i.code)?.target;
              const typed = values?.[`target.${i.code}`];
              return (
                <TextField
                  key={i.code}
                  name={`target.${i.code}`}
                  label={`${i.label} (${i.unit})`}
                  inputMode="decimal"
                  defaultValue={
                    typed ?? (current === null || current === undefined ? "" : String(current).replace(".", ","))
                  }
                  hint={`Kosongkan bila tidak ada target. Usulan: ${i.defaultTarget}.`}
                  error={errors?.[`target.${i.code}`]}
                />
              );
            })}
            {/* Beside the button; a refusal about a field sends the focus to it. */}
            <FormError message={errors?._form} errors={errors} />
            <div>
              <button type="submit">Simpan target</button>
            </div>
          </Form>
        </details>
      )}
    </section>
  );
}
