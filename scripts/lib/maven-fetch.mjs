import { spawn } from 'node:child_process';

/**
 * Runs a Maven command quietly (for the JARs our test servers come in: Maven Central is one of the registries these
 * machines reach); rejects with the tail of its output. `missing` is the hint when the command is not on PATH.
 */
export function runMaven(args, { cwd, missing } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (b) => (out = (out + b.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => reject(err.code === 'ENOENT' && missing ? new Error(missing) : err));
    child.once('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`mvn ${args.join(' ')} failed (${signal ?? `exit ${code}`}); is Maven Central reachable?\n${out.trim()}`)),
    );
  });
}
