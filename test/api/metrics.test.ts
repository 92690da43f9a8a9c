/** GET /metrics on the real stack: request counters by route template, business gauges from the read model, the token, the request log. */
import request from 'supertest';
import type { DispatchRecord } from '../../activities/records/record-store';
import { createApp } from '../../api/app';
import { createJsonLogger } from '../../api/logger';
import { startApiStack, CLIENT_RUC, type ApiStack } from './api-stack';

jest.setTimeout(90_000);

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

/** A read-model row as the records activity writes it. */
function row(dispatchId: string, state: Partial<DispatchRecord>): DispatchRecord {
  return {
    dispatchId,
    workflowId: `dispatch-${dispatchId}`,
    clientRuc: CLIENT_RUC,
    clientName: 'Importadora Andina S.A.C.',
    direction: 'import',
    regime: '10',
    modality: 'diferido',
    terminal: 'APMTC',
    status: 'opened',
    channel: null,
    damNumber: null,
    vessel: 'MSC Callao Express',
    eta: at(-48 * HOUR),
    bl: 'MSCU1234567',
    goods: 'Repuestos de maquinaria',
    restrictedGoods: false,
    executiveId: 'ESC-07',
    executiveName: 'Jorge Salas',
    executiveEmail: 'jorge.salas@agencia.example.pe',
    nextDeadlineAt: null,
    nextDeadlineClock: null,
    atRisk: false,
    overdue: false,
    openedAt: at(-72 * HOUR),
    closedAt: null,
    ...state,
  };
}

