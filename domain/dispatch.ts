/**
 * The dispatch (despacho): one customs clearance handled by the broker, with its DAM declaration
 * (Declaración Aduanera de Mercancías). Pure types and constants, safe inside the workflow sandbox.
 */

/**
 * Customs regimes handled by Levante: 10 consumption, 20 temporary admission, 70 customs warehouse, 40 definitive
 * export; since lifecycle feature outbound-regimes-2026-12 also 60 re-export, 89 reshipment (reembarque) and 41
 * temporary export for re-import in the same state (codes 60/89/41 are ASSUMPTIONS: domain/exports/outbound-regimes.ts).
 */
export const REGIMES = ['10', '20', '70', '40', '60', '89', '41'] as const;
export type Regime = (typeof REGIMES)[number];

/** Regimes whose goods leave Peru: the export path (cargo entry, seals, shipment). */
export const EXPORT_REGIMES: readonly Regime[] = ['40', '60', '89', '41'];

/** Each regime's name for people (es-PE). */
export const REGIME_LABEL_ES: Record<Regime, string> = {
  '10': 'importación para el consumo',
  '20': 'admisión temporal',
  '70': 'depósito aduanero',
  '40': 'exportación definitiva',
  '60': 'reexportación',
  '89': 'reembarque',
  '41': 'exportación temporal para reimportación en el mismo estado',
};

/** Import modalities: anticipated (SADA: declared before arrival), deferred (after discharge), urgent. */
export const MODALITIES = ['anticipado', 'diferido', 'urgente'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Callao terminals: APM Terminals Callao (north pier) and DP World Callao (south pier). */
export const TERMINALS = ['APMTC', 'DPWC'] as const;
export type Terminal = (typeof TERMINALS)[number];

/** SUNAT control channel (canal): verde no review, naranja documentary review, rojo physical inspection. */
export const CHANNELS = ['verde', 'naranja', 'rojo'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Direction = 'import' | 'export';

export function directionOf(regime: Regime): Direction {
  return EXPORT_REGIMES.includes(regime) ? 'export' : 'import';
}

/** A contact who receives email about the dispatch. */
export interface Contact {
  name: string;
  email: string;
}

/** Everything the operator states when opening a dispatch. Plain JSON: dates are ISO strings. */
export interface DispatchInput {
  /** Business id of the dispatch (the broker's file number), e.g. "DSP-2026-000123". */
  dispatchId: string;
  client: {
    /** Peruvian taxpayer id (RUC), 11 digits. */
    ruc: string;
    name: string;
    contacts: Contact[];
  };
  regime: Regime;
  modality: Modality;
  terminal: Terminal;
  vessel: string;
  /** Estimated arrival, ISO 8601. */
  eta: string;
  /** Bill of lading number. */
  bl: string;
  goods: string;
  /** Containers under the BL (ISO 6346 numbers); terminals price and book per container. */
  containers: { containerNumber: string; size: '20' | '40' }[];
  /** Goods restricted by SENASA (plant or animal health): inspection and report needed before withdrawal. */
  restrictedGoods: boolean;
  /** Customs executive (ESC) in charge; `id` is the broker's staff code, shown in Temporal Web instead of a name. */
  executive: Contact & { id: string };
  /** Who opened the dispatch through the API. */
  openedBy: string;
  /** Export: the vessel's cargo cut-off (ISO), if known at opening (feature export-dam-2026-12; also settable later). */
  cargoCutoffAt?: string;
  /** The BL's shipping line (e.g. "MSC"): the detention tariff of its cost clocks (money-clocks-2026-12). */
  shippingLine?: string;
  /** Detention free days negotiated on this BL: they win over the client's agreement and the line's default. */
  detentionFreeDays?: number;
  /**
   * Re-export (regime 60, outbound-regimes-2026-12): the temporary-admission (20) or customs-warehouse (70) import
   * it concludes. `parentExpiresAt` is that regime's expiry: the API reads it from the parent's read model when the
   * parent is a Levante dispatch (`parentDispatchId`), else the operator states it.
   */
  reexport?: { parentDispatchId?: string; parentDamNumber: string; parentRegime: '20' | '70'; parentExpiresAt?: string };
  /** Reshipment (regime 89, outbound-regimes-2026-12): the goods' arrival manifest and BL (still in the primary zone). */
  reshipment?: { arrivalManifest: string; arrivalBl: string };
  /**
   * Planned milestones (import-steps-2026-12), each optional: what is not given is derived from the ETA
   * (domain/imports/plan.ts states the assumptions).
   */
  plan?: { eta?: string; expectedLevanteAt?: string; plannedPickupAt?: string; plannedDeliveryAt?: string; plannedContainerReturnAt?: string };
}
