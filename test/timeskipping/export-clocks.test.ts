/**
 * The clocks of an export with its own DAM (lifecycle feature export-dam-2026-12) at their real durations on the
 * time-skipping server: the DAM draft (24 h), shipment after the channel (2 days green, 5 red), the vessel's
 * cargo cut-off, and the shipment refused while a container has no seal. The regularization clocks (10/30 days
 * from the end of shipment) are in regularization.test.ts, over the same export path.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import * as m from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { receiveAllDocuments, sealAll, toExportChannel } from '../support/drive';
import { awaitLaterEscalation } from '../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';

jest.setTimeout(180_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('export_clocks');
});
afterAll(() => stack?.close());

const HOUR = 3_600_000;
const SUPERVISION = 'supervision@agencia.example.pe';
const EXECUTIVE = 'jorge.salas@agencia.example.pe';
const rejection = (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause as Error).message : String(err));
const mails = (id: string, about: string) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`) && x.subject.includes(about));
const exportDispatch = (overrides: Parameters<typeof sampleDispatch>[0] = {}) =>
  sampleDispatch({ regime: '40', terminal: 'DPWC', containers: [{ containerNumber: 'MSCU7654321', size: '40' }, { containerNumber: 'TGHU1234560', size: '20' }], ...overrides });
const start = (d: ReturnType<typeof sampleDispatch>) => startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);

test('DAM draft of an export: reminder to the executive at 18 h, alert to executive and supervisors at 24 h after the review', async () => {
  const d = exportDispatch();
  const h = await start(d);
  await receiveAllDocuments(h);
  const reviewed = await h.executeUpdate(m.documentsReviewed, { args: [{ actor: 'esc' }] });
  expect(reviewed.deadlines.map((x) => x.clock)).toEqual(['dam_draft']);

  await stack.env.sleep('17 hours');
  expect(mails(d.dispatchId, 'borrador de la DAM')).toEqual([]);
  await stack.env.sleep('2 hours');
  const reminder = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Emisión del borrador de la DAM`));
  expect(reminder.to).toEqual([EXECUTIVE]);
  await stack.env.sleep('6 hours');
  const alert = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Emisión del borrador de la DAM`);
  expect(alert.to).toEqual(expect.arrayContaining([EXECUTIVE, SUPERVISION]));
  expect(mails(d.dispatchId, 'borrador de la DAM')).toHaveLength(2);
});

test('shipment after a green channel: reminder at 42 h, alert at 48 h to executive and supervisors', async () => {
  const d = exportDispatch();
  const h = await start(d);
  const assigned = await toExportChannel(h, 'verde');
  const due = assigned.deadlines.find((x) => x.clock === 'export_shipment')!;
  expect(Date.parse(due.dueAt) - Date.parse(assigned.milestones.channelAssignedAt!)).toBe(48 * HOUR);

  await stack.env.sleep('41 hours');
  expect(mails(d.dispatchId, 'Embarque de la exportación')).toEqual([]);
  await stack.env.sleep('2 hours');
  const reminder = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Embarque de la exportación tras el canal (canal verde)`));
  expect(reminder.to).toEqual([EXECUTIVE]);
  await stack.env.sleep('6 hours');
  const alert = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Embarque de la exportación tras el canal (canal verde)`);
  expect(alert.to).toEqual(expect.arrayContaining([EXECUTIVE, SUPERVISION]));
  expect((await h.query(m.getDispatch)).overdue).toBe(true);
});

test('a red channel gives 5 days to ship (inspection included); shipped on day 3, no shipment notice at all', async () => {
  const d = exportDispatch();
  const h = await start(d);
  const inspected = await toExportChannel(h, 'rojo');
  const due = inspected.deadlines.find((x) => x.clock === 'export_shipment')!;
  expect(Date.parse(due.dueAt) - Date.parse(inspected.milestones.channelAssignedAt!)).toBe(120 * HOUR);
  await stack.env.sleep('3 days');
  await sealAll(h, inspected);
  const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: 'esc' }] });
  expect(shipped.deadlines.map((x) => x.clock)).toEqual(['regularization_target', 'regularization_legal']);
  await stack.env.sleep('3 days');
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(Date.parse(due.dueAt));
  await awaitLaterEscalation(stack, h, d.dispatchId);
  expect(mails(d.dispatchId, 'Embarque de la exportación')).toEqual([]);
});

test('cargo cut-off given at opening: reminder a day before, alert to executive and supervisors when cargo entry and seals are missing', async () => {
  const cutoff = new Date((await stack.env.currentTimeMs()) + 72 * HOUR);
  const d = exportDispatch({ cargoCutoffAt: cutoff.toISOString() });
  const h = await start(d);
  const opened = await h.query(m.getDispatch);
  expect(opened.deadlines.map((x) => [x.clock, x.dueAt])).toEqual([['cargo_cutoff', cutoff.toISOString()]]);

  await stack.env.sleep('47 hours');
  expect(mails(d.dispatchId, 'Corte de carga')).toEqual([]);
  await stack.env.sleep('2 hours');
  const reminder = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] Recordatorio: Corte de carga de la nave`));
  expect(reminder.to).toEqual([EXECUTIVE]);
  // The cargo entered, but one container is still without its seal: the cut-off still alerts.
  await toExportChannel(h, 'verde');
  await h.executeUpdate(m.sealsRegistered, { args: [{ actor: 'esc', seals: [{ containerNumber: 'MSCU7654321', sealNumber: 'PE-1' }], sintadReference: 'SINTAD-1' }] });
  await stack.env.sleep('24 hours');
  const alert = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] ALERTA: venció Corte de carga de la nave (ingreso y precintos)`);
  expect(alert.to).toEqual(expect.arrayContaining([EXECUTIVE, SUPERVISION]));
  expect(mails(d.dispatchId, 'Corte de carga')).toHaveLength(2);
});

test('cut-off set by an action stops once cargo entry and every seal are recorded: no cut-off notice', async () => {
  const d = exportDispatch();
  const h = await start(d);
  const cutoff = new Date((await stack.env.currentTimeMs()) + 30 * HOUR).toISOString();
  const set = await h.executeUpdate(m.cargoCutoffSet, { args: [{ actor: 'esc', cutoffAt: cutoff }] });
  expect(set.deadlines.map((x) => x.clock)).toEqual(['cargo_cutoff']);
  const assigned = await toExportChannel(h, 'verde');
  const sealed = await sealAll(h, assigned);
  expect(sealed.deadlines.map((x) => x.clock)).toEqual(['export_shipment']);
  await stack.env.sleep('31 hours');
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(Date.parse(cutoff));
  await awaitLaterEscalation(stack, h, d.dispatchId);
  expect(mails(d.dispatchId, 'Corte de carga')).toEqual([]);
});

test('a shipment with a container without seal is refused, naming it, and never reaches history', async () => {
  const d = exportDispatch();
  const h = await start(d);
  await toExportChannel(h, 'verde');
  await h.executeUpdate(m.sealsRegistered, { args: [{ actor: 'esc', seals: [{ containerNumber: 'TGHU1234560', sealNumber: 'PE-7' }], sintadReference: 'SINTAD-7' }] });
  await stack.env.sleep('1 hour');
  const refused = await h.executeUpdate(m.shipped, { args: [{ actor: 'esc' }] }).catch(rejection);
  expect(refused).toBe('No se puede registrar el embarque: el contenedor MSCU7654321 no tiene precinto registrado. Registre primero su precinto (número y referencia SINTAD).');
  const history = await h.fetchHistory();
  const accepted = (name: string) => history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === name);
  expect(accepted('sealsRegistered')).toHaveLength(1);
  expect(accepted('shipped')).toHaveLength(0);
  const view = await h.query(m.getDispatch);
  expect(view.status).toBe('seals_registered');
  expect(view.milestones.shipmentEndedAt).toBeUndefined();
});
