// Settings: each with a default, a validation rule and an Indonesian label. Shared by the server (which
// stores and validates them) and the settings page (which shows labels and help).
import { z } from "zod";
import { type Definition, decimal, wholeNumber } from "./setting-schemas";
import { WORKFORCE_SETTINGS } from "./settings-workforce";

const label = z
  .string({ error: "Wajib diisi." })
  .trim()
  .min(1, { error: "Wajib diisi." })
  .max(40, { error: "Paling panjang 40 huruf." });

const cphTarget = (channel: string, fallback: number) =>
  ({
    schema: decimal(0.1, 200),
    default: fallback,
    group: "Target CPH (panggilan per jam login)",
    label: channel,
    help: "Skor CPH = min(100, CPH aktual ÷ target × 100).",
  }) satisfies Definition<number>;

// The IKU targets a period has until the Kepala Seksi sets its own (domain reference: ≥ 85 final score, ≥ 95 %
// coverage, ≥ 90 % certified, ≥ 95 % disputes on time; CPH at its target).
const ikuTarget = (label: string, fallback: number) =>
  ({
    schema: decimal(0.1, 1000),
    default: fallback,
    group: "Target IKU bawaan",
    label,
    help: "Berlaku untuk periode yang targetnya belum ditetapkan Kepala Seksi.",
  }) satisfies Definition<number>;

const gradeMin = (label: string, fallback: number) =>
  ({
    schema: decimal(0, 100),
    default: fallback,
    group: "Predikat",
    label: `Nilai minimal ${label}`,
    help: "Nilai akhir yang mencapai angka ini mendapat predikat tersebut.",
  }) satisfies Definition<number>;

const gradeLabel = (rank: string, fallback: string) =>
  ({
    schema: label,
    default: fallback,
    group: "Predikat",
    label: `Sebutan predikat ${rank}`,
    help: "Peraturan penilaian kinerja yang lebih baru memakai Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.",
  }) satisfies Definition<string>;

