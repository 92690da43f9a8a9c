/**
 * GreenMail (real SMTP + IMAP) for one test file: the jar provisioned by scripts/lib/greenmail.mjs (Maven Central,
 * cached in ~/.cache/levante), started on free loopback ports with the given accounts (login = the address).
 */
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface GreenMail {
  smtpPort: number;
  imapPort: number;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

export async function startGreenMail(users: { email: string; password: string }[]): Promise<GreenMail> {
  // The script is ESM; jest runs CommonJS: provision in a child node, which prints the jar's path.
  const jar = execFileSync(process.execPath, [path.join(__dirname, '../../../scripts/lib/greenmail.mjs')], { encoding: 'utf8' }).trim().split('\n').pop()!;
  const [smtpPort, imapPort] = [await freePort(), await freePort()];
  const logins = users.map((u) => `${u.email.split('@')[0]}:${u.password}@${u.email.split('@')[1]}`).join(',');
  const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Dgreenmail.smtp.hostname=127.0.0.1', `-Dgreenmail.smtp.port=${smtpPort}`, '-Dgreenmail.imap.hostname=127.0.0.1', `-Dgreenmail.imap.port=${imapPort}`, `-Dgreenmail.users=${logins}`, '-Dgreenmail.users.login=email', '-jar', jar], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (!((await listening(smtpPort)) && (await listening(imapPort)))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('GreenMail did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    smtpPort,
    imapPort,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
