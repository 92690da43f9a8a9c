/** Business paths of the dispatch workflow recorded as replay fixtures (see catalog.ts). */
import { createPrismaRecordStore } from '../../../activities/records';
import * as m from '../../../workflows/dispatch.messages';
import { claveSol, deliverOriginals, receiveAllDocuments, sealAll, toExportChannel, toLevante, toShipped, withdrawAndReturn } from '../drive';
import { uniqueId } from '../env';
import { sampleDispatch, startDispatch } from '../fixtures';
import { addDays, limaInstant, mondayOfPlainWeek } from '../lima-time';
import type { TestStack } from '../stack';
import { latestRun, sleepUntil, until, type Recorder, type TimeSkippingRecorder } from './recording';

const DAY = 86_400_000;
const esc = 'esc';
const dispatchId = (prefix: string) => uniqueId(`DSP-REPLAY-${prefix}`).toUpperCase();
const start = (stack: TestStack, overrides: Parameters<typeof sampleDispatch>[0]) =>
  startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, sampleDispatch(overrides));

/** Paths on the dev server: every operator action of a whole dispatch. */
export const dispatchDevRecorders = {
  'import-green-apmtc': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('IMPORT'), terminal: 'APMTC' });
    await toLevante(h, 'verde');
    await withdrawAndReturn(h);
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/import-green-apmtc': latestRun(h) };
  },
  'import-red-senasa-dpwc': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('RED'), terminal: 'DPWC', restrictedGoods: true });
    await toLevante(h, 'rojo');
    await withdrawAndReturn(h);
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/import-red-senasa-dpwc': latestRun(h) };
  },
  'export-definitive': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('EXPORT'), regime: '40', terminal: 'DPWC' });
    // Opened with feature export-dam-2026-12: its own DAM, channel, seals per container, CLAVE SOL.
    await toShipped(h);
    await h.executeUpdate(m.regularized, { args: [{ actor: esc, claveSol: claveSol() }] });
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/export-definitive': latestRun(h) };
  },
  'import-two-containers-apmtc': async (stack) => {
    const [c1, c2] = ['MSCU7654321', 'TGHU1234560'];
    const h = await start(stack, { dispatchId: dispatchId('TWO'), terminal: 'APMTC', modality: 'anticipado', containers: [{ containerNumber: c1, size: '40' }, { containerNumber: c2, size: '20' }] });
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    await toLevante(h, 'verde');
    await h.executeUpdate(m.dischargeEnded, { args: [{ actor: esc, occurredAt: ago(8) }] });
    await h.executeUpdate(m.replan, { args: [{ actor: esc, plannedPickupAt: ago(6), reason: 'Almacén confirma retiro' }] });
    await h.executeUpdate(m.mobilizationRequested, { args: [{ actor: esc, containerNumber: c2, warehouse: 'DT Neptunia' }] });
    await h.executeUpdate(m.requestProforma, { args: [{ actor: esc }] });
    await h.executeUpdate(m.requestLiquidation, { args: [{ actor: esc }] });
    await h.executeUpdate(m.bookAppointment, { args: [{ actor: esc, date: '2026-12-15', slot: '08:00', containerNumber: c1 }] }).catch(() => undefined);
    await h.executeUpdate(m.bookAppointment, { args: [{ actor: esc, date: '2026-12-15', containerNumber: c1 }] });
    await h.executeUpdate(m.bookAppointment, { args: [{ actor: esc, date: '2026-12-16', slot: '12:00', containerNumber: c2 }] });
    await h.executeUpdate(m.preExitCoordinated, { args: [{ actor: esc, containerNumber: c1, warehouse: 'Almacén Andina', pickupDate: '2026-12-31' }] });
    for (const [c, days] of [[c1, 6], [c2, 3]] as const) {
      await h.executeUpdate(m.pickupCoordinated, { args: [{ actor: esc, containerNumber: c, occurredAt: ago(days) }] });
      await h.executeUpdate(m.delivered, { args: [{ actor: esc, containerNumber: c, occurredAt: ago(days), receipt: { receivedBy: 'Juan Pérez', receivedAt: ago(days), documentRef: `GR-${c}` } }] });
      if (c === c1) await h.executeUpdate(m.regularized, { args: [{ actor: esc, occurredAt: ago(5) }] });
      await h.executeUpdate(m.bookContainerReturn, { args: [{ actor: esc, containerNumber: c, date: c === c1 ? '2026-12-18' : '2026-12-19', depot: 'Depósito Vacíos Callao' }] });
      await h.executeUpdate(m.containerReturned, { args: [{ actor: esc, containerNumber: c, occurredAt: ago(days - 2) }] });
    }
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/import-two-containers-apmtc': latestRun(h) };
  },
  'cancelled-with-complaint': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('CANCEL') });
    await h.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice'] }] });
    await h.executeUpdate(m.logComplaint, { args: [{ actor: esc, category: 'storage', description: 'Almacenaje extra' }] });
    await h.executeUpdate(m.recordExtraordinaryService, { args: [{ actor: esc, description: 'Atención fuera de horario', reason: 'out_of_hours' }] });
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/cancelled-with-complaint': latestRun(h) };
  },
} satisfies Record<string, Recorder>;

