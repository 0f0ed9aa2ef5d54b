import { SelectField, TextField } from "./field";

type StaffOption = { id: number; fullName: string; teamName: string };

export function StaffLinkField({ options, value, error }: { options: StaffOption[]; value?: string; error?: string }) {
  return (
    <SelectField
      name="staffId"
      label="Staf yang memakai akun ini"
      placeholder="— Bukan staf contact center —"
      defaultValue={value ?? ""}
      error={error}
      hint="Menghubungkan akun dengan data staf: petugas melihat nilainya sendiri, supervisor melihat timnya."
      options={options.map((s) => ({ value: s.id, label: `${s.fullName} — ${s.teamName.replace("Tim Kerja ", "")}` }))}
    />
  );
}

export function NewPasswordFields({ errors }: { errors: Partial<Record<string, string>> }) {
  return (
    <div className="grid-2">
      <TextField
        name="password"
        label="Kata sandi"
        type="password"
        autoComplete="new-password"
        hint="Minimal 10 karakter dan tidak memuat nama pengguna."
        error={errors.password}
        required
      />
      <TextField
        name="passwordConfirm"
        label="Ulangi kata sandi"
        type="password"
        autoComplete="new-password"
        error={errors.passwordConfirm}
        required
      />
    </div>
  );
}
