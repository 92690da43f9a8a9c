/**
 * The clocks of the outbound regimes (lifecycle feature outbound-regimes-2026-12) at their real durations on the
 * time-skipping server: the re-export's shipment before the parent regime expires and its regularization 10/30
 * days from the end of shipment; the reshipment's 30-day term from the day after numbering; the temporary
 * export's 12-month re-import term with its 90/60/30/7-day reminders, across a month end and a leap year.
 */
import * as m from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { claveSol, deliverOriginals, sealAll, toExportChannel, toShipped } from '../support/drive';
import { awaitLaterEscalation } from '../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';
import { waitFor } from '../support/wait-for';

jest.setTimeout(240_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('outbound_regimes');
});
afterAll(() => stack?.close());

const DAY = 86_400_000;
const MINUTE = 60_000;
const SUPERVISION = 'supervision@agencia.example.pe';
const EXECUTIVE = 'jorge.salas@agencia.example.pe';
const CLIENT = 'lucia.ramos@andina.example.pe';
const mails = (id: string, about: RegExp) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`) && about.test(x.subject));
const start = (d: ReturnType<typeof sampleDispatch>) => startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
const sleepUntil = async (ms: number) => stack.env.sleep(Math.max(ms - (await stack.env.currentTimeMs()), 1));
const outbound = (regime: '60' | '89' | '41', overrides: Parameters<typeof sampleDispatch>[0] = {}) =>
  sampleDispatch({ regime, terminal: 'DPWC', client: { ruc: '20100047218', name: 'Exportadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: CLIENT }] }, ...overrides });
const reexportOf = (expiresAt: number) => ({ parentDamNumber: '118-2026-20-000777', parentRegime: '20' as const, parentExpiresAt: new Date(expiresAt).toISOString() });
const PARENT = /antes del vencimiento del régimen 20/;

// The two tests with calendar dates run first: the time-skipping server's clock only moves forward, and they need
// it before 2 June 2027 and 29 February 2028. The tests after them count from whatever "now" is.
test('temporary export shipped on 31 August 2026: re-import due 31 August 2027; reminders 90/60/30/7 days before to the executive (not the client), each once, while closed', async () => {
  const d = outbound('41');
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  await sealAll(h, assigned);
  const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: 'esc', occurredAt: '2026-08-31T10:00:00-05:00' }] });
  expect(await stack.env.currentTimeMs()).toBeLessThan(Date.parse('2027-06-02T15:00:00.000Z')); // before the first reminder
  const due = shipped.deadlines.find((x) => x.clock === 'regime_expiry')!;
  expect(due).toMatchObject({ dueAt: '2027-08-31T15:00:00.000Z', ref: 'reimport-41' });
  await h.executeUpdate(m.regularized, { args: [{ actor: 'esc', claveSol: claveSol(await stack.env.currentTimeMs()) }] });
  await deliverOriginals(h);
  expect((await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] })).status).toBe('closed');

  const reminders = () => mails(d.dispatchId, /La reimportación de la exportación temporal \(régimen 41\) vence en/);
  await sleepUntil(Date.parse(due.dueAt) - 90 * DAY - MINUTE);
  expect(reminders()).toEqual([]);
  for (const days of [90, 60, 30, 7]) {
    await sleepUntil(Date.parse(due.dueAt) - days * DAY + MINUTE);
    const mail = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] La reimportación de la exportación temporal (régimen 41) vence en ${days} días`);
    expect(mail.text).toContain('31/08/2027');
  }
  expect(reminders().map((x) => x.to)).toEqual(Array(4).fill([EXECUTIVE]));
  // The workflow's own record that nothing is left to send: after the last reminder of a closed dispatch it completes.
  // (Not `result()`, which would let the server's clock run on to whatever timer is next in the whole suite.)
  await waitFor(async () => (await h.describe()).status.name === 'COMPLETED');
  expect(reminders()).toHaveLength(4);
});