const channelQuota = (channel: string, fallback: number) =>
  ({
    schema: wholeNumber(0, 100),
    default: fallback,
    group: "Penilaian",
    label: `Dari kuota itu, paling sedikit melalui ${channel}`,
    help: "Evaluasi interaksi pada saluran ini yang diharapkan per petugas per periode (0 = tidak ada syarat).",
  }) satisfies Definition<number>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Paling panjang ${max} huruf.` })
    .default("");

// A NIP without importing the NIP rules here: 18 digits (spaces allowed), or empty.
const optionalNip = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .refine((v) => v === "" || /^\d{18}$/.test(v), { error: "NIP harus 18 digit (atau kosongkan)." })
  .default("");

export const SETTINGS = {
  "session.idleMinutes": {
    schema: wholeNumber(5, 480),
    default: 30,
    group: "Sesi",
    label: "Batas waktu tidak aktif (menit)",
    help: "Sesi berakhir bila pengguna tidak membuka halaman apa pun selama waktu ini.",
  } satisfies Definition<number>,
  "session.absoluteHours": {
    schema: wholeNumber(1, 24),
    default: 12,
    group: "Sesi",
    label: "Masa berlaku sesi (jam)",
    help: "Sesi berakhir setelah waktu ini sejak masuk, walaupun pengguna tetap aktif.",
  } satisfies Definition<number>,
  "auth.maxFailuresPerUsername": {
    schema: wholeNumber(3, 50),
    default: 5,
    group: "Keamanan masuk",
    label: "Percobaan gagal per nama pengguna dari satu alamat",
    help: "Setelah sekian kali gagal dalam jendela waktu, nama pengguna itu tidak dapat masuk dari alamat itu sampai jendela berlalu; dari komputer lain pemiliknya tetap dapat masuk.",
  } satisfies Definition<number>,
  "auth.maxFailuresPerAddress": {
    schema: wholeNumber(5, 1000),
    default: 50,
    group: "Keamanan masuk",
    label: "Percobaan gagal per alamat IP",
    help: "Satu kantor sering keluar melalui satu alamat; jangan terlalu kecil.",
  } satisfies Definition<number>,
  "auth.failureWindowMinutes": {
    schema: wholeNumber(1, 1440),
    default: 15,
    group: "Keamanan masuk",
    label: "Jendela waktu percobaan gagal (menit)",
    help: "Percobaan gagal yang lebih lama dari ini tidak dihitung lagi.",
  } satisfies Definition<number>,
  "rateLimit.writesPerMinutePerAccount": {
    schema: wholeNumber(0, 1_000_000),
    default: 60,
    group: "Batas perubahan",
    label: "Perubahan per menit per akun",
    help: "Simpan, kirim, hapus dan sejenisnya dari satu akun. Lebih dari ini dijawab “tunggu sebentar” tanpa menyimpan apa pun. 0 = tanpa batas.",
  } satisfies Definition<number>,
  "rateLimit.writesPerMinutePerAddress": {
    schema: wholeNumber(0, 1_000_000),
    default: 3000,
    group: "Batas perubahan",
    label: "Perubahan per menit per alamat IP",
    help: "Untuk semua akun dari satu alamat. Satu kantor sering keluar melalui satu alamat: bawaan 3000 = 50 orang × 60. 0 = tanpa batas.",
  } satisfies Definition<number>,
  "rateLimit.verificationsPerMinutePerAddress": {
    schema: wholeNumber(1, 10_000),
    default: 20,
    group: "Batas perubahan",
    label: "Pemeriksaan sertifikat per menit per alamat IP",
    help: "Halaman publik /verifikasi (tanpa masuk). Membatasi orang yang mencoba menebak kode; pemeriksa biasa hanya membuka satu atau dua.",
  } satisfies Definition<number>,
  "http.trustProxy": {
    schema: z.boolean(),
    default: false,
    group: "Jaringan",
    label: "Percayai header X-Forwarded-* dari reverse proxy",
    help: "Aktifkan hanya bila Mutu berjalan di belakang reverse proxy (nginx, load balancer) yang menimpa header itu.",
  } satisfies Definition<boolean>,
  "evaluation.disputeWindowDays": {
    schema: wholeNumber(1, 60),
    default: 7,
    group: "Penilaian",
    label: "Masa sanggah (hari setelah evaluasi dikirim)",
    help: "Selama masa ini petugas dapat mengonfirmasi atau menyanggah evaluasinya.",
  } satisfies Definition<number>,
  "evaluation.quotaPerAgent": {
    schema: wholeNumber(0, 100),
    default: 4,
    group: "Penilaian",
    label: "Kuota evaluasi per petugas per periode",
    help: "Jumlah evaluasi interaksi yang diharapkan untuk setiap petugas dalam satu periode.",
  } satisfies Definition<number>,
  "evaluation.quota.telepon": channelQuota("telepon (021) 1500225", 1),
  "evaluation.quota.sms": channelQuota("SMS", 0),
  "evaluation.quota.email": channelQuota("surel", 0),
  "evaluation.quota.webchat": channelQuota("web-chat", 0),
  "evaluation.quota.media_sosial": channelQuota("media sosial", 0),
  "calibration.spreadThreshold": {
    schema: wholeNumber(1, 100),
    default: 10,
    group: "Penilaian",
    label: "Batas sebaran kalibrasi (poin)",
    help: "Butir yang nilainya di antara penilai berselisih lebih dari ini ditandai untuk dibahas.",
  } satisfies Definition<number>,
  "kpi.threshold": {
    schema: wholeNumber(0, 100),
    default: 61,
    group: "Penilaian",
    label: "Batas bawah nilai akhir KPI",
    help: "Petugas dengan nilai akhir di bawah ini ditandai di dasbor KPI (61 = batas bawah predikat Cukup).",
  } satisfies Definition<number>,
  "iku.target.rata_nilai_qa": ikuTarget("Rata-rata nilai akhir QA (poin)", 85),
  "iku.target.cakupan_evaluasi": ikuTarget("Cakupan evaluasi (%)", 95),
  "iku.target.staf_bersertifikat": ikuTarget("Staf bersertifikat keahlian (%)", 90),
  "iku.target.capaian_cph": ikuTarget("Rata-rata capaian CPH (%)", 100),
  "iku.target.sanggahan_tepat_waktu": ikuTarget("Sanggahan diselesaikan tepat waktu (%)", 95),
  "cph.target.telepon": cphTarget("Telepon", 10),
  "cph.target.webchat": cphTarget("Web-chat", 8),
  "cph.target.media_sosial": cphTarget("Media sosial", 10),
  "cph.target.sms": cphTarget("SMS", 15),
  "cph.target.email": cphTarget("Surel", 6),
  "import.maxMegabytes": {
    schema: wholeNumber(1, 100),
    default: 20,
    group: "Impor data",
    label: "Ukuran berkas impor paling besar (MB)",
    help: "Berkas CSV yang lebih besar ditolak sebelum dibaca.",
  } satisfies Definition<number>,
  ...WORKFORCE_SETTINGS,
  "certificate.place": {
    schema: optionalText(60),
    default: "Jakarta",
    group: "Sertifikat Keahlian",
    label: "Tempat penerbitan",
    help: "Ditulis sebelum tanggal pada sertifikat, misalnya Jakarta.",
  } satisfies Definition<string>,
  "certificate.signerName": {
    schema: optionalText(120),
    default: "",
    group: "Sertifikat Keahlian",
    label: "Nama pejabat penanda tangan",
    help: "Direktur Penerimaan dan Peraturan Kepabeanan dan Cukai (a.n. Direktur Jenderal). Wajib sebelum sertifikat dapat diterbitkan.",
  } satisfies Definition<string>,
  "certificate.signerNip": {
    schema: optionalNip,
    default: "",
    group: "Sertifikat Keahlian",
    label: "NIP pejabat penanda tangan",
    help: "18 digit.",
  } satisfies Definition<string>,
  "certificate.verifyBaseUrl": {
    schema: z
      .string()
      .trim()
      .max(200, { error: "Paling panjang 200 huruf." })
      .refine((v) => v === "" || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), {
        error: "Tulis alamat lengkap, misalnya https://mutu.beacukai.go.id (atau kosongkan).",
      })
      .transform((v) => v.replace(/\/+$/, ""))
      .default(""),
    default: "",
    group: "Sertifikat Keahlian",
    label: "Alamat publik Mutu",
    help: "Alamat yang dibuka kode QR pada sertifikat (…/verifikasi/KODE) dan tautan dalam surel. Kosong = alamat tempat sertifikat diterbitkan; surel memakai alamat server.",
  } satisfies Definition<string>,
  // E.4 (a) and (b) say "mengikuti" (attended): by the regulation a failed course is still attended and a course
  // does not expire. A center may be stricter; it then writes down the basis of its own policy.
  "certification.failedCounts": {
    schema: z.boolean(),
    default: true,
    group: "Syarat sertifikat (E.4)",
    label: "Diklat yang tidak lulus tetap dihitung “mengikuti”",
    help: "Peraturan (E.4 huruf a dan b) hanya mensyaratkan mengikuti diklat. Matikan bila kebijakan lokal mensyaratkan lulus atau selesai, lalu tulis dasarnya di bawah.",
  } satisfies Definition<boolean>,
  "certification.validityExpires": {
    schema: z.boolean(),
    default: false,
    group: "Syarat sertifikat (E.4)",
    label: "Masa berlaku kursus membatasi syarat",
    help: "Peraturan tidak mengenal masa berlaku diklat. Aktifkan bila kebijakan lokal menetapkannya; masa berlaku diatur per kursus di katalog pelatihan.",
  } satisfies Definition<boolean>,
  "certification.localPolicy": {
    schema: optionalText(300),
    default: "",
    group: "Syarat sertifikat (E.4)",
    label: "Dasar kebijakan lokal",
    help: "Wajib bila salah satu pilihan di atas berbeda dari peraturan: nomor dan tanggal nota dinas atau keputusan, dan isinya. Ditampilkan pada halaman kelayakan.",
  } satisfies Definition<string>,
  "grade.min.1": gradeMin("predikat pertama", 91),
  "grade.min.2": gradeMin("predikat kedua", 76),
  "grade.min.3": gradeMin("predikat ketiga", 61),
  "grade.min.4": gradeMin("predikat keempat", 51),
  "grade.label.1": gradeLabel("pertama", "Sangat Baik"),
  "grade.label.2": gradeLabel("kedua", "Baik"),
  "grade.label.3": gradeLabel("ketiga", "Cukup"),
  "grade.label.4": gradeLabel("keempat", "Kurang"),
  "grade.label.5": gradeLabel("kelima (di bawah semua batas)", "Buruk"),
} as const;

export type SettingKey = keyof typeof SETTINGS;
type Widen<T> = T extends boolean ? boolean : T extends number ? number : T extends string ? string : T;
export type Settings = { [K in SettingKey]: Widen<(typeof SETTINGS)[K]["default"]> };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
}
