/** The money of a dispatch over the real stack: rates, credit, deposits, the funds gate, proformas and their PDF. */
import { auditsWritten } from '../../../api/app';
import request from 'supertest';
import { startApiStack, type ApiStack, CLIENT_RUC } from '../api-stack';
import { pdfText } from './pdf-text';

jest.setTimeout(90_000);

let api: ApiStack;
const OTHER_RUC = '20555000111';
const DSP = 'DSP-2026-000901';
const DSP2 = 'DSP-2026-000902';
const FOREIGN = 'DSP-2026-000903';

/** Lima's date today: the rate routes use it. */
const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);

async function seedDispatch(id: string, ruc: string, terminal = 'APMTC') {
  const p = api.stack.prisma;
  await p.client.upsert({ where: { ruc }, create: { ruc, name: `Cliente ${ruc}` }, update: {} });
  await p.dispatch.create({
    data: {
      id, workflowId: `dispatch-${id}`, clientRuc: ruc, direction: 'import', regime: '10', modality: 'anticipado', terminal, status: 'opened',
      vessel: 'MSC ARICA', eta: new Date('2026-12-01T15:00:00Z'), bl: 'MEDU1234567', goods: 'Repuestos', restrictedGoods: false,
      executiveId: 'ESC-07', executiveName: 'Jorge Salas', executiveEmail: 'jorge.salas@agencia.example.pe', openedAt: new Date(),
    },
  });
}

beforeAll(async () => {
  api = await startApiStack('api_money');
  await seedDispatch(DSP, CLIENT_RUC);
  await seedDispatch(DSP2, CLIENT_RUC, 'DPWC');
  await seedDispatch(FOREIGN, OTHER_RUC);
});
afterAll(() => api?.close());

const as = (role: 'operator' | 'supervisor' | 'admin' | 'client') => ({ Authorization: api.auth(role) });

describe('exchange rates', () => {
  test('Administración enters the day\'s rate once; a different rate for the same day is refused', async () => {
    await request(api.app).post('/exchange-rates').set(as('operator')).send({ date: today, rate: '3.75', source: 'SBS venta' }).expect(403);
    const created = await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: today, rate: '3.75', source: 'SBS venta' }).expect(201);
    expect(created.body).toEqual({ date: today, rate: '3.750000', source: 'SBS venta' });
    await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: today, rate: '3.750', source: 'SBS venta' }).expect(200);
    const conflict = await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: today, rate: '3.80', source: 'SBS venta' }).expect(409);
    expect(conflict.body.error.message).toMatch(/ya tiene tipo de cambio 3.750000/);
    await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: '2026-11-30', rate: '3.7412', source: 'SUNAT' }).expect(201);
    const list = await request(api.app).get('/exchange-rates').set(as('operator')).expect(200);
    expect(list.body.items[0]).toEqual({ date: today, rate: '3.750000', source: 'SBS venta' });
    expect(list.body.items.map((r: { date: string }) => r.date)).toContain('2026-11-30');
    await auditsWritten(api.app); // audit rows are written right after the answer
    expect(await api.stack.prisma.auditEvent.count({ where: { action: 'money.exchange-rate', actor: 'admin.sistemas' } })).toBe(4); // the 409 too
  });

  test('a rate as a JSON number or with 7 decimals is refused in Spanish, naming the field', async () => {
    const res = await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: '2026-12-02', rate: 3.75, source: 'SBS' }).expect(400);
    expect(res.body.error.issues).toEqual([{ path: 'body.rate', message: 'El tipo de cambio va como texto decimal, p. ej. "3.752", no como número.' }]);
    const tooFine = await request(api.app).post('/exchange-rates').set(as('admin')).send({ date: '2026-12-02', rate: '3.7512345', source: 'SBS' }).expect(400);
    expect(tooFine.body.error.issues[0]).toMatchObject({ path: 'body.rate', message: expect.stringMatching(/hasta 6 decimales/) });
  });
});

