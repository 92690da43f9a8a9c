import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import {
  createHttpTerminalClients,
  createTerminalActivities,
  type AssignBlToCarrierInput,
  type ContainerReturn,
  type RequestAppointmentInput,
  type RequestContainerReturnInput,
  type RequestLiquidationInput,
  type RequestProformaInput,
  type TerminalActivities,
} from '../../../activities/terminals';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { admin, thrownBy } from './terminals.helpers';

describe('terminal activities over the HTTP clients', () => {
  let sim: RunningSimulator;
  let activities: TerminalActivities;
  const env = new MockActivityEnvironment();
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    activities = createTerminalActivities({
      terminals: createHttpTerminalClients({ apmtcUrl: sim.url, dpwcUrl: sim.url, timeoutMs: 2_000 }),
    });
  });
  afterAll(() => sim.close());
  beforeEach(() => admin(sim.url, '/reset'));

  const bookings = async (terminal: string) =>
    ((await (await fetch(`${sim.url}/_admin/bookings?terminal=${terminal}`)).json()) as { bookings: { idempotencyKey: string; kind: string }[] }).bookings;

  it('routes each call to the terminal named in the input, with its idempotency key', async () => {
    const appointment: RequestAppointmentInput = {
      terminal: 'APMTC',
      idempotencyKey: 'dispatch-DSP-9/appointment',
      bl: 'MAEU240001234',
      date: '2026-08-03',
      containerNumbers: ['MSKU1234565'],
    };
    const assignment: AssignBlToCarrierInput = {
      terminal: 'DPWC',
      idempotencyKey: 'dispatch-DSP-9/bl-assignment',
      bl: 'MAEU240001234',
      carrierRuc: '20123456789',
      carrierName: 'Transportes Rímac SAC',
    };
    await env.run(activities.requestAppointment, appointment);
    await env.run(activities.assignBlToCarrier, assignment);
    expect(await bookings('APMTC')).toEqual([expect.objectContaining({ kind: 'appointment', idempotencyKey: 'dispatch-DSP-9/appointment' })]);
    expect(await bookings('DPWC')).toEqual([expect.objectContaining({ kind: 'bl-assignment', idempotencyKey: 'dispatch-DSP-9/bl-assignment' })]);
  });

  it('books a container return once across activity retries', async () => {
    const input: RequestContainerReturnInput = { terminal: 'DPWC', idempotencyKey: 'dispatch-DSP-9/container-return', bl: 'MAEU240001234', containerNumber: 'MSKU1234565', date: '2026-08-10' };
    const first = await activities.requestContainerReturn(input);
    // Run inside the mock activity context, as a retried attempt would be.
    const retry = (await env.run(activities.requestContainerReturn, input)) as ContainerReturn;
    expect(retry.id).toBe(first.id);
    expect(await bookings('DPWC')).toHaveLength(1);
  });

  it('quotes and liquidates through the proforma and liquidation activities', async () => {
    const containers = [{ containerNumber: 'MSKU1234565', size: '20' as const }];
    const quote: RequestProformaInput = { terminal: 'APMTC', idempotencyKey: 'p', bl: 'MAEU240001234', containers };
    const proforma = await activities.requestProforma(quote);
    const settle: RequestLiquidationInput = { ...quote, idempotencyKey: 'l', proformaId: proforma.id };
    const liquidation = await activities.requestLiquidation(settle);
    expect(liquidation).toMatchObject({ terminal: 'APMTC', proformaId: proforma.id, total: proforma.total });
  });

  it('surfaces a terminal rejection as non-retryable TerminalRejected', async () => {
    const input: RequestAppointmentInput = {
      terminal: 'DPWC',
      idempotencyKey: 'k',
      bl: 'UNKNOWN-404',
      date: '2026-08-03',
      containerNumbers: ['MSKU1234565'],
    };
    const err = await thrownBy(() => env.run(activities.requestAppointment, input));
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'TerminalRejected', nonRetryable: true });
  });
});
