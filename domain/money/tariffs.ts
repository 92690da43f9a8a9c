/**
 * Default tariffs of the cost clocks, as data: change them here (or pass another `CostTariffs` to the functions of
 * cost-clock.ts). Every figure below is an ASSUMPTION until checked against the terminal's published tariff or the
 * shipping line's free-time agreement; the comment beside each says where to check. A BL may carry its own
 * negotiated free days (`detentionFreeDaysOverride` of the cost clock input), which win over the line's default.
 *
 * almacenaje (storage): the terminal charges each container for every day it stays after its free days.
 * sobreestadía (detention): the shipping line charges each container for every day it is not returned empty
 * after its free days.
 */
import type { Terminal } from '../dispatch';
import type { Money } from './money';

export type ContainerSize = '20' | '40';
/** How free days are counted: calendar days (weekends and holidays included) or business days of Peru. */
export type DayCount = 'calendar' | 'business';

export interface ClockTariff {
  freeDays: number;
  dayCount: DayCount;
  /** Charged per container and per chargeable day, by container size. */
  dailyRate: Record<ContainerSize, Money>;
  /** Where the figure comes from, shown in docs/money.md and on the proforma. */
  source: string;
}

export interface CostTariffs {
  storage: Record<Terminal, ClockTariff>;
  /** By shipping line code (upper case, e.g. "MSC"); `DEFAULT` for a line not listed. */
  detention: Record<string, ClockTariff> & { DEFAULT: ClockTariff };
}

const usd = (amount: string): Money => ({ amount, currency: 'USD' });

export const DEFAULT_TARIFFS: CostTariffs = {
  storage: {
    // Assumption: 2 calendar days free from discharge at USD 15 / 30 a day; check APM Terminals Callao's
    // published tariff ("Tarifario", storage of full import containers) before quoting it to a client.
    APMTC: { freeDays: 2, dayCount: 'calendar', dailyRate: { '20': usd('15.00'), '40': usd('30.00') }, source: 'supuesto: verificar tarifario APMTC' },
    // Assumption: same as APMTC; check DP World Callao's tariff of storage (almacenaje) of full import containers.
    DPWC: { freeDays: 2, dayCount: 'calendar', dailyRate: { '20': usd('15.00'), '40': usd('30.00') }, source: 'supuesto: verificar tarifario DPWC' },
  },
  detention: {
    // Assumption: common free time for dry import containers at Callao; the line's free-time agreement or the BL decides.
    DEFAULT: { freeDays: 7, dayCount: 'calendar', dailyRate: { '20': usd('40.00'), '40': usd('80.00') }, source: 'supuesto: días libres usuales de la línea' },
    MSC: { freeDays: 7, dayCount: 'calendar', dailyRate: { '20': usd('40.00'), '40': usd('80.00') }, source: 'supuesto: verificar acuerdo con MSC' },
    MAERSK: { freeDays: 7, dayCount: 'calendar', dailyRate: { '20': usd('45.00'), '40': usd('90.00') }, source: 'supuesto: verificar acuerdo con Maersk' },
    HAPAG: { freeDays: 10, dayCount: 'calendar', dailyRate: { '20': usd('40.00'), '40': usd('80.00') }, source: 'supuesto: verificar acuerdo con Hapag-Lloyd' },
  },
};

/** The detention tariff of a line (its code upper-cased), or the default one. */
export function detentionTariff(tariffs: CostTariffs, shippingLine: string | undefined): ClockTariff {
  const key = (shippingLine ?? '').trim().toUpperCase();
  return tariffs.detention[key] ?? tariffs.detention.DEFAULT;
}

/** The tariffs with a client's agreed storage free days per terminal (each one's source says so). */
export function withStorageFreeDays(tariffs: CostTariffs, storage: Partial<Record<Terminal, number>> | undefined): CostTariffs {
  if (!storage) return tariffs;
  const agreed = Object.entries(storage).filter((e): e is [Terminal, number] => e[1] !== undefined);
  return {
    ...tariffs,
    storage: {
      ...tariffs.storage,
      ...Object.fromEntries(agreed.map(([t, freeDays]) => [t, { ...tariffs.storage[t], freeDays, source: `${tariffs.storage[t].source}; días libres pactados con el cliente` }])),
    },
  };
}
