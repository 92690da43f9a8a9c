/** A real SMTP server (smtp-server) on a free loopback port that keeps every message it receives, parsed. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  /** Rejects every message with a temporary error while down (to test an outage of the mail server). */
  setDown(down: boolean): void;
  waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function addresses(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (down) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Service unavailable'), { responseCode: 421 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({ messageId: mail.messageId ?? '', to: addresses(mail), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  // A client that dies mid-conversation (a worker SIGKILLed by the fault suite) resets its socket: smtp-server
  // reports it as an 'error' event, which must not bring the sink down.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    setDown: (value) => {
      down = value;
    },
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`no matching email within ${timeoutMs} ms; received: ${received.map((m) => m.subject).join(' | ')}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
