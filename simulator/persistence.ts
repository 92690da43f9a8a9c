/** Optional JSON-file persistence of the business records (bookings, proformas, liquidations, keys). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { snapshot, type PersistedState, type SimulatorState } from './state';

/** Loads a saved state into `state`; a missing file leaves it empty. */
export function loadStateFile(file: string, state: SimulatorState): void {
  if (!existsSync(file)) return;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<PersistedState>;
  state.counter = saved.counter ?? 0;
  state.bookings = saved.bookings ?? [];
  state.proformas = saved.proformas ?? [];
  state.liquidations = saved.liquidations ?? [];
  state.idempotency = saved.idempotency ?? {};
}

/** Writes the state atomically (temp file + rename) so a crash never leaves half a file. */
export function saveStateFile(file: string, state: SimulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot(state), null, 2));
  renameSync(tmp, file);
}
