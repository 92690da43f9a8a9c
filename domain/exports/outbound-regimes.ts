/**
 * Outbound regimes besides the definitive export — lifecycle feature `outbound-regimes-2026-12` (issue #13, seed
 * line 2.3.13: "Registros de ingreso de carga para las exportaciones, reexportación, refrendos y reembarques").
 *
 * DOMAIN.md is silent on them. Every code, step and term here is an ASSUMPTION, each with its reason, and all of
 * them must be checked against SUNAT's own texts (its regime code table and the procedure of each regime) before a
 * client relies on them; each term is policy data (`OutboundClockPolicy`), so a correction is a data change.
 *
 * 1. Re-export (reexportación), regime code `60` (assumed, not verified): goods admitted under temporary admission
 *    (20) or customs warehouse (70) leave Peru, which concludes that regime. Opened with a reference to the parent
 *    import: its DAM number, its regime and its expiry (and its dispatch id when it is a Levante dispatch; the API
 *    then reads the expiry from the parent's read model — the levante in its status history plus the regime's
 *    months — because the operator should not retype a date Levante already knows). Path: the export path of
 *    feature export-dam-2026-12 unchanged — DAM draft checked against the documents, approval, numbering, cargo
 *    entry registration, channel (rojo: physical inspection), a seal per container, shipment, regularization with
 *    CLAVE SOL (10-day internal target, 30-day legal term from the end of shipment, like regime 40): reason, a
 *    re-export is declared and shipped as an export. Extra clock `parent_regime_expiry`: the shipment must end
 *    before the parent regime expires (after it the goods fall out of the temporary regime); the executive is
 *    reminded 7 days before, the supervisor and the executive are escalated to 2 days before (the legal at-risk
 *    path) and alerted when it passes without a shipment. An already expired parent does not refuse the opening:
 *    the alert goes out at once (the goods still have to leave, and the supervisor must know). Concluding the parent
 *    dispatch's regime stays an operator action on the parent (`regime-concluded`): Levante does not change another
 *    dispatch by itself.
 * 2. Reshipment (reembarque), regime code `89` (assumed): goods still in the primary zone, not nationalized, are
 *    shipped abroad again. Opened with the goods' arrival manifest and BL. Path: DAM draft, approval, numbering,
 *    cargo entry registration at the shipping terminal, channel, seals, shipment, close. Term `reshipment_term`:
 *    the shipment must end within 30 calendar days counted from the day after the DAM is numbered (assumed; the
 *    deadline is 23:59:59 Lima time of the 30th day), reminded and escalated like the re-export's. NO
 *    regularization (assumption: the reshipment declaration is not a provisional declaration to be completed with
 *    definitive data, and the shipment itself concludes it; the machinery would make a regularization free, but a
 *    step without a legal basis would only add a false clock). The originals go to the Archive from the end of
 *    shipment instead of the regularization.
 * 3. "Refrendo" of a temporary regime, read as the outbound leg of the temporary export for re-import in the same
 *    state, regime code `41` (assumed; "refrendo" in the seed could also mean the endorsement of another temporary
 *    regime's documents — this reading is the one that has an outbound cargo entry, which is what line 2.3.13 is
 *    about). Path: the export path of regime 40 (cargo entry, seals, shipment, regularization 10/30 days), then the
 *    re-import term: 12 calendar months from the end of shipment (Lima time, month ends clamp: 31 August 2027 + 12
 *    months = 31 August 2028, 29 February 2028 + 12 months = 28 February 2029), with reminders 90/60/30/7 days before
 *    — the regime-expiry reminders of regimes 20/70 — to the dispatch's executive and the client's assigned
 *    executive (who numbered the DAM). `regime-concluded` (the goods were re-imported) stops them.
 *
 * Dispatches opened before the feature cannot have these regimes (the API refused them), so no older dispatch
 * changes. Pure data and rules, safe in the workflow sandbox.
 */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES, parseInstant } from '../calendar';
import type { DispatchInput, Regime } from '../dispatch';
import { hasFeature, LIFECYCLE_FEATURES, type DispatchEventType, type DispatchState, type LifecycleFeature } from '../lifecycle';
import type { TransitionRule } from '../state-machine';

