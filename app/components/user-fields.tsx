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
      hint="Menghubungkan akun dengan data staf: petugas melihat nilainya sendiri, supervisor melihat timnya, Ketua Tim melihat regunya."
      options={options.map((s) => ({ value: s.id, label: `${s.fullName} — ${s.teamName.replace("Tim Kerja ", "")}` }))}
    />
  );
}

/** The account's mail address (optional): where Mutu's notifications go. */
export function EmailField({ value, error }: { value?: string; error?: string }) {
  return (
    <TextField
      name="email"
      label="Alamat surel"
      type="email"
      autoComplete="off"
      defaultValue={value ?? ""}
      error={error}
      hint="Boleh dikosongkan: tanpa alamat, Mutu tidak mengirim surel kepada pengguna ini. Pengguna dapat mengubahnya sendiri di Profil."
    />
  );
}

/** A new password and its repetition; `initial` for an account being created (its first password, not a new one). */
export function NewPasswordFields({
  errors,
  initial = false,
}: {
  errors: Partial<Record<string, string>>;
  initial?: boolean;
}) {
  const what = initial ? "kata sandi" : "kata sandi baru";
  return (
    <div className="grid-2">
      <TextField
        name="password"
        label={initial ? "Kata sandi" : "Kata sandi baru"}
        type="password"
        autoComplete="new-password"
        hint="Minimal 10 karakter dan tidak memuat nama pengguna."
        error={errors.password}
        required
      />
      <TextField
        name="passwordConfirm"
        label={`Ulangi ${what}`}
        type="password"
        autoComplete="new-password"
        error={errors.passwordConfirm}
        required
      />
    </div>
  );
}