/** Paths whose clocks must really run out: on the time-skipping server, at their real durations. */
export const dispatchTimeSkippingRecorders = {
  'regime20-expiry-continue-as-new': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('R20'), regime: '20' });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    const released = await toLevante(h);
    const expiry = released.deadlines.find((x) => x.clock === 'regime_expiry');
    if (!expiry) throw new Error('a regime 20 dispatch after levante has no regime_expiry deadline');
    await withdrawAndReturn(h);
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    const runs = [(await h.describe()).runId];
    const reminder = async (days: number) => {
      await sleepUntil(stack, new Date(Date.parse(expiry.dueAt) - days * DAY + 60_000));
      await stack.smtp.waitFor((mail) => mail.subject === `[${d.dispatchId}] El régimen 20 vence en ${days} días`);
    };
    // Closed and waiting: a reminder with another one still to come ends the run with continue-as-new
    // (dispatch.workflow.ts, shouldContinueAsNew); after the last one (7 days) the run completes.
    for (const days of [90, 60, 30]) {
      await reminder(days);
      runs.push(await until(`the run after the ${days}-day reminder`, async () => {
        const { runId } = await h.describe();
        return runs.includes(runId) ? undefined : runId;
      }));
    }
    await reminder(7);
    await h.result();
    const last = (await h.describe()).runId;
    return {
      'dispatchWorkflow/regime20-expiry-continue-as-new.first-run': { workflowId: h.workflowId, runId: runs[0] },
      'dispatchWorkflow/regime20-expiry-continue-as-new.second-run': { workflowId: h.workflowId, runId: runs[1] },
      'dispatchWorkflow/regime20-expiry-continue-as-new.last-run': { workflowId: h.workflowId, runId: last },
    };
  },
  'document-review-missed': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('REVIEW') });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    await h.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice', 'bill_of_lading'] }] });
    await stack.smtp.waitFor((mail) => mail.subject === `[${d.dispatchId}] Documentos pendientes para su despacho`);
    await stack.env.sleep('43 hours');
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Recordatorio: Revisión de documentos`));
    await stack.env.sleep('6 hours');
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Revisión de documentos`));
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/document-review-missed': latestRun(h) };
  },
  'import-levante-senasa-clocks': async (stack) => {
    const d = sampleDispatch({ dispatchId: dispatchId('CLOCKS'), restrictedGoods: true, terminal: 'DPWC' });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    const view = await receiveAllDocuments(h);
    for (const u of [m.documentsReviewed, m.draftEmitted, m.draftApproved]) await h.executeUpdate(u, { args: [{ actor: esc }] });
    await h.executeUpdate(m.damNumbered, { args: [{ actor: esc, damNumber: `118-2026-${view.regime}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` }] });
    await h.executeUpdate(m.channelAssigned, { args: [{ actor: esc, channel: 'rojo' }] });
    const inspection = (await stack.env.currentTimeMs()) + 2 * DAY;
    await h.executeUpdate(m.senasaInspectionScheduled, { args: [{ actor: esc, scheduledFor: new Date(inspection).toISOString(), place: 'Terminal DPWC', inspector: 'Ing. Carla Ríos' }] });
    await sleepUntil(stack, new Date(inspection - DAY + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Recordatorio: Inspección de SENASA`));
    await sleepUntil(stack, new Date(inspection + 60_000));
    await h.executeUpdate(m.senasaReportReceived, { args: [{ actor: esc }] });
    await h.executeUpdate(m.physicalInspectionScheduled, { args: [{ actor: esc, scheduledFor: new Date(inspection).toISOString(), place: 'Zona de aforo DPWC' }] });
    // Red channel: the levante is chased for 3 days from the channel (reminder 6 h before, then the alert).
    await sleepUntil(stack, new Date(inspection + DAY + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Recordatorio: Seguimiento del levante`));
    await stack.smtp.waitFor((mail) => mail.subject === `[${d.dispatchId}] ALERTA: venció Seguimiento del levante`);
    await h.executeUpdate(m.physicalInspectionRecorded, { args: [{ actor: esc, notes: 'Conforme' }] });
    await h.executeUpdate(m.levanteGranted, { args: [{ actor: esc }] });
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/import-levante-senasa-clocks': latestRun(h) };
  },
  'calendar-replan': async (stack) => {
    const { monday } = mondayOfPlainWeek(new Date(await stack.env.currentTimeMs()));
    const d = sampleDispatch({ dispatchId: dispatchId('REPLAN') });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    const loggedAt = limaInstant(monday, 10);
    await sleepUntil(stack, loggedAt);
    await h.executeUpdate(m.logComplaint, { args: [{ actor: esc, category: 'storage', description: 'Almacenaje adicional en el terminal', occurredAt: loggedAt.toISOString() }] });
    // Decreed on Monday: Tuesday becomes a non-working day, so the escalation ("24 hrs. útiles" read as 24 hours of
    // business days since business-days-reading-2026-12) moves from Tuesday 10:00 to Wednesday 10:00.
    await createPrismaRecordStore(stack.prisma).add({ country: 'PE', date: addDays(monday, 1), reason: 'Día no laborable decretado', createdBy: 'supervisor' });
    await h.signal(m.calendarChanged);
    const replanned = limaInstant(addDays(monday, 2), 10).toISOString();
    await until('the escalation re-planned', async () => {
      const view = await h.query(m.getDispatch);
      return view.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt === replanned ? true : undefined;
    });
    await sleepUntil(stack, new Date(Date.parse(replanned) + 5 * 60_000));
    await stack.smtp.waitFor((mail) => mail.subject === `[${d.dispatchId}] Reclamo/contingencia pendiente de informe al supervisor`);
    await h.executeUpdate(m.cancelDispatch, { args: [{ actor: esc, reason: 'El cliente desistió' }] });
    await h.result();
    return { 'dispatchWorkflow/calendar-replan': latestRun(h) };
  },
  'export-dam-clocks': async (stack) => {
    const openedAt = await stack.env.currentTimeMs();
    const cutoff = new Date(openedAt + 3 * DAY);
    const d = sampleDispatch({
      dispatchId: dispatchId('EXPORT-DAM'), regime: '40', terminal: 'DPWC', cargoCutoffAt: cutoff.toISOString(),
      containers: [{ containerNumber: 'MSCU7654321', size: '40' }, { containerNumber: 'TGHU1234560', size: '20' }],
    });
    const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    await sleepUntil(stack, new Date(cutoff.getTime() - DAY + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] Recordatorio: Corte de carga de la nave`));
    await sleepUntil(stack, new Date(cutoff.getTime() + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Corte de carga de la nave`));
    const inspected = await toExportChannel(h, 'rojo');
    await sealAll(h, inspected);
    const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: esc }] });
    await sleepUntil(stack, new Date(Date.parse(shipped.milestones.shipmentEndedAt!) + 10 * DAY + 60_000));
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Regularización`));
    await h.executeUpdate(m.regularized, { args: [{ actor: esc, claveSol: claveSol(await stack.env.currentTimeMs()) }] });
    await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/export-dam-clocks': latestRun(h) };
  },
} satisfies Record<string, TimeSkippingRecorder>;
