/**
 * The mail catcher `npm start` runs (maildev, same flags as scripts/start.ts): a browser asking for `/` gets its
 * web page (HTML and the assets it links), and an email sent to its SMTP port is listed by its API. (maildev 3
 * answers `/` with JSON 404 to a client that does not accept HTML, e.g. plain curl.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { createServer } from 'node:net';

jest.setTimeout(60_000);

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess;
let web: string;
let smtpPort: number;
const dir = mkdtempSync(join(tmpdir(), 'levante-maildev-'));

beforeAll(async () => {
  smtpPort = await freePort();
  const webPort = await freePort();
  web = `http://127.0.0.1:${webPort}`;
  const bin = join(__dirname, '..', '..', '..', 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
  child = spawn(process.execPath, [bin, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '--mail-directory', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${web}/api/email`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('maildev did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('a browser gets the web page, and the scripts and styles it links', async () => {
  const res = await fetch(`${web}/`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const html = await res.text();
  expect(html).toMatch(/<title>[^<]*MailDev/i);
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect((await fetch(`${web}/${asset}`)).status).toBe(200);
});

test('an email sent to its SMTP port is listed for the page', async () => {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: 'levante@agencia.example.pe', to: 'jorge.salas@agencia.example.pe', subject: '[DSP-2026-000123] Hemos recibido su despacho', text: 'Acuse' });
  const list = (await (await fetch(`${web}/api/email`)).json()) as { subject: string }[];
  expect(list.map((m) => m.subject)).toContain('[DSP-2026-000123] Hemos recibido su despacho');
});
