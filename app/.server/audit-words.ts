// The audit log's words: what each recorded action did, the kinds of record it names, the exports, the scopes
// and why a sign-in failed, as people here say them (audit-details.ts puts them into sentences).

/** What each recorded action did, as a verb phrase ("menyetujui dan mengunci periode"). */
export const ACTION_LABELS: Record<string, string> = {
  create: "membuat",
  update: "mengubah",
  delete: "menghapus",
  login: "masuk",
  logout: "keluar",
  login_failed: "gagal masuk",
  access_denied: "akses ditolak",
  disable: "menonaktifkan",
  enable: "mengaktifkan",
  reset_password: "mengatur ulang kata sandi",
  change_password: "mengganti kata sandi",
  mail_preferences: "mengubah pengaturan surel",
  seed_demo: "memuat data demo",
  submit: "mengirim",
  close: "menutup",
  publish: "menerbitkan",
  issue: "menerbitkan",
  revoke: "mencabut",
  withdraw: "mencabut",
  acknowledge: "mengonfirmasi",
  dispute: "menyanggah",
  settle_upheld: "menyelesaikan sanggahan (nilai tetap)",
  settle_adjusted: "menyelesaikan sanggahan (nilai disesuaikan)",
  delete_draft: "menghapus draf",
  "period.approve": "menyetujui dan mengunci periode",
  "period.reopen": "membuka kembali periode",
  "iku.set": "menetapkan target IKU",
  "report.create": "membuat laporan",
  "report.answer": "menanggapi laporan",
  "report.follow_up": "mencatat tindak lanjut laporan",
  "report.close": "menutup laporan",
  "coaching.open": "membuka sesi pembinaan",
  "coaching.acknowledge": "menanggapi pembinaan",
  "coaching.add_action": "menambah tindakan pembinaan",
  "coaching.follow_up": "mencatat tindak lanjut pembinaan",
  import: "mengimpor",
  undo_import: "membatalkan impor",
  export: "mengunduh",
  export_cancelled: "mulai mengunduh (dibatalkan sebelum selesai)",
};

/** The exports of personal data (export-audit.ts), as the log names them. */
export const EXPORT_LABELS: Record<string, string> = {
  kpi_workbook: "Berkas Excel KPI (.xlsx)",
  kpi_csv: "KPI petugas (.csv)",
  eligibility_csv: "Daftar kelayakan sertifikasi (.csv)",
  eligibility_xlsx: "Daftar kelayakan sertifikasi (.xlsx)",
};

export const SCOPE_WORDS: Record<string, string> = {
  any: "seluruh contact center",
  team: "tim sendiri",
  group: "regu sendiri",
  own: "data sendiri",
};

/** The kinds of record the log names, as people call them. */
export const ENTITY_LABELS: Record<string, string> = {
  user: "Pengguna",
  staff: "Staf",
  setting: "Pengaturan",
  route: "Halaman",
  database: "Basis data",
  evaluation: "Evaluasi",
  period_review: "Penilaian periode",
  import_batch: "Impor",
  import_upload: "Unggahan impor",
  certificate: "Sertifikat",
  capability_decision: "Keputusan kemampuan",
  period: "Periode",
  scorecard_template: "Template",
  scorecard_version: "Versi template",
  scorecard_item: "Butir template",
  calibration_session: "Sesi kalibrasi",
  shift: "Sif",
  training_course: "Pelatihan",
  training_record: "Catatan pelatihan",
  report: "Laporan",
  coaching_session: "Pembinaan",
  export: "Unduhan",
};

export const LOGIN_FAILURES: Record<string, string> = {
  throttled: "terlalu banyak percobaan, akun atau alamat sementara dikunci",
  wrong_password: "kata sandi salah",
  unknown_user: "nama pengguna tidak dikenal",
  disabled: "akun dinonaktifkan",
};
