// The settings of the workforce pages (issues 6 and 16): the interval grid, the forecast, the staffing model and
// each channel's targets and callers' patience, and the break allowance of schedule adherence. Part of SETTINGS.
import { z } from "zod";
import { type ChannelCode, channelShortName } from "../analytics/organization";
import { DEFAULT_PATIENCE_SECONDS } from "../analytics/patience";
import { type Definition, wholeNumber } from "./setting-schemas";

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

export const WORKFORCE_SETTINGS = {
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
} as const;
