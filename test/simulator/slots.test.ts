import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { appointmentBody, http, key } from './simulator.helpers';

describe('simulator slots and capacity', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, slotCapacity: 2, slotHours: [8, 10] });
  });
  afterAll(() => sim.close());
  beforeEach(() => http(sim.url, 'POST', '/_admin/reset'));

  it('lists the day slots in Lima time with full capacity', async () => {
    const res = await http(sim.url, 'GET', '/terminals/APMTC/slots?date=2026-03-10');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      terminal: 'APMTC',
      date: '2026-03-10',
      slots: [
        { slotId: 'APMTC-2026-03-10-0800', date: '2026-03-10', start: '2026-03-10T08:00:00-05:00', end: '2026-03-10T10:00:00-05:00', capacity: 2, remaining: 2 },
        { slotId: 'APMTC-2026-03-10-1000', date: '2026-03-10', start: '2026-03-10T10:00:00-05:00', end: '2026-03-10T12:00:00-05:00', capacity: 2, remaining: 2 },
      ],
    });
  });

  it('decrements remaining capacity of the booked slot only, and only on that terminal', async () => {
    await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-10'), key('a1'));
    const apmtc = await http(sim.url, 'GET', '/terminals/APMTC/slots?date=2026-03-10');
    const dpwc = await http(sim.url, 'GET', '/terminals/DPWC/slots?date=2026-03-10');
    expect(apmtc.body.slots.map((s: { remaining: number }) => s.remaining)).toEqual([1, 2]);
    expect(dpwc.body.slots.map((s: { remaining: number }) => s.remaining)).toEqual([2, 2]);
  });

  it('fills the first slot with room, then answers 409 NO_SLOT when the day is full', async () => {
    const slotIds: string[] = [];
    for (const k of ['b1', 'b2', 'b3', 'b4']) {
      const res = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-11'), key(k));
      expect(res.status).toBe(201);
      slotIds.push(res.body.appointment.slotId);
    }
    expect(slotIds).toEqual(['APMTC-2026-03-11-0800', 'APMTC-2026-03-11-0800', 'APMTC-2026-03-11-1000', 'APMTC-2026-03-11-1000']);

    const full = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-11'), key('b5'));
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('NO_SLOT');
    expect(full.body.error.message).toMatch(/No hay cupo/);
    const bookings = await http(sim.url, 'GET', '/_admin/bookings');
    expect(bookings.body.count).toBe(4);
  });

  it('answers NO_SLOT for a requested slot that is full even if another slot has room', async () => {
    const slotId = 'APMTC-2026-03-12-1000';
    for (const k of ['c1', 'c2']) {
      const ok = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-12', { slotId }), key(k));
      expect(ok.status).toBe(201);
    }
    const res = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-12', { slotId }), key('c3'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NO_SLOT');
  });

  it('rejects a slot id outside the day grid with 422 SLOT_NOT_FOUND', async () => {
    const res = await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-03-12', { slotId: 'APMTC-2026-03-12-2300' }), key('d1'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('SLOT_NOT_FOUND');
  });

  it('counts container returns against the same gate capacity', async () => {
    const slotId = 'DPWC-2026-03-13-0800';
    const ret = { bl: 'MAEU240001234', containerNumber: 'MSKU1234565', date: '2026-03-13', slotId };
    expect((await http(sim.url, 'POST', '/terminals/DPWC/container-returns', ret, key('r1'))).status).toBe(201);
    expect((await http(sim.url, 'POST', '/terminals/DPWC/appointments', appointmentBody('2026-03-13', { slotId }), key('r2'))).status).toBe(201);
    const third = await http(sim.url, 'POST', '/terminals/DPWC/container-returns', { ...ret, containerNumber: 'TGHU7654321' }, key('r3'));
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('NO_SLOT');
  });
});
