/**
 * Paths of the money of a dispatch (lifecycle feature money-clocks-2026-12), on the time-skipping server at real
 * durations: cost clocks (warning, escalation, stopped by withdrawal and return, liquidation at closing), the
 * funds gate (refused, escalated, released by a deposit) and an automatic 10110 voided by the executive.
 */
import { createMoneyStore } from '../../../activities/money/money-store';
import { money } from '../../../domain/money/money';
import { DEFAULT_TARIFFS } from '../../../domain/money/tariffs';
import * as m from '../../../workflows/dispatch.messages';
import { deliverOriginals, toLevante, withdrawAndReturn } from '../drive';
import { sampleDispatch, startDispatch } from '../fixtures';
import { uniqueId } from '../env';
import { latestRun, sleepUntil, type TimeSkippingRecorder } from './recording';

const esc = 'esc.historias';
const dispatchId = (what: string) => uniqueId(`HIST-MONEY-${what}`).toUpperCase();
const limaDate = (ms: number) => new Date(ms - 5 * 3_600_000).toISOString().slice(0, 10);

export const moneyTimeSkippingRecorders = {
  'money-cost-clocks': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('COST'), terminal: 'APMTC' });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { costTariffs: DEFAULT_TARIFFS });
    await toLevante(h);
    const discharged = await h.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });
    const storage = discharged.costs?.clocks.find((c) => c.kind === 'storage');
    if (!storage) throw new Error('a dispatch opened with tariffs has no storage clock after the discharge');
    await sleepUntil(stack, new Date(Date.parse(storage.warnAt) + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Aviso de costo: vence el tiempo libre de almacenaje`));
    await sleepUntil(stack, new Date(Date.parse(storage.accruesAt) + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: el contenedor`) && mail.subject.includes('almacenaje'));
    await withdrawAndReturn(h, limaDate(await stack.env.currentTimeMs()));
    await deliverOriginals(h);
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/money-cost-clocks': latestRun(h) };
  },
  'money-funds-gate': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('FUNDS') });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    const refused = await h.executeUpdate(m.requestThirdPartyPayment, {
      args: [{ actor: esc, amount: '1200.00', currency: 'PEN', payee: 'Almacén Callao S.A.', concept: 'Almacenaje', reference: 'FAC-77' }],
    });
    const due = refused.deadlines.find((x) => x.clock === 'funds_wait');
    if (!due) throw new Error('a refused payment has no funds_wait deadline');
    await sleepUntil(stack, new Date(Date.parse(due.dueAt) + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: el despacho sigue esperando fondos`));
    await createMoneyStore(stack.prisma).addDeposit({ dispatchId: d.dispatchId, amount: money('1500.00', 'PEN'), reference: 'OP-9', method: 'transfer', actor: 'admin' });
    await h.signal(m.fundsChanged);
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Pago a terceros registrado`));
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/money-funds-gate': latestRun(h) };
  },
  'money-extra-service': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('EXTRA') });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { extraServices: { outOfHoursAmountPen: '180.50', outOfScopeAmountPen: '95.00' } });
    // The next 23:00 in Lima (04:00 UTC): the night shift.
    const now = await stack.env.currentTimeMs();
    const night = new Date(`${new Date(now).toISOString().slice(0, 10)}T04:00:00.000Z`);
    while (night.getTime() <= now) night.setUTCDate(night.getUTCDate() + 1);
    await sleepUntil(stack, night);
    const view = await h.executeUpdate(m.documentsReceived, { args: [{ actor: 'op.noche', documents: ['commercial_invoice'] }] });
    const service = view.extraordinaryServices.find((s) => s.automatic);
    if (!service) throw new Error('an action in the night shift billed no automatic 10110');
    await h.executeUpdate(m.voidExtraordinaryService, { args: [{ actor: esc, serviceId: service.id, reason: 'Cubierto por la tarifa pactada' }] });
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/money-extra-service': latestRun(h) };
  },
} satisfies Record<string, TimeSkippingRecorder>;
