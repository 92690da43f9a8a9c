/**
 * `npm run fuzz:api`: property-based fuzzing of the operator API driven by its own OpenAPI document
 * (schemathesis: examples, coverage and fuzzing phases), with an admin key so every route is reachable.
 * Before it runs, live resources are seeded (dispatches in the state each action needs, a partner with
 * operations and non-conformities, a client) and every path parameter is pointed at them through
 * schemathesis' config file, so generated requests reach the handlers instead of a 404.
 * Bounded: FUZZ_MAX_EXAMPLES per operation (default 25), FUZZ_MAX_TIME seconds (default 240), and a hard
 * deadline of FUZZ_MAX_TIME + 120 s after which schemathesis is stopped (SIGTERM, then SIGKILL).
 * schemathesis' own console report goes to a file (FUZZ_REPORT, default .state/fuzz/schemathesis.txt, plus a
 * JSON run report beside it): its closing line imitates pytest's, which CI would read as a test runner's
 * verdict, so only its figures are printed here, in our own words.
 * Fails when any response is a 5xx (counted by the API itself) or when too few requests were made to mean
 * anything (FUZZ_MIN_REQUESTS, default 1000). FUZZ_EXTRA_ARGS adds space-separated `schemathesis run` arguments
 * while investigating (e.g. `--include-path-regex milestones --report har`).
 * Needs schemathesis: `pip install --user schemathesis` (or SCHEMATHESIS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '../api/logger';
import { DOCUMENT_KINDS } from '../domain/documents';
import { PARTNER_OFFICES } from '../domain/partners/partner';
import { startThrowawayApi } from './lib/throwaway-api';

const log = (m: string) => console.log(`[fuzz:api] ${m}`);
// Seconds schemathesis may run past --max-time (it finishes the operation in flight) before it is stopped.
const DEADLINE_GRACE_S = 120;
const KILL_AFTER_TERM_MS = 10_000;

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
  const minRequests = Number(process.env.FUZZ_MIN_REQUESTS ?? 1000);
  const report = resolve(process.env.FUZZ_REPORT ?? join(__dirname, '..', '.state', 'fuzz', 'schemathesis.txt'));
  const jsonReport = `${report.replace(/\.txt$/, '')}.json`;
  mkdirSync(dirname(report), { recursive: true });
  rmSync(jsonReport, { force: true });
  const statuses = new Map<number, number>();
  /** "POST /dispatches/:id/actions/close" → status → count: where schemathesis' warnings come from. */
  const byRoute = new Map<string, Map<number, number>>();
  const serverErrors: string[] = [];
  const counter: Logger = {
    info(message, fields = {}) {
      if (message !== 'request') return;
      const status = Number(fields.status);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const route = `${String(fields.method)} ${String(fields.route)}`;
      const tally = byRoute.get(route) ?? new Map<number, number>();
      byRoute.set(route, tally.set(status, (tally.get(status) ?? 0) + 1));
      if (status >= 500) serverErrors.push(`${fields.method} ${fields.path} → ${status}`);
    },
    warn: (m, f) => console.warn(JSON.stringify({ level: 'warn', message: m, ...f })),
    error: (m, f) => console.error(JSON.stringify({ level: 'error', message: m, ...f })),
  };
  const stack = await startThrowawayApi('fuzz', { logger: counter, log, ownNamespace: true });
  const dir = mkdtempSync(join(tmpdir(), 'levante-fuzz-'));
  try {
    const seeded = Date.now();
    const doc = await readOpenApi(stack.url);
    // An email waiting on the triage list (inbound mail needs an IMAP mailbox, which the throwaway stack has not).
    const triageEntry = async () =>
      (await stack.prisma.communicationEntry.create({
        data: { channel: 'mail', direction: 'inbound', subject: 'Consulta sin referencia', summary: 'Buenas noches, ¿cómo va mi carga?', fromAddress: 'lucia@andina.example.pe', triageReason: 'no_reference', occurredAt: new Date(), recordedBy: 'fuzz' },
      })).id;
    const seeds = await seed(stack.url, stack.adminKey, doc, triageEntry);
    const configFile = join(dir, 'schemathesis.toml');
    writeFileSync(configFile, schemathesisConfig(seeds, doc.names));
    log(`seeded ${seeds.params.id!.length} dispatches, ${seeds.params.doNumber!.length} partner operations, ${seeds.params.ncId!.length} non-conformities in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    statuses.clear(); // the figures below count the fuzzer's requests only
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
      '--report', 'json', '--report-json-path', jsonReport,
      '-H', `Authorization: Bearer ${stack.adminKey}`,
      ...(process.env.FUZZ_EXTRA_ARGS ? process.env.FUZZ_EXTRA_ARGS.split(' ') : []),
    ];
    log(`${cmd[0]} ${args.join(' ').replace(stack.adminKey, '<admin key>')}`);
    log(`full report: ${report}`);
    const started = Date.now();
    const run = await runWithDeadline(cmd[0]!, args, report, (maxTime + DEADLINE_GRACE_S) * 1000);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    log(`requests: ${total} in ${seconds} s; by status: ${byStatus || 'none'}`);
    for (const line of describeReport(report, jsonReport)) log(line);
    for (const line of mostlyRefused(byRoute)) log(line);
    log(`5xx responses: ${serverErrors.length}`);
    for (const line of [...new Set(serverErrors)].slice(0, 20)) log(`  ${line}`);
    if (run.interrupted) {
      log('interrupted: schemathesis was stopped before it finished');
      return 1;
    }
    if (run.timedOut) {
      log(`schemathesis ran past its deadline (${maxTime + DEADLINE_GRACE_S} s) and was stopped: ${total >= minRequests ? 'it had made enough requests, so the run still counts' : `it hung (only ${total} requests)`}`);
    } else {
      log(`schemathesis exit code ${run.code ?? `none (signal ${run.signal})`}`);
    }
    // The verdict is the API's own count: the only check schemathesis runs is "no 5xx", which the API counts
    // too, so a non-zero exit with no 5xx is schemathesis failing inside itself (seen: a KeyError in its
    // coverage phase) — reported, not fatal, as long as enough requests were made to mean something.
    if (!run.timedOut && run.code !== 0 && serverErrors.length === 0) log(`schemathesis ended with an error of its own; no 5xx was served (see the full report)`);
    if (total < minRequests) log(`only ${total} requests (< ${minRequests}): the run proves too little`);
    return serverErrors.length > 0 || total < minRequests ? 1 : 0;
  } finally {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The routes that answered mostly 404 or mostly 400/422 to the fuzzer, with their status counts, so that a
 * schemathesis warning ("missing test data", "validation mismatch") points at what the seeds or schemas lack.
 */
function mostlyRefused(byRoute: Map<string, Map<number, number>>): string[] {
  const lines: string[] = [];
  for (const [route, tally] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const share = (...codes: number[]) => codes.reduce((n, c) => n + (tally.get(c) ?? 0), 0) / total;
    const kind = share(404) > 0.5 ? 'mostly 404' : share(400, 422) > 0.5 ? 'mostly 400/422' : undefined;
    if (!kind || total < 5) continue;
    lines.push(`  ${route} (${kind}): ${[...tally].sort(([a], [b]) => a - b).map(([st, n]) => `${st}×${n}`).join(' ')}`);
  }
  return lines.length ? [`routes that mostly refused the fuzzer (by the API's own log): ${lines.length}`, ...lines] : [];
}

interface RunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Stopped by the deadline. */
  timedOut: boolean;
  /** Stopped because this script was asked to stop (SIGTERM/SIGINT). */
  interrupted: boolean;
}

/**
 * Runs schemathesis with stdout and stderr in `reportFile`, in a process group of its own so the deadline (and a
 * SIGTERM/SIGINT sent to this script) stops it and anything it started.
 */
function runWithDeadline(command: string, args: string[], reportFile: string, deadlineMs: number): Promise<RunOutcome> {
  const out = openSync(reportFile, 'w');
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true });
    let timedOut = false;
    let interrupted = false;
    let killer: NodeJS.Timeout | undefined;
    const stop = () => {
      const signal = (s: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, s);
        } catch {
          // already gone
        }
      };
      signal('SIGTERM');
      killer ??= setTimeout(() => signal('SIGKILL'), KILL_AFTER_TERM_MS);
    };
    const deadline = setTimeout(() => {
      timedOut = true;
      stop();
    }, deadlineMs);
    const onSignal = () => {
      interrupted = true;
      stop();
    };
    process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
    child.once('error', (err) => {
      clearTimeout(deadline);
      closeSync(out);
      fail(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      clearTimeout(killer);
      process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
      closeSync(out);
      done({ code, signal, timedOut, interrupted });
    });
  });
}

