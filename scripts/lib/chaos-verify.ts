/**
 * What must hold after a scenario, counted where the side effects land: every workflow completed; at the SMTP
 * sink exactly one message per expected notification (by Message-ID); at the simulator exactly one booking per
 * appointment, BL assignment and container return (and one proforma and liquidation per BL); and in the read
 * model one row per dispatch with the workflow's final status, its whole status history, glosas, terminal
 * requests, incidents and email log.
 */
import { messageIdFor } from '../../activities/email/email.activities';
import type { DispatchView } from '../../domain/dispatch-view';
import { dispatchWorkflowId, sideEffectKey } from '../../domain/ids';
import type { Booking, ChargeDocument } from '../../simulator/state';
import { simulatorAdmin } from '../../test/support/simulator-admin';
import type { ChaosDispatch } from './chaos-drive';
import type { ChaosStack } from './chaos-stack';

export interface Verification {
  completed: number;
  emails: { expected: number; received: number; duplicates: number };
  bookings: { expected: number; made: number; duplicates: number };
  rowsOk: boolean;
  /** Every failed assertion, in words. */
  problems: string[];
}

/** Waits for every workflow's result (its final view), at most until `deadline`. */
export async function awaitResults(stack: ChaosStack, dispatches: ChaosDispatch[], deadline: number): Promise<Map<string, DispatchView | string>> {
  const results = new Map<string, DispatchView | string>();
  await Promise.all(
    dispatches.map(async (d) => {
      if (d.failed) return results.set(d.id, 'not driven to closure (see the driver\'s error)');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('not completed within the time budget'), Math.max(0, deadline - Date.now()));
      });
      const result = stack.temporal.workflow
        .getHandle(dispatchWorkflowId(d.id))
        .result()
        .then((view) => view as DispatchView, (err: unknown) => `failed: ${err instanceof Error ? err.message : String(err)}`);
      results.set(d.id, await Promise.race([result, late]));
      clearTimeout(timer);
    }),
  );
  return results;
}

// A green-channel import from opening to closure writes these statuses, in this order (one glosa 40025 each after opening).
const STATUSES = [
  'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
  'channel_assigned', 'released', 'withdrawal_in_progress', 'delivered', 'container_returned', 'closed',
];

const bare = (messageId: string) => messageId.replace(/^<|>$/g, '');

function expectedEmails(d: ChaosDispatch, view: DispatchView): string[] {
  const steps = ['acknowledgement', 'missing-documents/1', ...view.incidents.filter((i) => i.kind === 'terminal').map((i) => `terminal-rejected/${i.id}`)];
  // A dispatch closed under money-clocks-2026-12 sends its liquidation file to the liquidation area.
  if (view.money && view.status === 'closed') steps.push('liquidation');
  return steps.map((step) => bare(messageIdFor(sideEffectKey(dispatchWorkflowId(d.id), step))));
}

function expectedBookings(d: ChaosDispatch): string[] {
  return [`${d.bl}|${d.terminal === 'APMTC' ? 'appointment' : 'bl-assignment'}`, `${d.bl}|container-return`];
}

/** Counts of each key; the keys seen more than once. */
function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

const sample = (items: string[], n = 5) => `${items.slice(0, n).join(', ')}${items.length > n ? ` … (${items.length})` : ''}`;

