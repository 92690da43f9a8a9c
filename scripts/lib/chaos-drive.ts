/**
 * Drives dispatches through a complete import path with the operators' own requests to the HTTP API, as a
 * careful client does: an Idempotency-Key on every request (a retry never acts twice), a 503 waits what
 * Retry-After says and tries again with the same key, a 202 is followed to its outcome, and a terminal that did
 * not answer after its retries is asked again later with a new key (the operator's "vuelva a intentarlo").
 * Dispatches take turns one action at a time, so a fault injected mid-run finds every dispatch mid-path.
 */
import { ApiClient, retryDelayMs, sleep, type ApiResponse } from './chaos-http';

export type Terminal = 'APMTC' | 'DPWC';

export interface ChaosDispatch {
  id: string;
  bl: string;
  terminal: Terminal;
  containerNumber: string;
  damNumber: string;
  /** Index of the next step to perform. */
  next: number;
  /** Set when the driver gave up on the dispatch (an answer a careful client cannot get past). */
  failed?: string;
  /** Times the operator was told the terminal did not answer and tried again. */
  terminalRetries: number;
}

interface Step {
  name: string;
  path: (d: ChaosDispatch) => string;
  body: (d: ChaosDispatch) => unknown;
  /** A terminal-backed action: a failure after the terminal's retries is retried later with a new key. */
  terminal?: boolean;
}

const CLIENT = { ruc: '20100047218', name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }] };
const EXECUTIVE = { id: 'ESC-07', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' };
/** A gate day twelve days ahead (the simulator only checks the date's shape and its slot grid). */
const GATE_DAY = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);

const action = (name: string, body: (d: ChaosDispatch) => unknown = () => ({}), terminal = false): Step => ({
  name,
  path: (d) => `/dispatches/${d.id}/actions/${name}`,
  body,
  terminal,
});

