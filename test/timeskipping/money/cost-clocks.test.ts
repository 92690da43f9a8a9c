/**
 * Cost clocks per container (money-clocks-2026-12) at real durations on the time-skipping server: a 40' container
 * discharged on Wednesday 23 December 2026 at APMTC has 2 free calendar days of storage (23 and 24); Friday 25 is
 * Christmas (holiday) and then comes the weekend, so if nothing is done on Thursday 24 the container can next be
 * withdrawn on Monday 28: 4 chargeable days × US$ 30.00 = US$ 120.00. Detention (default line, 7 days) ends on
 * the 29th; the container is returned on the 28th, so it never warns.
 */
import { DEFAULT_TARIFFS } from '../../../domain/money/tariffs';
import { createPrismaReportQueries } from '../../../activities/reports';
import * as m from '../../../workflows/dispatch.messages';
import { toLevante, withdrawAndReturn } from '../../support/drive';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import { awaitLaterEscalation } from '../../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';

jest.setTimeout(180_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('costclocks');
});
afterAll(() => stack?.close());

const sleepUntil = async (iso: string) => stack.env.sleep(Math.max(Date.parse(iso) - (await stack.env.currentTimeMs()), 1));
const mails = (id: string, word: string) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`) && x.subject.includes(word));

test('free time ends before a holiday weekend: warning with the estimated cost, escalation when it accrues, silence once returned', async () => {
  const d = sampleDispatch({ terminal: 'APMTC', containers: [{ containerNumber: 'MSCU7654321', size: '40' }] });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { costTariffs: DEFAULT_TARIFFS });
  await toLevante(handle);
  await sleepUntil('2026-12-23T15:00:00Z'); // Wednesday 23, 10:00 Lima
  const discharged = await handle.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });

  const storage = discharged.deadlines.find((x) => x.clock === 'storage_free_time')!;
  expect(storage.dueAt).toBe('2026-12-25T05:00:00.000Z'); // Friday 25 00:00 Lima: first chargeable day
  expect(discharged.deadlines.find((x) => x.clock === 'detention_free_time')!.dueAt).toBe('2026-12-30T05:00:00.000Z');
  const clock = discharged.costs!.clocks.find((c) => c.kind === 'storage')!;
  expect(clock).toMatchObject({ lastFreeDay: '2026-12-24', firstChargeableDay: '2026-12-25', estimatedUntil: '2026-12-28', estimatedDays: 4 });
  expect(clock.estimatedCost).toEqual({ amount: '120.00', currency: 'USD' });
  expect(discharged.costs!.accrued).toEqual([{ amount: '0.00', currency: 'USD' }]);

  // The warning goes at 09:00 Lima of Thursday 24, the last business day of free time; not before.
  await sleepUntil('2026-12-24T13:50:00Z');
  expect(mails(d.dispatchId, 'almacenaje')).toHaveLength(0);
  await sleepUntil('2026-12-24T14:01:00Z');
  const warning = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'Aviso de costo').includes(x));
  expect(warning.subject).toContain('US$ 120.00');
  expect(warning.to).toEqual([d.executive.email]);
  expect(warning.text).toContain('Costo estimado si no se hace nada: US$ 120.00 (4 día(s) × US$ 30.00, hasta el 28/12/2026');

  // The read model carries it, and the supervisor digest lists it among the dispatches costing money in 24 h.
  const row = await stack.prisma.dispatch.findUnique({ where: { id: d.dispatchId } });
  expect(row!.costNextChargeAt!.toISOString()).toBe('2026-12-25T05:00:00.000Z');
  expect(row!.costs).toMatchObject({ projected: [{ amount: '200.00', currency: 'USD' }], nextCharge: [{ amount: '120.00', currency: 'USD' }] });
  const alerts = await createPrismaReportQueries(stack.prisma).costAlerts!('2026-12-24T13:00:00.000Z', '2026-12-25T13:00:00.000Z');
  expect(alerts.find((a) => a.dispatchId === d.dispatchId)).toMatchObject({ nextChargeAt: '2026-12-25T05:00:00.000Z', nextCharge: [{ amount: '120.00', currency: 'USD' }] });

  // Friday 25 00:00 Lima: free time is over and cost accrues: the supervisor hears of it.
  await sleepUntil('2026-12-25T05:01:00Z');
  const escalation = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'ESCALAMIENTO').includes(x) && x.subject.includes('almacenaje'));
  expect(escalation.to).toContain('supervision@agencia.example.pe');
  const accruing = await handle.query(m.getDispatch);
  expect(accruing.overdue).toBe(true);
  expect(accruing.costs!.clocks.find((c) => c.kind === 'storage')!.accruedCost).toEqual({ amount: '30.00', currency: 'USD' });

  // Monday 28: withdrawn and returned. Storage stops at 4 days; detention never warns.
  await sleepUntil('2026-12-28T15:00:00Z');
  const returned = await withdrawAndReturn(handle, '2026-12-28');
  expect(returned.deadlines.some((x) => x.clock === 'storage_free_time' || x.clock === 'detention_free_time')).toBe(false);
  expect(returned.costs!.accrued).toEqual([{ amount: '120.00', currency: 'USD' }]);
  // The read model keeps each clock's figures for the board's KPI: storage cost US$ 120.00, detention saved US$ 80.00.
  const clocks = (await stack.prisma.dispatch.findUnique({ where: { id: d.dispatchId } }))!.costs as { clocks: { kind: string; stoppedOn: string; accrued: unknown; estimated: unknown }[] };
  expect(clocks.clocks).toEqual([
    expect.objectContaining({ kind: 'storage', stoppedOn: '2026-12-28', accrued: { amount: '120.00', currency: 'USD' } }),
    expect.objectContaining({ kind: 'detention', stoppedOn: '2026-12-28', accrued: { amount: '0.00', currency: 'USD' }, estimated: { amount: '80.00', currency: 'USD' } }),
  ]);
  await sleepUntil('2026-12-31T05:00:00Z');
  await awaitLaterEscalation(stack, handle, d.dispatchId);
  expect(mails(d.dispatchId, 'sobreestadía')).toHaveLength(0);
  expect(mails(d.dispatchId, 'almacenaje')).toHaveLength(2);
});

test('a dispatch opened without tariffs runs no cost clock', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const view = await handle.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });
  expect(view.costs).toBeUndefined();
  expect(view.deadlines.some((x) => x.clock === 'storage_free_time')).toBe(false);
});
