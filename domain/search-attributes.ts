/**
 * Custom search attributes a supervisor filters on in Temporal Web. No personal names: the client is its RUC
 * and the executive an opaque id. The dev-server launcher registers exactly these (names and types).
 * A namespace allows at most 10 Keyword attributes: all ten are used (the last two by partner operations).
 */
export const SEARCH_ATTRIBUTE_TYPES = {
  DamNumber: 'Keyword',
  ClientRuc: 'Keyword',
  Regime: 'Keyword',
  Channel: 'Keyword',
  Terminal: 'Keyword',
  DispatchStatus: 'Keyword',
  NextDeadlineClock: 'Keyword',
  ExecutiveId: 'Keyword',
  /** Alliance partner running an external operation (Colombia). */
  PartnerId: 'Keyword',
  /** Colombian customs office of an external operation (CTG, CUC, …). */
  CustomsOffice: 'Keyword',
  NextDeadlineAt: 'Datetime',
  AtRisk: 'Bool',
  Overdue: 'Bool',
} as const;
export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTE_TYPES;
