import type { PeriodCph } from "../../analytics/cph";
import { CHANNELS } from "../../analytics/organization";
import { formatScore } from "../score-fields";
import { channelShort } from "./evaluation-view";
import { SelectField, TextAreaField, TextField } from "./field";

type Props = {
  imported: PeriodCph | null;
  targets: Record<string, number>;
  values: Record<string, string | undefined>;
  errors: Partial<Record<string, string>>;
};

function ManualFields({ targets, values, errors, withSource }: Omit<Props, "imported"> & { withSource: boolean }) {
  return (
    <>
      <div className="grid-2">
        <TextField
          name="cphActual"
          label="CPH periode ini"
          inputMode="decimal"
          defaultValue={values.cphActual}
          error={errors.cphActual}
          hint="Panggilan ditangani ÷ jam login, misalnya 8,5"
        />
        <SelectField
          name="cphChannel"
          label="Saluran utama (menentukan target)"
          defaultValue={values.cphChannel}
          options={CHANNELS.map((c) => ({
            value: c.code,
            label: `${c.label} — target ${formatScore(targets[c.code], 1)}`,
          }))}
        />
      </div>
      {withSource && (
        <TextField
          name="cphSourceNote"
          label="Sumber angka CPH"
          defaultValue={values.cphSourceNote}
          error={errors.cphSourceNote}
          hint="Misalnya: laporan bulanan aplikasi telepon, diunduh 26 Des 2026."
        />
      )}
    </>
  );
}

/** CPH of a period review: from imported call statistics when they exist, otherwise typed with its source. */
export function CphFields({ imported, targets, values, errors }: Props) {
  if (!imported) {
    return (
      <fieldset className="stack">
        <legend>
          <abbr title="call per hour">CPH</abbr> (panggilan per jam login)
        </legend>
        <p className="muted small">
          Statistik panggilan belum diimpor untuk periode ini: isi CPH beserta sumbernya. Skor = min(100, CPH ÷ target ×
          100).
        </p>
        <ManualFields targets={targets} values={values} errors={errors} withSource />
      </fieldset>
    );
  }
  return (
    <fieldset className="stack">
      <legend>CPH dari statistik panggilan yang diimpor</legend>
      <table className="stack-table">
        <caption className="visually-hidden">CPH per saluran</caption>
        <thead>
          <tr>
            <th scope="col">Saluran</th>
            <th scope="col" className="num">
              Panggilan
            </th>
            <th scope="col" className="num">
              Jam login
            </th>
            <th scope="col" className="num">
              CPH
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Skor
            </th>
          </tr>
        </thead>
        <tbody>
          {imported.channels.map((c) => (
            <tr key={c.channel}>
              <td data-label="Saluran" className="card-title">
                {channelShort(c.channel)}
              </td>
              <td className="num" data-label="Panggilan">
                {c.calls}
              </td>
              <td className="num" data-label="Jam login">
                {formatScore(c.hours, 1)}
              </td>
              <td className="num" data-label="CPH">
                {formatScore(c.cph, 1)}
              </td>
              <td className="num" data-label="Target">
                {formatScore(c.target, 1)}
              </td>
              <td className="num" data-label="Skor">
                {formatScore(c.score)}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Seluruhnya</th>
            <td className="num" data-label="Panggilan">
              {imported.calls}
            </td>
            <td className="num" data-label="Jam login">
              {formatScore(imported.hours, 1)}
            </td>
            <td className="num" data-label="CPH">
              {formatScore(imported.cph, 1)}
            </td>
            <td className="empty" />
            <td className="num" data-label="Skor">
              <strong>{formatScore(imported.score)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Skor seluruhnya = rata-rata skor saluran, ditimbang dengan jam login di tiap saluran.
      </p>
      <details open={values.cphOverride === "on" || errors.cphOverrideReason !== undefined || undefined}>
        <summary>Ganti CPH hasil impor (perlu alasan tertulis)</summary>
        <div className="stack">
          <label className="checks">
            <input type="checkbox" name="cphOverride" defaultChecked={values.cphOverride === "on"} /> Pakai CPH di
            bawah, bukan hasil impor
          </label>
          <ManualFields targets={targets} values={values} errors={errors} withSource={false} />
          <TextAreaField
            name="cphOverrideReason"
            label="Alasan"
            rows={2}
            defaultValue={values.cphOverrideReason}
            error={errors.cphOverrideReason}
          />
        </div>
      </details>
    </fieldset>
  );
}
