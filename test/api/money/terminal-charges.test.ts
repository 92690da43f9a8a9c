/**
 * A client proforma built from data, on the real stack (worker, terminal simulator over HTTP, PostgreSQL): the
 * terminal's proforma is kept with the dispatch, amounts exact (issue #14: they were dropped), and its lines are
 * quoted; the client's agreed agency fee and the dispatch's billed 10110 services are quoted from the client's tariff.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { CLIENT_RUC } from '../api-stack';
import { dispatchBody, IMPORT_DOCUMENTS } from '../bodies';

jest.setTimeout(90_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_terminal_charges');
});
afterAll(() => api?.close());

const as = () => ({ Authorization: api.auth('operator') });
const serial = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

async function openThroughLevante(): Promise<string> {
  const body = dispatchBody();
  await request(api.app).post('/dispatches').set(as()).send(body).expect(201);
  const steps: [string, object?][] = [
    ['documents-received', { documents: IMPORT_DOCUMENTS }],
    ['documents-reviewed'],
    ['draft-emitted'],
    ['draft-approved'],
    ['dam-numbered', { damNumber: `118-2026-10-${serial()}` }],
    ['channel-assigned', { channel: 'verde' }],
    ['levante'],
  ];
  for (const [action, payload] of steps) {
    const res = await request(api.app).post(`/dispatches/${body.dispatchId}/actions/${action}`).set(as()).send(payload ?? {});
    if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return body.dispatchId;
}

const cents = (amount: string) => BigInt(amount.replace('.', ''));

test('the terminal proforma is kept with exact amounts and becomes the client proforma’s terminal lines', async () => {
  const id = await openThroughLevante();
  const noneYet = await request(api.app).post(`/dispatches/${id}/proformas`).set(as()).send({ terminalCharges: true }).expect(422);
  expect(noneYet.body.error.message).toBe('No hay proforma del terminal para este despacho: solicítela primero (acción proforma) o detalle los gastos como líneas.');

  await request(api.app).post(`/dispatches/${id}/actions/proforma`).set(as()).send({}).expect(200);
  const { documents } = (await request(api.app).get(`/dispatches/${id}/terminal-charges`).set(as()).expect(200)).body;
  expect(documents).toHaveLength(1);
  const doc = documents[0];
  expect(doc).toMatchObject({ dispatchId: id, kind: 'proforma', terminal: 'APMTC', currency: 'USD' });
  expect(doc.lines.length).toBeGreaterThan(0);
  for (const amount of [doc.subtotal, doc.igv, doc.total, ...doc.lines.map((l: { amount: string }) => l.amount)]) expect(amount).toMatch(/^\d+\.\d{2}$/);
  // Exact: the lines add up to the subtotal, and subtotal + IGV to the total, to the cent.
  expect(doc.lines.reduce((sum: bigint, l: { amount: string }) => sum + cents(l.amount), 0n)).toBe(cents(doc.subtotal));
  expect(cents(doc.subtotal) + cents(doc.igv)).toBe(cents(doc.total));

  const proforma = await request(api.app)
    .post(`/dispatches/${id}/proformas`)
    .set(as())
    .send({ lines: [{ kind: 'agency_fee', description: 'Honorarios de agencia', unitAmount: '150.00', currency: 'USD' }], terminalCharges: true })
    .expect(201);
  const terminalLines = proforma.body.lines.filter((l: { kind: string }) => l.kind === 'terminal_charge');
  expect(terminalLines.map((l: { amount: { amount: string } }) => l.amount.amount)).toEqual(doc.lines.map((l: { amount: string }) => l.amount));
  expect(terminalLines[0].description).toContain(`(proforma ${doc.id})`);
});

test('the client tariff: its agreed agency fee and the dispatch’s billed 10110 services; none agreed is refused', async () => {
  const id = await openThroughLevante();
  const noFee = await request(api.app).post(`/dispatches/${id}/proformas`).set(as()).send({ clientTariff: true }).expect(422);
  expect(noFee.body.error.message).toBe('El cliente no tiene honorarios de agencia pactados: regístrelos en su acuerdo (agencyFee) o detállelos como línea.');

  await request(api.app)
    .put(`/clients/${CLIENT_RUC}`)
    .set({ Authorization: api.auth('admin') })
    .send({ name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }], agencyFee: { amount: '150.00', currency: 'USD' } })
    .expect(200);
  await request(api.app)
    .post(`/dispatches/${id}/actions/extraordinary-service`)
    .set(as())
    .send({ description: 'Aforo físico fuera del alcance pactado', reason: 'out_of_scope', amountPen: '350.00' })
    .expect(200);

  const res = await request(api.app).post(`/dispatches/${id}/proformas`).set(as()).send({ clientTariff: true }).expect(201);
  const lines: { kind: string; description: string; amount: { amount: string; currency: string } }[] = res.body.lines;
  expect(lines[0]).toMatchObject({ kind: 'agency_fee', amount: { amount: '150.00', currency: 'USD' } });
  expect(lines).toContainEqual(expect.objectContaining({ kind: 'extra_service', description: 'Servicio extraordinario (glosa 10110): Aforo físico fuera del alcance pactado', amount: { amount: '350.00', currency: 'PEN' } }));
  // Every billed 10110 of the dispatch is quoted once (an action in the night shift adds automatic ones).
  const glosas = await api.stack.prisma.glosa.count({ where: { dispatchId: id, code: '10110' } });
  expect(lines.filter((l) => l.kind === 'extra_service')).toHaveLength(glosas);
});
