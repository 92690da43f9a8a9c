/**
 * Every operator action through the API on the real stack: each route succeeds on a dispatch whose state allows
 * it, validates its body, refuses the client role, answers 404 for an unknown dispatch, and a refused transition
 * comes back as 409 with the validator's Spanish reason. Idempotency-Key makes a retried request act once.
 */
import { auditsWritten } from '../../api/app';
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

const throughLevante = (regime: string, docs = IMPORT_DOCUMENTS, serial = '000123'): [string, object?][] => [
  ['documents-received', { documents: docs }],
  ['documents-reviewed'],
  ['draft-emitted'],
  ['draft-approved'],
  ['dam-numbered', { damNumber: `118-2026-${regime}-${serial}` }],
  ['channel-assigned', { channel: 'rojo' }],
];

test('an anticipated import with restricted goods at APMTC, from documents to closure', async () => {
  const id = await open({ regime: '20', modality: 'anticipado', restrictedGoods: true });
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await drive(id, [
    ...throughLevante('20', [...IMPORT_DOCUMENTS, 'senasa_permit']),
    ['senasa-inspection', { scheduledFor: hourAgo, place: 'Terminal APMTC, zona SENASA', inspector: 'Ing. Carla Ríos' }],
    ['senasa-report'],
    ['physical-inspection-scheduled', { scheduledFor: hourAgo, place: 'Zona de aforo APMTC' }],
    ['physical-inspection-recorded', { notes: 'Reconocimiento conforme' }],
    ['levante'],
    ['regime-concluded'],
  ]);
  const view = await drive(id, [
    ['discharge-ended'],
    ['replan', { plannedPickupAt: '2026-12-04T11:00:00Z', reason: 'El almacén atiende recién el jueves' }],
    ['mobilization', { warehouse: 'Depósito temporal Neptunia', reference: 'MOV-2026-88' }],
    ['proforma'],
    ['liquidation'],
    ['appointment', { date: '2026-12-03', slot: '10:00' }],
    ['pre-exit', { warehouse: 'Depósito temporal Neptunia', pickupDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }],
    ['pickup'],
    ['delivered', { receipt: { receivedBy: 'Juan Pérez (almacén del cliente)', receivedAt: new Date().toISOString(), documentRef: 'GR-001-4567' } }],
    // SADA regularization does not wait for the empty container.
    ['regularized'],
    ['container-return', { date: '2026-12-05', depot: 'Depósito Callao Norte' }],
    ['container-returned'],
    // Closing waits for the originals in the Archive (money-clocks-2026-12).
    ['originals-delivered', { documents: [...IMPORT_DOCUMENTS, 'senasa_permit'] }],
    ['close'],
  ]);
  expect(view).toMatchObject({ dispatchId: id, status: 'closed', channel: 'rojo', damNumber: '118-2026-20-000123' });
  const container = Object.values(view.milestones.containers ?? {})[0];
  expect(container).toMatchObject({ delivery: { documentRef: 'GR-001-4567' }, mobilization: { warehouse: 'Depósito temporal Neptunia' } });
  expect(container?.appointment?.slot).toBe('2026-12-03T10:00:00-05:00');
  expect(view.milestones.plan).toMatchObject({ plannedPickupAt: '2026-12-04T11:00:00.000Z', revisions: 1 });
  const history = await api.stack.prisma.statusHistory.findMany({ where: { dispatchId: id }, orderBy: { at: 'asc' } });
  expect(new Set(history.map((h) => h.actor))).toEqual(new Set(['operador.noche']));
  await auditsWritten(api.app); // audit rows are written right after the answer
  const audit = await api.stack.prisma.auditEvent.count({ where: { target: id, actor: 'operador.noche' } });
  expect(audit).toBe(27);
});

test('a DPWC import assigns the BL to the carrier', async () => {
  const id = await open({ terminal: 'DPWC' });
  const inspected: [string, object?][] = [['physical-inspection-scheduled', { scheduledFor: new Date(Date.now() - 3_600_000).toISOString(), place: 'Zona de aforo DPWC' }], ['physical-inspection-recorded']];
  const view = await drive(id, [...throughLevante('10'), ...inspected, ['levante'], ['bl-assignment', { carrierRuc: '20601234567', carrierName: 'Transportes Rímac S.A.C.' }]]);
  expect(view.status).toBe('withdrawal_in_progress');
  expect(view.terminalBookings).toEqual([expect.objectContaining({ step: 'bl_assignment' })]);
});

/** Key data of the commercial documents of an export (and of a DAM draft that agrees with them). */
const keyData = (overrides: Record<string, unknown> = {}) => ({
  partyRuc: '20100047218', bl: 'MSCU1234567', grossWeightKg: '18250.500', packages: 840, invoiceValue: '48250.00', currency: 'USD', tariffLines: 3, ...overrides,
});

