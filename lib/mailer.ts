// Server code (no `import 'server-only'`: commands reach it from the command line too).
import nodemailer from 'nodemailer';
import { env, smtpConfigured } from '@/lib/env';

/** One email, as the notice templates write it (lib/notice-email.ts). */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation (METHOD:REQUEST), sent as a text/calendar part and as an .ics attachment. */
  calendar?: { filename: string; content: string };
}

/** Where emails go out, and what they say about where the app lives. */
export interface Mailer {
  /** The sender, e.g. "Vigie <vigie@ville.example>". */
  from: string;
  /** The app's public address, for links (no trailing slash). */
  appUrl: string;
  send(email: OutgoingEmail): Promise<void>;
}

export interface MailerConfig {
  smtpUrl: string;
  from: string;
  appUrl: string;
}

export function createMailer({ smtpUrl, from, appUrl }: MailerConfig): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // Fail within seconds when the server is unreachable: the attempt is retried later anyway.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    from,
    appUrl: appUrl.replace(/\/+$/, ''),
    async send({ to, subject, text, html, calendar }) {
      await transport.sendMail({
        from,
        to,
        subject,
        text,
        html,
        ...(calendar ? { icalEvent: { method: 'REQUEST', filename: calendar.filename, content: calendar.content } } : {}),
      });
    },
  };
}

let current: Mailer | null | undefined;

/** The app's mailer from SMTP_URL / SMTP_FROM / APP_URL, or null when no SMTP server is configured (no email, nothing else changes). */
export function mailer(): Mailer | null {
  if (current === undefined) {
    const e = env();
    current = smtpConfigured(e) ? createMailer({ smtpUrl: e.SMTP_URL, from: e.SMTP_FROM, appUrl: e.APP_URL }) : null;
  }
  return current;
}

/** Replaces the app's mailer: the tests point it at the SMTP server they start. */
export function setMailer(replacement: Mailer | null): void {
  current = replacement;
}
