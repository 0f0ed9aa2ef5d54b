// Mail is optional: on when SMTP_URL is set (with MAIL_FROM), off otherwise. While it is off nothing is queued
// (docs/decisions/024-mail.md): no table growing with mail nobody will send, and no flood of stale mail on
// the day it is switched on. Read at each use, so a test can switch it on and off (it restores the variable).

export type MailConfig = {
  smtpUrl: string;
  /** The sender as written (`Mutu <mutu@example.go.id>` or a bare address). */
  from: string;
  /** The sender's domain, for Message-IDs. */
  domain: string;
};

/** True when mail is configured in this process's environment. */
export function mailEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

const ADDRESS = /^[^\s@<>"]+@([^\s@<>"]+\.[^\s@<>"]+)$/;

/**
 * The mail settings, or null when mail is off. A setting that cannot work is a problem in words (Indonesian,
 * naming the variable and an example), thrown by the caller as a StartupError.
 */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null | { problem: string } {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let url: URL | null = null;
  try {
    url = new URL(smtpUrl);
  } catch {}
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    return {
      problem:
        "SMTP_URL bukan alamat server surel: tulis seperti smtp://pengguna:sandi@mail.example.go.id:587 (smtps://… untuk port 465), atau kosongkan agar Mutu tidak mengirim surel.",
    };
  }
  const from = env.MAIL_FROM?.trim() ?? "";
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from;
  const domain = ADDRESS.exec(address)?.[1];
  if (!domain) {
    return {
      problem: from
        ? `MAIL_FROM bukan alamat surel (sekarang "${from}"): tulis seperti "Mutu <mutu@example.go.id>" atau mutu@example.go.id.`
        : 'SMTP_URL diisi tetapi MAIL_FROM kosong: isi alamat pengirim surel Mutu, misalnya "Mutu <mutu@example.go.id>".',
    };
  }
  return { smtpUrl, from, domain: domain.toLowerCase() };
}