test('temporary export shipped on 29 February 2028 (leap day): re-import due 28 February 2029 (month end), 90-day reminder on 30 November 2028; concluding stops the rest', async () => {
  const d = outbound('41');
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  await sealAll(h, assigned);
  expect(await stack.env.currentTimeMs()).toBeLessThan(Date.parse('2028-02-29T15:00:00.000Z')); // the leap day is still ahead
  await sleepUntil(Date.parse('2028-02-29T15:00:00.000Z') + MINUTE);
  const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: 'esc', occurredAt: '2028-02-29T10:00:00-05:00' }] });
  expect(shipped.deadlines.find((x) => x.clock === 'regime_expiry')?.dueAt).toBe('2029-02-28T15:00:00.000Z');
  const ninety = Date.parse('2028-11-30T15:00:00.000Z');
  await sleepUntil(ninety - MINUTE);
  const subject = (days: number) => `[${d.dispatchId}] La reimportación de la exportación temporal (régimen 41) vence en ${days} días`;
  expect(stack.smtp.received.filter((x) => x.subject === subject(90))).toEqual([]);
  await sleepUntil(ninety + MINUTE);
  const mail = await stack.smtp.waitFor((x) => x.subject === subject(90));
  expect(mail.text).toContain('28/02/2029');
  const concluded = await h.executeUpdate(m.regimeConcluded, { args: [{ actor: 'esc' }] });
  expect(concluded.deadlines.some((x) => x.clock === 'regime_expiry')).toBe(false);
  await sleepUntil(Date.parse('2029-02-28T15:00:00.000Z') + DAY);
  await awaitLaterEscalation(stack, h, d.dispatchId);
  expect(stack.smtp.received.filter((x) => x.subject.startsWith(`[${d.dispatchId}] La reimportación`)).map((x) => x.subject)).toEqual([subject(90)]);
  await h.terminate('test over');
});

