/**
 * The readable text of a raw RFC 822 message, enough to find references in it: the first text/plain part (or the
 * body of a single-part message), with quoted-printable or base64 decoded. Not a full MIME parser (mailparser is a
 * dev dependency only); HTML-only messages are searched as their raw text.
 */

const MAX_TEXT = 20_000;

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { head: raw, body: '' };
  return { head: raw.slice(0, at), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? '';
}

function decode(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function partText(raw: string, depth: number): string | null {
  const { head, body } = splitHead(raw);
  const type = header(head, 'Content-Type').toLowerCase() || 'text/plain';
  if (type.startsWith('multipart/') && depth < 5) {
    const boundary = /boundary="?([^";]+)"?/i.exec(header(head, 'Content-Type'))?.[1];
    if (!boundary) return body;
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const text = partText(part.replace(/^\r?\n/, ''), depth + 1);
      if (text !== null) return text;
    }
    return null;
  }
  if (type.startsWith('text/plain')) return decode(body, header(head, 'Content-Transfer-Encoding'));
  return null;
}

/** A top-level header of the raw message ('' when absent), e.g. In-Reply-To when the server's ENVELOPE lacks it. */
export function topHeader(raw: string, name: string): string {
  return header(splitHead(raw).head, name);
}

/** The message's plain text (at most 20,000 characters). */
export function mailText(raw: string): string {
  return (partText(raw, 0) ?? splitHead(raw).body).slice(0, MAX_TEXT);
}