test('an export with its own DAM: draft checked against the documents, red channel inspection, a seal per container, CLAVE SOL', async () => {
  const id = await open({
    regime: '40', modality: 'anticipado',
    containers: [{ containerNumber: 'MSCU7654321', size: '40' }, { containerNumber: 'TGHU1234560', size: '20' }],
  });
  await drive(id, [
    ['documents-received', { documents: ['export_invoice', 'packing_list', 'booking_confirmation'] }],
    ['documents-reviewed'],
    ['cargo-cutoff', { cutoffAt: '2026-12-20T18:00:00-05:00' }],
    ['document-data', { data: keyData() }],
  ]);
  // The draft's data must agree with the documents: each difference named, in Spanish; nothing recorded.
  const mismatch = await act(id, 'draft-emitted', { dam: keyData({ grossWeightKg: '18205.5', invoiceValue: '48250.0', tariffLines: 4 }) }).expect(409);
  expect(mismatch.body.error.message).toBe(
    'No se puede registrar la emisión del borrador de la DAM: los datos de la DAM no coinciden con los documentos registrados — ' +
      'peso bruto (kg): en la DAM «18205.5», en los documentos «18250.5»; número de series (líneas arancelarias): en la DAM «4», en los documentos «3». ' +
      'Corrija el borrador (o los datos de los documentos) antes de enviarlo al cliente.',
  );
  const withoutData = await act(id, 'draft-emitted').expect(409);
  expect(withoutData.body.error.message).toMatch(/^No se puede registrar la emisión del borrador de la DAM: indique los datos clave del borrador/);
  // A DAM number of another regime is refused; the export's DAM is numbered with regime 40 before the cargo enters.
  await drive(id, [['draft-emitted', { dam: keyData({ grossWeightKg: '18250.50' }) }], ['draft-approved']]);
  const wrongRegime = await act(id, 'dam-numbered', { damNumber: '118-2026-10-000777' }).expect(409);
  expect(wrongRegime.body.error.message).toContain('corresponde al régimen 10, pero este despacho es del régimen 40');
  await drive(id, [['dam-numbered', { damNumber: '118-2026-40-000777' }], ['cargo-entry'], ['channel-assigned', { channel: 'rojo' }]]);

  // Shipping before the seals: refused, naming each container without a seal.
  const early = await act(id, 'shipped').expect(409);
  expect(early.body.error.message).toBe('No se puede registrar el embarque: el canal es rojo y falta programar y registrar el reconocimiento físico de la mercancía.');
  await drive(id, [
    ['physical-inspection-scheduled', { scheduledFor: '2026-12-18T09:00:00-05:00', place: 'Zona de aforo, DP World Callao' }],
    ['physical-inspection-recorded', { result: 'Conforme, sin observaciones' }],
  ]);
  const noSeals = await act(id, 'shipped').expect(409);
  expect(noSeals.body.error.message).toBe(
    'No se puede registrar el embarque: los contenedores MSCU7654321 y TGHU1234560 no tienen precinto registrado. Registre primero sus precintos (número y referencia SINTAD).',
  );
  const bad = await act(id, 'seals', { seals: [{ containerNumber: 'mscu76', sealNumber: 'PE-1' }], sintadReference: 'SINTAD-1' }).expect(400);
  expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.seals.0.containerNumber']);
  const foreign = await act(id, 'seals', { seals: [{ containerNumber: 'ABCU1111111', sealNumber: 'PE-1' }], sintadReference: 'SINTAD-1' }).expect(409);
  expect(foreign.body.error.message).toContain('el contenedor ABCU1111111 no pertenece a este despacho');
  await drive(id, [['seals', { seals: [{ containerNumber: 'MSCU7654321', sealNumber: 'PE-000101' }], sintadReference: 'SINTAD-2026-0451' }]]);
  const oneMissing = await act(id, 'shipped').expect(409);
  expect(oneMissing.body.error.message).toBe('No se puede registrar el embarque: el contenedor TGHU1234560 no tiene precinto registrado. Registre primero su precinto (número y referencia SINTAD).');
  const shipped = await drive(id, [
    ['seals', { seals: [{ containerNumber: 'TGHU1234560', sealNumber: 'PE-000102' }], sintadReference: 'SINTAD-2026-0452' }],
    ['shipped'],
  ]);
  expect(shipped.milestones.exportDam?.seals.map((x) => [x.containerNumber, x.sealNumber, x.sintadReference])).toEqual([
    ['MSCU7654321', 'PE-000101', 'SINTAD-2026-0451'],
    ['TGHU1234560', 'PE-000102', 'SINTAD-2026-0452'],
  ]);

  // Regularization needs the CLAVE SOL transmission: 400 for a malformed one, 409 when missing.
  const noClave = await act(id, 'regularized').expect(409);
  expect(noClave.body.error.message).toBe('No se puede registrar la regularización: falta el número de la transmisión por CLAVE SOL de los documentos digitalizados.');
  const badClave = await act(id, 'regularized', { claveSol: { transmissionNumber: 'CS-1', transmittedAt: 'ayer' } }).expect(400);
  expect(new Set(badClave.body.error.issues.map((i: { path: string }) => i.path))).toEqual(new Set(['body.claveSol.transmittedAt']));
  const originals = shipped.requiredDocuments;
  const view = await drive(id, [
    ['regularized', { claveSol: { transmissionNumber: 'CS-2026-000881', transmittedAt: new Date().toISOString() } }],
    // Closing waits for the originals in the Archive (money-clocks-2026-12).
    ['originals-delivered', { documents: originals }],
    ['close'],
  ]);
  expect(view).toMatchObject({ status: 'closed', damNumber: '118-2026-40-000777', channel: 'rojo' });
  expect(view.milestones.exportDam?.claveSol?.transmissionNumber).toBe('CS-2026-000881');
  expect(view.milestones.exportDam?.cargoCutoffAt).toBe('2026-12-20T23:00:00.000Z');
});