export async function verify(stack: ChaosStack, dispatches: ChaosDispatch[], results: Map<string, DispatchView | string>): Promise<Verification> {
  const problems: string[] = [];
  const views = new Map<string, DispatchView>();
  for (const d of dispatches) {
    const r = results.get(d.id);
    if (typeof r === 'object' && r.status === 'closed') views.set(d.id, r);
    else problems.push(`${d.id}: ${typeof r === 'string' ? r : `ended ${r?.status ?? 'unknown'}, not closed`}`);
  }
  for (const d of dispatches) if (d.failed) problems.push(`driver gave up on ${d.failed}`);

  // Emails, at the SMTP sink.
  // Duplicates count over every dispatch; missing and unexpected ones only over those that completed (the others
  // already failed, and their path stopped somewhere in the middle).
  const done = dispatches.filter((d) => views.has(d.id));
  const expected = new Set(done.flatMap((d) => expectedEmails(d, views.get(d.id)!)));
  const owner = (id: string) => dispatches.find((d) => id.startsWith(`${dispatchWorkflowId(d.id)}/`));
  const received = tally(stack.smtp.received.map((m) => bare(m.messageId)).filter((id) => owner(id)));
  const duplicates = [...received].filter(([, n]) => n > 1);
  const missing = [...expected].filter((id) => !received.has(id));
  const unexpected = [...received.keys()].filter((id) => !expected.has(id) && views.has(owner(id)!.id));
  if (duplicates.length) problems.push(`emails sent more than once: ${sample(duplicates.map(([id, n]) => `${id} ×${n}`))}`);
  if (missing.length) problems.push(`emails never received: ${sample(missing)}`);
  if (unexpected.length) problems.push(`emails nobody expected: ${sample(unexpected)}`);
  const receivedCount = [...received.values()].reduce((a, b) => a + b, 0);

  // Bookings and charges, at the simulator.
  const bls = new Set(dispatches.map((d) => d.bl));
  const { bookings } = await simulatorAdmin<{ bookings: Booking[] }>(stack.simulatorUrl, '/_admin/bookings');
  const made = bookings.filter((b) => bls.has(b.bl)).map((b) => `${b.bl}|${b.kind}`);
  const booked = tally(made);
  const wanted = done.flatMap(expectedBookings);
  const doubleBooked = [...booked].filter(([, n]) => n > 1);
  if (doubleBooked.length) problems.push(`booked more than once: ${sample(doubleBooked.map(([k, n]) => `${k} ×${n}`))}`);
  const notBooked = wanted.filter((k) => !booked.has(k));
  if (notBooked.length) problems.push(`never booked: ${sample(notBooked)}`);
  const doneBls = new Set(done.map((d) => d.bl));
  const strayBookings = [...booked.keys()].filter((k) => !wanted.includes(k) && doneBls.has(k.split('|')[0]!));
  if (strayBookings.length) problems.push(`bookings nobody asked for: ${sample(strayBookings)}`);
  const charges = await simulatorAdmin<{ proformas: ChargeDocument[]; liquidations: ChargeDocument[] }>(stack.simulatorUrl, '/_admin/charges');
  for (const [kind, docs] of [['proforma', charges.proformas], ['liquidation', charges.liquidations]] as const) {
    const perBl = tally(docs.filter((c) => bls.has(c.bl)).map((c) => c.bl));
    const wrong = dispatches.filter((d) => (perBl.get(d.bl) ?? 0) > 1 || (views.has(d.id) && perBl.get(d.bl) !== 1)).map((d) => `${d.bl} ×${perBl.get(d.bl) ?? 0}`);
    if (wrong.length) problems.push(`${kind}s not exactly one per BL: ${sample(wrong)}`);
  }

  // The read model and the records, in PostgreSQL.
  const rowProblems = await checkRows(stack, done, views, (d) => (views.has(d.id) ? expectedEmails(d, views.get(d.id)!).length : undefined));
  problems.push(...rowProblems);

  return {
    completed: views.size,
    emails: { expected: expected.size, received: receivedCount, duplicates: duplicates.reduce((n, [, c]) => n + c - 1, 0) },
    bookings: { expected: wanted.length, made: made.length, duplicates: doubleBooked.reduce((n, [, c]) => n + c - 1, 0) },
    rowsOk: rowProblems.length === 0,
    problems,
  };
}

async function checkRows(
  stack: ChaosStack,
  dispatches: ChaosDispatch[],
  views: Map<string, DispatchView>,
  emailCount: (d: ChaosDispatch) => number | undefined,
): Promise<string[]> {
  const ids = dispatches.map((d) => d.id);
  const where = { dispatchId: { in: ids } };
  const { prisma } = stack;
  const [rows, history, glosas, requests, emails, incidents] = await Promise.all([
    prisma.dispatch.findMany({ where: { id: { in: ids } } }),
    prisma.statusHistory.findMany({ where, orderBy: { at: 'asc' } }),
    prisma.glosa.findMany({ where: { ...where, code: '40025' } }),
    prisma.appointment.findMany({ where }),
    prisma.emailSent.findMany({ where }),
    prisma.incident.findMany({ where: { ...where, kind: 'terminal_rejection' } }),
  ]);
  const group = <T extends { dispatchId: string | null }>(items: T[]) => {
    const by = new Map<string, T[]>();
    for (const item of items) by.set(item.dispatchId ?? '', [...(by.get(item.dispatchId ?? '') ?? []), item]);
    return (id: string) => by.get(id) ?? [];
  };
  const [historyOf, glosasOf, requestsOf, emailsOf, incidentsOf] = [group(history), group(glosas), group(requests), group(emails), group(incidents)];
  const problems: string[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bad = (what: string, list: string[]) => list.length && problems.push(`${what}: ${sample(list)}`);
  bad('no read-model row', ids.filter((id) => !byId.has(id)));
  bad('read-model status differs from the workflow', dispatches.filter((d) => views.has(d.id) && byId.get(d.id) && byId.get(d.id)!.status !== views.get(d.id)!.status).map((d) => `${d.id} ${byId.get(d.id)!.status}`));
  bad('closed without closedAt', rows.filter((r) => r.status === 'closed' && !r.closedAt).map((r) => r.id));
  bad('status history incomplete or out of order', ids.filter((id) => historyOf(id).map((h) => h.status).join() !== STATUSES.join()).map((id) => `${id} [${historyOf(id).map((h) => h.status).join(' ')}]`));
  bad('glosas 40025 not one per status change', ids.filter((id) => glosasOf(id).length !== STATUSES.length - 1).map((id) => `${id} ×${glosasOf(id).length}`));
  bad('terminal requests not recorded once each', ids.filter((id) => requestsOf(id).length !== 4).map((id) => `${id} ×${requestsOf(id).length}`));
  bad('email log differs from the emails expected', dispatches.filter((d) => emailCount(d) !== undefined && emailsOf(d.id).length !== emailCount(d)).map((d) => `${d.id} ${emailsOf(d.id).length}/${emailCount(d)}`));
  bad('terminal incidents not recorded', dispatches.filter((d) => views.has(d.id) && incidentsOf(d.id).length !== views.get(d.id)!.incidents.filter((i) => i.kind === 'terminal').length).map((d) => d.id));
  return problems;
}
