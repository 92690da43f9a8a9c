/**
 * `npm run fuzz:api`: property-based fuzzing of the operator API driven by its own OpenAPI document
 * (schemathesis: examples, coverage and fuzzing phases), with an admin key so every route is reachable.
 * Bounded: FUZZ_MAX_EXAMPLES per operation (default 25) and FUZZ_MAX_TIME seconds (default 240).
 * Fails when any response is a 5xx, counted by the API itself (and by schemathesis' not_a_server_error check).
 * Needs schemathesis: `pip install --user schemathesis` (or set SCHEMATHESIS to its executable).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../api/logger';
import { startThrowawayApi } from './lib/throwaway-api';

const log = (m: string) => console.log(`[fuzz:api] ${m}`);

function schemathesisCommand(): string[] {
  if (process.env.SCHEMATHESIS) return [process.env.SCHEMATHESIS];
  if (spawnSync('schemathesis', ['--version']).status === 0) return ['schemathesis'];
  const user = join(homedir(), '.local', 'bin', 'schemathesis');
  if (existsSync(user)) return [user];
  if (spawnSync('python3', ['-m', 'schemathesis.cli', '--version']).status === 0) return ['python3', '-m', 'schemathesis.cli'];
  throw new Error('schemathesis not found: pip install --user schemathesis (or set SCHEMATHESIS)');
}

async function main(): Promise<number> {
  const cmd = schemathesisCommand();
  const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 25);
  const maxTime = Number(process.env.FUZZ_MAX_TIME ?? 240);
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];
  const counter: Logger = {
    info(message, fields = {}) {
      if (message !== 'request') return;
      const status = Number(fields.status);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(`${fields.method} ${fields.path} → ${status}`);
    },
    warn: (m, f) => console.warn(JSON.stringify({ level: 'warn', message: m, ...f })),
    error: (m, f) => console.error(JSON.stringify({ level: 'error', message: m, ...f })),
  };
  const stack = await startThrowawayApi('fuzz', { logger: counter, log, ownNamespace: true });
  const dir = mkdtempSync(join(tmpdir(), 'levante-fuzz-'));
  const started = Date.now();
  try {
    const ids = await seedDispatches(stack.url, stack.operatorKey);
    // Most generated ids are unknown (404); this dictionary sends 80 % of path ids to live dispatches instead,
    // so the actions reach the workflow's validators and handlers.
    const configFile = join(dir, 'schemathesis.toml');
    writeFileSync(configFile, `[dictionaries.dispatches]\nvalues = ${JSON.stringify(ids)}\n\n[parameters]\n"path.id" = { dictionary = "dispatches", probability = 0.8 }\n`);
    const args = [
      ...cmd.slice(1),
      '--config-file', configFile,
      'run',
      `${stack.url}/openapi.json`,
      '--checks', 'not_a_server_error',
      '--max-examples', String(maxExamples),
      '--max-time', String(maxTime),
      '--phases', 'examples,coverage,fuzzing',
      '--workers', '2',
      '--seed', process.env.FUZZ_SEED ?? '20261125',
      '--request-timeout', '30',
      '--suppress-health-check', 'all',
      '--generation-database', 'none',
      '--no-color',
      '-H', `Authorization: Bearer ${stack.adminKey}`,
    ];
    log(`${cmd[0]} ${args.join(' ').replace(stack.adminKey, '<admin key>')}`);
    const code = await new Promise<number>((resolve) => {
      spawn(cmd[0]!, args, { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1));
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    log(`${total} requests in ${seconds} s; by status: ${byStatus}`);
    log(`5xx responses: ${serverErrors.length}${serverErrors.length ? `\n  ${[...new Set(serverErrors)].slice(0, 20).join('\n  ')}` : ''}`);
    log(`schemathesis exit code ${code}`);
    // The verdict is the API's own count: the only check schemathesis runs is "no 5xx", which the API counts
    // too, so a non-zero exit with no 5xx is schemathesis failing inside itself (seen: a KeyError in its
    // coverage phase) — reported, not fatal, as long as enough requests were made to mean something.
    const minRequests = Number(process.env.FUZZ_MIN_REQUESTS ?? 1000);
    if (code !== 0 && serverErrors.length === 0) log(`schemathesis ended with an error of its own (exit ${code}); no 5xx was served`);
    if (total < minRequests) log(`only ${total} requests (< ${minRequests}): the run proves too little`);
    return serverErrors.length > 0 || total < minRequests ? 1 : 0;
  } finally {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens an APMTC import, a DPWC import with restricted goods and an export for the fuzzer's actions to hit. */
async function seedDispatches(url: string, key: string): Promise<string[]> {
  const base = {
    client: { ruc: '20100047218', name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia@andina.example.pe' }] },
    modality: 'anticipado',
    vessel: 'MSC Callao Express',
    eta: '2026-12-01T10:00:00.000Z',
    bl: 'MSCU1234567',
    goods: 'Repuestos de maquinaria',
    containers: [{ containerNumber: 'MSCU7654321', size: '40' }],
    executive: { id: 'ESC-07', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' },
  };
  // Unique per run: business ids are never reused in a namespace, even after the dispatch is closed.
  const run = Date.now().toString(36).toUpperCase();
  const seeds = [
    { ...base, dispatchId: `DSP-FUZZ-APM-${run}`, regime: '10', terminal: 'APMTC', restrictedGoods: false },
    { ...base, dispatchId: `DSP-FUZZ-DPW-${run}`, regime: '20', terminal: 'DPWC', restrictedGoods: true },
    { ...base, dispatchId: `DSP-FUZZ-EXP-${run}`, regime: '40', terminal: 'APMTC', restrictedGoods: false },
  ];
  for (const body of seeds) {
    const res = await fetch(`${url}/dispatches`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`seeding ${body.dispatchId}: ${res.status} ${await res.text()}`);
  }
  return seeds.map((s) => s.dispatchId);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[fuzz:api] ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
