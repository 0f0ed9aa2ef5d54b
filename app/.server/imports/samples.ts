// The sample CSV files of fixtures/samples/, offered as downloads on the import page so that HR can see a file
// of each kind that imports cleanly and one that shows the mistakes Mutu reports. Files are read from disk and
// sent byte for byte (one is deliberately not UTF-8); only the names listed here are ever read.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ImportKind } from "../../../analytics/import-rules";
import type { Database } from "../db";
import { buildStatesSample } from "./states-sample";

/** `generated`: made from the database on request (see states-sample.ts), not read from disk. */
export type Sample = { file: string; kind: ImportKind; description: string; generated?: true };

export const SAMPLES: readonly Sample[] = [
  {
    file: "staf-contoh.csv",
    kind: "staff",
    description:
      "Daftar staf demo seperti disimpan SDM: dua pegawai baru, satu pindah tim, satu naik golongan, satu Ketua Tim keluar (aktif = tidak).",
  },
  {
    file: "staf-dengan-kesalahan.csv",
    kind: "staff",
    description:
      "Setiap jenis kesalahan: NIP dirusak Excel atau kurang digit, golongan, jabatan atau tim tidak dikenal, 31 Februari, nama kosong, NIP ganda, petugas yang masih punya sif dinonaktifkan.",
  },
  {
    file: "pelatihan-contoh.csv",
    kind: "training",
    description: "27 catatan pelatihan yang benar (titik koma, tanggal HH/BB/TTTT, koma desimal).",
  },
  {
    file: "pelatihan-dengan-kesalahan.csv",
    kind: "training",
    description:
      "Setiap jenis kesalahan: NIP dirusak Excel, terlalu pendek atau tidak ada di data staf, kode pelatihan tidak dikenal, 31 Februari, baris ganda, dan lain-lain.",
  },
  { file: "pelatihan-perbaikan.csv", kind: "training", description: "Berkas yang sama setelah diperbaiki." },
  {
    file: "pelatihan-bukan-utf8.csv",
    kind: "training",
    description: "Disimpan sebagai Windows-1252, bukan UTF-8: ditolak dengan pesan cara menyimpannya.",
  },
  { file: "pelatihan-kolom-ganda.csv", kind: "training", description: "Kolom NIP dua kali: seluruh berkas ditolak." },
  {
    file: "panggilan-contoh.csv",
    kind: "calls",
    description: "220 baris statistik panggilan harian periode Oktober 2026 (koma, tanggal TTTT-BB-HH, detik).",
  },
  {
    file: "panggilan-dengan-kesalahan.csv",
    kind: "calls",
    description:
      "Kanal tidak dikenal, panggilan negatif, login 30 jam, waktu bicara melebihi login, baris ganda, koma desimal tanpa tanda kutip.",
  },
  {
    file: "interval-contoh.csv",
    kind: "intervals",
    description: "480 interval 2–3 November 2026 (48 setengah jam × 5 saluran).",
  },
  {
    file: "interval-dengan-kesalahan.csv",
    kind: "intervals",
    description:
      "Di luar kisi 30 menit, dijawab + abandon melebihi masuk, AHT kosong atau di atas 4 jam, tanggal masa depan, baris ganda.",
  },
  {
    file: "jadwal-contoh.csv",
    kind: "roster",
    description: "Satu minggu sif sembilan petugas (07–15, 15–23, 23–07), 2–8 November 2026.",
  },
  {
    file: "jadwal-dengan-kesalahan.csv",
    kind: "roster",
    description:
      "Sif bertumpang tindih, sif 24 jam, 31 November, 25:00, kanal tidak dikenal, staf tidak dikenal atau nonaktif, baris ganda.",
  },
  {
    file: "status-agen-minggu-lalu.csv",
    kind: "states",
    generated: true,
    description:
      "Dibuat dari jadwal dinas yang tersimpan: status setiap petugas yang berdinas minggu lalu (Senin–Minggu), dengan satu terlambat 15 menit, satu pulang 30 menit lebih awal, satu istirahat 100 menit dan satu tidak hadir per empat orang.",
  },
  {
    file: "status-agen-contoh.csv",
    kind: "states",
    description:
      "Status sembilan petugas jadwal-contoh.csv, 2–8 November 2026 (impor jadwalnya dulu): login, istirahat, logout, dengan keterlambatan, pulang awal, istirahat panjang dan ketidakhadiran.",
  },
  {
    file: "status-agen-dengan-kesalahan.csv",
    kind: "states",
    description:
      "Status bertumpang tindih, status tidak dikenal, selesai sebelum mulai, lebih dari 24 jam, 31 November, 25:00, kanal atau staf tidak dikenal, masa depan, baris ganda.",
  },
];

export function findSample(file: string): Sample | null {
  return SAMPLES.find((s) => s.file === file) ?? null;
}

/** The bytes of a listed sample. The app runs from the repository's folder, as server.ts serves build/ from it. */
export function readSample(sample: Sample, db: Database): Promise<Buffer> {
  if (sample.generated) return buildStatesSample(db);
  return readFile(path.resolve("fixtures/samples", sample.file));
}
