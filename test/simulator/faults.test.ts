import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { appointmentBody, http, key } from './simulator.helpers';

describe('simulator fault injection', () => {
  let sim: RunningSimulator;
  let now = new Date('2026-05-01T15:00:00Z');
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: () => now });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    now = new Date('2026-05-01T15:00:00Z');
    await http(sim.url, 'POST', '/_admin/reset');
  });

  const slots = (terminal = 'APMTC') => http(sim.url, 'GET', `/terminals/${terminal}/slots?date=2026-05-02`);

  it('fails every terminal request with 503 at error rate 1, but not /health or /_admin', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { errorRate: 1 });
    const res = await slots();
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'TERMINAL_UNAVAILABLE', reason: 'ERROR_RATE' });
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await http(sim.url, 'GET', '/health')).status).toBe(200);
    expect((await http(sim.url, 'GET', '/_admin/bookings')).status).toBe(200);
  });

  it('does not book when the request fails with a fault', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { failNext: 1 });
    expect((await http(sim.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-05-02'), key('f1'))).status).toBe(503);
    expect((await http(sim.url, 'GET', '/_admin/bookings')).body.count).toBe(0);
  });

  it('fails the next N requests, then heals by itself', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { failNext: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await slots()).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('fails inside an outage window and serves again outside it', async () => {
    await http(sim.url, 'POST', '/_admin/faults', {
      outages: [{ from: '2026-05-01T14:00:00Z', to: '2026-05-01T16:00:00Z' }],
    });
    const inside = await slots();
    expect(inside.status).toBe(503);
    expect(inside.body.error.reason).toBe('OUTAGE_WINDOW');
    now = new Date('2026-05-01T16:00:00Z');
    expect((await slots()).status).toBe(200);
  });

  it('heals when faults are replaced by an empty setting', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { errorRate: 1 });
    expect((await slots()).status).toBe(503);
    await http(sim.url, 'POST', '/_admin/faults', {});
    expect((await slots()).status).toBe(200);
  });

  it('scopes faults to one terminal when named', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { terminal: 'DPWC', errorRate: 1 });
    expect((await slots('DPWC')).status).toBe(503);
    expect((await slots('APMTC')).status).toBe(200);
  });

  it('delays responses by at least the configured latency', async () => {
    await http(sim.url, 'POST', '/_admin/faults', { latencyMs: 300 });
    const started = Date.now();
    expect((await slots()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('fails the same requests for the same seed at a partial error rate', async () => {
    const run = async (url: string) => {
      await http(url, 'POST', '/_admin/faults', { errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await http(url, 'GET', '/terminals/APMTC/slots?date=2026-05-02')).status);
      return statuses;
    };
    const other = await startSimulator({ port: 0 });
    try {
      const a = await run(sim.url);
      const b = await run(other.url);
      expect(a).toEqual(b);
      expect(a).toContain(503);
      expect(a).toContain(200);
    } finally {
      await other.close();
    }
  });
});
