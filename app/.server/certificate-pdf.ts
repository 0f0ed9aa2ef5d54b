// The Sertifikat Keahlian as a PDF, laid out after Lampiran IV of KEP-165/BC/2014 with its fields (1)–(8)
// and signature block. The document's own dates are the issue time; the bytes are stored as issued and
// always served from storage, never generated again.
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import { MONTHS_ID, parseCalendarDay } from "../../analytics/dates";
import { formatNip } from "../../analytics/nip";

export type CertificateContent = {
  number: string; // (1)
  fullName: string; // (2)
  nip: string; // (3)
  birthPlace: string; // (4)
  birthDate: string;
  pangkat: string; // (5) e.g. "Penata Muda III/a"
  qualifiedRole: string; // (6) e.g. "Petugas Layanan"
  assignedRole: string; // (7)
  place: string;
  issuedOn: string; // (8)
  signerName: string;
  signerNip: string;
  issuedAt: Date;
};

/** '29 November 2026' for '2026-11-29'. */
export function longDate(day: string): string {
  const d = parseCalendarDay(day);
  return d ? `${d.day} ${MONTHS_ID[d.month - 1]} ${d.year}` : day;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 72;

/** Characters the standard PDF fonts cannot draw become "?" rather than failing the whole certificate. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((ch) => (supported.has(ch.codePointAt(0) ?? 0) ? ch : "?")).join("");
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Sertifikat Keahlian ${c.number}`);
  doc.setAuthor("Direktorat Jenderal Bea dan Cukai");
  doc.setSubject("Sertifikat Keahlian Contact Center (KEP-165/BC/2014 Lampiran IV)");
  doc.setProducer("Mutu");
  doc.setCreator("Mutu");
  doc.setCreationDate(c.issuedAt);
  doc.setModificationDate(c.issuedAt);
  const page = doc.addPage([A4.width, A4.height]);
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const ink = rgb(0, 0, 0);
  const width = A4.width - 2 * MARGIN;
  let y = A4.height - MARGIN;

  const text = (value: string, x: number, size = 12, font = regular) =>
    page.drawText(drawable(font, value), { x, y, size, font, color: ink });
  const centered = (value: string, size: number, font: PDFFont) => {
    const safe = drawable(font, value);
    page.drawText(safe, { x: (A4.width - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color: ink });
  };
  const paragraph = (value: string, size = 12) => {
    for (const line of wrap(regular, size, drawable(regular, value), width)) {
      text(line, MARGIN, size);
      y -= size * 1.5;
    }
  };

  text(`Nomor: ${c.number}`, MARGIN, 11);
  y -= 56;
  centered("SERTIFIKAT KEAHLIAN", 20, bold);
  y -= 24;
  centered("DIREKTORAT JENDERAL BEA DAN CUKAI", 14, bold);
  y -= 44;
  paragraph(
    "Berdasarkan Keputusan Direktur Jenderal Bea dan Cukai Nomor: KEP-165/BC/2014 tanggal 31 Desember 2014 tentang Pusat Kontak Layanan (Contact Center), dengan ini menyatakan bahwa :",
  );
  y -= 12;
  const fields: [string, string][] = [
    ["Nama", c.fullName],
    ["N.I.P.", formatNip(c.nip)],
    ["Tempat / Tanggal Lahir", `${c.birthPlace} / ${longDate(c.birthDate)}`],
    ["Pangkat / Golongan", c.pangkat],
  ];
  for (const [label, value] of fields) {
    text(label, MARGIN + 20);
    text(":", MARGIN + 170);
    text(value, MARGIN + 182, 12, bold);
    y -= 22;
  }
  y -= 10;
  paragraph(
    `telah memenuhi persyaratan sebagai ${c.qualifiedRole} dan kepadanya dapat ditugaskan sebagai ${c.assignedRole} Direktorat Jenderal Bea dan Cukai.`,
  );
  y -= 48;
  const right = A4.width / 2 + 20;
  for (const line of [
    `${c.place}, ${longDate(c.issuedOn)}`,
    "a.n. Direktur Jenderal",
    "Direktur Penerimaan dan Peraturan",
    "Kepabeanan dan Cukai",
  ]) {
    text(line, right);
    y -= 17;
  }
  y -= 64;
  text(c.signerName, right, 12, bold);
  y -= 17;
  text(`NIP ${formatNip(c.signerNip)}`, right);
  return doc.save({ useObjectStreams: false });
}
