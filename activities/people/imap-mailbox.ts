/**
 * Reads new messages from IMAP folders with imapflow: everything after the last UID seen (per folder and
 * UIDVALIDITY; a new UIDVALIDITY means the folder was rebuilt and is read again from the start, which the
 * Message-ID log makes harmless).
 */
import { ImapFlow } from 'imapflow';
import type { ImapSettings } from '../../config/config';
import { mailText, topHeader } from './mail-text';

export interface FetchedMail {
  uid: number;
  messageId: string | null;
  inReplyTo: string | null;
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  date: string;
}

export interface MailboxReader {
  /** Who reads: the mailbox's account (its owner's address). */
  readonly user: string;
  readonly folders: readonly string[];
  /** Messages after `afterUid` in `folder` (all of them when the UIDVALIDITY changed), oldest first. */
  fetchNew(folder: string, cursor: { uidValidity: string; lastUid: number } | null): Promise<{ uidValidity: string; messages: FetchedMail[] }>;
}

const first = (list: { address?: string }[] | undefined) => list?.[0]?.address?.toLowerCase() ?? null;

/** MailboxReader over one IMAP account; one connection per fetch (a run a minute does not need a pool). */
export function createImapMailboxReader(settings: ImapSettings): MailboxReader {
  return {
    user: settings.user,
    folders: settings.folders,
    async fetchNew(folder, cursor) {
      const client = new ImapFlow({ host: settings.host, port: settings.port, secure: settings.secure, auth: { user: settings.user, pass: settings.password }, logger: false, connectionTimeout: 10_000 });
      await client.connect();
      try {
        const exists = (await client.list()).some((m) => m.path === folder);
        if (!exists) return { uidValidity: cursor?.uidValidity ?? '0', messages: [] };
        const lock = await client.getMailboxLock(folder, { readOnly: true });
        try {
          const box = client.mailbox;
          const uidValidity = box && typeof box === 'object' ? String(box.uidValidity) : '0';
          const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
          const messages: FetchedMail[] = [];
          if (box && typeof box === 'object' && box.exists === 0) return { uidValidity, messages };
          for await (const msg of client.fetch(`${after + 1}:*`, { uid: true, envelope: true, source: true, internalDate: true }, { uid: true })) {
            if (msg.uid <= after) continue; // `n:*` always returns the newest message, even when it is older than n
            const env = msg.envelope;
            const raw = msg.source?.toString('utf8') ?? '';
            messages.push({
              uid: msg.uid,
              messageId: env?.messageId ?? null,
              // GreenMail (and some servers) leave In-Reply-To out of the ENVELOPE: read the header itself.
              inReplyTo: env?.inReplyTo || topHeader(raw, 'In-Reply-To').split(/\s+/)[0] || null,
              from: first(env?.from),
              to: [...(env?.to ?? []), ...(env?.cc ?? [])].map((a) => a.address?.toLowerCase()).filter((a): a is string => !!a),
              subject: env?.subject ?? '',
              text: raw ? mailText(raw) : '',
              date: new Date(env?.date ?? msg.internalDate ?? Date.now()).toISOString(),
            });
          }
          return { uidValidity, messages: messages.sort((a, b) => a.uid - b.uid) };
        } finally {
          lock.release();
        }
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
  };
}
