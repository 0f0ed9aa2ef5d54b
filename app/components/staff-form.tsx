import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { formatDay } from "../../analytics/dates";
import { parseNip } from "../../analytics/nip";
import { GOLONGAN, POSITIONS, pangkatLabel } from "../../analytics/organization";
import { GROUP_NAME_MAX } from "../../analytics/staff-group";
import { FormError, SelectField, TextField } from "./field";

export type StaffFormValues = Partial<Record<string, string>>;

/** What the NIP says about its owner: shown next to the field while typing (with JavaScript). */
function nipSummary(value: string): string {
  const parsed = parseNip(value);
  if (!parsed.ok) return "";
  const { birthDate, appointment, gender } = parsed.value;
  return `NIP valid: lahir ${formatDay(birthDate)}, diangkat ${appointment.slice(5)}/${appointment.slice(0, 4)}, ${gender === "L" ? "laki-laki" : "perempuan"}.`;
}

export function StaffForm({
  values,
  errors,
  teams,
  groups,
  submitLabel,
  version,
}: {
  values: StaffFormValues;
  errors: Partial<Record<string, string>>;
  teams: { id: number; name: string }[];
  /** Group names in use, offered as suggestions (typing a new one starts a group). */
  groups: string[];
  submitLabel: string;
  version?: number;
}) {
  const [nip, setNip] = useState(values.nip ?? "");
  const [nipTouched, setNipTouched] = useState(false);
  const busy = useNavigation().state === "submitting";
  // While typing, the NIP is checked in the browser; after a submission, the server's verdict is shown.
  const live = nipTouched && nip.trim() ? parseNip(nip) : null;
  return (
    <Form method="post" className="stack" noValidate onSubmit={() => setNipTouched(false)}>
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <TextField
        name="nip"
        label="NIP"
        inputMode="numeric"
        autoComplete="off"
        value={nip}
        onChange={(e) => {
          setNip(e.target.value);
          setNipTouched(true);
        }}
        hint="18 digit, spasi boleh: tanggal lahir, tahun-bulan pengangkatan, jenis kelamin, nomor urut."
        error={live ? (live.ok ? undefined : live.error) : errors.nip}
        status={live?.ok ? <span className="ok">{nipSummary(nip)}</span> : null}
        required
      />
      <TextField name="fullName" label="Nama lengkap" defaultValue={values.fullName} error={errors.fullName} required />
      <div className="grid-2">
        <TextField
          name="birthPlace"
          label="Tempat lahir"
          defaultValue={values.birthPlace}
          error={errors.birthPlace}
          required
        />
        <TextField
          name="birthDate"
          label="Tanggal lahir"
          type="date"
          defaultValue={values.birthDate}
          error={errors.birthDate}
          hint="Boleh dikosongkan: diambil dari NIP."
        />
      </div>
      <div className="grid-2">
        <SelectField
          name="teamId"
          label="Tim Kerja"
          placeholder="— Pilih tim —"
          defaultValue={values.teamId ?? ""}
          error={errors.teamId}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          required
        />
        <SelectField
          name="position"
          label="Jabatan"
          placeholder="— Pilih jabatan —"
          defaultValue={values.position ?? ""}
          error={errors.position}
          options={POSITIONS.map((p) => ({ value: p.code, label: p.label }))}
          required
        />
      </div>
      <TextField
        name="groupName"
        label="Regu (opsional)"
        defaultValue={values.groupName}
        error={errors.groupName}
        maxLength={GROUP_NAME_MAX}
        list="regu-pilihan"
        autoComplete="off"
        hint="Regu yang dipimpin Ketua Tim di dalam Tim Kerja ini, misalnya Regu 1. Kosongkan bila tidak masuk regu; Ketua Tim melihat data anggota regunya."
      />
      <datalist id="regu-pilihan">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <div className="grid-2">
        <SelectField
          name="golongan"
          label="Pangkat/golongan"
          placeholder="— Pilih pangkat/golongan —"
          defaultValue={values.golongan ?? ""}
          error={errors.golongan}
          options={GOLONGAN.map((g) => ({ value: g.code, label: pangkatLabel(g.code) }))}
          required
        />
        <TextField
          name="hireDate"
          label="Mulai bertugas di contact center"
          type="date"
          defaultValue={values.hireDate}
          error={errors.hireDate}
        />
      </div>
      <div className="field">
        <label className="checks">
          <input type="checkbox" name="active" defaultChecked={values.active === "on"} />
          Aktif bertugas di contact center
        </label>
      </div>
      <FormError message={errors._form} errors={errors} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Menyimpan…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
