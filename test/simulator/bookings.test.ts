import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { appointmentBody, http, key } from './simulator.helpers';

describe('simulator bookings: idempotency and business rejections', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => http(sim.url, 'POST', '/_admin/reset'));

  const book = (body: unknown, k: string, terminal = 'APMTC') =>
    http(sim.url, 'POST', `/terminals/${terminal}/appointments`, body, key(k));

  it('returns the same appointment for the same key (201 then 200) and books once', async () => {
    const first = await book(appointmentBody('2026-04-01'), 'dispatch-DSP-1/appointment');
    const second = await book(appointmentBody('2026-04-01'), 'dispatch-DSP-1/appointment');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    const bookings = await http(sim.url, 'GET', '/_admin/bookings');
    expect(bookings.body.count).toBe(1);
    expect(bookings.body.bookings[0]).toMatchObject({ kind: 'appointment', idempotencyKey: 'dispatch-DSP-1/appointment' });
  });

  it('books again for a different key, and scopes keys per terminal', async () => {
    await book(appointmentBody('2026-04-01'), 'k1');
    await book(appointmentBody('2026-04-01'), 'k2');
    const dpwc = await book(appointmentBody('2026-04-01'), 'k1', 'DPWC');
    expect(dpwc.status).toBe(201);
    expect((await http(sim.url, 'GET', '/_admin/bookings?terminal=APMTC')).body.count).toBe(2);
    expect((await http(sim.url, 'GET', '/_admin/bookings')).body.count).toBe(3);
  });

  it('refuses to reuse a key for a different request with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await book(appointmentBody('2026-04-01'), 'k1');
    const res = await book(appointmentBody('2026-04-02'), 'k1');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await http(sim.url, 'GET', '/_admin/bookings')).body.count).toBe(1);
  });

  it('requires the Idempotency-Key header on bookings', async () => {
    const res = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-04-01'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MISSING_IDEMPOTENCY_KEY');
  });

  it('rejects a BL starting with UNKNOWN with 422 BL_NOT_FOUND and a Spanish message', async () => {
    const res = await book(appointmentBody('2026-04-01', { bl: 'UNKNOWN-999' }), 'k1');
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'BL_NOT_FOUND', message: 'El BL UNKNOWN-999 no figura en el terminal.' });
  });

  it('rejects the next N bookings with NO_SLOT, then accepts a retry with the same key', async () => {
    await http(sim.url, 'POST', '/_admin/rejections', { count: 2 });
    expect((await book(appointmentBody('2026-04-01'), 'retry-me')).body.error.code).toBe('NO_SLOT');
    expect((await book(appointmentBody('2026-04-01'), 'retry-me')).status).toBe(409);
    const third = await book(appointmentBody('2026-04-01'), 'retry-me');
    expect(third.status).toBe(201);
    expect((await http(sim.url, 'GET', '/_admin/bookings')).body.count).toBe(1);
  });

  it('applies injected rejections only to the terminal and kind named', async () => {
    await http(sim.url, 'POST', '/_admin/rejections', { count: 1, code: 'BL_NOT_FOUND', terminal: 'DPWC', kind: 'bl-assignment' });
    expect((await book(appointmentBody('2026-04-01'), 'a', 'DPWC')).status).toBe(201);
    const assignment = { bl: 'MAEU240001234', carrierRuc: '20123456789', carrierName: 'Transportes Rímac SAC' };
    const rejected = await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', assignment, key('b'));
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.code).toBe('BL_NOT_FOUND');
    expect((await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', assignment, key('b'))).status).toBe(201);
  });

  it('assigns a BL to one carrier idempotently and refuses a second carrier with BL_ALREADY_ASSIGNED', async () => {
    const assignment = { bl: 'MAEU240001234', carrierRuc: '20123456789', carrierName: 'Transportes Rímac SAC' };
    const first = await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', assignment, key('asg-1'));
    const replay = await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', assignment, key('asg-1'));
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.body.assignment.id).toBe(first.body.assignment.id);

    const other = { ...assignment, carrierRuc: '20999999999', carrierName: 'Otro SAC' };
    const res = await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', other, key('asg-2'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BL_ALREADY_ASSIGNED');
    expect((await http(sim.url, 'GET', '/_admin/bookings?kind=bl-assignment')).body.count).toBe(1);
  });

  it('books container returns idempotently', async () => {
    const ret = { bl: 'MAEU240001234', containerNumber: 'MSKU1234565', date: '2026-04-03' };
    const first = await http(sim.url, 'POST', '/terminals/APMTC/container-returns', ret, key('ret-1'));
    const replay = await http(sim.url, 'POST', '/terminals/APMTC/container-returns', ret, key('ret-1'));
    expect(first.status).toBe(201);
    expect(first.body.containerReturn).toMatchObject({ kind: 'container-return', containerNumber: 'MSKU1234565', slotId: 'APMTC-2026-04-03-0800' });
    expect(replay.body.containerReturn.id).toBe(first.body.containerReturn.id);
    expect((await http(sim.url, 'GET', '/_admin/bookings?kind=container-return')).body.count).toBe(1);
  });
});
