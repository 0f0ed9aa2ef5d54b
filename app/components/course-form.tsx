import { Form } from "@remix-run/react";
import { FormError, SelectField, TextField } from "./field";

const CATEGORIES = [
  { value: "teknis_layanan_informasi", label: "Teknis layanan informasi (syarat sertifikat E.4.a)" },
  { value: "soft_skills_komunikasi", label: "Soft skills komunikasi contact center (syarat sertifikat E.4.b)" },
  { value: "penyegaran", label: "Penyegaran (2.3.3)" },
  { value: "lainnya", label: "Lainnya" },
];

export function CourseForm({
  values,
  errors,
  submitLabel,
}: {
  values: Record<string, string | undefined>;
  errors: Partial<Record<string, string>>;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="stack" noValidate>
      <div className="grid-2">
        <TextField
          name="code"
          label="Kode"
          defaultValue={values.code}
          error={errors.code}
          hint={
            <>
              Misalnya TLI-01; dipakai di kolom <code>kode_pelatihan</code> berkas CSV.
            </>
          }
        />
        <SelectField
          name="category"
          label="Kategori"
          placeholder="— Pilih kategori —"
          defaultValue={values.category ?? ""}
          error={errors.category}
          options={CATEGORIES}
        />
      </div>
      <TextField name="name" label="Nama pelatihan" defaultValue={values.name} error={errors.name} />
      <div className="grid-2">
        <TextField
          name="hours"
          label="Jam pelajaran (JP)"
          inputMode="decimal"
          defaultValue={values.hours}
          error={errors.hours}
        />
        <TextField
          name="validityMonths"
          label="Masa berlaku (bulan)"
          inputMode="numeric"
          defaultValue={values.validityMonths}
          error={errors.validityMonths}
          hint="Kosongkan bila tidak kedaluwarsa. Membatasi syarat sertifikat hanya bila kebijakan lokal mengaktifkannya (Pengaturan › Syarat sertifikat); peraturan E.4 tidak mengenal masa berlaku."
        />
        <TextField
          name="refreshMonths"
          label="Penyegaran setiap (bulan)"
          inputMode="numeric"
          defaultValue={values.refreshMonths}
          error={errors.refreshMonths}
          hint="Kosongkan bila tidak perlu diulang. Yang pernah mengikutinya tercantum di daftar penyegaran saat jatuh tempo."
        />
      </div>
      <label className="checks">
        <input type="checkbox" name="active" defaultChecked={values.active === "on"} /> Aktif (dapat dipakai dalam
        impor)
      </label>
      <FormError message={errors._form} errors={errors} />
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  CATEGORIES.map((c) => [c.value, c.label.replace(/ \(.*\)$/, "")]),
);
