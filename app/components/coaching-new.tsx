// The form that opens a coaching session: the evaluations it starts from (or the KPI below the threshold), the
// day, what was observed, and up to three agreed actions; more actions can be added on the session's page.
import { Form } from "@remix-run/react";
import { ACTION_ROWS } from "../../analytics/coaching";
import { formatInstantWib } from "../../analytics/dates";
import { periodFromId } from "../../analytics/period";
import { formatScore } from "../score-fields";
import { FormError, SelectField, TextAreaField, TextField } from "./field";

export type EvaluationChoice = {
  id: number;
  kind: string;
  periodId: string;
  interactionAt: string | Date | null;
  total: number | null;
};

export function evaluationLabel(e: EvaluationChoice) {
  const what =
    e.kind === "period_review"
      ? `penilaian ${periodFromId(e.periodId)
          .label.replace(/ \(.*\)$/, "")
          .replace("Periode", "periode")}`
      : `interaksi ${e.interactionAt ? formatInstantWib(new Date(e.interactionAt)) : ""}`;
  return `#${e.id} · ${what} · nilai ${formatScore(e.total)}`;
}

export function NewCoachingForm({
  agent,
  evaluations,
  owners,
  chosenEvaluation,
  kpiPeriod,
  today,
  failed,
}: {
  agent: { id: number; fullName: string };
  evaluations: readonly EvaluationChoice[];
  owners: readonly { value: number; label: string }[];
  chosenEvaluation: number | null;
  kpiPeriod: { id: string; label: string } | null;
  today: string;
  failed?: { errors: Record<string, string | undefined>; values: Record<string, string> };
}) {
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {};
  const chosen = failed
    ? (values["evaluations[]"] ?? "").split("\n")
    : chosenEvaluation
      ? [String(chosenEvaluation)]
      : [];
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="agentId" value={agent.id} />
      {kpiPeriod && <input type="hidden" name="kpiPeriodId" value={kpiPeriod.id} />}
      <h2>Pembinaan untuk {agent.fullName}</h2>
      {kpiPeriod && <p className="muted">Dasar: nilai akhir {kpiPeriod.label} di bawah batas.</p>}
      <fieldset className="field">
        <legend>Evaluasi yang menjadi dasar{kpiPeriod ? " (boleh tidak ada)" : ""}</legend>
        {evaluations.length === 0 ? (
          <p className="muted">Petugas ini belum memiliki evaluasi terkirim.</p>
        ) : (
          <div className="checks">
            {evaluations.map((e) => (
              <label key={e.id}>
                <input
                  type="checkbox"
                  name="evaluations[]"
                  value={e.id}
                  defaultChecked={chosen.includes(String(e.id))}
                />
                {evaluationLabel(e)}
              </label>
            ))}
          </div>
        )}
        {errors.evaluations && <span className="error">{errors.evaluations}</span>}
      </fieldset>
      <TextField
        name="heldOn"
        label="Tanggal pembinaan"
        type="date"
        max={today}
        defaultValue={values.heldOn ?? today}
        error={errors.heldOn}
      />
      <TextAreaField
        name="observation"
        label="Hal yang diamati"
        hint="Apa yang terlihat pada evaluasi atau KPI, dan apa yang dibicarakan dengan petugas."
        rows={4}
        defaultValue={values.observation}
        error={errors.observation}
      />
      {Array.from({ length: ACTION_ROWS }, (_, i) => i + 1).map((n) => (
        <fieldset key={n} className="stack">
          <legend>
            Tindakan {n}
            {n > 1 ? " (jika ada)" : ""}
          </legend>
          <TextField
            name={`description${n}`}
            label="Tindakan yang disepakati"
            defaultValue={values[`description${n}`]}
            error={errors[`description${n}`]}
          />
          <SelectField
            name={`owner${n}`}
            label="Penanggung jawab"
            placeholder="Pilih…"
            options={owners}
            defaultValue={values[`owner${n}`] ?? ""}
            error={errors[`owner${n}`]}
          />
          <TextField
            name={`due${n}`}
            label="Tenggat"
            type="date"
            min={today}
            defaultValue={values[`due${n}`]}
            error={errors[`due${n}`]}
          />
        </fieldset>
      ))}
      <FormError message={errors._form} errors={errors} />
      <div>
        <button type="submit">Simpan pembinaan</button>
      </div>
    </Form>
  );
}
