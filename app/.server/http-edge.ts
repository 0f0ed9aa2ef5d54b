// The edge of the HTTP server (server.ts), where a request arrives before Remix sees it. Two refusals are
// made here, at once and without reading the body, because after this point they would cost memory or
// answer with a server error:
// - a body larger than its route may send (413): forms FORM_BODY_LIMIT_BYTES, the import upload the
//   `import.maxMegabytes` setting; declared too large (Content-Length) it is refused before one byte is read,
//   sent in chunks it is counted as it arrives and refused when it passes the limit;
// - a write (POST, PUT, PATCH, DELETE) from another site's page (403): Remix's own check throws a plain Error
//   for that (a 500 with a stack trace in the log), and resource routes such as /keluar skip it.
// Then the request goes to Remix with its body counted, and Remix's response goes back to the client.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";

/**
 * Any form of Mutu, upload aside: four times the largest a default scorecard makes with every comment
 * (2,000 characters) and the note (8,000) filled and percent-encoded.
 */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;
// The multipart envelope around the uploaded file (boundaries, part headers, the kind field).
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The import page's upload (the index route /impor), as a document or a single-fetch (.data) request. */
export function isImportUpload(method: string, pathname: string): boolean {
  return method === "POST" && /^\/impor(?:\/|\.data|\/_index\.data)?$/.test(pathname);
}

/** The most a request to `pathname` may send, in bytes. */
export function bodyLimitBytes(method: string, pathname: string, importMegabytes: number): number {
  return isImportUpload(method, pathname)
    ? importMegabytes * 1024 * 1024 + MULTIPART_ENVELOPE_BYTES
    : FORM_BODY_LIMIT_BYTES;
}

export function tooLargeMessage(method: string, pathname: string, importMegabytes: number): string {
  return isImportUpload(method, pathname)
    ? `Berkas yang dikirim lebih besar dari ${importMegabytes} MB, batas impor di Mutu. Tidak ada yang disimpan. Bagi berkas menjadi beberapa bagian, lalu impor satu per satu.`
    : `Isian yang dikirim lebih besar dari ${FORM_BODY_LIMIT_BYTES / 1024} KB, batas sebuah formulir di Mutu. Tidak ada yang disimpan. Kembali ke halaman sebelumnya dan persingkat isian yang panjang (misalnya teks yang ditempel dari dokumen lain).`;
}

export const CROSS_SITE_MESSAGE =
  "Permintaan ini dikirim dari halaman situs lain, jadi ditolak dan tidak ada yang diubah. Buka Mutu melalui alamatnya sendiri, lalu ulangi dari sana.";

/**
 * Whether a write comes from another site's page. The same rule as Remix's (the Origin's host against the
 * first X-Forwarded-Host, else Host), so that Remix's check never fires, plus the browser's Sec-Fetch-Site.
 * A request without Origin (a command-line client) passes, as in Remix.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (a sandboxed frame, a file) is no URL: refused
  } catch {
    return true;
  }
  const forwarded = headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || headers.host;
  return !host || originHost !== host;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TITLES: Record<number, string> = { 403: "Permintaan ditolak", 413: "Kiriman terlalu besar" };

/**
 * A refusal as the client can show it: a small page for a browser's form post; for a single-fetch request
 * (a form sent by the page's JavaScript, `.data`), an error the route's error boundary shows with the message.
 */
export function refusalBody(pathname: string, status: number, message: string) {
  if (pathname.endsWith(".data")) {
    // turbo-stream (Remix's single-fetch encoding) of { error: ErrorResponse(status, "", { message }) }.
    const encoded = [{ _1: 2 }, "error", ["ErrorResponse", 3, 6, 7], { _4: 5 }, "message", message, status, ""];
    return { contentType: "text/x-script", body: `${JSON.stringify(encoded)}\n`, remix: true };
  }
  const title = TITLES[status] ?? "Permintaan ditolak";
  const body = `<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Mutu</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Kembali ke beranda Mutu</a></p>
<p>Kode: ${status}</p>
</main>
</body>
</html>
`;
  return { contentType: "text/html; charset=utf-8", body, remix: false };
}

