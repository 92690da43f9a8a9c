/** The API's and the worker's JSON-lines loggers: level from LOG_LEVEL, secrets and bodies never printed. */
import { createJsonLogger } from '../../api/logger';
import { createWorkerLogger, toTemporalLogger } from '../../workers/logger';

function capture() {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line), entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('API logger (api/logger.ts)', () => {
  test('writes one JSON object per line with level, ISO time, service, msg and the fields', () => {
    const out = capture();
    createJsonLogger('info', out.write).info('request', { method: 'GET', status: 200, actor: 'operador.noche', dispatchId: 'DSP-1' });
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).not.toContain('\n');
    const [entry] = out.entries();
    expect(entry).toMatchObject({ level: 'info', service: 'levante-api', msg: 'request', method: 'GET', status: 200, actor: 'operador.noche', dispatchId: 'DSP-1' });
    expect(new Date(String(entry!.time)).toISOString()).toBe(entry!.time);
  });

  test('honours the level: debug entries only at debug, warn and error at every level', () => {
    const info = capture();
    const logger = createJsonLogger('info', info.write);
    logger.debug?.('scrape');
    logger.warn('audit write failed');
    expect(info.entries().map((e) => e.level)).toEqual(['warn']);
    const error = capture();
    const quiet = createJsonLogger('error', error.write);
    quiet.info('request');
    quiet.warn('slow');
    quiet.error('request failed');
    expect(error.entries().map((e) => e.msg)).toEqual(['request failed']);
    const debug = capture();
    createJsonLogger('debug', debug.write).debug?.('scrape');
    expect(debug.entries()).toEqual([expect.objectContaining({ level: 'debug', msg: 'scrape' })]);
  });

  test('redacts credentials, cookies and bodies, at the top level and nested', () => {
    const out = capture();
    createJsonLogger('info', out.write).error('request failed', {
      authorization: 'Bearer lev_secret-api-key',
      headers: { authorization: 'Bearer lev_nested-key', cookie: 'levante_board=session-token', 'set-cookie': 'levante_board=new-token' },
      req: { headers: { Authorization: 'Bearer lev_deep-key' }, body: { name: 'Importadora Andina', password: 'hunter2' } },
      body: { ruc: '20100047218', contacts: [{ email: 'lucia.ramos@andina.example.pe' }] },
      password: 'p4ssw0rd',
      token: 'scrape-token-0123456789',
      status: 500,
    });
    const line = out.lines[0]!;
    for (const secret of ['lev_secret-api-key', 'lev_nested-key', 'session-token', 'new-token', 'lev_deep-key', 'Importadora Andina', 'hunter2', 'lucia.ramos', 'p4ssw0rd', 'scrape-token']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]' },
      req: { headers: { Authorization: '[redacted]' }, body: '[redacted]' },
      body: '[redacted]',
      status: 500,
    });
  });
});

describe('worker logger (workers/logger.ts)', () => {
  function workerCapture(level: 'debug' | 'info' = 'info') {
    const out = capture();
    const log = createWorkerLogger(level, { write: (chunk: string) => out.write(chunk.replace(/\n$/, '')) });
    return { ...out, log };
  }

  test('the Temporal runtime logger prints JSON lines with the SDK metadata and the dispatch id', () => {
    const out = workerCapture();
    const temporal = toTemporalLogger(out.log);
    temporal.info('Activity completed', { sdkComponent: 'activity', workflowId: 'dispatch-DSP-2026-000123', runId: 'r1', activityType: 'sendAcknowledgementEmail', [Symbol('time')]: 1n });
    temporal.log('WARN', 'Workflow task failed', { workflowId: 'partner-operation-DO-1' });
    temporal.debug('Polling', {});
    const entries = out.entries();
    expect(entries).toEqual([
      expect.objectContaining({ level: 'info', service: 'levante-worker', msg: 'Activity completed', workflowId: 'dispatch-DSP-2026-000123', dispatchId: 'DSP-2026-000123', runId: 'r1' }),
      expect.objectContaining({ level: 'warn', workflowId: 'partner-operation-DO-1' }),
    ]);
    expect(entries[1]).not.toHaveProperty('dispatchId');
  });

  test('prints errors with their message and redacts secrets', () => {
    const out = workerCapture();
    toTemporalLogger(out.log).error('Activity failed', { error: new Error('SMTP refused'), password: 'smtp-secret', workflowId: 'dispatch-X-1' });
    const [entry] = out.entries();
    expect(entry).toMatchObject({ level: 'error', error: { message: 'SMTP refused', type: 'Error' }, password: '[redacted]' });
    expect(out.lines[0]).not.toContain('smtp-secret');
  });
});
