/** The terminal simulator as an express app (no listen): stands in for APMTC and DPWC over one HTTP contract. */
import express, { type Express } from 'express';
import { errorHandler, notFoundHandler } from './errors';
import { resolveOptions, type SimulatorOptions } from './options';
import { loadStateFile, saveStateFile } from './persistence';
import { adminRouter } from './routes/admin.routes';
import { terminalsRouter } from './routes/terminals.routes';
import { createState } from './state';

/** Builds the simulator app; state lives in memory, loaded from and saved to `stateFile` when given. */
export function createSimulatorApp(options: SimulatorOptions = {}): Express {
  const resolved = resolveOptions(options);
  const state = createState(resolved.seed);
  const { stateFile } = resolved;
  if (stateFile) loadStateFile(stateFile, state);
  const persist = stateFile ? () => saveStateFile(stateFile, state) : () => undefined;
  const ctx = { state, options: resolved, persist };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '100kb' }));

  /** GET /health: liveness, no faults applied. */
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', terminals: ['APMTC', 'DPWC'] });
  });
  app.use('/_admin', adminRouter(ctx));
  app.use('/terminals/:terminal', terminalsRouter(ctx));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
