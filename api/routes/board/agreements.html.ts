/** The written agreements of a dispatch on its board page (seed 2.1.9–2.1.10): who, when, what, channel, reference, due date. */
import { AGREEMENT_CHANNEL_LABEL_ES, AGREEMENT_SOURCE_LABEL_ES, AGREEMENT_STATUS_LABEL_ES, type Agreement } from '../../../domain/people';
import { limaDateTime } from './format';
import { html, type SafeHtml } from './html';

export function agreementsSection(items: Agreement[], now: Date): SafeHtml {
  return html`<section aria-labelledby="acuerdos"><h2 id="acuerdos">Acuerdos e indicaciones (por escrito)</h2>
    ${items.length === 0 ? html`<p>Sin acuerdos registrados.</p>` : html`<table><thead><tr><th scope="col">Fecha</th><th scope="col">Con</th><th scope="col">Acuerdo</th><th scope="col">Medio y referencia</th><th scope="col">Vence</th><th scope="col">Estado</th></tr></thead><tbody>
    ${items.map((a) => html`<tr class="${a.status === 'missed' || (a.status === 'open' && a.dueAt && Date.parse(a.dueAt) < now.getTime()) ? 'vencido' : ''}"><td>${limaDateTime(a.agreedAt)}</td><td>${a.agreedWith} (${AGREEMENT_SOURCE_LABEL_ES[a.source]})</td><td>${a.content}</td><td>${AGREEMENT_CHANNEL_LABEL_ES[a.channel]}${a.reference ? ` · ${a.reference}` : ''}</td><td>${a.dueAt ? limaDateTime(a.dueAt) : '—'}</td><td>${AGREEMENT_STATUS_LABEL_ES[a.status]}${a.fulfilledAt ? ` ${limaDateTime(a.fulfilledAt)}` : ''}</td></tr>`)}
    </tbody></table>`}
  </section>`;
}