/** A green-channel import, opening to closure: 18 requests, three emails (with the liquidation file), four terminal requests, two bookings. */
export function stepsOf(d: ChaosDispatch): Step[] {
  return [
    {
      name: 'open',
      path: () => '/dispatches',
      body: () => ({
        dispatchId: d.id,
        client: CLIENT,
        regime: '10',
        modality: 'diferido',
        terminal: d.terminal,
        vessel: 'MSC Callao Express',
        eta: new Date(Date.now() - 86_400_000).toISOString(),
        bl: d.bl,
        goods: 'Repuestos de maquinaria',
        containers: [{ containerNumber: d.containerNumber, size: '40' }],
        restrictedGoods: false,
        executive: EXECUTIVE,
      }),
    },
    // Part of the documents first: the dispatch emails the client what is still missing.
    action('documents-received', () => ({ documents: ['commercial_invoice', 'bill_of_lading'] })),
    action('documents-received', () => ({ documents: ['packing_list', 'insurance'] })),
    action('documents-reviewed'),
    action('draft-emitted'),
    action('draft-approved'),
    action('dam-numbered', (x) => ({ damNumber: x.damNumber })),
    action('channel-assigned', () => ({ channel: 'verde' })),
    action('levante'),
    action('proforma', undefined, true),
    action('liquidation', undefined, true),
    d.terminal === 'APMTC'
      ? action('appointment', () => ({ date: GATE_DAY }), true)
      : action('bl-assignment', () => ({ carrierRuc: '20512345678', carrierName: 'Transportes Callao S.A.C.' }), true),
    action('pickup'),
    // Since import-steps-2026-12 each delivery leaves its delivery receipt (cargo de entrega).
    action('delivered', () => ({ receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0001' } })),
    action('container-return', () => ({ date: GATE_DAY, depot: 'Depósito Vacíos Callao' }), true),
    action('container-returned'),
    // Closing waits for the originals in the Archive (money-clocks-2026-12).
    action('originals-delivered', () => ({ documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'] })),
    action('close'),
  ];
}

export const STEPS_PER_DISPATCH = 18;

/** `count` dispatches, half at each terminal; ids, BLs and DAM numbers unique within the run. */
export function makeDispatches(prefix: string, count: number, serial: number): ChaosDispatch[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `${prefix}-${n}`,
      bl: `${prefix}-BL${n}`,
      terminal: i % 2 === 0 ? 'APMTC' : 'DPWC',
      containerNumber: `MSCU${String(serial * 10_000 + i).padStart(7, '0')}`,
      damNumber: `118-2026-10-${String(serial * 10_000 + i).padStart(6, '0')}`,
      next: 0,
      terminalRetries: 0,
    };
  });
}

class DriveError extends Error {}

/** Follows a 202 to its outcome. `undefined`: the server no longer knows the action (lost in an outage). */
async function outcome(api: ApiClient, location: string, stop: () => boolean): Promise<ApiResponse | undefined> {
  for (;;) {
    if (stop()) throw new DriveError('stopped while waiting for an outcome');
    const res = await api.request('GET', location);
    if (res.status === 202) continue; // the route itself waits a couple of seconds
    if (res.status === 404) return undefined;
    if (res.status === 0 || res.status >= 500) {
      await sleep(res.status === 503 ? retryDelayMs(res) : 1000);
      continue;
    }
    return res;
  }
}

async function perform(api: ApiClient, d: ChaosDispatch, step: Step, index: number, stop: () => boolean): Promise<void> {
  let attempt = 0;
  for (;;) {
    if (stop()) throw new DriveError('stopped: the run is over its time budget');
    // Letters, digits and hyphens only: the outcome route's update id does not accept every Idempotency-Key character.
    const key = `${d.id}-s${index}-a${attempt}`;
    let res: ApiResponse | undefined = await api.request('POST', step.path(d), step.body(d), key);
    if (res.status === 202) {
      res = await outcome(api, String(res.body.outcome ?? res.headers.get('location')), stop);
      if (!res) continue; // ask again with the same key: it runs once
    }
    const code = (res.body.error as { code?: string; message?: string } | undefined)?.code;
    if (res.status === 200 || res.status === 201) return;
    if (res.status === 0) await sleep(1000);
    else if (res.status === 503) await sleep(retryDelayMs(res));
    else if (res.status >= 500) await sleep(2000); // recorded as a finding; a client would still retry
    else if (res.status === 422 && code === 'terminal_rejected' && step.terminal) {
      d.terminalRetries += 1;
      attempt += 1; // the operator tries again: a new request, the same booking key inside the workflow
      await sleep(1000);
    } else if (res.status === 409 && code === 'dispatch_finished' && step.name === 'close') return;
    else throw new DriveError(`${step.name} answered ${res.status} ${code ?? ''}: ${String((res.body.error as { message?: string } | undefined)?.message ?? JSON.stringify(res.body)).slice(0, 300)}`);
  }
}

/** Performs the dispatch's next step only (e.g. opening the prober's dispatch). */
export async function performNext(api: ApiClient, d: ChaosDispatch, stop: () => boolean = () => false): Promise<void> {
  await perform(api, d, stepsOf(d)[d.next]!, d.next, stop);
  d.next += 1;
}

export interface DriveOptions {
  concurrency: number;
  /** Called after every completed step with the steps done so far and the total. */
  onProgress: (done: number, total: number) => void;
  /** True once the run must stop (time budget). */
  stop: () => boolean;
}

/** Drives every dispatch to closure; a dispatch the driver cannot move on gets `failed` and leaves the queue. */
export async function driveAll(api: ApiClient, dispatches: ChaosDispatch[], opts: DriveOptions): Promise<void> {
  const total = dispatches.length * STEPS_PER_DISPATCH;
  let done = dispatches.reduce((n, d) => n + d.next, 0);
  const queue = dispatches.filter((d) => d.next < STEPS_PER_DISPATCH);
  const lane = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const steps = stepsOf(d);
      try {
        await perform(api, d, steps[d.next]!, d.next, opts.stop);
      } catch (err) {
        d.failed = `${d.id}: ${err instanceof Error ? err.message : String(err)}`;
        continue;
      }
      d.next += 1;
      done += 1;
      opts.onProgress(done, total);
      if (d.next < steps.length) queue.push(d);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, lane));
}
