/**
 * Closing a dispatch (money-clocks-2026-12) over the real stack: refused in Spanish while originals are pending
 * for the Archive; once they are delivered it closes, and the workflow compiles the liquidation file — JSON through
 * GET /dispatches/:id/liquidation, a PDF — and emails it to the liquidation area.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { dispatchBody, IMPORT_DOCUMENTS } from '../bodies';
import { waitFor } from '../../support/wait-for';
import { pdfText } from './pdf-text';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_liquidation');
});
afterAll(() => api?.close());

const as = (role: 'operator' | 'client') => ({ Authorization: api.auth(role) });
const act = (id: string, action: string, body: object = {}) => request(api.app).post(`/dispatches/${id}/actions/${action}`).set(as('operator')).send(body);

test('closing waits for the originals, then compiles the liquidation file (JSON + PDF) and emails it', async () => {
  const body = dispatchBody({ regime: '10', modality: 'diferido', terminal: 'APMTC' });
  const id = body.dispatchId;
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  await waitFor(() => api.stack.prisma.dispatch.findUnique({ where: { id } })); // the read model row, written at opening
  await request(api.app).post(`/dispatches/${id}/deposits`).set(as('operator')).send({ amount: '1000.00', currency: 'USD', reference: 'OP-77', method: 'transfer' }).expect(201);
  const steps: [string, object?][] = [
    ['documents-received', { documents: IMPORT_DOCUMENTS }],
    ['documents-reviewed'],
    ['draft-emitted'],
    ['draft-approved'],
    ['dam-numbered', { damNumber: '118-2026-10-004242' }],
    ['channel-assigned', { channel: 'verde' }],
    ['levante'],
    ['discharge-ended'],
    ['third-party-payment', { amount: '320.00', currency: 'USD', payee: 'APM Terminals Callao S.A.', concept: 'Almacenaje', reference: 'FAC F001-000999' }],
    ['extraordinary-service', { description: 'Coordinación de retiro urgente', reason: 'out_of_scope', amountPen: '150.00' }],
    ['proforma'],
    ['liquidation'],
    ['appointment', { date: '2026-12-04' }],
    ['pickup'],
    ['delivered', { receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0042' } }],
    ['container-return', { date: '2026-12-05', depot: 'Depósito Callao Norte' }],
    ['container-returned'],
  ];
  for (const [action, payload] of steps) {
    const res = await act(id, action, payload);
    if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
  }

  const refused = await act(id, 'close').expect(409);
  expect(refused.body.error.message).toBe(
    'No se puede cerrar el despacho: faltan entregar al Archivo los originales de Factura comercial, Conocimiento de embarque (BL), Lista de empaque (packing list), Póliza o certificado de seguro. Registre la entrega de originales al Archivo (acción originals-delivered) y vuelva a cerrar.',
  );
  const pending = await request(api.app).get(`/dispatches/${id}`).set(as('operator')).expect(200);
  expect(pending.body.dispatch.deadlines.some((d: { clock: string }) => d.clock === 'archive_originals')).toBe(true);
  await request(api.app).get(`/dispatches/${id}/liquidation`).set(as('operator')).expect(404);

  await act(id, 'originals-delivered', { documents: ['commercial_invoice', 'bill_of_lading'] }).expect(200);
  const stillRefused = await act(id, 'close').expect(409);
  expect(stillRefused.body.error.message).toMatch(/originales de Lista de empaque \(packing list\), Póliza o certificado de seguro\./);
  await act(id, 'originals-delivered', { documents: ['packing_list', 'insurance'] }).expect(200);
  const closed = await act(id, 'close').expect(200);
  expect(closed.body.dispatch.status).toBe('closed');

  const file = await waitFor(async () => {
    const res = await request(api.app).get(`/dispatches/${id}/liquidation`).set(as('operator'));
    return res.status === 200 && res.body;
  });
  expect(file).toMatchObject({
    dispatchId: id,
    dam: { number: '118-2026-10-004242', channel: 'verde' },
    advances: [expect.objectContaining({ amount: { amount: '1000.00', currency: 'USD' }, reference: 'OP-77' })],
    thirdPartyCosts: [expect.objectContaining({ amount: { amount: '320.00', currency: 'USD' }, payee: 'APM Terminals Callao S.A.', reference: 'FAC F001-000999' })],
    totals: { advances: [{ amount: '1000.00', currency: 'USD' }], thirdPartyCosts: [{ amount: '320.00', currency: 'USD' }], extraServicesPen: { amount: '150.00', currency: 'PEN' } },
  });
  expect(file.documents.map((d: { kind: string; original: string }) => [d.kind, d.original])).toEqual(IMPORT_DOCUMENTS.map((k) => [k, 'entregado al Archivo']));
  expect(file.costClocks.map((c: { kind: string }) => c.kind).sort()).toEqual(['detention', 'storage']);

  const pdf = await request(api.app).get(`/dispatches/${id}/liquidation.pdf`).set(as('operator')).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  }).expect(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

  const mail = await api.stack.smtp.waitFor((m) => m.subject === `[${id}] Expediente de liquidación del despacho cerrado`);
  expect(mail.to).toEqual(['liquidaciones@agencia.example.pe']);
  expect(mail.text).toContain('Gastos de terceros: US$ 320.00');
  await request(api.app).get(`/dispatches/${id}/liquidation`).set(as('client')).expect(403);
});

test('the PDF of the liquidation file reads in Spanish', async () => {
  const { renderLiquidationPdf } = await import('../../../activities/money/liquidation-pdf');
  const { buildLiquidationFile } = await import('../../../domain/money');
  const file = buildLiquidationFile(
    {
      dispatchId: 'DSP-1', client: { ruc: '20100047218', name: 'Importadora Andina' }, regime: '10', modality: 'diferido', terminal: 'APMTC', bl: 'MSCU1',
      dam: { number: '118-2026-10-000001', channel: 'verde', numberedAt: null, levanteAt: null },
      documents: [{ kind: 'insurance', receivedAt: '2026-12-01T15:00:00Z', originalDeliveredAt: null }],
      costClocks: [{ kind: 'storage', containerNumber: 'MSCU7654321', size: '40', lastFreeDay: '2026-12-24', stoppedOn: '2026-12-28', chargeableDays: 4, cost: { amount: '120.00', currency: 'USD' }, source: 'supuesto' }],
      extraServices: [],
      closedAt: '2026-12-29T15:00:00Z',
    },
    [{ kind: 'payment', amount: { amount: '320.00', currency: 'USD' }, method: null, reference: 'FAC-9', payee: 'APMTC', concept: 'Almacenaje', at: '2026-12-20T15:00:00Z' }],
    '2026-12-29T15:00:00Z',
  );
  const text = pdfText(await renderLiquidationPdf(file, { compress: false }));
  expect(text).toContain('Expediente de liquidación');
  expect(text).toContain('US$ 320.00 a APMTC por Almacenaje');
  expect(text).toContain('original pendiente');
  expect(text).toContain('US$ 120.00');
});
