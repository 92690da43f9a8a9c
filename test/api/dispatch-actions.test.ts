/**
 * Every operator action through the API on the real stack: each route succeeds on a dispatch whose state allows
 * it, validates its body, refuses the client role, answers 404 for an unknown dispatch, and a refused transition
 * comes back as 409 with the validator's Spanish reason. Idempotency-Key makes a retried request act once.
 */
import request from 'supertest';
import { dispatchWorkflowId } from '../../domain/ids';
import { ACTIONS } from '../../api/schemas/action.schemas';
import type { ActionResult } from '../../workflows/dispatch.messages';
import { startApiStack, type ApiStack } from './api-stack';
import { dispatchBody, IMPORT_DOCUMENTS } from './bodies';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_actions');
});
afterAll(() => api?.close());

const done = new Set<string>();

async function open(overrides: Record<string, unknown> = {}): Promise<string> {
  const body = dispatchBody(overrides);
  await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body).expect(201);
  return body.dispatchId;
}

function act(id: string, action: string, body: object = {}, role: 'operator' | 'supervisor' | 'admin' | 'client' = 'operator') {
  return request(api.app).post(`/dispatches/${id}/actions/${action}`).set('Authorization', api.auth(role)).send(body);
}

/** Runs actions in order, each expected to succeed; returns the last view. */
async function drive(id: string, steps: [string, object?][]): Promise<ActionResult> {
  let view: ActionResult | undefined;
  for (const [action, body] of steps) {
    const res = await act(id, action, body ?? {});
    if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
    done.add(action);
    view = res.body.dispatch;
  }
  if (!view) throw new Error('drive() needs at least one step');
  return view;
}

const throughLevante = (regime: string, docs = IMPORT_DOCUMENTS): [string, object?][] => [
  ['documents-received', { documents: docs }],
  ['documents-reviewed'],
  ['draft-emitted'],
  ['draft-approved'],
  ['dam-numbered', { damNumber: `118-2026-${regime}-000123` }],
  ['channel-assigned', { channel: 'rojo' }],
];

test('an anticipated import with restricted goods at APMTC, from documents to closure', async () => {
  const id = await open({ regime: '20', modality: 'anticipado', restrictedGoods: true });
  await drive(id, [...throughLevante('20', [...IMPORT_DOCUMENTS, 'senasa_permit']), ['senasa-report'], ['levante'], ['regime-concluded']]);
  const view = await drive(id, [
    ['discharge-ended'],
    ['proforma'],
    ['liquidation'],
    ['appointment', { date: '2026-12-03' }],
    ['pickup'],
    ['delivered'],
    ['container-return', { date: '2026-12-05', depot: 'Depósito Callao Norte' }],
    ['container-returned'],
    ['regularized'],
    // Closing waits for the originals in the Archive (money-clocks-2026-12).
    ['originals-delivered', { documents: [...IMPORT_DOCUMENTS, 'senasa_permit'] }],
    ['close'],
  ]);
  expect(view).toMatchObject({ dispatchId: id, status: 'closed', channel: 'rojo', damNumber: '118-2026-20-000123' });
  const history = await api.stack.prisma.statusHistory.findMany({ where: { dispatchId: id }, orderBy: { at: 'asc' } });
  expect(new Set(history.map((h) => h.actor))).toEqual(new Set(['operador.noche']));
  const audit = await api.stack.prisma.auditEvent.count({ where: { target: id, actor: 'operador.noche' } });
  expect(audit).toBe(21);
});

test('a DPWC import assigns the BL to the carrier', async () => {
  const id = await open({ terminal: 'DPWC' });
  const view = await drive(id, [...throughLevante('10'), ['levante'], ['bl-assignment', { carrierRuc: '20601234567', carrierName: 'Transportes Rímac S.A.C.' }]]);
  expect(view.status).toBe('withdrawal_in_progress');
  expect(view.terminalBookings).toEqual([expect.objectContaining({ step: 'bl_assignment' })]);
});

test('an export: cargo entry, seals, shipment, regularization', async () => {
  const id = await open({ regime: '40', modality: 'anticipado' });
  const view = await drive(id, [
    ['documents-received', { documents: ['export_invoice', 'packing_list', 'booking_confirmation'] }],
    ['documents-reviewed'],
    ['cargo-entry'],
    ['seals'],
    ['shipped'],
    ['regularized'],
  ]);
  expect(view.status).toBe('regularized');
});