describe('client credit', () => {
  test('an admin approves a limit or removes it; operators read it; unknown clients are 404', async () => {
    const none = await request(api.app).get(`/clients/${CLIENT_RUC}/credit`).set(as('operator')).expect(200);
    expect(none.body).toMatchObject({ ruc: CLIENT_RUC, status: 'none', limit: null });
    await request(api.app).put(`/clients/${CLIENT_RUC}/credit`).set(as('supervisor')).send({ status: 'none' }).expect(403);
    const bad = await request(api.app).put(`/clients/${CLIENT_RUC}/credit`).set(as('admin')).send({ status: 'approved', limit: '1000.5' }).expect(400);
    expect(bad.body.error.issues).toEqual([{ path: 'body.currency', message: 'Un crédito aprobado necesita su moneda.' }]);
    await request(api.app).put('/clients/20999999999/credit').set(as('admin')).send({ status: 'none' }).expect(404);
    const approved = await request(api.app).put(`/clients/${OTHER_RUC}/credit`).set(as('admin')).send({ status: 'approved', limit: '10000.00', currency: 'USD' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', limit: { amount: '10000.00', currency: 'USD' }, updatedBy: 'admin.sistemas' });
  });
});

describe('ledger and funds gate', () => {
  test('operators record deposits; amounts must be strings with at most 2 decimals', async () => {
    const float = await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).send({ amount: 1000.123, currency: 'USD', reference: 'OP-1', method: 'transfer' }).expect(400);
    expect(float.body.error.issues).toEqual([{ path: 'body.amount', message: 'El monto va como texto decimal, p. ej. "1250.50", no como número.' }]);
    const three = await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).send({ amount: '1000.123', currency: 'EUR', reference: 'OP-1', method: 'cash' }).expect(400);
    expect(three.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.amount', 'body.currency', 'body.method']);
    expect(three.body.error.issues.find((i: { path: string }) => i.path === 'body.amount').message).toMatch(/hasta 2 decimales/);
    const zero = await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).send({ amount: '0.00', currency: 'PEN', reference: 'OP-1', method: 'transfer' }).expect(400);
    expect(zero.body.error.issues).toEqual([{ path: 'body.amount', message: 'El monto debe ser mayor que cero.' }]);
    await request(api.app).post('/dispatches/DSP-2026-999999/deposits').set(as('operator')).send({ amount: '1', currency: 'USD', reference: 'OP-1', method: 'transfer' }).expect(404);
    await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('client')).send({ amount: '1', currency: 'USD', reference: 'OP-1', method: 'transfer' }).expect(403);

    const first = await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).set('Idempotency-Key', 'dep-1')
      .send({ amount: '1000.10', currency: 'USD', reference: 'OP-00012345', method: 'transfer' }).expect(201);
    expect(first.body).toMatchObject({ kind: 'deposit', amount: { amount: '1000.10', currency: 'USD' }, method: 'transfer', actor: 'operador.noche' });
    const retry = await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).set('Idempotency-Key', 'dep-1')
      .send({ amount: '1000.10', currency: 'USD', reference: 'OP-00012345', method: 'transfer' }).expect(200);
    expect(retry.body.id).toBe(first.body.id);
    await request(api.app).post(`/dispatches/${DSP}/deposits`).set(as('operator')).send({ amount: '1875.00', currency: 'PEN', reference: 'LT-0009', method: 'letters' }).expect(201);
    await auditsWritten(api.app); // audit rows are written right after the answer
    expect(await api.stack.prisma.auditEvent.count({ where: { action: 'money.deposit', target: DSP } })).toBeGreaterThanOrEqual(3);
  });

  test('a payment the funds do not cover is refused with 409 in Spanish and the shortfall; one they cover is recorded', async () => {
    // Funds: 1000.10 USD + 1875.00 PEN (= 500.00 USD at 3.75) = 1500.10 USD; the client has no credit.
    const refused = await request(api.app).post(`/dispatches/${DSP}/payment-requests`).set(as('operator'))
      .send({ amount: '1600.00', currency: 'USD', payee: 'APM Terminals Callao', concept: 'Almacenaje y THC', reference: 'F001-000123' }).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'insufficient_funds',
      message: expect.stringContaining('Disponible: US$ 1,500.10; faltan US$ 99.90.'),
      issues: [{ path: 'body.amount', message: 'Faltan 99.90 USD (disponible 1500.10 USD).' }],
    });
    await auditsWritten(api.app); // audit rows are written right after the answer
    expect(await api.stack.prisma.auditEvent.count({ where: { action: 'money.payment-request', target: DSP } })).toBe(1); // refusals are in the trail

    const accepted = await request(api.app).post(`/dispatches/${DSP}/payment-requests`).set(as('operator')).set('Idempotency-Key', 'pay-1')
      .send({ amount: '1200.00', currency: 'USD', payee: 'APM Terminals Callao', concept: 'Almacenaje y THC', reference: 'F001-000123' }).expect(201);
    expect(accepted.body.entry).toMatchObject({ kind: 'payment', amount: { amount: '1200.00', currency: 'USD' }, payee: 'APM Terminals Callao' });
    expect(accepted.body.gate.converted[0]).toMatchObject({ original: { amount: '1875.00', currency: 'PEN' }, amount: '500.00', rate: '3.750000', rateDate: today });
    await request(api.app).post(`/dispatches/${DSP}/payment-requests`).set(as('operator')).set('Idempotency-Key', 'pay-1')
      .send({ amount: '1200.00', currency: 'USD', payee: 'APM Terminals Callao', concept: 'Almacenaje y THC', reference: 'F001-000123' }).expect(200);

    const ledger = await request(api.app).get(`/dispatches/${DSP}/ledger`).set(as('client')).expect(200);
    expect(ledger.body.balances).toEqual([
      { currency: 'PEN', deposits: '1875.00', payments: '0.00', balance: '1875.00' },
      { currency: 'USD', deposits: '1000.10', payments: '1200.00', balance: '-199.90' },
    ]);
    expect(ledger.body.rate).toEqual({ date: today, rate: '3.750000', source: 'SBS venta' });
    expect(ledger.body.totals).toEqual([
      { currency: 'PEN', total: '1125.38', converted: [expect.objectContaining({ original: { amount: '-199.90', currency: 'USD' }, amount: '-749.62', rate: '3.750000' })] },
      { currency: 'USD', total: '300.10', converted: [expect.objectContaining({ original: { amount: '1875.00', currency: 'PEN' }, amount: '500.00' })] },
    ]);
    expect(ledger.body.entries).toHaveLength(3);
  });

  test('concurrent payment requests are decided one after the other: never both over the funds', async () => {
    await request(api.app).post(`/dispatches/${DSP2}/deposits`).set(as('operator')).send({ amount: '100.00', currency: 'USD', reference: 'OP-2', method: 'transfer' }).expect(201);
    const body = { amount: '80.00', currency: 'USD', payee: 'DP World Callao', concept: 'Liquidación', reference: 'F002-1' };
    const answers = await Promise.all([1, 2, 3].map(() => request(api.app).post(`/dispatches/${DSP2}/payment-requests`).set(as('operator')).send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  test('an approved credit covers what deposits do not; a client key sees only its own dispatches', async () => {
    const payment = { amount: '9000.00', currency: 'USD', payee: 'Naviera', concept: 'Flete local', reference: 'F9' };
    await request(api.app).post(`/dispatches/${FOREIGN}/payment-requests`).set(as('operator')).send(payment).expect(201);
    const over = await request(api.app).post(`/dispatches/${FOREIGN}/payment-requests`).set(as('operator')).send(payment).expect(409);
    expect(over.body.error.message).toMatch(/crédito aprobado.*faltan US\$ 8,000.00/);
    await request(api.app).get(`/dispatches/${FOREIGN}/ledger`).set(as('client')).expect(404);
    await request(api.app).get('/dispatches/DSP-2026-999999/ledger').set(as('operator')).expect(404);
  });
});

describe('proformas', () => {
  test('a line whose amount cannot be stored exactly is refused in Spanish, not a 500 (found by the fuzzer)', async () => {
    const res = await request(api.app)
      .post(`/dispatches/${DSP}/proformas`)
      .set(as('operator'))
      .send({ lines: [{ kind: 'projected_storage', description: 'Almacenaje', quantity: 8286, unitAmount: '1696410013.9', currency: 'PEN' }] })
      .expect(422);
    expect(res.body.error).toMatchObject({ code: 'amount_too_large' });
  });

  test('each proforma is a new version with exact amounts and projected cost clocks; its PDF names the dispatch and totals', async () => {
    const body = {
      lines: [
        { kind: 'agency_fee', description: 'Honorarios de despacho', unitAmount: '350.00', currency: 'USD' },
        { kind: 'extra_service', description: 'Servicio fuera de horario', quantity: 2, unitAmount: '120.55', currency: 'PEN' },
        { kind: 'terminal_charge', description: 'THC', unitAmount: '180.00', currency: 'USD' },
      ],
      // Discharged on Wednesday of Holy Week 2026, withdrawn the Monday after: 4 chargeable calendar days at APMTC.
      projection: { dischargeDate: '2026-04-01', withdrawalDate: '2026-04-06', containers: { '40': 1 }, shippingLine: 'MSC' },
      notes: 'Válida por 7 días.',
    };
    const first = await request(api.app).post(`/dispatches/${DSP}/proformas`).set(as('operator')).send(body).expect(201);
    expect(first.body).toMatchObject({ version: 1, pdf: `/dispatches/${DSP}/proformas/1.pdf`, rate: { rate: '3.750000' } });
    expect(first.body.lines.map((l: { kind: string; amount: { amount: string } }) => [l.kind, l.amount.amount])).toEqual([
      ['agency_fee', '350.00'], ['extra_service', '241.10'], ['terminal_charge', '180.00'], ['projected_storage', '120.00'],
    ]);
    expect(first.body.totals.byCurrency).toEqual([{ amount: '241.10', currency: 'PEN' }, { amount: '650.00', currency: 'USD' }]);
    const second = await request(api.app).post(`/dispatches/${DSP}/proformas`).set(as('operator')).send({ lines: body.lines.slice(0, 1) }).expect(201);
    expect(second.body.version).toBe(2);

    const pdf = await request(api.app).get(`/dispatches/${DSP}/proformas/1.pdf`).set(as('client'))
      .buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); })
      .expect(200).expect('Content-Type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(`Despacho ${DSP}`);
    expect(text).toContain('Total PEN: S/ 241.10');
    expect(text).toContain('Total USD: US$ 650.00');
    expect(text).toContain('Almacenaje proyectado');
    expect(text).toMatch(/al tipo de cambio 3\.750000 \(SBS venta/);

    await request(api.app).get(`/dispatches/${DSP}/proformas/9.pdf`).set(as('operator')).expect(404);
    await request(api.app).get(`/dispatches/${FOREIGN}/proformas/1.pdf`).set(as('client')).expect(404);
    const empty = await request(api.app).post(`/dispatches/${DSP}/proformas`).set(as('operator')).send({ lines: [] }).expect(400);
    expect(empty.body.error.issues[0]).toMatchObject({ path: 'body.lines', message: expect.stringMatching(/al menos una línea/) });
  });

  test('the OpenAPI document lists the money routes', async () => {
    const doc = await request(api.app).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/exchange-rates', '/clients/{ruc}/credit', '/dispatches/{id}/ledger', '/dispatches/{id}/payment-requests', '/dispatches/{id}/proformas/{version}.pdf']));
    // Issue #14 in the workflow (money-clocks-2026-12): liquidation file, invoice regularization, the money actions.
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/dispatches/{id}/liquidation', '/dispatches/{id}/liquidation.pdf', '/dispatches/{id}/invoice-regularization',
      '/dispatches/{id}/actions/third-party-payment', '/dispatches/{id}/actions/void-extraordinary-service', '/dispatches/{id}/actions/originals-delivered',
    ]));
    const payment = doc.body.paths['/dispatches/{id}/actions/third-party-payment'].post.requestBody.content['application/json'].schema;
    expect(payment.properties.amount).toMatchObject({ type: 'string', example: '1250.50' });
    // What the API refuses is said in the document, so a client (or the fuzzer) can build a body it accepts:
    // an amount has a digit other than 0, and an approved credit has its limit and currency while "none" has neither.
    const patterns = (payment.properties.amount.allOf as { pattern: string }[]).map((p) => new RegExp(p.pattern));
    const matches = (v: string) => patterns.every((re) => re.test(v));
    expect(['0', '0.00', '12.345', '1,250.50'].filter(matches)).toEqual([]);
    expect(['0.01', '1250.50', '7'].every(matches)).toBe(true);
    const credit = doc.body.paths['/clients/{ruc}/credit'].put.requestBody.content['application/json'].schema;
    expect(credit.oneOf).toEqual([
      { properties: { status: { const: 'none' }, limit: { not: {} }, currency: { not: {} } } },
      { properties: { status: { const: 'approved' } }, required: ['limit', 'currency'] },
    ]);
  });
});
