/**
 * The supervisors' ready-made queries (docs/supervision.md) on the dev server: dispatches in distinct states,
 * each query returns exactly the expected ones. Visibility is eventually consistent, so each query is polled
 * (bounded) until it settles; a RUC unique to this test keeps other tests' dispatches out.
 */
import { dispatchWorkflowId } from '../../../domain/ids';
import { SUPERVISOR_QUERIES } from '../../../schedules';
import { startTestStack, type TestStack } from '../../support/stack';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import * as m from '../../../workflows/dispatch.messages';
import { actor, damNumberFor, poll, toChannel, uniqueRuc } from './support';
import { toExportChannel } from '../../support/drive';

jest.setTimeout(120_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('sched_visibility');
});
afterAll(() => stack?.close());

async function idsOf(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of stack.client.workflow.list({ query })) ids.push(wf.workflowId);
  return ids.sort();
}

/** Polls the query until it returns exactly `expected` (bounded), then returns what it last saw. */
async function settle(query: string, expected: string[]): Promise<string[]> {
  const want = [...expected].sort();
  let last: string[] = [];
  await poll(`query ${query}`, async () => {
    last = await idsOf(query);
    return JSON.stringify(last) === JSON.stringify(want) ? true : undefined;
  }, 30_000).catch(() => undefined);
  return last;
}

