/** Simulator configuration: slot grid, capacity, seed, clock and optional persistence. */

/** Options accepted by createSimulatorApp and startSimulator; every field has a default. */
export interface SimulatorOptions {
  /** Seed of the pseudo-random generator behind `errorRate` faults: same seed + same requests = same failures. */
  seed?: number;
  /** Bookings each gate slot accepts (appointments and container returns share it). */
  slotCapacity?: number;
  /** Local (America/Lima) start hours of the daily gate slots. */
  slotHours?: number[];
  /** Length of each slot in minutes. */
  slotMinutes?: number;
  /** When set, state is loaded from and saved to this JSON file after every mutating request. */
  stateFile?: string;
  /** Clock, injectable so outage windows and timestamps can be tested. */
  now?: () => Date;
}

/** Options with defaults applied. */
export type ResolvedOptions = Required<Omit<SimulatorOptions, 'stateFile'>> & { stateFile?: string };

/** Applies defaults: seed 42, capacity 2, slots 08:00–18:00 every two hours. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    seed: options.seed ?? 42,
    slotCapacity: options.slotCapacity ?? 2,
    slotHours: options.slotHours ?? [8, 10, 12, 14, 16],
    slotMinutes: options.slotMinutes ?? 120,
    stateFile: options.stateFile,
    now: options.now ?? (() => new Date()),
  };
}

/** Reads SIMULATOR_SEED, SIMULATOR_SLOT_CAPACITY and SIMULATOR_STATE_FILE from the environment. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const int = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
    return value;
  };
  return {
    seed: int('SIMULATOR_SEED'),
    slotCapacity: int('SIMULATOR_SLOT_CAPACITY'),
    stateFile: env.SIMULATOR_STATE_FILE || undefined,
  };
}