test('glosas, services, incidents, complaints and cancellation are recorded with the actor', async () => {
  const id = await open();
  const view = await drive(id, [
    ['status-glosa', { note: 'Nave atracada, descarga en curso', vessel: 'MSC Lima' }],
    ['extraordinary-service', { description: 'Gestión fuera de horario', reason: 'out_of_hours', amountPen: 150 }],
    ['incident', { kind: 'transport', description: 'Camión no llegó a la cita' }],
    ['complaint', { category: 'demurrage', description: 'Cliente reclama sobrestadía' }],
  ]);
  expect(view.vessel).toBe('MSC Lima');
  const complaintId = view.complaints[0]?.id;
  await drive(id, [['complaint-reported', { complaintId }], ['cancel', { reason: 'El cliente retiró la carga por otro agente' }]]);
  // Besides the operator's glosas, every status change (here: the cancellation) writes its own 40025.
  const glosas = await api.stack.prisma.glosa.findMany({ where: { dispatchId: id }, orderBy: { at: 'asc' } });
  expect(glosas.map((g) => [g.code, g.actor, (g.payload as { note?: string; status?: string }).note ?? (g.payload as { status?: string }).status])).toEqual([
    ['40025', 'operador.noche', 'Nave atracada, descarga en curso'],
    ['10110', 'operador.noche', undefined],
    ['40025', 'operador.noche', 'cancelled'],
  ]);
  // Cancelled with nothing left to watch, the workflow sends the cancellation and completes: the API then says so
  // instead of 404.
  await api.stack.client.workflow.getHandle(dispatchWorkflowId(id)).result();
  const again = await act(id, 'incident', { kind: 'other', description: 'Otra incidencia' }).expect(409);
  expect(again.body.error).toEqual({ code: 'dispatch_finished', message: 'El despacho ya concluyó su flujo en Temporal: no admite más acciones.' });
});

test('money (money-clocks-2026-12): a third-party payment without funds answers 200 with the dispatch waiting for them', async () => {
  const id = await open();
  const view = await drive(id, [['third-party-payment', { amount: '850.50', currency: 'USD', payee: 'APM Terminals Callao', concept: 'Almacenaje', reference: 'FAC-1' }]]);
  expect(view.money).toMatchObject({ waitingForFunds: true, payments: [{ status: 'waiting_funds', shortfall: { amount: '850.50', currency: 'USD' } }] });
  // A 10110 takes its amount as an exact decimal string, and the executive can void it with a reason.
  const billed = await drive(id, [['extraordinary-service', { description: 'Aforo nocturno', reason: 'out_of_hours', amountPen: '180.50' }]]);
  const service = billed.extraordinaryServices.find((s) => s.description === 'Aforo nocturno')!;
  expect(service.amountPen).toBe('180.50');
  const voided = await drive(id, [['void-extraordinary-service', { serviceId: service.id, reason: 'Cubierto por la tarifa pactada' }]]);
  expect(voided.extraordinaryServices.find((s) => s.id === service.id)!.voided).toMatchObject({ by: 'operador.noche', reason: 'Cubierto por la tarifa pactada' });
  const again = await act(id, 'void-extraordinary-service', { serviceId: service.id, reason: 'Otra vez' }).expect(409);
  expect(again.body.error.message).toBe(`El servicio ${service.id} ya fue anulado.`);
  const badAmount = await act(id, 'extraordinary-service', { description: 'Servicio', reason: 'out_of_scope', amountPen: '12.345' }).expect(400);
  expect(badAmount.body.error.issues[0].path).toBe('body.amountPen');
});

test('every action route has been exercised successfully above', () => {
  expect([...done].sort()).toEqual(ACTIONS.map((a) => a.name).sort());
});

