// The form that starts a calibration session (QA coordinator): what is scored, and by whom.
import { Form } from "@remix-run/react";
import { CHANNELS } from "../../analytics/organization";
import { FormError, SelectField, TextField } from "./field";

export function NewSessionForm({
  versions,
  assessors,
  me,
  failed,
}: {
  versions: { id: number; version: number; name: string }[];
  assessors: { id: number; name: string }[];
  /** The coordinator's user id: not offered as a participant (they may take part as the benchmark). */
  me: number;
  failed?: { errors: Record<string, string>; values: Record<string, string> };
}) {
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {};
  const chosen = values["participants[]"]?.split("\n") ?? [];
  return (
    <Form method="post" className="card stack" noValidate>
      <TextField name="title" label="Judul" defaultValue={values.title} error={errors.title} />
      <div className="grid-2">
        <SelectField
          name="versionId"
          label="Template"
          defaultValue={values.versionId}
          error={errors.versionId}
          options={versions.map((v) => ({ value: v.id, label: `${v.name}, versi ${v.version}` }))}
        />
        <SelectField
          name="channel"
          label="Saluran"
          placeholder="— Pilih saluran —"
          defaultValue={values.channel ?? ""}
          error={errors.channel}
          options={CHANNELS.map((c) => ({ value: c.code, label: c.label }))}
        />
        <TextField
          name="interactionRef"
          label="Rujukan interaksi"
          defaultValue={values.interactionRef}
          error={errors.interactionRef}
        />
        <TextField
          name="interactionAt"
          label="Waktu interaksi (WIB)"
          type="datetime-local"
          defaultValue={values.interactionAt}
          error={errors.interactionAt}
        />
      </div>
      <fieldset className="field">
        <legend>Peserta (penilai)</legend>
        <div className="checks">
          {assessors
            .filter((a) => a.id !== me)
            .map((a) => (
              <label key={a.id}>
                <input
                  type="checkbox"
                  name="participants[]"
                  value={a.id}
                  defaultChecked={chosen.includes(String(a.id))}
                />
                {a.name}
              </label>
            ))}
        </div>
        {errors["participants[]"] && <span className="error">{errors["participants[]"]}</span>}
      </fieldset>
      <label className="checks">
        <input type="checkbox" name="benchmark" defaultChecked={values.benchmark === "on"} /> Saya juga menilai sebagai
        acuan (benchmark); tanpa acuan, konsensus = median penilai
      </label>
      <FormError message={errors._form} errors={errors} />
      <div>
        <button type="submit">Buat sesi</button>
      </div>
    </Form>
  );
}
