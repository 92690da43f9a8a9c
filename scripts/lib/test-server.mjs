// Provision Temporal's Java time-skipping test server from Maven Central, idempotently.
//
// The TS SDK's own test-server download comes from a host this machine cannot reach, so we
// fetch io.temporal:temporal-test-server's runtime classpath with Maven (see
// tools/temporal-test-server/pom.xml) into a per-user cache and write a tiny shell launcher.
// Use the returned path with:
//   TestWorkflowEnvironment.createTimeSkipping({
//     server: { executable: { type: 'existing-path', path } },
//   })
//
// Cache layout (outside the repo):
//   ${XDG_CACHE_HOME:-~/.cache}/levante/temporal-test-server-<version>/
//     lib/*.jar               runtime classpath
//     temporal-test-server    launcher (exec java ... io.temporal.testserver.TestServer "$@")
//     server.jsa              optional AppCDS archive (faster JVM start), made after the rest
//
// Override: TEMPORAL_TEST_SERVER=/path/to/launcher-or-binary skips all of this.
// Run directly (`node scripts/lib/test-server.mjs`) to provision and print the launcher path.

import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMaven } from './maven-fetch.mjs';
import { freePort, waitForPort } from './ports.mjs';

/** Version of io.temporal:temporal-test-server fetched from Maven Central. */
export const TEST_SERVER_VERSION = '1.38.0';

const MAIN_CLASS = 'io.temporal.testserver.TestServer';
const LAUNCHER_NAME = 'temporal-test-server';
const CDS_ARCHIVE_NAME = 'server.jsa';
const INSTALL_HINT = 'apt-get install -y openjdk-17-jre-headless maven';
// Small, fast-start JVM: the SDK gives the server 5 s to answer. C1-only JIT and serial GC
// roughly halve start-up on a 2-core machine; the AppCDS archive (if present) halves it again.
const JVM_FLAGS = ['-Xss1m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'];

const here = path.dirname(fileURLToPath(import.meta.url));
const POM_PATH = path.resolve(here, '../../tools/temporal-test-server/pom.xml');

/** Absolute cache directory for a given test-server version. */
export function testServerCacheDir(version = TEST_SERVER_VERSION) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.resolve(base, 'levante', `temporal-test-server-${version}`);
}

/** Absolute path of the launcher inside the cache (whether or not it exists yet). */
export function testServerLauncherPath(version = TEST_SERVER_VERSION) {
  return path.join(testServerCacheDir(version), LAUNCHER_NAME);
}

/**
 * Make sure the time-skipping test server is available and return the absolute path of an
 * executable launcher for TestWorkflowEnvironment.createTimeSkipping (type 'existing-path').
 * Fast no-op when already provisioned. Throws an Error with one sentence if java/mvn are missing.
 */
