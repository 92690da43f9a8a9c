import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { http, key } from './simulator.helpers';

describe('simulator request validation', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it('answers 400 VALIDATION_ERROR naming every bad field', async () => {
    const res = await http(sim.url, 'POST', '/terminals/APMTC/appointments', { bl: 'MAEU1', date: '2026-02-30', containerNumbers: ['bad'] }, key('v1'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['containerNumbers.0', 'date']);
    expect(res.body.error.message).toMatch(/containerNumbers\.0: expected an ISO 6346/);
  });

  it('names a missing field', async () => {
    const res = await http(sim.url, 'POST', '/terminals/DPWC/bl-assignments', { bl: 'MAEU1', carrierName: 'X' }, key('v2'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^carrierRuc: /);
  });

  it('validates the slots query', async () => {
    const res = await http(sim.url, 'GET', '/terminals/APMTC/slots');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('date');
  });

  it('answers 400 INVALID_JSON for a malformed body', async () => {
    const res = await http(sim.url, 'POST', '/terminals/APMTC/proformas', '{"bl":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  it('validates admin settings too', async () => {
    const res = await http(sim.url, 'POST', '/_admin/faults', { errorRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('errorRate');
  });

  it('answers 404 UNKNOWN_TERMINAL and 404 NOT_FOUND', async () => {
    const terminal = await http(sim.url, 'GET', '/terminals/CALLAO/slots?date=2026-05-02');
    expect(terminal.status).toBe(404);
    expect(terminal.body.error.code).toBe('UNKNOWN_TERMINAL');
    const route = await http(sim.url, 'GET', '/terminals/APMTC/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('NOT_FOUND');
  });
});
