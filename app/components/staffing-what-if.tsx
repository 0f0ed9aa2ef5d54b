// The plan page's what-if: a GET form changing one channel's forecast and targets for this view only, and the
// sentence saying which simulation the figures below (and the download) show. Nothing is saved.
import { Form, Link } from "@remix-run/react";
import { FormError, TextField } from "./field";

type Targets = { serviceLevel: number; answerSeconds: number; maxOccupancy: number; shrinkage: number };
type Field = "volume" | "aht" | "sl" | "jawab" | "shrinkage" | "okupansi";

export type WhatIfView = {
  words: string[];
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field, string>>;
  query: string;
};

export function WhatIfNotice({ label, whatIf }: { label: string; whatIf: WhatIfView }) {
  if (whatIf.words.length === 0) return null;
  return (
    <p className="alert alert-info" role="status">
      <strong>Simulasi {label}:</strong> {whatIf.words.join(", ")}. Hanya untuk tampilan ini dan unduhannya; tidak ada
      yang disimpan dan Pengaturan tidak berubah.
    </p>
  );
}

export function WhatIfForm({
  label,
  whatIf,
  targets,
  keep,
  plain,
}: {
  label: string;
  whatIf: WhatIfView;
  /** The channel's targets from the settings, shown as what an empty field keeps. */
  targets: Targets;
  /** The page's other choices, carried through the form. */
  keep: Record<string, string>;
  /** The plan without a simulation. */
  plain: string;
}) {
  const { values, errors } = whatIf;
  const active = whatIf.words.length > 0;
  const pct = (fraction: number) => String(Math.round(fraction * 100));
  return (
    <details className="card what-if" open={active || Object.keys(errors).length > 0}>
      <summary>Simulasi: bagaimana jika…</summary>
      <p className="muted">
        Ubah perkiraan dan target {label} untuk tampilan ini saja. Kosongkan isian untuk memakai nilai sekarang.
      </p>
      <Form method="get" className="stack" noValidate>
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="grid-2">
          <TextField
            name="volume"
            label="Perubahan volume kontak (%)"
            inputMode="numeric"
            hint="Misalnya -20 (seperlima lebih sedikit) atau 15."
            defaultValue={values.volume}
            error={errors.volume}
          />
          <TextField
            name="aht"
            label="Perubahan AHT (detik)"
            inputMode="numeric"
            hint="Misalnya -20: setiap kontak 20 detik lebih singkat."
            defaultValue={values.aht}
            error={errors.aht}
          />
          <TextField
            name="sl"
            label="Target tingkat layanan (%)"
            inputMode="numeric"
            hint={`Sekarang ${pct(targets.serviceLevel)} %.`}
            defaultValue={values.sl}
            error={errors.sl}
          />
          <TextField
            name="jawab"
            label="Waktu jawab (detik)"
            inputMode="numeric"
            hint={`Sekarang ${targets.answerSeconds} detik.`}
            defaultValue={values.jawab}
            error={errors.jawab}
          />
          <TextField
            name="shrinkage"
            label="Waktu tidak tersedia (%)"
            inputMode="numeric"
            hint={`Sekarang ${pct(targets.shrinkage)} %.`}
            defaultValue={values.shrinkage}
            error={errors.shrinkage}
          />
          <TextField
            name="okupansi"
            label="Okupansi maksimum (%)"
            inputMode="numeric"
            hint={`Sekarang ${pct(targets.maxOccupancy)} %.`}
            defaultValue={values.okupansi}
            error={errors.okupansi}
          />
        </div>
        <FormError
          message={
            Object.keys(errors).length > 0
              ? "Simulasi belum dihitung: perbaiki isian yang ditandai merah. Rencana di bawah tanpa simulasi."
              : undefined
          }
        />
        <div className="actions">
          <button type="submit">Hitung simulasi</button>
          {active && <Link to={plain}>Hapus simulasi</Link>}
        </div>
      </Form>
    </details>
  );
}
