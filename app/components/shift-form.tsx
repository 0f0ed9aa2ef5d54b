import { Form, Link } from "@remix-run/react";
import { FormError, SelectField, TextField } from "./field";
import { importersOf } from "./import-hint";

type Option = { value: string | number; label: string };
type Shift = { id: number; staffId: number; day: string; start: string; end: string; channel: string };

/**
 * The roster page's form to add a shift, or to change `edit`; after a refused save it shows what was typed
 * (`failed`) with the errors beside their fields. `here` is the week's address, where the form posts.
 */
export function ShiftForm({
  here,
  week,
  edit,
  editable,
  channels,
  failed,
  canImport,
}: {
  here: string;
  week: { id: string; monday: string };
  edit: Shift | null;
  editable: Option[];
  channels: Option[];
  failed?: { errors: Record<string, string>; values: Record<string, string> };
  canImport: boolean;
}) {
  const errors = failed?.errors ?? {};
  const shown = failed?.values ?? (edit ? { ...edit, id: String(edit.id), staffId: String(edit.staffId) } : undefined);
  return (
    <section aria-labelledby="form-sif" id="form-sif-section">
      <h2 id="form-sif">{edit ? "Ubah sif" : "Tambah sif"}</h2>
      <Form method="post" action={here} className="stack card" noValidate key={edit?.id ?? "baru"}>
        <input type="hidden" name="intent" value="save" />
        {shown?.id && <input type="hidden" name="id" value={shown.id} />}
        <SelectField
          name="staffId"
          label="Petugas"
          options={editable}
          placeholder="Pilih petugas"
          defaultValue={shown?.staffId ?? ""}
          error={errors.staffId}
          required
        />
        {/* Keyed by the week: an input keeps what it shows when only its default changes, so after "Minggu
            berikutnya" the date stayed in the first week shown and the shift went to a week out of sight. */}
        <TextField
          key={week.id}
          name="day"
          label="Tanggal mulai"
          type="date"
          defaultValue={shown?.day ?? week.monday}
          error={errors.day}
          required
        />
        <TextField
          name="start"
          label="Jam mulai (WIB)"
          type="time"
          defaultValue={shown?.start ?? "07:00"}
          error={errors.start}
          required
        />
        <TextField
          name="end"
          label="Jam selesai (WIB)"
          type="time"
          defaultValue={shown?.end ?? "15:00"}
          error={errors.end}
          hint="Lebih awal dari jam mulai: selesai keesokan harinya."
          required
        />
        <SelectField
          name="channel"
          label="Saluran"
          options={channels}
          defaultValue={shown?.channel ?? "telepon"}
          error={errors.channel}
        />
        <FormError message={errors._form ?? errors.id} errors={errors} />
        <div className="actions">
          <button type="submit">{edit ? "Simpan perubahan" : "Tambah sif"}</button>
          {edit && (
            <Link to={here} className="button secondary">
              Batal
            </Link>
          )}
        </div>
      </Form>
      <p className="muted">
        Jadwal satu minggu penuh dapat juga diimpor dari berkas CSV{" "}
        {canImport ? (
          <>
            di <Link to="/impor">Impor</Link> (jenis “Jadwal dinas”).
          </>
        ) : (
          <>oleh {importersOf("roster")}.</>
        )}
      </p>
    </section>
  );
}