/** The lifecycle feature id (also the patch id in Temporal's history: never rename). */
export const OUTBOUND_REGIMES = LIFECYCLE_FEATURES.outboundRegimes;

export type OutboundKind = 'reexport' | 'reshipment' | 'temporary_export';

/** Which outbound regime each code is (assumed codes, see above). */
export const OUTBOUND_KIND: Partial<Record<Regime, OutboundKind>> = { '60': 'reexport', '89': 'reshipment', '41': 'temporary_export' };

/** What an outbound dispatch records at opening. */
export interface OutboundRecord {
  kind: OutboundKind;
  /** Re-export: the import whose regime it concludes. */
  parent?: { dispatchId?: string; damNumber: string; regime: '20' | '70'; expiresAt: string };
  /** Reshipment: the goods' arrival. */
  arrival?: { manifest: string; bl: string };
}

/** The outbound kind of a dispatch opened with the feature (undefined otherwise). */
export function outboundKind(s: Pick<DispatchState, 'features' | 'regime'>): OutboundKind | undefined {
  return hasFeature(s, OUTBOUND_REGIMES) ? OUTBOUND_KIND[s.regime] : undefined;
}

export const isReshipment = (s: Pick<DispatchState, 'features' | 'regime'>) => outboundKind(s) === 'reshipment';

/** Whether the export is regularized after shipment (every export but a reshipment). */
export const regularizesAfterShipment = (s: Pick<DispatchState, 'features' | 'regime' | 'direction'>) => s.direction === 'export' && !isReshipment(s);

const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);
const DAM_NUMBER = /^(\d{3})-(\d{4})-(\d{2})-(\d{6})$/;
const validInstant = (iso: string | undefined) => {
  try {
    return iso !== undefined && Number.isFinite(parseInstant(iso));
  } catch {
    return false;
  }
};

/**
 * Why a dispatch cannot be opened as given (Spanish, for a 422), or undefined. Checked by the API after it filled
 * a Levante parent's expiry; the workflow trusts its input.
 */
export function outboundOpeningProblem(input: Pick<DispatchInput, 'regime' | 'reexport' | 'reshipment'>): string | undefined {
  const kind = OUTBOUND_KIND[input.regime];
  const action = 'No se puede abrir el despacho';
  if (input.reexport && kind !== 'reexport') return `${action}: la referencia a la importación precedente (reexport) solo corresponde a una reexportación (régimen 60), y este despacho es del régimen ${input.regime}.`;
  if (input.reshipment && kind !== 'reshipment') return `${action}: el manifiesto y BL de llegada (reshipment) solo corresponden a un reembarque (régimen 89), y este despacho es del régimen ${input.regime}.`;
  if (kind === 'reexport') {
    const p = input.reexport;
    if (!p) return `${action}: una reexportación (régimen 60) concluye una admisión temporal (20) o un depósito aduanero (70). Indique en «reexport» el despacho o la DAM de esa importación y su régimen.`;
    const m = DAM_NUMBER.exec(p.parentDamNumber.trim());
    if (!m) return `${action}: el número de la DAM precedente «${p.parentDamNumber}» no tiene el formato AAA-AAAA-RR-NNNNNN, p. ej. 118-2026-${p.parentRegime}-000123.`;
    if (m[3] !== p.parentRegime) return `${action}: la DAM precedente ${p.parentDamNumber} es del régimen ${m[3]}, pero se indicó el régimen ${p.parentRegime}. Verifique el número.`;
    if (!validInstant(p.parentExpiresAt)) return `${action}: falta la fecha de vencimiento del régimen ${p.parentRegime} precedente (fecha y hora ISO 8601 con zona horaria). Indíquela, o indique el código del despacho precedente si lo tramitó Levante.`;
  }
  if (kind === 'reshipment' && !input.reshipment) return `${action}: un reembarque (régimen 89) se abre con el manifiesto de carga y el BL de llegada de la mercancía. Indíquelos en «reshipment».`;
  return undefined;
}

/** What the read model knows of a re-export's parent import, when Levante opened it. */
export interface ParentImport {
  dispatchId: string;
  regime: string;
  clientRuc: string;
  damNumber: string | null;
  /** When the parent got its levante (its status history), if it did. */
  levanteAt?: string;
}

