import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../simulator/server';
import { appointmentBody, http, key } from './simulator.helpers';

describe('simulator state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'levante-sim-'));
  const stateFile = join(dir, 'state.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps bookings and idempotency keys across restarts', async () => {
    const first = await startSimulator({ port: 0, stateFile });
    const booked = await http(first.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-06-01'), key('p1'));
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).bookings).toHaveLength(1);

    const second = await startSimulator({ port: 0, stateFile });
    try {
      expect((await http(second.url, 'GET', '/_admin/bookings')).body.count).toBe(1);
      const replay = await http(second.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-06-01'), key('p1'));
      expect(replay.status).toBe(200);
      expect(replay.body.appointment.id).toBe(booked.body.appointment.id);
      const next = await http(second.url, 'POST', '/terminals/APMTC/appointments', appointmentBody('2026-06-01'), key('p2'));
      expect(next.body.appointment.id).not.toBe(booked.body.appointment.id);
    } finally {
      await second.close();
    }
  });
});
