// Pure: the Indonesian civil-servant number (NIP), 18 digits:
// birth date YYYYMMDD · appointment (TMT CPNS) YYYYMM · gender digit (1 male, 2 female) · sequence 001–999.
// Messages are Indonesian sentences a user can act on.

import { parseCalendarDay } from "./dates";

export type Nip = { nip: string; birthDate: string; appointment: string; gender: "L" | "P"; sequence: number };

export const NIP_LENGTH = 18;

// "1.98001E+17", "1,98001E+17", "1.98E17": what Excel shows after turning an 18-digit NIP into a number.
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i;

const EXCEL_HINT =
  "Di Excel, format kolom NIP sebagai Teks (atau awali dengan tanda petik ') lalu ketik ulang NIP lengkap 18 digit.";

export function parseNip(input: string): { ok: true; value: Nip } | { ok: false; error: string } {
  const nip = String(input ?? "").replace(/\s+/g, "");
  if (nip === "") return { ok: false, error: "NIP wajib diisi (18 digit)." };
  if (SCIENTIFIC.test(nip)) {
    return {
      ok: false,
      error: `NIP "${nip}" telah diubah Excel menjadi angka dalam notasi ilmiah, sehingga digit terakhirnya hilang. ${EXCEL_HINT}`,
    };
  }
  if (!/^\d+$/.test(nip)) {
    return { ok: false, error: "NIP hanya boleh berisi angka (spasi boleh, akan dihapus)." };
  }
  if (nip.length !== NIP_LENGTH) {
    return { ok: false, error: `NIP harus ${NIP_LENGTH} digit, sedangkan yang diisi ${nip.length} digit.` };
  }

  const birth = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!parseCalendarDay(birth)) {
    return {
      ok: false,
      error: `8 digit pertama NIP harus tanggal lahir yang ada (TTTTBBHH); ${nip.slice(0, 8)} bukan tanggal yang valid.`,
    };
  }

  const appointmentMonth = Number(nip.slice(12, 14));
  if (appointmentMonth < 1 || appointmentMonth > 12) {
    return {
      ok: false,
      error: `Digit ke-9 sampai ke-14 NIP adalah tahun dan bulan pengangkatan (TTTTBB); bulan ${nip.slice(12, 14)} tidak ada (harus 01–12).`,
    };
  }

  const genderDigit = nip[14];
  if (genderDigit !== "1" && genderDigit !== "2") {
    return {
      ok: false,
      error: `Digit ke-15 NIP adalah jenis kelamin dan harus 1 (laki-laki) atau 2 (perempuan), bukan ${genderDigit}.`,
    };
  }

  const sequence = Number(nip.slice(15, 18));
  if (sequence < 1) {
    return {
      ok: false,
      error: `3 digit terakhir NIP adalah nomor urut dan harus 001–999, bukan 000. Bila NIP berasal dari Excel, digit akhirnya mungkin telah dibulatkan. ${EXCEL_HINT}`,
    };
  }

  return {
    ok: true,
    value: {
      nip,
      birthDate: birth,
      appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: genderDigit === "1" ? "L" : "P",
      sequence,
    },
  };
}

/** Groups a NIP the way it is printed on Indonesian documents: 19800101 200604 1 001. */
export function formatNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