test('re-export: reminder 7 days before the parent regime expires, supervisor escalation 2 days before, alert at the expiry', async () => {
  const expiresAt = (await stack.env.currentTimeMs()) + 20 * DAY;
  const d = outbound('60', { reexport: reexportOf(expiresAt) });
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  expect(assigned.milestones.features).toContain('outbound-regimes-2026-12');
  expect(assigned.deadlines.find((x) => x.clock === 'parent_regime_expiry')?.dueAt).toBe(new Date(expiresAt).toISOString());

  await sleepUntil(expiresAt - 7 * DAY - MINUTE);
  expect(mails(d.dispatchId, PARENT)).toEqual([]);
  await sleepUntil(expiresAt - 7 * DAY + MINUTE);
  const reminder = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Embarque de la reexportación antes del vencimiento del régimen 20 (DAM 118-2026-20-000777)`));
  expect(reminder.to).toEqual([EXECUTIVE]);

  await sleepUntil(expiresAt - 2 * DAY + MINUTE);
  const escalation = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo (Embarque de la reexportación`));
  expect(escalation.to).toEqual(expect.arrayContaining([SUPERVISION, EXECUTIVE]));

  await sleepUntil(expiresAt - MINUTE);
  expect(mails(d.dispatchId, /ALERTA: venció Embarque de la reexportación/)).toEqual([]);
  await sleepUntil(expiresAt + MINUTE);
  const alert = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Embarque de la reexportación antes del vencimiento del régimen 20`));
  expect(alert.to).toEqual(expect.arrayContaining([SUPERVISION, EXECUTIVE]));
  expect(mails(d.dispatchId, PARENT)).toHaveLength(3);
  expect((await h.query(m.getDispatch)).overdue).toBe(true);
  await h.terminate('test over');
});

test('re-export shipped in time: regularization reminder at 8 days, target alert at 10, legal escalation at 28 and alert at 30 from the end of shipment; no parent-expiry notice', async () => {
  const expiresAt = (await stack.env.currentTimeMs()) + 12 * DAY;
  const d = outbound('60', { reexport: reexportOf(expiresAt) });
  const h = await start(d);
  const shipped = await toShipped(h, 'verde');
  const end = Date.parse(shipped.milestones.shipmentEndedAt!);
  expect(shipped.deadlines.map((x) => x.clock)).toEqual(['regularization_target', 'regularization_legal']);
  const regularization = /Regularización de la reexportación/;

  await sleepUntil(end + 8 * DAY - MINUTE);
  expect(mails(d.dispatchId, regularization)).toEqual([]);
  await sleepUntil(end + 8 * DAY + MINUTE);
  await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Regularización de la reexportación: plazo objetivo interno`));
  await sleepUntil(end + 10 * DAY + MINUTE);
  const target = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Regularización de la reexportación: plazo objetivo interno`);
  expect(target.to).toEqual(expect.arrayContaining([SUPERVISION, EXECUTIVE]));
  await sleepUntil(end + 28 * DAY - MINUTE);
  expect(mails(d.dispatchId, /plazo legal en riesgo/)).toEqual([]);
  await sleepUntil(end + 28 * DAY + MINUTE);
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo (Regularización de la reexportación: plazo legal)`);
  await sleepUntil(end + 30 * DAY + MINUTE);
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Regularización de la reexportación: plazo legal`);
  // The legal alert (day 30) came after the parent's expiry (day 12), from the same clock loop: a parent-expiry
  // notice, stopped by the shipment, would have gone out before it.
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(expiresAt);
  expect(mails(d.dispatchId, PARENT)).toEqual([]);
  await h.executeUpdate(m.regularized, { args: [{ actor: 'esc', claveSol: claveSol(await stack.env.currentTimeMs()) }] });
  await h.terminate('test over');
});

test('reshipment: the shipment must end within 30 calendar days from the day after numbering (23:59:59 Lima of day 30)', async () => {
  const d = outbound('89', { reshipment: { arrivalManifest: '2026-04567', arrivalBl: 'MAEU9876543' } });
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  const numberedAt = Date.parse(assigned.milestones.damNumberedAt!);
  const due = Date.parse(assigned.deadlines.find((x) => x.clock === 'reshipment_term')!.dueAt);
  // The Lima day of the numbering, then 30 whole days after it, ending one second before midnight.
  const limaDayStart = Math.floor((numberedAt - 5 * 3_600_000) / DAY) * DAY + 5 * 3_600_000;
  expect(due).toBe(limaDayStart + 31 * DAY - 1_000);

  await sleepUntil(due - 7 * DAY - MINUTE);
  expect(mails(d.dispatchId, /Embarque del reembarque/)).toEqual([]);
  await sleepUntil(due - 7 * DAY + MINUTE);
  const reminder = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Embarque del reembarque (30 días calendario desde la numeración de la DAM)`));
  expect(reminder.to).toEqual([EXECUTIVE]);
  await sleepUntil(due - 2 * DAY + MINUTE);
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo (Embarque del reembarque (30 días calendario desde la numeración de la DAM))`);
  await sleepUntil(due - MINUTE);
  expect(mails(d.dispatchId, /ALERTA: venció Embarque del reembarque/)).toEqual([]);
  await sleepUntil(due + MINUTE);
  const alert = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Embarque del reembarque (30 días calendario desde la numeración de la DAM)`);
  expect(alert.to).toEqual(expect.arrayContaining([SUPERVISION, EXECUTIVE]));
  expect(alert.text).toContain('23:59');
  await h.terminate('test over');
});

test('reshipment shipped on day 20: the term stops, no regularization clock, and no reshipment notice ever', async () => {
  const d = outbound('89', { reshipment: { arrivalManifest: '2026-04568', arrivalBl: 'MAEU9876544' } });
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  const due = Date.parse(assigned.deadlines.find((x) => x.clock === 'reshipment_term')!.dueAt);
  await stack.env.sleep(20 * DAY);
  await sealAll(h, assigned);
  const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: 'esc' }] });
  expect(shipped.deadlines.map((x) => x.clock)).toEqual(['archive_originals']);
  expect(shipped.nextActions).toEqual(['closed']);
  await sleepUntil(due + DAY);
  await awaitLaterEscalation(stack, h, d.dispatchId);
  expect(mails(d.dispatchId, /reembarque|Regularización/)).toEqual([]);
  await deliverOriginals(h);
  await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
  expect((await h.result()).status).toBe('closed');
});
