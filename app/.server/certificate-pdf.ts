// The Sertifikat Keahlian as a PDF, laid out after Lampiran IV of KEP-165/BC/2014 with its fields (1)–(8)
// and signature block. The document's own dates are the issue time; the bytes are stored as issued and
// always served from storage, never generated again.
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import qrcode from "qrcode-generator";
import { MONTHS_ID, parseCalendarDay } from "../../analytics/dates";
import { formatNip } from "../../analytics/nip";
import { formatVerificationCode } from "../../analytics/verification-code";

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
  /** The public check: the code printed under the QR code, and the address the QR code holds. */
  verification: { code: string; url: string };
  /** E.4 (c): the capability decision the certificate rests on. */
  decision: { decidedBy: string; letterNumber: string; letterDate: string } | null;
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

/** The QR code of `text` as dark squares, `size` points wide, its lower-left corner at (x, y). */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const cell = size / count;
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!qr.isDark(row, col)) continue;
      // Each module a touch larger than its cell, so that no hairline gaps show between neighbours.
      page.drawRectangle({
        x: x + col * cell,
        y: y + size - (row + 1) * cell,
        width: cell + 0.05,
        height: cell + 0.05,
        color: rgb(0, 0, 0),
      });
    }
  }
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

  // Below the Lampiran IV layout: the public check and the E.4 (c) decision, small, so the format stays as set.
  const qrSize = 72;
  const bottom = MARGIN - 24;
  drawQr(page, c.verification.url, MARGIN, bottom, qrSize);
  const noteX = MARGIN + qrSize + 12;
  const noteWidth = A4.width - MARGIN - noteX;
  y = bottom + qrSize - 9;
  const note = (value: string, font = regular) => {
    for (const line of wrap(font, 9, drawable(font, value), noteWidth)) {
      page.drawText(line, { x: noteX, y, size: 9, font, color: ink });
      y -= 12;
    }
  };
  note(`Kode verifikasi: ${formatVerificationCode(c.verification.code)}`, bold);
  note(`Periksa keabsahan sertifikat ini di ${c.verification.url}`);
  if (c.decision) {
    note(
      `Dianggap mampu (E.4 huruf c) oleh ${c.decision.decidedBy} dengan surat Nomor ${c.decision.letterNumber} tanggal ${longDate(c.decision.letterDate)}.`,
    );
  }
  return doc.save({ useObjectStreams: false });
}
