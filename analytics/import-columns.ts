// Pure: the columns each kind of CSV import may have — the names a header may use (Indonesian or English), which
// are required, and what a cell must hold, in the words the import page shows. One source: the import engine maps
// headers with these specs (import-rules.ts) and the page lists them, so the page never drifts from the engine.
import type { ImportKind } from "./import-rules";

export type ColumnSpec = {
  key: string;
  names: string[];
  required?: boolean;
  /** What a cell holds and the limits the engine checks, for people (Indonesian). */
  content: string;
};

const CHANNELS_TEXT = "telepon, sms, email, webchat atau media_sosial";
const DATE_TEXT = "HH/BB/TTTT (05/01/2026 = 5 Januari 2026) atau TTTT-BB-HH";

const TRAINING_COLUMNS: ColumnSpec[] = [
  { key: "nip", names: ["nip"], required: true, content: "18 digit, spasi boleh; harus ada di data staf" },
  { key: "name", names: ["nama", "name"], content: "dibandingkan dengan data staf: nama yang berbeda jadi peringatan" },
  {
    key: "courseCode",
    names: ["kode_pelatihan", "course_code"],
    required: true,
    content: "kode pelatihan dari katalog (menu Pelatihan)",
  },
  {
    key: "courseName",
    names: ["nama_pelatihan", "course_name"],
    content: "dibandingkan dengan katalog: nama yang berbeda jadi peringatan",
  },
  {
    key: "startDate",
    names: ["tanggal_mulai", "start_date"],
    content: `${DATE_TEXT}; tidak setelah tanggal selesai, bukan masa depan`,
  },
  { key: "endDate", names: ["tanggal_selesai", "end_date"], required: true, content: `${DATE_TEXT}; bukan masa depan` },
  { key: "hours", names: ["jam_pelajaran", "hours"], content: "0,5–1000 jam pelajaran" },
  {
    key: "status",
    names: ["status"],
    required: true,
    content: "lulus (passed), tidak lulus (failed) atau selesai (completed)",
  },
  { key: "score", names: ["nilai", "score"], content: "0–100, dengan koma atau titik desimal" },
  { key: "provider", names: ["penyelenggara", "provider"], content: "teks" },
  { key: "certificateNumber", names: ["nomor_sertifikat", "certificate_number"], content: "teks" },
];

const CALL_COLUMNS: ColumnSpec[] = [
  { key: "nip", names: ["nip"], required: true, content: "18 digit, spasi boleh; harus ada di data staf" },
  { key: "name", names: ["nama", "name"], content: "dibandingkan dengan data staf: nama yang berbeda jadi peringatan" },
  { key: "day", names: ["tanggal", "date"], required: true, content: `hari (WIB), ${DATE_TEXT}; bukan masa depan` },
  { key: "channel", names: ["kanal", "channel"], required: true, content: CHANNELS_TEXT },
  {
    key: "calls",
    names: ["panggilan_ditangani", "calls_handled"],
    required: true,
    content: "bilangan bulat 0–5000",
  },
  {
    key: "loginHours",
    names: ["jam_login", "logged_in_hours"],
    content: "jam login 0–24; wajib salah satu: jam_login atau detik_login",
  },
  {
    key: "loginSeconds",
    names: ["detik_login", "logged_in_seconds"],
    content: "detik login 0–86400; wajib salah satu: jam_login atau detik_login",
  },
  {
    key: "talkSeconds",
    names: ["detik_bicara", "talk_seconds"],
    content: "detik bicara, tidak lebih dari waktu login",
  },
];

// Per channel per interval, from the phone and channel systems' interval reports.
const INTERVAL_COLUMNS: ColumnSpec[] = [
  { key: "day", names: ["tanggal", "date"], required: true, content: `hari (WIB), ${DATE_TEXT}; bukan masa depan` },
  {
    key: "intervalStart",
    names: ["jam", "interval_start"],
    required: true,
    content: "HH:MM WIB, awal sebuah interval (interval 30 menit: 07:00, 07:30; 07:10 ditolak)",
  },
  { key: "channel", names: ["kanal", "channel"], required: true, content: CHANNELS_TEXT },
  { key: "offered", names: ["panggilan_masuk", "offered"], required: true, content: "bilangan bulat ≥ 0" },
  {
    key: "answered",
    names: ["panggilan_dijawab", "answered"],
    required: true,
    content: "bilangan bulat; dijawab + abandon tidak lebih dari masuk",
  },
  {
    key: "abandoned",
    names: ["panggilan_abandon", "abandoned"],
    required: true,
    content: "bilangan bulat; dijawab + abandon tidak lebih dari masuk",
  },
  {
    key: "ahtSeconds",
    names: ["aht_detik", "aht_seconds"],
    required: true,
    content: "rata-rata waktu penanganan dalam detik, 0–14400; boleh kosong hanya bila tidak ada yang dijawab",
  },
  {
    key: "answeredWithinTarget",
    names: ["dijawab_dalam_target", "answered_within_target"],
    content: "bilangan bulat, tidak lebih dari yang dijawab",
  },
];

