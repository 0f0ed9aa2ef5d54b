// The text a PDF made by pdf-lib draws, for tests that read what a certificate says.
import { inflateSync } from "node:zlib";

/** The text a PDF draws: pdf-lib writes it as hex strings (WinAnsi) inside deflated content streams. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream\n", at);
    if (start < 0) break;
    const end = raw.indexOf("\nendstream", start);
    const body = raw.subarray(start + 7, end);
    let content: string;
    try {
      content = inflateSync(body).toString("latin1");
    } catch {
      content = body.toString("latin1");
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      texts.push(Buffer.from(m[1] ?? "", "hex").toString("latin1"));
    at = end + 10;
  }
  return texts.join("\n");
}
