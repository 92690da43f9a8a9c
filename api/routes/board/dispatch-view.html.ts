/** The sections of a dispatch's page: facts, deadlines, timeline, documents, glosas, incidents, complaints, costs. */
import { formatMoney, money, penAmount, sum } from '../../../domain/money';
import { dispatchTimeline } from '../../../domain/board/timeline';
import { REGIME_LABEL_ES } from '../../../domain/dispatch';
import { DOCUMENT_LABEL_ES } from '../../../domain/documents';
import type { DispatchView } from '../../../domain/dispatch-view';
import type { GlosaEntry } from '../../../activities/records';
import type { BoardAction, FormField } from './board-actions';
import { CHANNEL_LABEL, limaDate, limaDateTime, RISK_LABEL, timeLeft } from './format';
import { html, type SafeHtml } from './html';

const STATE_ES = { done: 'Cumplido', late: 'Cumplido con atraso', pending: 'Pendiente', overdue: 'Atrasado' } as const;

export function factsSection(v: DispatchView, temporalLink?: string): SafeHtml {
  const risk = v.overdue ? 'vencido' : v.atRisk ? 'en-riesgo' : 'a-tiempo';
  return html`<dl class="facts">
    <div><dt>Estado</dt><dd>${v.statusLabel} <span class="badge ${risk}">${RISK_LABEL[risk]}</span></dd></div>
    <div><dt>Cliente</dt><dd>${v.client.name} (RUC ${v.client.ruc})</dd></div>
    <div><dt>Régimen</dt><dd>${v.regime} (${REGIME_LABEL_ES[v.regime]}) · ${v.modality}</dd></div>
    <div><dt>Terminal</dt><dd>${v.terminal}</dd></div>
    <div><dt>Canal</dt><dd>${v.channel ? CHANNEL_LABEL[v.channel] : '—'}</dd></div>
    <div><dt>DAM</dt><dd>${v.damNumber ?? '—'}</dd></div>
    <div><dt>Nave / ETA</dt><dd>${v.vessel} · ${limaDateTime(v.eta)}</dd></div>
    <div><dt>BL</dt><dd>${v.bl}</dd></div>
    <div><dt>Ejecutivo</dt><dd>${v.executive.name}</dd></div>
  </dl>
  ${temporalLink ? html`<p><a href="${temporalLink}" rel="noopener" target="_blank">Ver el workflow en Temporal Web</a></p>` : ''}`;
}

export function deadlinesSection(v: DispatchView, now: Date): SafeHtml {
  return html`<section aria-labelledby="plazos"><h2 id="plazos">Plazos abiertos</h2>
    ${v.deadlines.length === 0 ? html`<p>No hay plazos abiertos.</p>` : html`<table><thead><tr><th scope="col">Reloj</th><th scope="col">Vence</th><th scope="col">Tiempo restante</th></tr></thead><tbody>
    ${v.deadlines.map((d) => {
      const cls = new Date(d.dueAt) <= now ? 'vencido' : '';
      return html`<tr class="${cls}"><td>${d.label}</td><td>${limaDateTime(d.dueAt)}</td><td>${timeLeft(d.dueAt, now)}</td></tr>`;
    })}</tbody></table>`}
  </section>`;
}

export function timelineSection(v: DispatchView, now: Date): SafeHtml {
  const steps = dispatchTimeline(v, now.toISOString());
  return html`<section aria-labelledby="linea"><h2 id="linea">Línea de tiempo (previsto y real)</h2>
    <table class="timeline"><thead><tr><th scope="col">Hito</th><th scope="col">Previsto</th><th scope="col">Real</th><th scope="col">Situación</th></tr></thead><tbody>
    ${steps.map((s) => html`<tr class="step-${s.state}"><td>${s.label}</td><td>${limaDateTime(s.planned)}</td><td>${limaDateTime(s.actual)}</td><td>${STATE_ES[s.state]}</td></tr>`)}
    </tbody></table></section>`;
}

