// Settings: each with a default, a validation rule and an Indonesian label. Shared by the server (which
// stores and validates them) and the settings page (which shows labels and help).
import { z } from "zod";
import { formatDecimal } from "../analytics/numbers";
import { type ChannelCode, channelShortName } from "../analytics/organization";
import { DEFAULT_PATIENCE_SECONDS } from "../analytics/patience";
import { numberInput } from "./number-input";

// `english`: the English term staff may know the setting by, shown once in its hint (marked as English).
// `choices`: a setting that is one of a few values, shown as a list to pick from.
type Definition<T> = {
  schema: z.ZodType<T>;
  default: T;
  label: string;
  help: string;
  group: string;
  english?: string;
  choices?: readonly { value: string; label: string }[];
};

// Numbers are read as the imported files read them (app/number-input.ts): "7,5" and "7.5" alike. An empty field
// is refused like any other text that is not a number.
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    numberInput,
    z
      .number({ error: "Isi dengan angka." })
      .int({ error: "Isi dengan bilangan bulat." })
      .min(min, { error: `Paling sedikit ${min}.` })
      .max(max, { error: `Paling banyak ${max}.` }),
  );

const decimal = (min: number, max: number) =>
  z.preprocess(
    numberInput,
    z
      .number({ error: "Isi dengan angka." })
      .min(min, { error: `Paling sedikit ${formatDecimal(min)}.` })
      .max(max, { error: `Paling banyak ${max}.` }),
  );

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

// The mean patience of a channel's callers for Erlang A (issue 16): defaults and why in analytics/patience.ts.
const patienceSetting = (channel: ChannelCode) =>
  ({
    schema: wholeNumber(5, 604_800),
    default: DEFAULT_PATIENCE_SECONDS[channel],
    group: staffingGroup(channelShortName(channel)),
    label: "Kesabaran menunggu rata-rata (detik)",
    help: "Berapa lama rata-rata orang menunggu sebelum menutup atau meninggalkan antrean; dipakai Erlang A bila statistik interval belum cukup untuk memperkirakannya (3600 = 1 jam).",
    english: "patience",
  }) satisfies Definition<number>;

// The staffing targets of one channel (issue 6), in one group per channel so that its four targets read together.
const staffingGroup = (channel: string) => `Target kebutuhan staf: ${channel}`;

const serviceLevelTarget = (channel: string) =>
  ({
    schema: wholeNumber(1, 99),
    default: 80,
    group: staffingGroup(channel),
    label: "Target tingkat layanan (%)",
    help: "Persentase kontak yang harus dijawab dalam waktu jawab target, misalnya 80% dalam 20 detik. Paling tinggi 99: selama ada kontak, 100% tidak pernah dapat dijamin.",
  }) satisfies Definition<number>;

const answerSecondsTarget = (channel: string) =>
  ({
    schema: wholeNumber(1, 86_400),
    default: 20,
    group: staffingGroup(channel),
    label: "Waktu jawab target (detik)",
    help: "Batas waktu tunggu kontak sebelum dijawab. Untuk saluran tertulis dapat lebih panjang (3600 = 1 jam).",
  }) satisfies Definition<number>;

const maxOccupancyTarget = (channel: string) =>
  ({
    schema: wholeNumber(50, 100),
    default: 85,
    group: staffingGroup(channel),
    label: "Okupansi maksimum (%)",
    help: "Bagian waktu paling besar yang boleh dipakai petugas untuk menangani kontak; di atas ini petugas cepat lelah. 100 berarti tanpa batas.",
  }) satisfies Definition<number>;

