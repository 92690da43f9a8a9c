/** Business paths of the outbound regimes (outbound-regimes-2026-12) recorded as replay fixtures (see catalog.ts). */
import * as m from '../../../workflows/dispatch.messages';
import { claveSol, deliverOriginals, sealAll, toExportChannel } from '../drive';
import { uniqueId } from '../env';
import { sampleDispatch, startDispatch } from '../fixtures';
import type { TestStack } from '../stack';
import { latestRun, sleepUntil, until, type Recorder, type TimeSkippingRecorder } from './recording';

const DAY = 86_400_000;
const esc = 'esc';
const dispatchId = (prefix: string) => uniqueId(`DSP-REPLAY-${prefix}`).toUpperCase();
const start = (stack: TestStack, overrides: Parameters<typeof sampleDispatch>[0]) =>
  startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, sampleDispatch({ terminal: 'DPWC', ...overrides }));

/** Paths on the dev server: every operator action of a whole outbound dispatch. */
export const outboundDevRecorders = {
  'export-reexport': async (stack) => {
    const parentExpiresAt = new Date(Date.now() + 60 * DAY).toISOString();
    const h = await start(stack, { dispatchId: dispatchId('REEXPORT'), regime: '60', reexport: { parentDamNumber: '118-2026-20-000777', parentRegime: '20', parentExpiresAt } });
    const assigned = await toExportChannel(h, 'rojo');
    await sealAll(h, assigned);
    await h.executeUpdate(m.shipped, { args: [{ actor: esc }] });
    await h.executeUpdate(m.regularized, { args: [{ actor: esc, claveSol: claveSol() }] });
    await deliverOriginals(h);
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/export-reexport': latestRun(h) };
  },
  'export-reshipment': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('RESHIP'), regime: '89', reshipment: { arrivalManifest: '2026-04567', arrivalBl: 'MAEU9876543' } });
    const assigned = await toExportChannel(h, 'verde');
    await sealAll(h, assigned);
    await h.executeUpdate(m.shipped, { args: [{ actor: esc }] });
    await h.executeUpdate(m.regularized, { args: [{ actor: esc, claveSol: claveSol() }] }).catch(() => undefined); // refused: no regularization
    await deliverOriginals(h);
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    await h.result();
    return { 'dispatchWorkflow/export-reshipment': latestRun(h) };
  },
} satisfies Record<string, Recorder>;

/** The temporary export's 12-month re-import term must really run: on the time-skipping server. */
export const outboundTimeSkippingRecorders = {
  'export-temporary': async (stack) => {
    const h = await start(stack, { dispatchId: dispatchId('TEMPEXP'), regime: '41' });
    const assigned = await toExportChannel(h, 'verde');
    await sealAll(h, assigned);
    const shipped = await h.executeUpdate(m.shipped, { args: [{ actor: esc }] });
    const due = shipped.deadlines.find((x) => x.clock === 'regime_expiry');
    if (!due) throw new Error('a shipped temporary export has no re-import (regime_expiry) deadline');
    await h.executeUpdate(m.regularized, { args: [{ actor: esc, claveSol: claveSol(await stack.env.currentTimeMs()) }] });
    await deliverOriginals(h);
    await h.executeUpdate(m.closeDispatch, { args: [{ actor: esc }] });
    const first = (await h.describe()).runId;
    // Closed and waiting for the re-import: the 90-day reminder ends the run with continue-as-new.
    await sleepUntil(stack, new Date(Date.parse(due.dueAt) - 90 * DAY + 60_000));
    const subject = `[${shipped.dispatchId}] La reimportación de la exportación temporal (régimen 41) vence en 90 días`;
    await stack.smtp.waitFor((mail) => mail.subject === subject);
    const second = await until('the run after the 90-day reminder', async () => {
      const { runId } = await h.describe();
      return runId === first ? undefined : runId;
    });
    // The goods came back: the re-import concludes the term and the carried run completes.
    await h.executeUpdate(m.regimeConcluded, { args: [{ actor: esc }] });
    await h.result();
    return {
      'dispatchWorkflow/export-temporary.first-run': { workflowId: h.workflowId, runId: first },
      'dispatchWorkflow/export-temporary.second-run': { workflowId: h.workflowId, runId: second },
    };
  },
} satisfies Record<string, TimeSkippingRecorder>;
