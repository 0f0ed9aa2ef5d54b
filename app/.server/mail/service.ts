// The mail worker's loop, started by the server when mail is configured: every `pollMs` it sends what is due,
// every `scanEveryMs` it queues the time-based mail (scan.ts). A failing pass (the database away for a moment)
// is logged and the loop goes on; stop() waits for the pass under way, then closes the SMTP connections.
import nodemailer from "nodemailer";
import type { Database } from "../db";
import { errorLine } from "../log";
import type { MailConfig } from "./config";
import { scanMail } from "./scan";
import { type DeliveryOptions, deliverDue, type MailTransport } from "./worker";

// Each well inside the claim lease (worker.ts DEFAULT_LEASE_MS), so a slow server cannot outlive a claim.
const SMTP_TIMEOUT_MS = 30_000;

/** nodemailer's SMTP transport for SMTP_URL. */
export function smtpTransport(config: MailConfig): MailTransport & { close(): void } {
  return nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
}

export type MailWorker = {
  /** One pass now (scan when due, then send); what the loop runs. */
  tick(): Promise<void>;
  stop(): Promise<void>;
};

export function startMailWorker(
  db: Database,
  config: MailConfig,
  options: Partial<DeliveryOptions> & { pollMs?: number; scanEveryMs?: number; transport?: MailTransport } = {},
): MailWorker {
  const transport = options.transport ?? smtpTransport(config);
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 15_000;
  const scanEveryMs = options.scanEveryMs ?? 10 * 60_000;
  const batchSize = options.batchSize ?? 50;
  const delivery: DeliveryOptions = { ...options, transport, from: config.from, domain: config.domain, now, batchSize };
  let lastScan = Number.NEGATIVE_INFINITY;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const pass = async () => {
    try {
      if (now().getTime() - lastScan >= scanEveryMs) {
        lastScan = now().getTime();
        await scanMail(db, now());
      }
      // A full batch means more may be due: go on at once rather than after the pause.
      for (;;) {
        const { sent, failed } = await deliverDue(db, delivery);
        if (stopped || sent + failed < batchSize) break;
      }
    } catch (error) {
      console.error(errorLine("pengiriman surel", error));
    }
  };
  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const loop = () => {
    if (stopped) return;
    tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  timer = setTimeout(loop, 0);

  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      (transport as { close?: () => void }).close?.();
    },
  };
}
