/** The communication log of a dispatch on its board page: emails fetched, calls and meetings noted, latest first. */
import { limaDateTime } from './format';
import { html, type SafeHtml } from './html';

const CHANNEL_ES: Record<string, string> = { mail: 'Correo', phone: 'Teléfono', meeting: 'Reunión' };
const RESPONSE_ES: Record<string, string> = { answered: 'Respondido', answered_after_alert: 'Respondido tras la alerta', alerted_executive: 'Ejecutivo alertado', escalated: 'Escalado a la jefatura' };

export interface CommunicationRow {
  occurredAt: Date;
  channel: string;
  direction: string;
  fromAddress: string | null;
  subject: string;
  responseStatus: string | null;
}

export function communicationsSection(items: CommunicationRow[]): SafeHtml {
  return html`<section aria-labelledby="comunicaciones"><h2 id="comunicaciones">Bitácora de comunicaciones</h2>
    ${items.length === 0 ? html`<p>Sin comunicaciones registradas.</p>` : html`<table><thead><tr><th scope="col">Fecha</th><th scope="col">Medio</th><th scope="col">Sentido</th><th scope="col">De</th><th scope="col">Asunto</th><th scope="col">Respuesta</th></tr></thead><tbody>
    ${items.map((c) => html`<tr><td>${limaDateTime(c.occurredAt)}</td><td>${CHANNEL_ES[c.channel] ?? c.channel}</td><td>${c.direction === 'inbound' ? 'Recibido' : 'Enviado'}</td><td>${c.fromAddress ?? '—'}</td><td>${c.subject}</td><td>${c.responseStatus ? (RESPONSE_ES[c.responseStatus] ?? c.responseStatus) : '—'}</td></tr>`)}
    </tbody></table>`}
  </section>`;
}