export async function ensureTestServer({ log = console.log } = {}) {
  const override = process.env.TEMPORAL_TEST_SERVER;
  if (override) {
    const p = path.resolve(override);
    if (!(await isExecutable(p))) {
      throw new Error(`TEMPORAL_TEST_SERVER is set to ${p}, which is not an executable file.`);
    }
    return p;
  }

  const version = TEST_SERVER_VERSION;
  const dir = testServerCacheDir(version);
  const launcher = path.join(dir, LAUNCHER_NAME);

  if (await isComplete(dir, version)) {
    // java is needed at run time even when cached; a PATH lookup is cheap.
    await requireTools(['java']);
    return launcher;
  }

  await requireTools(['java', 'mvn']);
  const started = Date.now();
  log(`Fetching Temporal time-skipping test server ${version} from Maven Central (first run only)…`);

  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  await removeStaleTempDirs(parent, path.basename(dir));
  const tmp = await fs.mkdtemp(path.join(parent, `.${path.basename(dir)}.tmp-`));
  try {
    await fs.chmod(tmp, 0o755); // mkdtemp makes it 0700
    const tmpLib = path.join(tmp, 'lib');
    await runMaven([
      '-q', '-B', '-Dstyle.color=never',
      '-f', POM_PATH,
      `-Dtemporal.test-server.version=${version}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmpLib}`,
      '-DincludeScope=runtime',
    ]);
    const jars = (await fs.readdir(tmpLib)).filter((f) => f.endsWith('.jar')).sort();
    if (!jars.includes(`temporal-test-server-${version}.jar`)) {
      throw new Error(`Maven finished but temporal-test-server-${version}.jar is not in ${tmpLib}.`);
    }
    // The launcher names the final paths (the temp dir is renamed into place below).
    const classpath = jars.map((j) => path.join(dir, 'lib', j)).join(':');
    await fs.writeFile(path.join(tmp, LAUNCHER_NAME), launcherScript(dir, classpath), { mode: 0o755 });

    try {
      await fs.rename(tmp, dir);
    } catch (err) {
      // Someone else (a parallel run) finished first: theirs is as good as ours.
      if (!['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(err.code) || !(await isComplete(dir, version))) {
        throw err;
      }
      await fs.rm(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  log(`Temporal test server ${version} fetched in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  // Optional: an AppCDS archive makes every later JVM start about twice as fast.
  if (!(await exists(path.join(dir, CDS_ARCHIVE_NAME)))) {
    const t = Date.now();
    log('Generating class-data-sharing archive for faster test-server start…');
    try {
      await makeCdsArchive(dir);
      log(`Class-data-sharing archive ready in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
    } catch (err) {
      log(`Skipping class-data-sharing archive (${err.message}); the test server still works.`);
    }
  }

  log(`Temporal test server launcher: ${launcher}`);
  return launcher;
}

function shQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

function launcherScript(dir, classpath) {
  const flags = JVM_FLAGS.join(' ');
  const jsa = path.join(dir, CDS_ARCHIVE_NAME);
  // Must exec (the SDK kills its direct child) and pass through only the SDK's args (the port).
  return `#!/bin/sh
# Generated by scripts/lib/test-server.mjs: Temporal time-skipping test server ${TEST_SERVER_VERSION}.
CP=${shQuote(classpath)}
JSA=${shQuote(jsa)}
if [ -r "$JSA" ]; then
  exec java ${flags} -XX:SharedArchiveFile="$JSA" -cp "$CP" ${MAIN_CLASS} "$@"
fi
exec java ${flags} -cp "$CP" ${MAIN_CLASS} "$@"
`;
}

/** Start the server once with -XX:ArchiveClassesAtExit, wait until it listens, stop it. */
async function makeCdsArchive(dir) {
  const finalJsa = path.join(dir, CDS_ARCHIVE_NAME);
  const tmpJsa = path.join(dir, `.${CDS_ARCHIVE_NAME}.${process.pid}.tmp`);
  const script = await fs.readFile(path.join(dir, LAUNCHER_NAME), 'utf8');
  const classpath = /^CP='(.*)'$/m.exec(script)?.[1]?.replace(/'\\''/g, "'");
  if (!classpath) throw new Error('cannot read classpath from launcher');
  const port = await freePort();
  const child = spawn(
    'java',
    [...JVM_FLAGS.filter((f) => !f.startsWith('-Xshare')), `-XX:ArchiveClassesAtExit=${tmpJsa}`,
      '-cp', classpath, MAIN_CLASS, String(port)],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitForPort(port, 30_000, () => child.exitCode !== null || child.signalCode !== null, 'the test server');
    await new Promise((r) => setTimeout(r, 1000)); // let start-up class loading settle
  } finally {
    child.kill('SIGTERM'); // the dynamic archive is written during the JVM's orderly exit
    let timer;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  const st = await fs.stat(tmpJsa).catch(() => null);
  if (!st || st.size === 0) {
    await fs.rm(tmpJsa, { force: true });
    throw new Error('the JVM did not write an archive');
  }
  await fs.rename(tmpJsa, finalJsa);
}

/** Drop temp dirs left by runs that were killed mid-download (older than 15 min). */
async function removeStaleTempDirs(parent, base) {
  const prefix = `.${base}.tmp-`;
  for (const name of await fs.readdir(parent).catch(() => [])) {
    if (!name.startsWith(prefix)) continue;
    const p = path.join(parent, name);
    const st = await fs.stat(p).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 15 * 60_000) await fs.rm(p, { recursive: true, force: true });
  }
}

async function isComplete(dir, version) {
  return (
    (await isExecutable(path.join(dir, LAUNCHER_NAME))) &&
    (await exists(path.join(dir, 'lib', `temporal-test-server-${version}.jar`)))
  );
}

async function exists(p) {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function isExecutable(p) {
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) return false;
    await fs.access(p, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    if (d && (await isExecutable(path.join(d, cmd)))) return true;
  }
  return false;
}

async function requireTools(cmds) {
  const missing = [];
  for (const c of cmds) if (!(await onPath(c))) missing.push(c);
  if (missing.length) {
    throw new Error(
      `Temporal's time-skipping test server needs ${missing.join(' and ')} on PATH: install Java 17 and Maven (e.g. \`${INSTALL_HINT}\`) or set TEMPORAL_TEST_SERVER to an existing test-server launcher.`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureTestServer({ log: (m) => console.error(m) })
    .then((p) => console.log(p))
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