/**
 * Why a re-export may not name `parent` (null: no such dispatch) as the import it concludes, in Spanish, or undefined.
 * `expiresAt` is the parent regime's expiry counted from its levante; an expiry the operator also gave must match it.
 */
export function parentImportProblem(opening: Pick<DispatchInput, 'client' | 'reexport'>, parent: ParentImport | null, expiresAt?: string): string | undefined {
  const p = opening.reexport!;
  const id = p.parentDispatchId!;
  const action = 'No se puede abrir la reexportación';
  if (!parent) return `${action}: no existe el despacho precedente ${id}. Verifique el código, o indique la DAM y la fecha de vencimiento del régimen sin el código de despacho.`;
  if (parent.regime !== '20' && parent.regime !== '70') return `${action}: el despacho ${id} es del régimen ${parent.regime}; solo se reexporta una admisión temporal (20) o un depósito aduanero (70).`;
  if (parent.regime !== p.parentRegime) return `${action}: el despacho ${id} es del régimen ${parent.regime}, no del ${p.parentRegime} indicado.`;
  if (parent.clientRuc !== opening.client.ruc) return `${action}: el despacho ${id} es de otro cliente (RUC ${parent.clientRuc}).`;
  if (parent.damNumber && parent.damNumber !== p.parentDamNumber.trim()) return `${action}: la DAM del despacho ${id} es ${parent.damNumber}, no ${p.parentDamNumber}.`;
  if (!parent.levanteAt) return `${action}: el despacho ${id} aún no tiene levante, y el plazo de su régimen se cuenta desde el levante.`;
  if (expiresAt && p.parentExpiresAt && Date.parse(p.parentExpiresAt) !== Date.parse(expiresAt)) {
    return `${action}: el régimen ${parent.regime} del despacho ${id} vence el ${expiresAt} según su levante; la fecha indicada (${p.parentExpiresAt}) no coincide. Omítala o corríjala.`;
  }
  return undefined;
}

/** What a new dispatch opened with the feature starts with (nothing for other regimes or without the feature). */
export function outboundAtOpening(input: DispatchInput, features: readonly LifecycleFeature[]): { outbound?: OutboundRecord } {
  const kind = OUTBOUND_KIND[input.regime];
  if (!kind || !features.includes(OUTBOUND_REGIMES)) return {};
  const p = input.reexport;
  const parent = kind === 'reexport' && p && validInstant(p.parentExpiresAt)
    ? { ...(p.parentDispatchId ? { dispatchId: p.parentDispatchId } : {}), damNumber: p.parentDamNumber.trim(), regime: p.parentRegime, expiresAt: new Date(parseInstant(p.parentExpiresAt!)).toISOString() }
    : undefined;
  const r = input.reshipment;
  const arrival = kind === 'reshipment' && r ? { manifest: r.arrivalManifest.trim(), bl: r.arrivalBl.trim() } : undefined;
  return { outbound: { kind, ...(parent ? { parent } : {}), ...(arrival ? { arrival } : {}) } };
}

type Rules = Partial<Record<DispatchEventType, TransitionRule>>;

const noRegularization = (): string =>
  'No se puede registrar la regularización: un reembarque (régimen 89) no se regulariza; el embarque lo concluye. Entregue los originales al Archivo y cierre el despacho.';

/**
 * The rules of an outbound dispatch's status, or undefined when `row` (the export path of export-dam-2026-12)
 * applies unchanged: a reshipment closes after its shipment, and its regularization is refused with the reason.
 */
export function outboundRules(s: DispatchState, row: Rules): Rules | undefined {
  if (!isReshipment(s) || s.status !== 'shipped') return undefined;
  return { ...row, closed: { to: 'closed' }, regularized: { to: 'regularized', when: noRegularization } };
}

/** The parent's reference for people (board, emails): "DAM 118-2026-20-000123 (régimen 20, vence el …)". */
export function parentReferenceEs(rec: OutboundRecord | undefined): string | undefined {
  const p = rec?.parent;
  return p ? `DAM ${p.damNumber} (régimen ${p.regime}${p.dispatchId ? `, despacho ${p.dispatchId}` : ''}, vence el ${lima(p.expiresAt)})` : undefined;
}