// One row per shift (jadwal dinas).
const ROSTER_COLUMNS: ColumnSpec[] = [
  { key: "nip", names: ["nip"], required: true, content: "18 digit, spasi boleh; orangnya harus aktif di data staf" },
  { key: "name", names: ["nama", "name"], content: "dibandingkan dengan data staf: nama yang berbeda jadi peringatan" },
  {
    key: "day",
    names: ["tanggal", "date"],
    required: true,
    content: `hari sif dimulai (WIB), ${DATE_TEXT}; paling jauh setahun ke depan`,
  },
  { key: "start", names: ["mulai", "start"], required: true, content: "HH:MM WIB" },
  {
    key: "end",
    names: ["selesai", "end"],
    required: true,
    content: "HH:MM WIB; pada atau sebelum jam mulai berarti keesokan harinya (23:00–07:00), 24:00 = tengah malam",
  },
  { key: "channel", names: ["kanal", "channel"], required: true, content: `saluran yang dilayani: ${CHANNELS_TEXT}` },
];

// One row per state period of an agent, as the phone and channel systems export them (status agen).
const STATE_COLUMNS: ColumnSpec[] = [
  { key: "nip", names: ["nip"], required: true, content: "18 digit, spasi boleh; harus ada di data staf" },
  { key: "name", names: ["nama", "name"], content: "dibandingkan dengan data staf: nama yang berbeda jadi peringatan" },
  { key: "channel", names: ["kanal", "channel"], required: true, content: CHANNELS_TEXT },
  {
    key: "state",
    names: ["status", "state"],
    required: true,
    content: "login, siap, sibuk, istirahat atau logout (juga available, busy, break, logged out)",
  },
  {
    key: "day",
    names: ["tanggal", "date"],
    content: `hari status dimulai (WIB), ${DATE_TEXT}; boleh kosong bila mulai sudah bertanggal`,
  },
  {
    key: "start",
    names: ["mulai", "start"],
    required: true,
    content: "tanggal dan jam WIB (05/11/2026 07:58 atau 2026-11-05 07:58:30), atau jam saja bila ada kolom tanggal",
  },
  {
    key: "end",
    names: ["selesai", "end"],
    required: true,
    content: "seperti mulai; jam saja yang tidak setelah jam mulai berarti keesokan harinya; paling lama 24 jam",
  },
];

// One row per person (data staf), as HR keeps it.
const STAFF_COLUMNS: ColumnSpec[] = [
  {
    key: "nip",
    names: ["nip"],
    required: true,
    content: "18 digit, spasi boleh; NIP baru menambah orang, NIP yang ada memperbarui datanya",
  },
  { key: "name", names: ["nama", "name"], required: true, content: "nama lengkap, 3–120 karakter" },
  { key: "birthPlace", names: ["tempat_lahir", "birth_place"], required: true, content: "teks, 2–80 karakter" },
  { key: "grade", names: ["golongan", "grade"], required: true, content: "III/a atau Penata Muda III/a (II/a–IV/b)" },
  {
    key: "position",
    names: ["jabatan", "position"],
    required: true,
    content: "Koordinator Tim Kerja (Supervisor), Ketua Tim, Petugas Layanan atau Penilai (atau kodenya)",
  },
  {
    key: "team",
    names: ["tim", "team"],
    required: true,
    content:
      "nama Tim Kerja (Layanan Informasi dan Pengaduan, Manajemen Layanan, Penjamin Kualitas Layanan) atau kodenya",
  },
  {
    key: "group",
    names: ["regu", "group"],
    content:
      "regu dalam Tim Kerja yang dipimpin Ketua Tim, misalnya Regu 1 (paling panjang 40 karakter); kosong = tanpa regu; tanpa kolom ini regu tidak diubah",
  },
  { key: "hireDate", names: ["tmt", "hire_date"], content: `${DATE_TEXT}; paling jauh setahun ke depan` },
  {
    key: "active",
    names: ["aktif", "active"],
    content: "ya atau tidak (yes/no; kosong = ya); tidak = sudah keluar, datanya tetap disimpan",
  },
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  staff: STAFF_COLUMNS,
  training: TRAINING_COLUMNS,
  calls: CALL_COLUMNS,
  intervals: INTERVAL_COLUMNS,
  roster: ROSTER_COLUMNS,
  states: STATE_COLUMNS,
};

/** What one row of each kind is, and which columns make it the same row when imported again. */
export const KIND_GUIDE: Record<ImportKind, { row: string; key: string }> = {
  staff: {
    row: "Satu baris untuk satu orang: pegawai baru, pindah tim, naik golongan atau jabatan, atau keluar (aktif = tidak; tidak pernah dihapus). Tanggal lahir diambil dari NIP.",
    key: "NIP",
  },
  training: {
    row: "Satu baris untuk satu orang pada satu pelatihan.",
    key: "NIP + kode pelatihan + tanggal selesai",
  },
  calls: {
    row: "Satu baris untuk satu petugas pada satu hari dan satu saluran, dari sistem telepon. Baris dalam periode yang sudah disetujui ditolak.",
    key: "NIP + tanggal + kanal",
  },
  intervals: {
    row: "Satu baris untuk satu saluran pada satu interval. Baris dalam periode yang sudah disetujui ditolak.",
    key: "tanggal + jam + kanal",
  },
  roster: {
    row: "Satu baris untuk satu sif; sif paling lama 16 jam, dan sif yang bertumpang tindih dengan sif lain orang yang sama ditolak.",
    key: "NIP + tanggal + jam mulai",
  },
  states: {
    row: "Satu baris untuk satu masa status seorang petugas (login, siap, sibuk, istirahat, logout), dari sistem telepon atau kanal. Masa yang bertumpang tindih dengan masa lain orang yang sama ditolak; baris dalam periode yang sudah disetujui ditolak.",
    key: "NIP + tanggal dan jam mulai",
  },
};