const shrinkageTarget = (channel: string) =>
  ({
    schema: wholeNumber(0, 90),
    default: 30,
    group: staffingGroup(channel),
    label: "Waktu tidak tersedia (%)",
    help: "Bagian waktu dinas yang tidak dipakai menjawab (istirahat, pelatihan, rapat, cuti, sakit). Posisi = petugas dibutuhkan ÷ (1 − waktu tidak tersedia).",
    english: "shrinkage",
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
  "workforce.intervalMinutes": {
    schema: z.coerce
      .number({ error: "Isi dengan angka." })
      .refine((v) => v === 15 || v === 30 || v === 60, { error: "Pilih 15, 30 atau 60 menit." }),
    default: 30,
    group: "Analitik tenaga kerja",
    label: "Panjang interval statistik (menit)",
    help: "15, 30 atau 60. Jam pada berkas statistik interval harus awal interval (dengan 30: 07:00, 07:30, …). Data yang sudah diimpor menyimpan panjang intervalnya sendiri.",
  } satisfies Definition<number>,
  "workforce.forecastWeeks": {
    schema: wholeNumber(1, 26),
    default: 6,
    group: "Analitik tenaga kerja",
    label: "Dasar perkiraan kontak (minggu)",
    help: "Perkiraan kontak suatu minggu = rata-rata hari dan interval yang sama selama sekian minggu penuh terakhir sebelumnya.",
  } satisfies Definition<number>,
  "workforce.model": {
    schema: z.enum(["erlang_c", "erlang_a"], { error: "Pilih Erlang C atau Erlang A." }),
    default: "erlang_c",
    group: "Analitik tenaga kerja",
    label: "Model kebutuhan petugas",
    help: "Rencana kebutuhan staf selalu menampilkan keduanya; model ini yang menentukan interval kurang dan lebih staf. Erlang C menganggap tidak ada yang menutup telepon selagi menunggu, sehingga pada jam sibuk meminta lebih banyak petugas; Erlang A memperhitungkan yang menutup (dengan kesabaran rata-rata per saluran).",
    choices: [
      { value: "erlang_c", label: "Erlang C (bawaan)" },
      { value: "erlang_a", label: "Erlang A (memperhitungkan yang menutup)" },
    ],
  } satisfies Definition<string>,
  "workforce.breakAllowanceMinutes": {
    schema: wholeNumber(0, 240),
    default: 60,
    group: "Kepatuhan jadwal",
    label: "Istirahat terjadwal per sif (menit)",
    help: "Jadwal dinas tidak memuat jam istirahat: istirahat dalam satu sif sampai sekian menit dihitung patuh, kelebihannya istirahat di luar jadwal.",
    english: "break allowance",
  } satisfies Definition<number>,
  "workforce.serviceLevel.telepon": serviceLevelTarget("Telepon"),
  "workforce.answerSeconds.telepon": answerSecondsTarget("Telepon"),
  "workforce.maxOccupancy.telepon": maxOccupancyTarget("Telepon"),
  "workforce.shrinkage.telepon": shrinkageTarget("Telepon"),
  "workforce.patienceSeconds.telepon": patienceSetting("telepon"),
  "workforce.serviceLevel.sms": serviceLevelTarget("SMS"),
  "workforce.answerSeconds.sms": answerSecondsTarget("SMS"),
  "workforce.maxOccupancy.sms": maxOccupancyTarget("SMS"),
  "workforce.shrinkage.sms": shrinkageTarget("SMS"),
  "workforce.patienceSeconds.sms": patienceSetting("sms"),
  "workforce.serviceLevel.email": serviceLevelTarget("Surel"),
  "workforce.answerSeconds.email": answerSecondsTarget("Surel"),
  "workforce.maxOccupancy.email": maxOccupancyTarget("Surel"),
  "workforce.shrinkage.email": shrinkageTarget("Surel"),
  "workforce.patienceSeconds.email": patienceSetting("email"),
  "workforce.serviceLevel.webchat": serviceLevelTarget("Web-chat"),
  "workforce.answerSeconds.webchat": answerSecondsTarget("Web-chat"),
  "workforce.maxOccupancy.webchat": maxOccupancyTarget("Web-chat"),
  "workforce.shrinkage.webchat": shrinkageTarget("Web-chat"),
  "workforce.patienceSeconds.webchat": patienceSetting("webchat"),
  "workforce.serviceLevel.media_sosial": serviceLevelTarget("Media sosial"),
  "workforce.answerSeconds.media_sosial": answerSecondsTarget("Media sosial"),
  "workforce.maxOccupancy.media_sosial": maxOccupancyTarget("Media sosial"),
  "workforce.shrinkage.media_sosial": shrinkageTarget("Media sosial"),
  "workforce.patienceSeconds.media_sosial": patienceSetting("media_sosial"),
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