function refuse(req: IncomingMessage, res: ServerResponse, pathname: string, status: number, message: string) {
  if (res.headersSent) return;
  const { contentType, body, remix } = refusalBody(pathname, status, message);
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  if (remix) res.setHeader("X-Remix-Response", "yes");
  res.end(body);
  if (!req.complete) lingerThenClose(req);
}

// How long the rest of a body that will not be used is read (and thrown away) after the answer has gone out.
// Closing while the client still sends makes its system reset the connection and drop the answer it had not
// read yet; 2 s proved too short for a client on a busy machine (CI with four 100 MB uploads at once lost one),
// and reading on costs bandwidth only, never memory.
const LINGER_MS = 10_000;

/**
 * After answering a request whose body is not wanted: what is still arriving is read and discarded for a
 * moment, so that a client busy sending can read the answer (closing at once would reset the connection and
 * lose it), then the connection is closed unless the body has ended by then.
 */
function lingerThenClose(req: IncomingMessage) {
  req.unpipe();
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
}

class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

/** Passes the body through, and fails (calling `onTooLarge` first) when more than `limit` bytes arrive. */
class CountedBody extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly onTooLarge: () => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen <= this.limit) return done(null, chunk);
    this.onTooLarge();
    done(new BodyTooLarge(`more than ${this.limit} bytes`));
  }
}

type Express = { req: IncomingMessage & { originalUrl?: string; protocol?: string }; res: ServerResponse };

function remixRequest({ req, res }: Express, body: ReadableStream<Uint8Array> | undefined, abort: AbortController) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // As @remix-run/express builds it: the host from X-Forwarded-Host or Host, the path as the client sent it.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const url = new URL(`${req.protocol ?? "http"}://${host}${req.originalUrl ?? req.url ?? "/"}`);
  // Abort the loaders and actions once no response can be written any more (the client went away).
  let finished = false;
  res.on("finish", () => {
    finished = true;
  });
  res.on("close", () => finished || abort.abort());
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: abort.signal,
    ...(body ? { body, duplex: "half" } : {}),
  } as RequestInit);
}

async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  // A body the route did not read (a redirect to sign in before an upload) is not read to its end.
  res.once("finish", () => req.complete || lingerThenClose(req));
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The request handler for Express: the refusals above, then Remix. `importMegabytes` reads the setting
 * (only for an upload); `context` makes the load context.
 */
export function mutuRequestHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  importMegabytes: () => Promise<number>;
  context: (req: IncomingMessage, res: ServerResponse) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req: Express["req"], res: ServerResponse, next: (error?: unknown) => void) => {
    try {
      const method = req.method ?? "GET";
      const pathname = new URL(req.originalUrl ?? req.url ?? "/", "http://mutu").pathname;
      if (!SAFE_METHODS.has(method) && isCrossSite(req.headers)) {
        return refuse(req, res, pathname, 403, CROSS_SITE_MESSAGE);
      }
      const megabytes = isImportUpload(method, pathname) ? await options.importMegabytes() : 0;
      const limit = bodyLimitBytes(method, pathname, megabytes);
      const tooLarge = () => refuse(req, res, pathname, 413, tooLargeMessage(method, pathname, megabytes));
      if (Number(req.headers["content-length"] ?? 0) > limit) return tooLarge();

      const abort = new AbortController();
      let body: ReadableStream<Uint8Array> | undefined;
      if (method !== "GET" && method !== "HEAD") {
        const counted = new CountedBody(limit, () => {
          tooLarge();
          abort.abort(); // the action reading it stops; nothing of it is logged (entry.server.tsx)
        });
        req.pipe(counted);
        body = createReadableStreamFromReadable(counted) as ReadableStream<Uint8Array>;
      }
      const response = await handle(remixRequest({ req, res }, body, abort), options.context(req, res));
      if (res.headersSent) {
        await response.body?.cancel().catch(() => {});
        return;
      }
      await sendResponse(req, res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}