const PLAN_STATE_ES = { on_time: 'A tiempo', late: 'Con retraso', pending: 'Pendiente', overdue: 'Atrasado' } as const;
const delayText = (hours?: number) => (hours === undefined || hours <= 0 ? '—' : hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} días`);

/** Planned vs actual milestones with the delay (import-steps-2026-12); nothing for dispatches without a plan. */
export function planSection(v: DispatchView): SafeHtml | '' {
  const rows = v.plan ?? [];
  if (rows.length === 0) return '';
  const revisions = v.milestones.plan?.revisions ?? 0;
  return html`<section aria-labelledby="plan"><h2 id="plan">Plan vs real</h2>
    ${revisions > 0 ? html`<p>Reprogramado ${revisions} ${revisions === 1 ? 'vez' : 'veces'}${v.milestones.plan?.lastReason ? ` (último motivo: ${v.milestones.plan.lastReason})` : ''}.</p>` : ''}
    <table><thead><tr><th scope="col">Hito</th><th scope="col">Previsto</th><th scope="col">Real</th><th scope="col">Retraso</th><th scope="col">Situación</th></tr></thead><tbody>
    ${rows.map((r) => html`<tr class="plan-${r.state}"><td>${r.label}</td><td>${limaDateTime(r.planned)}</td><td>${limaDateTime(r.actual)}</td><td>${delayText(r.delayHours)}</td><td>${PLAN_STATE_ES[r.state]}</td></tr>`)}
    </tbody></table></section>`;
}

/** Each container's own steps (import-steps-2026-12): appointment, pickup, delivery receipt, return. */
export function containersSection(v: DispatchView): SafeHtml | '' {
  const list = v.containers ?? [];
  if (list.length === 0) return '';
  return html`<section aria-labelledby="contenedores"><h2 id="contenedores">Contenedores</h2>
    <table><thead><tr><th scope="col">Contenedor</th><th scope="col">Cita de retiro</th><th scope="col">Recojo</th><th scope="col">Entrega (cargo)</th><th scope="col">Cita de devolución</th><th scope="col">Devuelto</th></tr></thead><tbody>
    ${list.map((c) => html`<tr><td>${c.containerNumber} (${c.size}')</td><td>${c.appointment ? `${c.appointment.reference ?? ''} ${limaDateTime(c.appointment.slot)}` : '—'}</td><td>${limaDateTime(c.pickedUpAt)}</td><td>${c.deliveredAt ? `${limaDateTime(c.deliveredAt)}${c.delivery ? ` · ${c.delivery.receivedBy} · ${c.delivery.documentRef}` : ''}` : '—'}</td><td>${c.returnAppointment ? `${c.returnAppointment.reference} ${limaDateTime(c.returnAppointment.slot)}` : '—'}</td><td>${limaDateTime(c.returnedAt)}</td></tr>`)}
    </tbody></table></section>`;
}

export function documentsSection(v: DispatchView): SafeHtml {
  return html`<section aria-labelledby="docs"><h2 id="docs">Documentos</h2>
    <ul class="docs">${v.requiredDocuments.map((d) => {
      const at = v.documentsReceived[d];
      return html`<li class="${at ? 'ok' : 'pending'}">${DOCUMENT_LABEL_ES[d]}: ${at ? `recibido ${limaDateTime(at)}` : 'pendiente del cliente'}</li>`;
    })}</ul></section>`;
}

export function glosasSection(glosas: GlosaEntry[]): SafeHtml {
  const text = (g: GlosaEntry) => {
    const p = g.payload as Record<string, unknown>;
    const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
    if (g.code === '10110' && p.voids === true) return `Anulación de ${s('serviceId')}: ${s('reason')}`;
    if (g.code === '10110') return `${s('description')}${penAmount(p.amountPen) !== null ? ` · ${formatMoney(money(penAmount(p.amountPen)!, 'PEN'))}` : ''}`;
    return [s('note') || s('statusLabel') || s('status'), s('vessel') && `Nave ${s('vessel')}`, s('eta') && `ETA ${limaDateTime(s('eta'))}`].filter(Boolean).join(' · ');
  };
  return html`<section aria-labelledby="glosas"><h2 id="glosas">Glosas 40025 / 10110</h2>
    ${glosas.length === 0 ? html`<p>Sin glosas.</p>` : html`<table><thead><tr><th scope="col">Código</th><th scope="col">Fecha</th><th scope="col">Texto</th><th scope="col">Registró</th></tr></thead><tbody>
    ${glosas.map((g) => html`<tr><td>${g.code}</td><td>${limaDateTime(g.at)}</td><td>${text(g)}</td><td>${g.actor}</td></tr>`)}</tbody></table>`}
  </section>`;
}

export function incidentsSection(v: DispatchView): SafeHtml {
  return html`<section aria-labelledby="incidencias"><h2 id="incidencias">Incidencias</h2>
    ${v.incidents.length === 0 ? html`<p>Sin incidencias.</p>` : html`<ul>${v.incidents.map((i) => html`<li>${i.id} · ${limaDateTime(i.at)} · ${i.kind}: ${i.description} (${i.actor})</li>`)}</ul>`}
  </section>`;
}

export function costsSection(v: DispatchView): SafeHtml {
  const billed = v.extraordinaryServices.filter((s) => !s.voided);
  const total = sum(billed.map((s) => money(penAmount(s.amountPen) ?? '0', 'PEN')), 'PEN');
  return html`<section aria-labelledby="costos"><h2 id="costos">Costos y servicios extraordinarios</h2>
    ${v.extraordinaryServices.length === 0 ? html`<p>Sin servicios extraordinarios.</p>` : html`<table><thead><tr><th scope="col">Servicio</th><th scope="col">Motivo</th><th scope="col">Fecha</th><th scope="col">Monto</th></tr></thead><tbody>
      ${v.extraordinaryServices.map((s) => html`<tr><td>${s.description}</td><td>${s.reason === 'out_of_hours' ? 'Fuera de horario' : 'Fuera del alcance'}</td><td>${limaDate(s.at)}</td><td>${s.amountPen === undefined ? '—' : formatMoney(money(penAmount(s.amountPen) ?? '0', 'PEN'))}${s.automatic ? ' (automático)' : ''}${s.voided ? ` — anulado: ${s.voided.reason}` : ''}</td></tr>`)}
      </tbody><tfoot><tr><th scope="row" colspan="3">Total a facturar</th><td>${formatMoney(total)}</td></tr></tfoot></table>`}
    ${v.terminalBookings.length ? html`<h3>Reservas y trámites en el terminal</h3><ul>${v.terminalBookings.map((b) => html`<li>${b.step}: ${b.reference} (${limaDateTime(b.at)})</li>`)}</ul>` : ''}
  </section>`;
}

function field(f: FormField, id: string): SafeHtml {
  const fid = `${id}-${f.name}`;
  switch (f.kind) {
    case 'hidden':
      return html`<input type="hidden" name="${f.name}" value="${f.value ?? ''}">`;
    case 'checkboxes':
      return html`<fieldset><legend>${f.label}</legend>${(f.options ?? []).map(([v, l], i) => html`<label class="check"><input type="checkbox" name="${f.name}" value="${v}" id="${fid}-${i}"> ${l}</label>`)}</fieldset>`;
    case 'select':
      return html`<label for="${fid}">${f.label}</label><select id="${fid}" name="${f.name}"${f.required ? html` required` : ''}>${(f.options ?? []).map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select>`;
    case 'textarea':
      return html`<label for="${fid}">${f.label}</label><textarea id="${fid}" name="${f.name}" rows="2"${f.required ? html` required` : ''}></textarea>`;
    default:
      return html`<label for="${fid}">${f.label}</label><input id="${fid}" name="${f.name}" type="${f.kind === 'number' ? 'number' : f.kind === 'date' ? 'date' : 'text'}"${f.kind === 'number' ? html` step="0.01" min="0"` : ''}${f.required ? html` required` : ''}>`;
  }
}

/** One action as a form: its fields, its button, and (after a refusal) the reason right next to the button. */
export function actionForm(dispatchId: string, action: BoardAction, csrf: string, key: string, error?: string, slot = action.name, extra: FormField[] = []): SafeHtml {
  const id = `accion-${slot.replace(/[^a-z0-9-]/gi, '-')}`;
  return html`<form class="action" method="post" action="/board/despachos/${encodeURIComponent(dispatchId)}/acciones/${action.name}" data-action="${action.name}">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="_key" value="${key}"><input type="hidden" name="_slot" value="${slot}">
    ${[...extra, ...action.fields].map((f) => field(f, id))}
    <div class="button-row"><button type="submit" id="${id}"${error ? html` aria-describedby="${id}-motivo"` : ''}>${action.label}</button>
    ${error ? html`<p class="error refused" role="alert" id="${id}-motivo">${error}</p>` : ''}</div>
  </form>`;
}