/** schemathesis' figures, from its JSON run report when it wrote one, else from its console report. */
function describeReport(consoleReport: string, jsonReport: string): string[] {
  const text = existsSync(consoleReport) ? readFileSync(consoleReport, 'utf8') : '';
  if (existsSync(jsonReport)) {
    const doc = JSON.parse(readFileSync(jsonReport, 'utf8')) as SchemathesisReport;
    const ops = doc.operations;
    const phases = Object.entries(doc.phases ?? {}).map(([name, p]) => `${name} ${p.status}`).join(', ');
    const warnings = Object.entries(doc.warnings ?? {}).filter(([, labels]) => labels.length > 0);
    return [
      `operations covered: ${ops ? `${ops.tested} of ${ops.selected} selected (${ops.total} in the document)` : 'unknown'}; test cases generated: ${doc.test_cases.generated}; phases: ${phases || 'none'}; schemathesis ran ${doc.running_time?.toFixed(1) ?? '?'} s (stop reason: ${doc.stop_reason})`,
      `schemathesis warnings: ${warnings.length}`,
      ...warnings.map(([kind, labels]) => `  ${kind.replace(/_/g, ' ')}: ${labels.length} operations (${labels.join(', ')})`),
      ...(doc.failures.length ? [`failures found by schemathesis: ${doc.failures.map((f) => `${f.title} ×${f.count}`).join('; ')}`] : []),
      ...(doc.errors.length ? [`errors inside schemathesis: ${doc.errors.map((e) => `${e.title} ×${e.count}`).join('; ')}`] : []),
    ];
  }
  // No JSON report: schemathesis was stopped or crashed. Read what its console report got to.
  const tested = /Tested:\s*(\d+)/.exec(text)?.[1];
  const generated = /(\d+) generated/.exec(text)?.[1];
  const phases = [...text.matchAll(/^\s*\S+\s+(Examples|Coverage|Fuzzing) \(in ([\d.]+)s\)/gm)].map((m) => `${m[1]!.toLowerCase()} finished in ${m[2]} s`);
  const warnings = [...text.matchAll(/⚠️\s*(.+?): (\d+) operations?/g)].map((m) => `  ${m[1]!.toLowerCase()}: ${m[2]} operations`);
  return [
    `no JSON run report (schemathesis did not finish); operations covered: ${tested ?? 'unknown'}; test cases generated: ${generated ?? 'unknown'}; phases: ${phases.join(', ') || 'none finished'}`,
    `schemathesis warnings: ${warnings.length || 'none listed'}`,
    ...warnings,
  ];
}