test('the README queries return exactly the expected dispatches', async () => {
  const ruc = uniqueRuc();
  const client = { ruc, name: 'Minera Andes S.A.', contacts: [{ name: 'Logística', email: `logistica.${ruc}@minera.example.pe` }] };
  const queue = stack.config.TEMPORAL_TASK_QUEUE;
  const open = (terminal: 'APMTC' | 'DPWC', executiveId = 'ESC-07') =>
    sampleDispatch({ client, terminal, executive: { id: executiveId, name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' } });

  const redApmtc = open('APMTC');
  const redDpwc = open('DPWC');
  const greenDpwc = open('DPWC', 'ESC-11');
  const overdue = open('DPWC');
  const cancelled = open('DPWC');
  const damOfRedApmtc = damNumberFor('10');
  await toChannel(await startDispatch(stack.client, queue, redApmtc), 'rojo', damOfRedApmtc);
  await toChannel(await startDispatch(stack.client, queue, redDpwc), 'rojo', damNumberFor('10'));
  await toChannel(await startDispatch(stack.client, queue, greenDpwc), 'verde', damNumberFor('10'));
  const late = await startDispatch(stack.client, queue, overdue);
  await late.executeUpdate(m.documentsReceived, { args: [{ actor, documents: ['commercial_invoice'], occurredAt: new Date(Date.now() - 49 * 3_600_000).toISOString() }] });
  const gone = await startDispatch(stack.client, queue, cancelled);
  await gone.executeUpdate(m.cancelDispatch, { args: [{ actor, reason: 'El cliente desistió' }] });

  const id = (d: { dispatchId: string }) => dispatchWorkflowId(d.dispatchId);
  const mine = ` AND ClientRuc = '${ruc}'`;
  expect(await settle(SUPERVISOR_QUERIES.redChannelAtDpwc + mine, [id(redDpwc)])).toEqual([id(redDpwc)]);
  expect(await settle(SUPERVISOR_QUERIES.everythingOverdue + mine, [id(overdue)])).toEqual([id(overdue)]);
  expect(await settle(SUPERVISOR_QUERIES.atRisk + mine, [id(overdue)])).toEqual([id(overdue)]);
  const openOnes = [redApmtc, redDpwc, greenDpwc, overdue].map(id).sort();
  expect(await settle(SUPERVISOR_QUERIES.clientOpenDispatches(ruc), openOnes)).toEqual(openOnes);
  expect(await settle(SUPERVISOR_QUERIES.byDamNumber(damOfRedApmtc), [id(redApmtc)])).toEqual([id(redApmtc)]);
  expect(await settle(SUPERVISOR_QUERIES.executiveOpenDispatches('ESC-11') + mine, [id(greenDpwc)])).toEqual([id(greenDpwc)]);
});

test('a supervisor finds an export (its own DAM, feature export-dam-2026-12) by DamNumber and by Channel', async () => {
  const ruc = uniqueRuc();
  const client = { ruc, name: 'Agroexportadora del Sur S.A.C.', contacts: [{ name: 'Exportaciones', email: `export.${ruc}@agro.example.pe` }] };
  const queue = stack.config.TEMPORAL_TASK_QUEUE;
  const redExport = sampleDispatch({ client, regime: '40', terminal: 'DPWC' });
  const greenExport = sampleDispatch({ client, regime: '40', terminal: 'APMTC' });
  const redImport = sampleDispatch({ client, terminal: 'DPWC' });
  const red = await toExportChannel(await startDispatch(stack.client, queue, redExport), 'rojo');
  await toExportChannel(await startDispatch(stack.client, queue, greenExport), 'verde');
  await toChannel(await startDispatch(stack.client, queue, redImport), 'rojo', damNumberFor('10'));
  expect(red.damNumber).toMatch(/^118-2026-40-\d{6}$/);

  const id = (d: { dispatchId: string }) => dispatchWorkflowId(d.dispatchId);
  const mine = ` AND ClientRuc = '${ruc}'`;
  expect(await settle(SUPERVISOR_QUERIES.exportByDamNumber(red.damNumber!), [id(redExport)])).toEqual([id(redExport)]);
  expect(await settle(SUPERVISOR_QUERIES.byDamNumber(red.damNumber!), [id(redExport)])).toEqual([id(redExport)]);
  expect(await settle(SUPERVISOR_QUERIES.exportsByChannel('rojo') + mine, [id(redExport)])).toEqual([id(redExport)]);
  expect(await settle(SUPERVISOR_QUERIES.exportsByChannel('verde') + mine, [id(greenExport)])).toEqual([id(greenExport)]);
});

test('a supervisor finds the outbound regimes (outbound-regimes-2026-12) by Regime', async () => {
  const ruc = uniqueRuc();
  const client = { ruc, name: 'Comercial Pacífico S.A.C.', contacts: [{ name: 'Comercio exterior', email: `comex.${ruc}@pacifico.example.pe` }] };
  const queue = stack.config.TEMPORAL_TASK_QUEUE;
  const reexport = sampleDispatch({ client, regime: '60', terminal: 'DPWC', reexport: { parentDamNumber: '118-2026-20-000321', parentRegime: '20', parentExpiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString() } });
  const reshipment = sampleDispatch({ client, regime: '89', terminal: 'APMTC', reshipment: { arrivalManifest: '2026-04567', arrivalBl: 'MAEU9876543' } });
  const temporary = sampleDispatch({ client, regime: '41', terminal: 'DPWC' });
  const definitive = sampleDispatch({ client, regime: '40', terminal: 'DPWC' });
  for (const d of [reexport, reshipment, temporary, definitive]) await startDispatch(stack.client, queue, d);
  const shipped = await toExportChannel(stack.client.workflow.getHandle(dispatchWorkflowId(reexport.dispatchId)), 'verde');
  expect(shipped.damNumber).toMatch(/^118-2026-60-\d{6}$/);

  const id = (d: { dispatchId: string }) => dispatchWorkflowId(d.dispatchId);
  const mine = ` AND ClientRuc = '${ruc}'`;
  expect(await settle(SUPERVISOR_QUERIES.openByRegime('60') + mine, [id(reexport)])).toEqual([id(reexport)]);
  expect(await settle(SUPERVISOR_QUERIES.openByRegime('89') + mine, [id(reshipment)])).toEqual([id(reshipment)]);
  const outbound = [reexport, reshipment, temporary].map(id).sort();
  expect(await settle(SUPERVISOR_QUERIES.outboundRegimes + mine, outbound)).toEqual(outbound);
  expect(await settle(SUPERVISOR_QUERIES.exportByDamNumber(shipped.damNumber!).replace("Regime = '40'", "Regime = '60'"), [id(reexport)])).toEqual([id(reexport)]);
});
