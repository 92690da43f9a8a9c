// Provision GreenMail standalone (a real SMTP + IMAP server in one jar, for the inbound-mail tests) from Maven
// Central, idempotently, like scripts/lib/test-server.mjs does for Temporal's test server. The standalone jar has
// no runtime dependencies, so no pom is needed: `mvn dependency:copy` fetches the one artifact into a per-user cache.
//
// Cache layout (outside the repo):
//   ${XDG_CACHE_HOME:-~/.cache}/levante/greenmail-<version>/greenmail-standalone-<version>.jar
//
// Override: GREENMAIL_JAR=/path/to/greenmail-standalone.jar skips the download.
// Run directly (`node scripts/lib/greenmail.mjs`) to provision and print the jar's path.
//
// Start flags (from the jar's own usage text, GreenMailStandaloneRunner):
//   -Dgreenmail.<protocol>.hostname=… -Dgreenmail.<protocol>.port=…   protocol: smtp, imap, … (both needed)
//   -Dgreenmail.users=<login:pwd@domain>[,…]  -Dgreenmail.users.login=email   (log in with the full address)
// No API server starts unless -Dgreenmail.setup[.test].api is given.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMaven } from './maven-fetch.mjs';
import { freePort, waitForPort } from './ports.mjs';

/** Version of com.icegreen:greenmail-standalone fetched from Maven Central. */
export const GREENMAIL_VERSION = '2.1.3';
const ARTIFACT = `com.icegreen:greenmail-standalone:${GREENMAIL_VERSION}`;
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
// Fast-start JVM (C1 only, serial GC): GreenMail is up in about 2 s on 2 cores.
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss1m'];

export function greenmailCacheDir(version = GREENMAIL_VERSION) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.resolve(base, 'levante', `greenmail-${version}`);
}

/** Makes sure the GreenMail jar is cached and returns its absolute path. Needs java (and mvn the first time). */
export async function ensureGreenMail({ log = console.log } = {}) {
  if (process.env.GREENMAIL_JAR) return path.resolve(process.env.GREENMAIL_JAR);
  const dir = greenmailCacheDir();
  const jar = path.join(dir, `greenmail-standalone-${GREENMAIL_VERSION}.jar`);
  if (await exists(jar)) return jar;
  const started = Date.now();
  log(`Fetching GreenMail ${GREENMAIL_VERSION} from Maven Central (first run only)…`);
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const tmp = await fs.mkdtemp(path.join(path.dirname(dir), `.greenmail-${GREENMAIL_VERSION}.tmp-`));
  try {
    await runMaven(['-q', '-B', '-Dstyle.color=never', `${DEPENDENCY_PLUGIN}:copy`, `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${tmp}`], {
      cwd: tmp,
      missing: 'mvn is not on PATH: install Java 17 and Maven (e.g. apt-get install -y openjdk-17-jre-headless maven) or set GREENMAIL_JAR.',
    });
    if (!(await exists(path.join(tmp, path.basename(jar))))) throw new Error(`Maven finished but ${path.basename(jar)} is not in ${tmp}.`);
    await fs.chmod(tmp, 0o755);
    try {
      await fs.rename(tmp, dir);
    } catch (err) {
      // A parallel run finished first: theirs is as good as ours.
      if (!(await exists(jar))) throw err;
      await fs.rm(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  log(`GreenMail ${GREENMAIL_VERSION} fetched in ${((Date.now() - started) / 1000).toFixed(1)} s: ${jar}`);
  return jar;
}

/**
 * Starts GreenMail on free loopback ports with the given users (`{ email, password }`, login = the address).
 * Returns { smtpPort, imapPort, stop() } once both ports accept connections.
 */
export async function startGreenMail({ jar, users, smtpPort, imapPort, log = () => {} }) {
  smtpPort ??= await freePort();
  imapPort ??= await freePort();
  const args = [
    ...JVM_FLAGS,
    '-Dgreenmail.smtp.hostname=127.0.0.1', `-Dgreenmail.smtp.port=${smtpPort}`,
    '-Dgreenmail.imap.hostname=127.0.0.1', `-Dgreenmail.imap.port=${imapPort}`,
    `-Dgreenmail.users=${users.map((u) => `${u.email.split('@')[0]}:${u.password}@${u.email.split('@')[1]}`).join(',')}`,
    '-Dgreenmail.users.login=email',
    '-jar', jar,
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b) => (output = (output + b.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  try {
    await waitForPort(smtpPort, 30_000, gone, 'GreenMail');
    await waitForPort(imapPort, 30_000, gone, 'GreenMail');
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`GreenMail did not start: ${err.message}\n${output.trim()}`);
  }
  log(`GreenMail on SMTP ${smtpPort}, IMAP ${imapPort}`);
  return {
    smtpPort,
    imapPort,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

async function exists(p) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureGreenMail({ log: (m) => console.error(m) })
    .then((p) => console.log(p))
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