/** The value of one sample line, e.g. `levante_dispatches_open{clock="dam_draft"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_metrics');
  const rows = [
    row('MET-REVIEW-1', { nextDeadlineClock: 'document_review', nextDeadlineAt: at(24 * HOUR) }),
    row('MET-REVIEW-2', { nextDeadlineClock: 'document_review', nextDeadlineAt: at(2 * HOUR), atRisk: true }),
    row('MET-LEGAL-1', { status: 'delivered', nextDeadlineClock: 'regularization_legal', nextDeadlineAt: at(-HOUR), atRisk: true, overdue: true }),
    // Past its deadline, not yet flagged by the workflow's timer: counts as overdue.
    row('MET-DRAFT-1', { status: 'documents_reviewed', nextDeadlineClock: 'dam_draft', nextDeadlineAt: at(-10 * 60_000) }),
    row('MET-NONE-1', { status: 'released' }),
    // Closed or cancelled: never counted, whatever its flags say.
    row('MET-CLOSED-1', { status: 'closed', nextDeadlineClock: 'document_review', nextDeadlineAt: at(-HOUR), overdue: true, closedAt: at(-HOUR) }),
    row('MET-CANCELLED-1', { status: 'cancelled', nextDeadlineClock: 'dam_draft', atRisk: true, closedAt: at(-HOUR) }),
  ];
  for (const r of rows) await api.deps.store.upsertDispatch(r);
});
afterAll(() => api?.close());

describe('GET /metrics', () => {
  test('counts requests by method, route template and status, never by raw URL', async () => {
    const read = (path: string) => request(api.app).get(path).set('Authorization', api.auth('operator'));
    await read('/dispatches/MET-NONE-1').expect(200);
    await read('/dispatches/MET-NONE-1').expect(200);
    await read('/dispatches/MET-UNKNOWN-9').expect(404);
    await read('/dispatches?open=true').expect(200);
    await request(api.app).get('/dispatches/MET-NONE-1/history').expect(401);
    await request(api.app).get('/no/such/route').expect(404);

    const res = await request(api.app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'levante_http_requests_total{method="GET",route="/dispatches/:id",status="200"}')).toBe(2);
    expect(sample(text, 'levante_http_requests_total{method="GET",route="/dispatches/:id",status="404"}')).toBe(1);
    expect(sample(text, 'levante_http_requests_total{method="GET",route="/dispatches",status="200"}')).toBe(1);
    expect(sample(text, 'levante_http_requests_total{method="GET",route="/dispatches/:id/history",status="401"}')).toBe(1);
    expect(sample(text, 'levante_http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBe(1);
    expect(sample(text, 'levante_http_request_duration_seconds_count{method="GET",route="/dispatches/:id",status="200"}')).toBe(2);
    expect(text).toContain('levante_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/dispatches/:id",status="200"}');
    // No series names a dispatch: the ids stay out of every label.
    expect(text).not.toMatch(/MET-|no\/such/);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  test('business gauges count open, at-risk and overdue dispatches of the read model by clock', async () => {
    const text = (await request(api.app).get('/metrics').expect(200)).text;
    const gauge = (name: string, clock: string) => sample(text, `levante_dispatches_${name}{clock="${clock}"}`);
    expect(sample(text, 'levante_read_model_up')).toBe(1);
    expect(gauge('open', 'document_review')).toBe(2);
    expect(gauge('open', 'regularization_legal')).toBe(1);
    expect(gauge('open', 'dam_draft')).toBe(1);
    expect(gauge('open', 'none')).toBe(1);
    expect(gauge('at_risk', 'document_review')).toBe(1);
    expect(gauge('at_risk', 'regularization_legal')).toBe(1);
    expect(gauge('at_risk', 'dam_draft')).toBe(0);
    expect(gauge('overdue', 'regularization_legal')).toBe(1);
    expect(gauge('overdue', 'dam_draft')).toBe(1);
    expect(gauge('overdue', 'document_review')).toBe(0);
    // Every known clock has a series, even at zero.
    expect(gauge('open', 'regime_expiry')).toBe(0);
    expect(gauge('overdue', 'complaint_escalation')).toBe(0);
  });

  test('is not part of the OpenAPI document (nor of the fuzz surface)', async () => {
    const doc = (await request(api.app).get('/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  test('with METRICS_TOKEN, wants it as a Bearer token', async () => {
    const app = createApp({ ...api.deps, metricsToken: 'scrape-token-0123456789' });
    const refused = await request(app).get('/metrics').expect(401);
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    expect(refused.body.error.code).toBe('unauthorized');
    await request(app).get('/metrics').set('Authorization', 'Bearer scrape-token-wrong-000').expect(401);
    // An API key is not the metrics token.
    await request(app).get('/metrics').set('Authorization', api.auth('admin')).expect(401);
    const res = await request(app).get('/metrics').set('Authorization', 'Bearer scrape-token-0123456789').expect(200);
    expect(res.text).toContain('levante_dispatches_open{clock="none"} 1');
  });
});

describe('request log', () => {
  test('one JSON line per request with route, actor, dispatch and workflow ids; never the key or the body', async () => {
    const lines: string[] = [];
    const app = createApp({ ...api.deps, logger: createJsonLogger('info', (line) => lines.push(line)) });
    await request(app).get('/dispatches/MET-REVIEW-1').set('Authorization', api.auth('operator')).expect(200);
    await request(app)
      .put(`/clients/${CLIENT_RUC}`)
      .set('Authorization', api.auth('operator'))
      .set('Cookie', 'levante_board=cookie-secret-value')
      .send({ name: 'BODY-SECRET-VALUE' })
      .expect(403);
    await request(app).get('/metrics').expect(200);

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 'levante-api',
      method: 'GET',
      path: '/dispatches/MET-REVIEW-1',
      route: '/dispatches/:id',
      status: 200,
      actor: 'operador.noche',
      dispatchId: 'MET-REVIEW-1',
      workflowId: 'dispatch-MET-REVIEW-1',
    });
    expect(entries[1]).toMatchObject({ route: '/clients/:ruc', status: 403, actor: 'operador.noche' });
    expect(entries[1]).not.toHaveProperty('dispatchId');
    // Scrapes are debug entries: at info, two requests, two lines.
    expect(entries).toHaveLength(2);
    const all = lines.join('\n');
    expect(all).not.toContain(api.keys.operator);
    expect(all).not.toContain('cookie-secret-value');
    expect(all).not.toContain('BODY-SECRET-VALUE');
  });
});
