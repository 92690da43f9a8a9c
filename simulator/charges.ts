/** Tariffs and charge documents (proformas and liquidations). Pure functions; amounts in USD with 18% IGV. */
import { rejections } from './errors';
import { idempotent, type Outcome } from './idempotency';
import type { ResolvedOptions } from './options';
import type { LiquidationRequest, ProformaRequest } from './schemas';
import { nextId, type ChargeDocument, type ChargeLine, type SimTerminal, type SimulatorState } from './state';
import { isKnownBl } from './bookings';

/** Published-style tariffs; values are illustrative, stable so tests can assert totals. */
const TARIFFS: Record<SimTerminal, { handling20: number; handling40: number; storagePerDay: number; docFee: number }> = {
  APMTC: { handling20: 185, handling40: 245, storagePerDay: 25, docFee: 45 },
  DPWC: { handling20: 175, handling40: 235, storagePerDay: 22, docFee: 50 },
};
/** Days of storage included at no cost. */
export const FREE_STORAGE_DAYS = 3;
const IGV_RATE = 0.18;

const round2 = (n: number): number => Math.round(n * 100) / 100;

function line(code: string, description: string, quantity: number, unitPrice: number): ChargeLine {
  return { code, description, quantity, unitPrice, amount: round2(quantity * unitPrice) };
}

/** Charge lines for a BL's containers: handling per size, storage beyond the free days, one documentation fee. */
export function computeLines(terminal: SimTerminal, req: ProformaRequest): ChargeLine[] {
  const t = TARIFFS[terminal];
  const n20 = req.containers.filter((c) => c.size === '20').length;
  const n40 = req.containers.length - n20;
  const storageDays = Math.max(0, req.storageDays - FREE_STORAGE_DAYS);
  const lines = [
    n20 > 0 ? line('HANDLING_20', "Manipuleo contenedor 20'", n20, t.handling20) : undefined,
    n40 > 0 ? line('HANDLING_40', "Manipuleo contenedor 40'", n40, t.handling40) : undefined,
    storageDays > 0 ? line('STORAGE', 'Almacenaje (días sobre libres)', storageDays * req.containers.length, t.storagePerDay) : undefined,
    line('DOC_FEE', 'Emisión de documentos', 1, t.docFee),
  ];
  return lines.filter((l): l is ChargeLine => l !== undefined);
}

function document(state: SimulatorState, options: ResolvedOptions, terminal: SimTerminal, prefix: string, req: ProformaRequest): ChargeDocument {
  const lines = computeLines(terminal, req);
  const subtotal = round2(lines.reduce((sum, l) => sum + l.amount, 0));
  const igv = round2(subtotal * IGV_RATE);
  return {
    id: nextId(state, terminal, prefix),
    terminal,
    bl: req.bl,
    containerNumbers: req.containers.map((c) => c.containerNumber),
    currency: 'USD',
    lines,
    subtotal,
    igv,
    total: round2(subtotal + igv),
    issuedAt: options.now().toISOString(),
  };
}

interface Ctx {
  state: SimulatorState;
  options: ResolvedOptions;
  terminal: SimTerminal;
  key: string | undefined;
}

/** Issues a proforma (quote); idempotent when the caller sends a key. */
export function issueProforma(ctx: Ctx, req: ProformaRequest): Outcome<ChargeDocument> {
  const { state, options, terminal, key } = ctx;
  const find = (id: string) => state.proformas.find((p) => p.id === id);
  return idempotent(state, { terminal, kind: 'proforma', key }, req, find, () => {
    if (!isKnownBl(req.bl)) throw rejections.blNotFound(req.bl);
    const proforma = document(state, options, terminal, 'PRF', req);
    state.proformas.push(proforma);
    return proforma;
  });
}

/** Issues a liquidation (settlement) with charges as of now; a given proformaId must exist for the same BL. */
export function issueLiquidation(ctx: Ctx, req: LiquidationRequest): Outcome<ChargeDocument> {
  const { state, options, terminal, key } = ctx;
  const find = (id: string) => state.liquidations.find((l) => l.id === id);
  return idempotent(state, { terminal, kind: 'liquidation', key }, req, find, () => {
    if (!isKnownBl(req.bl)) throw rejections.blNotFound(req.bl);
    if (req.proformaId !== undefined) {
      const proforma = state.proformas.find((p) => p.id === req.proformaId && p.terminal === terminal);
      if (!proforma || proforma.bl !== req.bl) throw rejections.proformaNotFound(req.proformaId);
    }
    const liquidation: ChargeDocument = { ...document(state, options, terminal, 'LIQ', req), proformaId: req.proformaId };
    state.liquidations.push(liquidation);
    return liquidation;
  });
}
