import { ApplicationFailure } from '@temporalio/common';
import { createHttpTerminalClient, type TerminalClient } from '../../../activities/terminals';
import { ErrorType } from '../../../domain/errors';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { admin, bookingCount, thrownBy } from './terminals.helpers';

describe('HTTP terminal client against the simulator', () => {
  let sim: RunningSimulator;
  let apmtc: TerminalClient;
  let dpwc: TerminalClient;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    apmtc = createHttpTerminalClient({ terminal: 'APMTC', baseUrl: sim.url, timeoutMs: 2_000 });
    dpwc = createHttpTerminalClient({ terminal: 'DPWC', baseUrl: `${sim.url}/`, timeoutMs: 2_000 });
  });
  afterAll(() => sim.close());
  beforeEach(() => admin(sim.url, '/reset'));

  const appointment = { bl: 'MAEU240001234', date: '2026-07-01', containerNumbers: ['MSKU1234565'] };

  it('books an appointment and returns the slot it holds', async () => {
    const booked = await apmtc.requestAppointment(appointment, 'dispatch-DSP-1/appointment');
    expect(booked).toMatchObject({
      terminal: 'APMTC',
      bl: 'MAEU240001234',
      slotId: 'APMTC-2026-07-01-0800',
      start: '2026-07-01T08:00:00-05:00',
      idempotencyKey: 'dispatch-DSP-1/appointment',
      replayed: false,
    });
  });

  it('returns the same booking when retried with the same key, and books once', async () => {
    const first = await apmtc.requestAppointment(appointment, 'dispatch-DSP-2/appointment');
    const retry = await apmtc.requestAppointment(appointment, 'dispatch-DSP-2/appointment');
    expect(retry.id).toBe(first.id);
    expect(retry.replayed).toBe(true);
    expect(await bookingCount(sim.url)).toBe(1);
  });

  it('quotes, liquidates, assigns the BL and books a container return', async () => {
    const containers = [{ containerNumber: 'MSKU1234565', size: '40' as const }];
    const proforma = await dpwc.getProforma({ bl: 'MAEU240001234', containers });
    expect(proforma).toMatchObject({ terminal: 'DPWC', currency: 'USD', subtotal: 285, igv: 51.3, total: 336.3 });
    const liquidation = await dpwc.liquidate({ bl: 'MAEU240001234', containers, proformaId: proforma.id }, 'liq-1');
    expect(liquidation.proformaId).toBe(proforma.id);
    const assignment = await dpwc.assignBlToCarrier({ bl: 'MAEU240001234', carrierRuc: '20123456789', carrierName: 'Transportes Rímac SAC' }, 'asg-1');
    expect(assignment).toMatchObject({ carrierRuc: '20123456789', replayed: false });
    const ret = await dpwc.requestContainerReturn({ bl: 'MAEU240001234', containerNumber: 'MSKU1234565', date: '2026-07-20' }, 'ret-1');
    expect(ret).toMatchObject({ containerNumber: 'MSKU1234565', date: '2026-07-20' });
  });

  it('turns NO_SLOT into a non-retryable TerminalRejected failure with the terminal message', async () => {
    await admin(sim.url, '/rejections', { count: 1, code: 'NO_SLOT' });
    const err = await thrownBy(() => apmtc.requestAppointment(appointment, 'k-no-slot'));
    expect(err).toBeInstanceOf(ApplicationFailure);
    const failure = err as ApplicationFailure;
    expect(failure.type).toBe(ErrorType.TerminalRejected);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toMatch(/^APMTC: No hay cupo/);
    expect(failure.details?.[0]).toMatchObject({ terminal: 'APMTC', status: 409, code: 'NO_SLOT', path: '/appointments' });
  });

  it('turns BL_NOT_FOUND and a reused key into TerminalRejected too', async () => {
    const unknownBl = await thrownBy(() => dpwc.requestAppointment({ ...appointment, bl: 'UNKNOWN-1' }, 'k-bl'));
    expect((unknownBl as ApplicationFailure).details?.[0]).toMatchObject({ status: 422, code: 'BL_NOT_FOUND' });
    await dpwc.requestAppointment(appointment, 'k-reused');
    const reused = await thrownBy(() => dpwc.requestAppointment({ ...appointment, date: '2026-07-02' }, 'k-reused'));
    expect(reused).toBeInstanceOf(ApplicationFailure);
    expect((reused as ApplicationFailure).type).toBe('TerminalRejected');
  });

  it('throws a plain retryable Error on 503 and succeeds once the terminal heals', async () => {
    await admin(sim.url, '/faults', { failNext: 1 });
    const err = await thrownBy(() => apmtc.requestAppointment(appointment, 'k-503'));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect((err as Error).message).toMatch(/APMTC transient failure: .*503 TERMINAL_UNAVAILABLE/);
    const booked = await apmtc.requestAppointment(appointment, 'k-503');
    expect(booked.replayed).toBe(false);
    expect(await bookingCount(sim.url)).toBe(1);
  });

  it('throws a plain retryable Error when the terminal does not answer in time', async () => {
    await admin(sim.url, '/faults', { latencyMs: 1_000 });
    const impatient = createHttpTerminalClient({ terminal: 'APMTC', baseUrl: sim.url, timeoutMs: 100 });
    const err = await thrownBy(() => impatient.getProforma({ bl: 'MAEU1', containers: [{ containerNumber: 'MSKU1234565', size: '20' }] }));
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect((err as Error).message).toMatch(/no answer to POST \/proformas within 100 ms/);
  });

  it('throws a plain retryable Error when the terminal is unreachable', async () => {
    const closed = await startSimulator({ port: 0 });
    await closed.close();
    const offline = createHttpTerminalClient({ terminal: 'DPWC', baseUrl: closed.url, timeoutMs: 2_000 });
    const err = await thrownBy(() => offline.requestAppointment(appointment, 'k-offline'));
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect((err as Error).message).toMatch(/DPWC transient failure: POST \/appointments failed/);
  });
});
