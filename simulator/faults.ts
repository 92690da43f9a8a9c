/** Fault injection: latency, scripted failures, outage windows and a seeded error rate, all answered with 503. */
import type { RequestHandler } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatorError } from './errors';
import type { ResolvedOptions } from './options';
import { nextRandom, type SimTerminal, type SimulatorState } from './state';

/** Why a request was failed, reported in the 503 body as `reason`. */
export type FaultReason = 'FAIL_NEXT' | 'OUTAGE_WINDOW' | 'ERROR_RATE';

/**
 * Decides whether this request fails. Order: scripted "next N" failures, then outage windows, then the error
 * rate. The generator is drawn only when errorRate > 0, so other settings do not shift the seeded sequence.
 */
export function decideFault(state: SimulatorState, terminal: SimTerminal, now: Date): FaultReason | undefined {
  const faults = state.faults[terminal];
  if (faults.failNext > 0) {
    faults.failNext -= 1;
    return 'FAIL_NEXT';
  }
  const t = now.getTime();
  if (faults.outages.some((w) => Date.parse(w.from) <= t && t < Date.parse(w.to))) return 'OUTAGE_WINDOW';
  if (faults.errorRate > 0 && nextRandom(state) < faults.errorRate) return 'ERROR_RATE';
  return undefined;
}

/** Express middleware for terminal routes: waits the configured latency, then maybe answers 503. */
export function faultMiddleware(state: SimulatorState, options: ResolvedOptions): RequestHandler {
  return async (_req, res, next) => {
    const terminal = res.locals.terminal as SimTerminal;
    const latencyMs = state.faults[terminal].latencyMs;
    // Latency applies to failures too: a real terminal is slow before it errors.
    if (latencyMs > 0) await sleep(latencyMs);
    const reason = decideFault(state, terminal, options.now());
    if (reason) {
      res.set('Retry-After', '1');
      throw new SimulatorError(503, 'TERMINAL_UNAVAILABLE', `El terminal ${terminal} no está disponible temporalmente.`, {
        reason,
      });
    }
    next();
  };
}