test('the opening body takes the export cut-off; a malformed one is 400 naming the field', async () => {
  const bad = await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(dispatchBody({ regime: '40', cargoCutoffAt: 'mañana' })).expect(400);
  expect(new Set(bad.body.error.issues.map((i: { path: string }) => i.path))).toEqual(new Set(['body.cargoCutoffAt']));
  const id = await open({ regime: '40', cargoCutoffAt: '2026-12-20T18:00:00-05:00' });
  const view = await request(api.app).get(`/dispatches/${id}`).set('Authorization', api.auth('operator')).expect(200);
  expect(view.body.dispatch.milestones.exportDam).toMatchObject({ containers: ['MSCU7654321'], seals: [], cargoCutoffAt: '2026-12-20T23:00:00.000Z' });
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

test('import steps: a 08:00 slot is refused 409 in Spanish with the next allowed one; a bad receipt is 400 naming the field', async () => {
  const id = await open({ terminal: 'APMTC' });
  await drive(id, [...throughLevante('10', IMPORT_DOCUMENTS, '000124'), ['physical-inspection-scheduled', { scheduledFor: new Date(Date.now() - 3_600_000).toISOString(), place: 'Zona de aforo' }], ['physical-inspection-recorded'], ['levante']]);
  const refused = await act(id, 'appointment', { date: '2026-12-15', slot: '08:00' }).expect(409);
  expect(refused.body.error).toEqual({
    code: 'invalid_transition',
    message: 'No se puede reservar la cita de retiro en el turno de las 08:00: cae en la restricción de tránsito de carga pesada de la mañana (06:00–10:00) del Callao. El siguiente turno permitido es el de las 10:00 del 2026-12-15.',
  });
  const badReceipt = await act(id, 'delivered', { receipt: { receivedBy: 'Juan Pérez', receivedAt: 'ayer' } }).expect(400);
  expect(badReceipt.body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.receipt.receivedAt', 'body.receipt.documentRef']));
  const badContainer = await act(id, 'pickup', { containerNumber: 'XX1' }).expect(400);
  expect(badContainer.body.error.issues[0].path).toBe('body.containerNumber');
  const badPlan = await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(dispatchBody({ plan: { expectedLevanteAt: 'pronto' } })).expect(400);
  expect(badPlan.body.error.issues[0].path).toBe('body.plan.expectedLevanteAt');
  const unknownContainer = await act(id, 'appointment', { date: '2026-12-15', containerNumber: 'TGHU1234567' }).expect(409);
  expect(unknownContainer.body.error.message).toMatch(/^No se puede reservar la cita de retiro: el contenedor TGHU1234567 no pertenece a este despacho/);
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
    'senasa-inspection': { scheduledFor: '2026-12-03T09:00:00-05:00', place: 'Terminal', inspector: 'Inspector' },
    'pre-exit': { warehouse: 'Almacén', pickupDate: '2026-12-31' },
    mobilization: { warehouse: 'Depósito temporal' },
    replan: { eta: '2026-12-03T09:00:00-05:00', reason: 'Nave retrasada' },
    cancel: { reason: 'Motivo de prueba' },
    'status-glosa': { note: 'Nota de estado' },
    'extraordinary-service': { description: 'Servicio', reason: 'out_of_scope' },
    incident: { kind: 'other', description: 'Incidencia' },
    complaint: { category: 'other', description: 'Reclamo' },
    'complaint-reported': { complaintId: 'REC-1' },
    'document-data': { data: keyData() },
    'physical-inspection-scheduled': { scheduledFor: '2026-12-18T09:00:00-05:00', place: 'Zona de aforo' },
    'physical-inspection-recorded': { result: 'Conforme' },
    'cargo-cutoff': { cutoffAt: '2026-12-20T18:00:00-05:00' },
    'third-party-payment': { amount: '10.00', currency: 'PEN', payee: 'Terminal', concept: 'Gasto', reference: 'R-1' },
    'void-extraordinary-service': { serviceId: 'SRV-1', reason: 'Motivo de prueba' },
    'originals-delivered': { documents: ['insurance'] },
  };
  return bodies[action] ?? {};
}
