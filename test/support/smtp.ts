// A real SMTP server (smtp-server) on a free port of 127.0.0.1 for the mail tests: it keeps every message it
// accepts, and can be told to refuse every connection (421, as a server that is down for maintenance says)
// until told to accept again. Mutu's worker reaches it through nodemailer exactly as it reaches a real one.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { to: string[]; messageId: string; subject: string; text: string; raw: string };

/** The header `name` of a raw message (first occurrence, folded lines joined). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return (m?.[1] ?? "").replace(/\r?\n[ \t]+/g, " ").trim();
}

/** A subject as written, undoing RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?). */
function decodeWords(text: string): string {
  return text.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data
            .replace(/_/g, " ")
            .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** The text body, decoded from quoted-printable or base64 when so encoded. */
function body(raw: string): string {
  const at = raw.search(/\r?\n\r?\n/);
  const text = at >= 0 ? raw.slice(at).replace(/^\r?\n\r?\n/, "") : "";
  const encoding = header(raw, "Content-Transfer-Encoding").toLowerCase();
  if (encoding === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = text
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8").replace(/\r\n/g, "\n");
  }
  return text.replace(/\r\n/g, "\n");
}

export type TestSmtpServer = {
  port: number;
  url: string;
  received: Received[];
  /** Refuse every connection with 421 (true) or accept again (false). */
  refuse(on: boolean): void;
  /** How many connections were refused so far. */
  refusals(): number;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: Received[] = [];
  let refusing = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (!refusing) return callback();
      refused += 1;
      const error = Object.assign(new Error("Layanan sedang dalam pemeliharaan"), { responseCode: 421 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(raw, "Message-ID"),
          subject: decodeWords(header(raw, "Subject")),
          text: body(raw),
          raw,
        });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (on) => {
      refusing = on;
    },
    refusals: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `check` holds (polling every 25 ms), or fails after `ms` with `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