interface SchemathesisReport {
  running_time?: number;
  stop_reason: string;
  operations: { total: number; selected: number; tested: number } | null;
  phases: Record<string, { status: string }> | null;
  test_cases: { generated: number };
  failures: { title: string; count: number }[];
  errors: { title: string; count: number }[];
  warnings: Record<string, string[]>;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}
type JsonSchema = { properties?: Record<string, JsonSchema>; enum?: string[] };

/** What the fuzzer will read: every path parameter name, the dispatch actions, and the document itself. */
async function readOpenApi(url: string): Promise<{ doc: OpenApiDoc; names: Set<string>; actions: string[] }> {
  const doc = (await (await fetch(`${url}/openapi.json`)).json()) as OpenApiDoc;
  const paths = Object.keys(doc.paths);
  return {
    doc,
    names: new Set(paths.flatMap((p) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))),
    actions: paths.map((p) => /^\/dispatches\/\{id\}\/actions\/([\w-]+)$/.exec(p)?.[1]).filter((a): a is string => !!a),
  };
}

// ---- Seeding -------------------------------------------------------------------------------------------

interface Seeds {
  /** Path parameter name → live ids, for every operation that has that parameter. */
  params: Record<string, string[]>;
  /** Body field → values any operation with that field may use (where business rules are stricter than the schema). */
  bodies: Record<string, string[]>;
  /** Operation ("POST /dispatches/{id}/actions/levante") → parameter ("path.id", "body.damNumber") → values prepared for it. */
  operations: Map<string, Record<string, string[]>>;
}

