// The form of one training record, to add or correct it (pelatihan/catatan): who, which course, when, the
// result. Dates as DD/MM/YYYY; the score and hours with a decimal comma or point.
import { Form } from "@remix-run/react";
import { FormError, SelectField, TextField } from "./field";

type Choices = {
  people: { id: number; fullName: string; active: boolean; teamName: string }[];
  courses: { id: number; code: string; name: string }[];
};
export const STATUS_OPTIONS = [
  { value: "lulus", label: "Lulus" },
  { value: "tidak_lulus", label: "Tidak lulus" },
  { value: "selesai", label: "Selesai (tanpa nilai lulus)" },
];

export function TrainingRecordForm({
  choices,
  values,
  errors,
  submitLabel,
  version,
}: {
  choices: Choices;
  values: Record<string, string | undefined>;
  errors: Partial<Record<string, string>>;
  submitLabel: string;
  version?: number;
}) {
  return (
    <Form method="post" className="stack" noValidate>
      <FormError errors={errors} message={errors._form} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <div className="grid-2">
        <SelectField
          name="staffId"
          label="Nama"
          placeholder="— Pilih orang —"
          defaultValue={values.staffId ?? ""}
          error={errors.staffId}
          options={choices.people.map((p) => ({
            value: p.id,
            label: `${p.fullName} — ${p.teamName.replace(/^Tim Kerja /, "")}${p.active ? "" : " (nonaktif)"}`,
          }))}
        />
        <SelectField
          name="courseId"
          label="Pelatihan"
          placeholder="— Pilih pelatihan —"
          defaultValue={values.courseId ?? ""}
          error={errors.courseId}
          options={choices.courses.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
        />
        <TextField
          name="startDate"
          label="Tanggal mulai (boleh kosong)"
          inputMode="numeric"
          placeholder="HH/BB/TTTT"
          defaultValue={values.startDate}
          error={errors.startDate}
        />
        <TextField
          name="endDate"
          label="Tanggal selesai"
          inputMode="numeric"
          placeholder="HH/BB/TTTT"
          defaultValue={values.endDate}
          error={errors.endDate}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="— Pilih status —"
          defaultValue={values.status ?? ""}
          error={errors.status}
          options={STATUS_OPTIONS}
        />
        <TextField
          name="hours"
          label="Jam pelajaran (boleh kosong)"
          inputMode="decimal"
          defaultValue={values.hours}
          error={errors.hours}
        />
        <TextField
          name="score"
          label="Nilai 0–100 (boleh kosong)"
          inputMode="decimal"
          defaultValue={values.score}
          error={errors.score}
        />
        <TextField name="provider" label="Penyelenggara" defaultValue={values.provider} error={errors.provider} />
        <TextField
          name="certificateNumber"
          label="Nomor sertifikat pelatihan"
          defaultValue={values.certificateNumber}
          error={errors.certificateNumber}
        />
      </div>
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
