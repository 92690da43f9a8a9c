import nodemailer from 'nodemailer';

/** One outgoing email. `messageId` is deterministic (derived from the workflow step) so retries are recognisable. */
export interface OutgoingEmail {
  messageId: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** Files attached (e.g. the liquidation file's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Narrow port over the mail transport. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Mailer over SMTP with nodemailer. On loopback without TLS (mail catcher, tests) STARTTLS is not attempted. */
export function createSmtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(settings.host);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ignoreTLS: loopback && !settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: settings.from,
        to: email.to,
        cc: email.cc,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
        ...(email.attachments ? { attachments: email.attachments } : {}),
        headers: { 'X-Levante-Key': email.messageId },
      });
    },
    close: () => transport.close(),
  };
}