describe('refusals', () => {
  let id: string;
  beforeAll(async () => {
    id = await open();
  });

  test('a transition the state does not allow is 409 with the Spanish reason, and nothing changes', async () => {
    const res = await act(id, 'draft-emitted').expect(409);
    expect(res.body.error.code).toBe('invalid_transition');
    expect(res.body.error.message).toMatch(/^No se puede registrar la emisión del borrador de la DAM/);
    const levante = await act(id, 'levante').expect(409);
    expect(levante.body.error.message).toMatch(/^No se puede registrar el levante/);
    const view = await request(api.app).get(`/dispatches/${id}`).set('Authorization', api.auth('operator')).expect(200);
    expect(view.body.dispatch.status).toBe('opened');
  });

  test('a business rule the schema cannot see is 422 with the Spanish reason', async () => {
    const res = await act(id, 'documents-received', { documents: ['insurance'], occurredAt: '2099-01-01T00:00:00Z' }).expect(422);
    expect(res.body.error).toEqual({ code: 'invalid_input', message: 'La fecha del evento no puede estar en el futuro.' });
    const unknownComplaint = await act(id, 'complaint-reported', { complaintId: 'REC-99' }).expect(404);
    expect(unknownComplaint.body.error.message).toBe('No existe el reclamo REC-99 en este despacho.');
  });

  test.each(ACTIONS.map((a) => a.name))('%s: 400 with the field path, 403 for a client key, 404 for an unknown dispatch, 401 without key', async (action) => {
    const invalid = await act(id, action, { occurredAt: 'ayer', actor: 'impostor' }).expect(400);
    const paths = invalid.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.occurredAt', 'body']));
    await act(id, action, {}, 'client').expect(403);
    const unknown = await act('DSP-NO-EXISTE-9', action, validBody(action)).expect(404);
    expect(unknown.body.error.code).toBe('dispatch_not_found');
    await request(api.app).post(`/dispatches/${id}/actions/${action}`).send({}).expect(401);
  });

  test('the same Idempotency-Key twice acts once (one incident, one glosa row)', async () => {
    const first = await act(id, 'incident', { kind: 'customs', description: 'SUNAT pidió aclaración' }).set('Idempotency-Key', 'inc-1').expect(200);
    const retry = await act(id, 'incident', { kind: 'customs', description: 'SUNAT pidió aclaración' }).set('Idempotency-Key', 'inc-1').expect(200);
    expect(retry.body.dispatch.incidents).toEqual(first.body.dispatch.incidents);
    expect(first.body.dispatch.incidents).toHaveLength(1);

    await act(id, 'status-glosa', { note: 'ETA confirmada' }).set('Idempotency-Key', 'glosa-1').expect(200);
    await act(id, 'status-glosa', { note: 'ETA confirmada' }).set('Idempotency-Key', 'glosa-1').expect(200);
    expect(await api.stack.prisma.glosa.count({ where: { dispatchId: id, code: '40025' } })).toBe(1);
    await act(id, 'status-glosa', { note: 'ETA confirmada' }).set('Idempotency-Key', 'glosa-2').expect(200);
    expect(await api.stack.prisma.glosa.count({ where: { dispatchId: id, code: '40025' } })).toBe(2);

    const bad = await act(id, 'status-glosa', { note: 'x y z' }).set('Idempotency-Key', 'no spaces allowed').expect(400);
    expect(bad.body.error.issues[0].path).toBe('header.Idempotency-Key');
  });
});

/** A body that passes the schema of each action (its business meaning does not matter for 404). */
function validBody(action: string): object {
  const bodies: Record<string, object> = {
    'documents-received': { documents: ['insurance'] },
    'dam-numbered': { damNumber: '118-2026-10-000001' },
    'channel-assigned': { channel: 'verde' },
    appointment: { date: '2026-12-03' },
    'bl-assignment': { carrierRuc: '20601234567', carrierName: 'Transportes Rímac' },
    'container-return': { date: '2026-12-05', depot: 'Depósito' },
    cancel: { reason: 'Motivo de prueba' },
    'status-glosa': { note: 'Nota de estado' },
    'extraordinary-service': { description: 'Servicio', reason: 'out_of_scope' },
    incident: { kind: 'other', description: 'Incidencia' },
    complaint: { category: 'other', description: 'Reclamo' },
    'complaint-reported': { complaintId: 'REC-1' },
    'third-party-payment': { amount: '10.00', currency: 'PEN', payee: 'Terminal', concept: 'Gasto', reference: 'R-1' },
    'void-extraordinary-service': { serviceId: 'SRV-1', reason: 'Motivo de prueba' },
    'originals-delivered': { documents: ['insurance'] },
  };
  return bodies[action] ?? {};
}
