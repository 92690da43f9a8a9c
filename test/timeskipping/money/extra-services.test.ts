/**
 * Automatic glosa 10110 (money-clocks-2026-12) on the time-skipping server: an operator action on a holiday
 * (Tuesday 8 December 2026, Inmaculada Concepción) or in the night shift (22:00–08:00 Lima) creates exactly one
 * automatic 10110 priced from the client's terms; one in office hours creates none; an action outside the agreed
 * scope creates one. The executive voids one, and the supervisor digest's query leaves it out.
 */
import { createPrismaReportQueries } from '../../../activities/reports';
import * as m from '../../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('extraservices');
});
afterAll(() => stack?.close());

const sleepUntil = async (iso: string) => stack.env.sleep(Math.max(Date.parse(iso) - (await stack.env.currentTimeMs()), 1));
const terms = { outOfHoursAmountPen: '180.50', outOfScopeAmountPen: '95.00' };
const glosas10110 = (dispatchId: string) => stack.prisma.glosa.findMany({ where: { dispatchId, code: '10110' }, orderBy: { at: 'asc' } });

test('holiday and night actions bill one automatic 10110 each; an office-hours action none; a void leaves the digest', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { extraServices: terms });

  await sleepUntil('2026-12-08T16:00:00Z'); // Tuesday 8, 11:00 Lima: a holiday
  const holiday = await handle.executeUpdate(m.documentsReceived, { args: [{ actor: 'op.feriado', documents: ['commercial_invoice'] }] });
  expect(holiday.extraordinaryServices).toEqual([
    expect.objectContaining({ reason: 'out_of_hours', amountPen: '180.50', automatic: true, action: 'documentsReceived', actor: 'levante' }),
  ]);

  await sleepUntil('2026-12-10T04:30:00Z'); // Wednesday 9, 23:30 Lima: night shift
  const night = await handle.executeUpdate(m.documentsReceived, { args: [{ actor: 'op.noche', documents: ['packing_list'] }] });
  expect(night.extraordinaryServices.filter((s) => s.automatic)).toHaveLength(2);

  await sleepUntil('2026-12-10T15:00:00Z'); // Thursday 10, 10:00 Lima: office hours
  const day = await handle.executeUpdate(m.documentsReviewed, { args: [{ actor: 'esc.dia' }] });
  // The glosa of an automatic service is written before the action answers: after it, there is still none new.
  expect(day.extraordinaryServices).toHaveLength(2);
  const rows = await glosas10110(d.dispatchId);
  expect(rows.map((r) => [(r.payload as { reason: string }).reason, (r.payload as { amountPen: string }).amountPen, (r.payload as { automatic: boolean }).automatic])).toEqual([
    ['out_of_hours', '180.50', true],
    ['out_of_hours', '180.50', true],
  ]);

  const digest = createPrismaReportQueries(stack.prisma);
  const nightShift = await digest.extraordinaryServices('2026-12-10T03:00:00Z', '2026-12-10T13:00:00Z');
  expect(nightShift).toEqual([expect.objectContaining({ dispatchId: d.dispatchId, amountPen: '180.50', automatic: true, reason: 'out_of_hours' })]);

  const holidayService = holiday.extraordinaryServices[0]!;
  await handle.executeUpdate(m.voidExtraordinaryService, { args: [{ actor: 'esc.dia', serviceId: holidayService.id, reason: 'El cliente pidió la atención en feriado dentro de la tarifa' }] });
  const week = await digest.extraordinaryServices('2026-12-07T00:00:00Z', '2026-12-11T00:00:00Z');
  expect(week.filter((s) => s.dispatchId === d.dispatchId)).toHaveLength(1);
});

test('an action outside the agreed scope bills one automatic 10110 at the out-of-scope price', async () => {
  await sleepUntil('2026-12-11T15:00:00Z'); // Friday 11, 10:00 Lima
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { extraServices: { ...terms, scope: ['documentsReceived', 'documentsReviewed'] } });
  const inScope = await handle.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice'] }] });
  expect(inScope.extraordinaryServices).toHaveLength(0);
  const outOfScope = await handle.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });
  expect(outOfScope.extraordinaryServices).toEqual([expect.objectContaining({ reason: 'out_of_scope', amountPen: '95.00', automatic: true, action: 'dischargeEnded' })]);
  expect(await glosas10110(d.dispatchId)).toHaveLength(1);
});