type Step = [action: string, body?: Record<string, unknown>];
interface Target {
  direction?: 'import' | 'export';
  /** Drive the dispatch up to (not including) this action; the whole path when absent. */
  before?: string;
  regime?: '10' | '20' | '40';
  terminal?: 'APMTC' | 'DPWC';
  restricted?: boolean;
  /** Red channel: the physical inspection is scheduled and recorded before the levante (import-steps-2026-12). */
  red?: boolean;
  complaints?: number;
}

const CLIENT_RUC = '20100047218';
/** The BL and container serial of the i-th seeded dispatch. */
const serialOf = (i: number) => String(1_000_000 + i * 7919).slice(-7);
const damNumber = (regime: string) => `118-2026-${regime}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

function pathOf(t: Target, serial: string): Step[] {
  const docs: Step = ['documents-received', { documents: [...DOCUMENT_KINDS] }];
  if (t.direction === 'export') {
    // An export with its own DAM (lifecycle feature export-dam-2026-12): the draft's data match the documents'.
    const data = { partyRuc: CLIENT_RUC, bl: `MSCU${serial}`, grossWeightKg: '18250.5', packages: 840, invoiceValue: '48250.00', currency: 'USD', tariffLines: 3 };
    return [
      docs, ['documents-reviewed'], ['document-data', { data }], ['draft-emitted', { dam: data }], ['draft-approved'], ['dam-numbered', { damNumber: damNumber('40') }],
      ['cargo-entry'], ['channel-assigned', { channel: 'verde' }],
      ['seals', { seals: [{ containerNumber: `MSCU${serial}`, sealNumber: 'PE-000101' }], sintadReference: 'SINTAD-2026-0001' }], ['shipped'],
    ];
  }
  return [
    docs, ['documents-reviewed'], ['draft-emitted'], ['draft-approved'], ['dam-numbered', { damNumber: damNumber(t.regime ?? '10') }],
    ['channel-assigned', { channel: t.red ? 'rojo' : 'verde' }],
    ...(t.restricted ? [['senasa-inspection', { scheduledFor: '2026-12-02T09:00:00-05:00', place: 'Terminal', inspector: 'Ing. Carla Ríos' }], ['senasa-report']] as Step[] : []),
    ...(t.red ? [['physical-inspection-scheduled', { scheduledFor: '2026-12-02T09:00:00-05:00', place: 'Zona de aforo' }], ['physical-inspection-recorded']] as Step[] : []),
    ['levante'], ['mobilization', { warehouse: 'DT Neptunia' }], ['pre-exit', { warehouse: 'Almacén Andina', pickupDate: '2099-12-31' }],
    t.terminal === 'DPWC' ? ['bl-assignment', { carrierRuc: '20512345678', carrierName: 'Transportes Callao S.A.C.' }] : ['appointment', { date: '2026-12-15' }],
    ['pickup'], ['delivered', { receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0001' } }], ['container-return', { date: '2026-12-16', depot: 'Depósito Vacíos Callao' }], ['container-returned'],
  ];
}

/** Where each action is allowed; an action on the import path not listed here gets a dispatch driven up to it. */
const TARGETS: Record<string, Target> = {
  'discharge-ended': { before: 'documents-received' },
  cancel: { before: 'documents-reviewed' },
  'senasa-report': { before: 'senasa-report', restricted: true, terminal: 'DPWC' },
  'senasa-inspection': { before: 'senasa-inspection', restricted: true },
  // The red channel's physical inspection, on an import (an export's channel is green in pathOf).
  'physical-inspection-scheduled': { before: 'physical-inspection-scheduled', red: true },
  'physical-inspection-recorded': { before: 'physical-inspection-recorded', red: true },
  replan: { before: 'documents-reviewed' },
  proforma: { before: 'appointment' },
  liquidation: { before: 'appointment' },
  'regime-concluded': { before: 'appointment', regime: '20' },
  'bl-assignment': { before: 'bl-assignment', terminal: 'DPWC' },
  'container-return': { before: 'container-return' },
  close: {},
  'cargo-entry': { direction: 'export', before: 'cargo-entry' },
  'document-data': { direction: 'export', before: 'document-data' },
  // The cut-off is recorded before the draft (export-dam-2026-12).
  'cargo-cutoff': { direction: 'export', before: 'documents-reviewed' },
  seals: { direction: 'export', before: 'seals' },
  shipped: { direction: 'export', before: 'shipped' },
  regularized: { direction: 'export' },
  'complaint-reported': { before: 'documents-reviewed', complaints: 3 },
};
/** A dispatch driven to its end and closed, whose liquidation file the money routes read (the `close` target stays open). */
const LIQUIDATED = '(closed, with its liquidation file)';
/** Book entries (no state change): any live dispatch will do. */
const BOOK_ENTRIES = new Set(['status-glosa', 'extraordinary-service', 'incident', 'complaint']);

/**
 * Live resources through the API itself: a dispatch for each action, driven to the state where that action is
 * allowed (a first valid request gets a 2xx, later ones the workflow's 409); a partner in every office with
 * operations and non-conformities; the client the dispatches belong to; board accounts.
 */
async function seed(url: string, key: string, { doc, actions }: { doc: OpenApiDoc; actions: string[] }, triageEntry: () => Promise<string>): Promise<Seeds> {
  const call = async (method: string, path: string, body?: unknown, idempotencyKey?: string) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) };
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`seeding ${method} ${path}: ${res.status} ${text.slice(0, 400)}`);
    return JSON.parse(text || 'null');
  };
  const operations: Seeds['operations'] = new Map();
  const prepare = (operation: string, param: string, ...values: string[]) => {
    const entry = operations.get(operation) ?? {};
    operations.set(operation, { ...entry, [param]: [...(entry[param] ?? []), ...values] });
  };
  // Unique per run: business ids are never reused in a namespace, even after the dispatch is closed.
  const run = Date.now().toString(36).toUpperCase();
  const contact = { name: 'Lucía Ramos', email: 'lucia@andina.example.pe' };
  await call('PUT', `/clients/${CLIENT_RUC}`, { name: 'Importadora Andina S.A.C.', contacts: [contact], statusReportRecipients: [contact] });

  const deliverOriginals = async (id: string) => {
    const { dispatch } = (await call('GET', `/dispatches/${id}`)) as { dispatch: { requiredDocuments: string[] } };
    await call('POST', `/dispatches/${id}/actions/originals-delivered`, { documents: dispatch.requiredDocuments });
  };
  const dispatches: string[] = [];
  const complaintIds: string[] = [];
  const updateIds: [dispatchId: string, updateId: string][] = [];
  const targets = [...actions.filter((a) => !BOOK_ENTRIES.has(a)), LIQUIDATED].map((action) => [action, TARGETS[action] ?? (action === LIQUIDATED ? {} : { before: action })] as const);
  await inBatches(targets, 4, async ([action, target], i) => {
    const id = `DSP-FUZZ-${run}-${i}`;
    const serial = serialOf(i);
    await call('POST', '/dispatches', {
      dispatchId: id, client: { ruc: CLIENT_RUC, name: 'Importadora Andina S.A.C.', contacts: [contact] },
      regime: target.direction === 'export' ? '40' : (target.regime ?? '10'), modality: 'diferido', terminal: target.terminal ?? 'APMTC',
      vessel: 'MSC Callao Express', eta: '2026-12-01T10:00:00.000Z', bl: `MSCU${serial}`, goods: 'Repuestos de maquinaria',
      containers: [{ containerNumber: `MSCU${serial}`, size: '40' }], restrictedGoods: target.restricted ?? false,
      executive: { id: 'ESC-07', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' },
    });
    const steps = pathOf(target, serial);
    const stop = target.before ? Math.max(0, steps.findIndex(([a]) => a === target.before)) : steps.length;
    for (const [n, [step, body]] of steps.slice(0, stop).entries()) {
      // With an Idempotency-Key the action's outcome can be read back (GET …/actions/outcomes/{updateId}).
      await call('POST', `/dispatches/${id}/actions/${step}`, body ?? {}, `seed-${n}`);
      updateIds.push([id, `${step}:seed-${n}`]);
    }
    // Closing waits for the originals in the Archive (money-clocks-2026-12): delivered, so the first close succeeds.
    if (action === 'close' || action === LIQUIDATED) await deliverOriginals(id);
    for (let c = 0; c < (target.complaints ?? 0); c++) {
      const logged = await call('POST', `/dispatches/${id}/actions/complaint`, { category: 'demurrage', description: 'Sobreestadía de contenedor por demora del cliente' });
      complaintIds.push((logged.dispatch.complaints as { id: string }[]).at(-1)!.id);
    }
    dispatches.push(id);
    if (action !== LIQUIDATED) prepare(`POST /dispatches/{id}/actions/${action}`, 'path.id', id);
  });
  const withOutcomes = updateIds[0]![0];
  prepare('GET /dispatches/{id}/actions/outcomes/{updateId}', 'path.id', withOutcomes);
  prepare('GET /dispatches/{id}/actions/outcomes/{updateId}', 'path.updateId', ...updateIds.filter(([d]) => d === withOutcomes).map(([, u]) => u));
  prepare('POST /dispatches/{id}/actions/dam-numbered', 'body.damNumber', damNumber('10'), damNumber('10'));
  // Bodies the business rules accept, for the actions whose generated bodies they (rightly) refuse nearly always:
  // with them the first good draw on the dispatch prepared for the action gets its 2xx.
  const bodyOf = (action: string, fields: Record<string, string>) => {
    for (const [field, value] of Object.entries(fields)) prepare(`POST /dispatches/{id}/actions/${action}`, `body.${field}`, value);
  };
  bodyOf('cargo-cutoff', { cutoffAt: '2026-12-20T18:00:00-05:00' });
  bodyOf('container-return', { date: '2026-12-16', depot: 'Depósito Vacíos Callao' });
  bodyOf('physical-inspection-scheduled', { scheduledFor: '2026-12-02T09:00:00-05:00', place: 'Zona de aforo' });
  bodyOf('senasa-inspection', { scheduledFor: '2026-12-02T09:00:00-05:00', place: 'Terminal', inspector: 'Ing. Carla Ríos' });
  bodyOf('pre-exit', { warehouse: 'Almacén Andina', pickupDate: '2099-12-31' });
  bodyOf('replan', { reason: 'La naviera adelantó el arribo de la nave' });
  // schemathesis' dictionaries hold scalars only (4.x): the object bodies (regularized's claveSol, seals, a proforma's
  // lines) stay generated.

  // What the money and people routes act on: a proforma (its PDF by version), a closed dispatch with its liquidation
  // file, a written agreement to fulfil, an extraordinary service to void, an email on the triage list to file.
  const idOf = (action: string) => {
    const index = targets.findIndex(([a]) => a === action);
    return index < 0 ? undefined : `DSP-FUZZ-${run}-${index}`;
  };
  const open = idOf('levante') ?? dispatches.find((d) => d !== idOf('close') && d !== idOf('cancel') && d !== idOf(LIQUIDATED))!;
  const proforma = await call('POST', `/dispatches/${open}/proformas`, { lines: [{ kind: 'agency_fee', description: 'Agenciamiento de aduana', quantity: 1, unitAmount: '350.00', currency: 'PEN' }] });
  prepare('GET /dispatches/{id}/proformas/{version}.pdf', 'path.id', open);
  prepare('POST /dispatches/{id}/proformas', 'path.id', open);
  const closed = idOf(LIQUIDATED);
  if (closed) {
    await call('POST', `/dispatches/${closed}/actions/close`, {});
    // The workflow compiles the liquidation file after closing: wait for it (bounded).
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
      if ((await fetch(`${url}/dispatches/${closed}/liquidation`, { headers: { Authorization: `Bearer ${key}` } })).status === 200) break;
    }
    for (const op of ['GET /dispatches/{id}/liquidation', 'GET /dispatches/{id}/liquidation.pdf']) prepare(op, 'path.id', closed);
  }
  const agreements: string[] = [];
  for (let i = 0; i < 2; i++) {
    const made = await call('POST', `/dispatches/${open}/agreements`, {
      source: 'client', agreedWith: 'Lucía Ramos (Importadora Andina)', agreedAt: new Date(Date.now() - 3_600_000).toISOString(),
      content: 'Enviar la proforma actualizada antes del retiro', channel: 'mail',
    });
    agreements.push((made.agreement as { id: string }).id);
  }
  prepare('POST /dispatches/{id}/agreements/{agreementId}/fulfilled', 'path.id', open);
  const services: string[] = [];
  for (let i = 0; i < 2; i++) {
    const billed = await call('POST', `/dispatches/${open}/actions/extraordinary-service`, { description: 'Atención fuera de horario', reason: 'out_of_hours', amountPen: '150.00' });
    services.push((billed.dispatch.extraordinaryServices as { id: string }[]).at(-1)!.id);
  }
  prepare('POST /dispatches/{id}/actions/void-extraordinary-service', 'path.id', open);
  prepare('POST /dispatches/{id}/actions/void-extraordinary-service', 'body.serviceId', ...services);
  const entries = [await triageEntry(), await triageEntry()];
  prepare('POST /communications/{entryId}/file', 'body.dispatchId', open);

  // A partner in every office, management to escalate to, operations for each route that acts on one.
  const partnerId = `ALZ-FUZZ-${run}`;
  const hours = { received: 40, declared: 40, inspection: 40, levante: 40, delivered: 40 };
  await call('PUT', `/partners/${partnerId}`, {
    name: 'Aduanas del Caribe SAS', nit: '900123456-7', contacts: [{ name: 'Coordinación Caribe', email: 'operaciones@caribe.example.co' }],
    accountManager: { name: 'Gestor de alianzas', email: 'gestor.alianzas@agencia.example.pe' },
    offices: PARTNER_OFFICES.map((office) => ({ office, serviceTimesHours: hours })),
  });
  await call('PUT', '/management-contacts', { name: 'Gerente General', email: 'gerencia@agencia.example.pe' });
  const assignedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
  const doNumbers: string[] = [];
  // A first milestone must be "received"; DO numbers and dispatch ids generated from `$`-anchored patterns often
  // end in a newline (Python's `$`), which the API's patterns refuse: give each field some values it accepts.
  prepare('POST /partner-operations/{doNumber}/milestones', 'body.milestone', 'received');
  prepare('POST /partner-operations', 'body.partnerId', partnerId);
  prepare('POST /partner-operations', 'body.doNumber', ...Array.from({ length: 10 }, (_, i) => `DO-FUZZ-${run}-NEW${i}`));
  prepare('POST /partner-operations', 'body.dispatchId', ...dispatches.slice(0, 3));
  for (const [route, count] of [['milestones', 2], ['complaints', 1], ['cancel', 1]] as const) {
    for (let i = 0; i < count; i++) {
      const doNumber = `DO-FUZZ-${run}-${route.slice(0, 3).toUpperCase()}${i}`;
      await call('POST', '/partner-operations', { doNumber, partnerId, office: 'CTG', assignedAt });
      doNumbers.push(doNumber);
      prepare(`POST /partner-operations/{doNumber}/${route}`, 'path.doNumber', doNumber);
    }
  }
  // Non-conformities: one awaiting its corrective action, one with the action recorded (so it can be closed).
  const openNc = async (tag: string) =>
    (await call('POST', `/partners/${partnerId}/non-conformities`, { description: 'Demora en la recepción de documentos del aliado', office: 'CTG' }, `FUZZ-${tag}`)).ncId as string;
  const [toPlan, toClose] = [await openNc('PLAN'), await openNc('CLOSE')];
  await call('POST', `/non-conformities/${toClose}/corrective-action`, { plan: 'Reforzar el turno de recepción de documentos del aliado' });
  prepare('POST /non-conformities/{ncId}/corrective-action', 'path.ncId', toPlan);
  prepare('POST /non-conformities/{ncId}/close', 'path.ncId', toClose);

  // Board accounts (when the API has them): one to read and reset, one for the disable route.
  const usernames: string[] = [];
  const staffFunction = doc.paths['/staff-accounts/{username}']?.put?.requestBody?.content['application/json']?.schema.properties?.function?.enum?.[0];
  if (staffFunction) {
    for (const username of [`fuzz.${run.toLowerCase()}.a`, `fuzz.${run.toLowerCase()}.b`]) {
      await call('PUT', `/staff-accounts/${username}`, { name: 'Cuenta de prueba', role: 'operator', function: staffFunction, password: `clave-${run}-segura` });
      usernames.push(username);
    }
    prepare('POST /staff-accounts/{username}/disable', 'path.username', usernames[1]!);
  }

  // Fields each valid alone that the rules refuse together (a cross-field or calendar rule an OpenAPI schema cannot
  // say): a handover happens at a shift's start, a shift ends at another hour than it starts, a mandate expires after
  // it is granted and not in the past (an approved credit's limit and currency are in the OpenAPI document).
  prepare('GET /people/handover', 'query.at', '2026-12-01T22:00:00-05:00', '2026-12-02T08:00:00-05:00');
  // {id} is a dispatch's code everywhere else; a shift's code is lower case.
  prepare('PUT /people/shifts/{id}', 'path.id', 'night', 'late-day');
  prepare('PUT /people/shifts/{id}', 'body.start', '08:00');
  prepare('PUT /people/shifts/{id}', 'body.end', '20:00');
  // An electronic mandate lasts at most a year and must not have expired already.
  const limaDay = (days: number) => new Date(Date.now() + days * 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 10);
  prepare('POST /clients/{ruc}/mandates', 'body.grantedAt', limaDay(-30));
  prepare('POST /clients/{ruc}/mandates', 'body.expiresAt', limaDay(300));

  const now = Date.now();
  return {
    params: {
      id: dispatches, updateId: updateIds.map(([, u]) => u), doNumber: doNumbers, ncId: [toPlan, toClose], partnerId: [partnerId], ruc: [CLIENT_RUC], username: usernames,
      version: [String(proforma.version)], agreementId: agreements, entryId: entries,
    },
    bodies: {
      // Past instants, after the seeded operations were assigned: "in the future" is a business refusal (422).
      occurredAt: [60_000, 600_000, 3_600_000].map((ms) => new Date(now - ms).toISOString()),
      complaintId: complaintIds,
      partnerId: [partnerId],
    },
    operations,
  };
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => each(item, i + j)));
}

/**
 * schemathesis.toml: a dictionary per kind of id, bound to its path parameter everywhere, and per operation to
 * the resources prepared for it. Most draws use a live value, the rest stay generated (unknown ids: 404).
 * Operations are selected by name ("POST /path"): `include-path` with `include-method` would be two filters
 * that either may satisfy, so every POST would match the first entry.
 */
function schemathesisConfig(seeds: Seeds, pathParams: Set<string>): string {
  for (const name of pathParams) if (!seeds.params[name]?.length) log(`path parameter {${name}} has no seeded values: its operations will mostly answer 404`);
  const lines: string[] = [];
  const dictionary = (name: string, values: string[]) => lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, '');
  const binding = (name: string, p: number) => `{ dictionary = "${name}", probability = ${p} }`;
  const operations = [...seeds.operations].map(([name, params], i) => ({ name, params: Object.entries(params).map(([param, values], j) => ({ param, values, dict: `op-${i}-${j}` })) }));
  const params = Object.entries(seeds.params).filter(([, values]) => values.length > 0);
  const bodies = Object.entries(seeds.bodies).filter(([, values]) => values.length > 0);
  for (const [param, values] of params) dictionary(`path-${param}`, values);
  for (const [field, values] of bodies) dictionary(`body-${field}`, values);
  for (const op of operations) for (const p of op.params) dictionary(p.dict, p.values);
  lines.push('[parameters]');
  for (const [param] of params) lines.push(`"path.${param}" = ${binding(`path-${param}`, 0.8)}`);
  for (const [field] of bodies) lines.push(`"body.${field}" = ${binding(`body-${field}`, 0.5)}`);
  lines.push('');
  for (const op of operations) {
    const bindings = op.params.map((p) => `"${p.param}" = ${binding(p.dict, p.param.startsWith('path.') ? 0.9 : 0.5)}`);
    lines.push('[[operations]]', `include-name = ${JSON.stringify(op.name)}`, `parameters = { ${bindings.join(', ')} }`, '');
  }
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[fuzz:api] ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
