import { Logger } from '@nestjs/common';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '@chancery/core';

/** One e-mail as it leaves: the outbox row's id names it (Message-ID), so a resend is recognisable. */
export interface OutgoingEmail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Names the .eml file in development; not part of the message. */
  template: string;
  createdAt: Date;
}

/** Where delivered e-mail goes: an SMTP server in production, files in development and tests. */
export interface MailTransport {
  /** Human description for the worker's start line (never a password). */
  readonly description: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Thrown for a refusal that no retry will change (SMTP 5xx: unknown mailbox, rejected sender). */
export class PermanentDeliveryError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The code kept in `outbox_message.last_error`: never the server's text, which may quote the address. */
export function deliveryErrorCode(error: unknown): string {
  if (error instanceof PermanentDeliveryError) return error.code;
  const details = error as { responseCode?: number; code?: string } | null;
  if (typeof details?.responseCode === 'number') return `SMTP_${details.responseCode}`;
  if (typeof details?.code === 'string' && /^[A-Z_]+$/.test(details.code)) return details.code;
  return 'SEND_FAILED';
}

function messageIdOf(email: OutgoingEmail, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'chancery.localhost';
  return `<${email.id}@${domain}>`;
}

/** nodemailer (about 12 MiB resident) loads with the first transport, in the process that delivers mail, not in every API process. */
function nodemailer(): typeof import('nodemailer') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
  return require('nodemailer') as typeof import('nodemailer');
}

/** nodemailer over SMTP (`SMTP_URL`): smtp:// with STARTTLS when offered, smtps:// for implicit TLS. */
export class SmtpMailTransport implements MailTransport {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.protocol}//${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`;
    // Bounded waits: a hung server must not hold a claimed message past its claim (5 minutes).
    this.transport = nodemailer().createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({ from: email.from, to: email.to, subject: email.subject, text: email.text, messageId: messageIdOf(email, email.from) });
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      if (typeof responseCode === 'number' && responseCode >= 500) throw new PermanentDeliveryError(`SMTP_${responseCode}`);
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Development and tests: every message is written to `<DATA_DIR>/mail/` as an `.eml` file (any mail
 * client opens it), and its link is printed in the log, so a newcomer confirms an address or resets a
 * password without an SMTP server or reading the database. The same id overwrites the same file.
 */
export class FileMailTransport implements MailTransport {
  readonly description: string;
  private readonly logger = new Logger('Mail');
  private readonly composer = nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(readonly folder: string) {
    this.description = `files in ${folder}`;
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = await this.composer.sendMail({ from: email.from, to: email.to, subject: email.subject, text: email.text, messageId: messageIdOf(email, email.from), date: email.createdAt });
    mkdirSync(this.folder, { recursive: true });
    const stamp = email.createdAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const file = join(this.folder, `${stamp}-${email.template}-${email.id}.eml`);
    // Written whole, then renamed: a reader never sees half a message.
    writeFileSync(`${file}.partial`, info.message as Buffer, { mode: 0o600 });
    renameSync(`${file}.partial`, file);
    const link = /https?:\/\/\S+/.exec(email.text)?.[0];
    const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
    this.logger.log(`e-mail ${email.template} written to ${shown}${link ? `; its link: ${link}` : ''}`);
  }

  close(): void {
    this.composer.close();
  }
}

/** SMTP when SMTP_URL is set; files outside production; none in production without SMTP_URL. */
export function mailTransportFor(config: AppConfig): MailTransport | null {
  if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL);
  if (config.isProduction) return null;
  return new FileMailTransport(join(config.DATA_DIR, 'mail'));
}
