/** The text of a PDF written by pdfkit with the standard fonts: every content stream inflated, its TJ strings decoded. */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /(?<!end)stream\r?\n/g; // not the "endstream" of the previous object
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    const dict = raw.slice(raw.lastIndexOf(' obj', m.index), m.index);
    streams.push(/FlateDecode/.test(dict) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1'));
  }
  return streams
    .flatMap((s) => s.match(/\[[^\]]*\] TJ/g) ?? [])
    .map((tj) => (tj.match(/<([0-9a-f]*)>/g) ?? []).map((hex) => Buffer.from(hex.slice(1, -1), 'hex').toString('latin1')).join(''))
    .join('\n');
}
