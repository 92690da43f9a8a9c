/**
 * Work queue (the default page): the signed-in person's open dispatches, nearest deadline first, with the API's
 * filters. The page refreshes its table every few seconds (GET /board/cola/filas), so a new alert shows up
 * without reloading.
 */
import type { Request, Response, Router } from 'express';
import { CHANNELS, REGIME_LABEL_ES, REGIMES, TERMINALS } from '../../../domain/dispatch';
import { DISPATCH_STATUSES } from '../../../domain/lifecycle';
import { listDispatches } from '../../dispatch-list';
import { OPERATORS } from '../../principal';
import { listDispatchesQuery, type ListDispatchesQuery } from '../../schemas/dispatch.schemas';
import { allowed, param, sessionOf, type Board } from './board-context';
import { CHANNEL_LABEL, clockLabel, limaDateTime, RISK_LABEL, riskOf, statusLabel, timeLeft } from './format';
import { html, type SafeHtml } from './html';
import { page } from './layout';
import type { BoardSession } from './session';

const FILTERS = ['status', 'client', 'regime', 'channel', 'terminal', 'executive', 'riesgo'] as const;

interface QueueFilters {
  query: ListDispatchesQuery;
  values: Partial<Record<(typeof FILTERS)[number], string>>;
  /** The operator's own queue (their executive code), when the account has one. */
  own: string | null;
}

function filtersOf(req: Request, session: BoardSession): QueueFilters {
  const values = Object.fromEntries(FILTERS.map((f) => [f, param(req, f)]).filter(([, v]) => v)) as QueueFilters['values'];
  const own = session.account.role === 'operator' ? session.account.executiveId : null;
  const { riesgo, ...rest } = values;
  const candidate = { ...rest, ...(own ? { executive: own } : {}), ...(riesgo === 'vencido' ? { overdue: 'true' } : riesgo === 'en-riesgo' ? { atRisk: 'true' } : {}), open: 'true', sort: 'nextDeadlineAt', limit: '100' };
  const parsed = listDispatchesQuery.safeParse(candidate);
  // An invalid filter value is ignored rather than refused: the queue still shows, unfiltered by it.
  const query = parsed.success ? parsed.data : listDispatchesQuery.parse({ ...(own ? { executive: own } : {}), open: 'true', sort: 'nextDeadlineAt', limit: '100' });
  return { query, values, own };
}

async function rows(board: Board, f: QueueFilters) {
  return listDispatches(board.deps.prisma, f.query, null);
}

function table(items: Awaited<ReturnType<typeof rows>>['items'], total: number, now: Date): SafeHtml {
  const overdue = items.filter((d) => riskOf(d, now) === 'vencido').length;
  const atRisk = items.filter((d) => riskOf(d, now) === 'en-riesgo').length;
  return html`<section id="cola" aria-labelledby="cola-titulo">
    <h2 id="cola-titulo">Despachos abiertos (${total})</h2>
    <p class="summary" role="status" aria-live="polite"><span class="badge vencido">${overdue} ${overdue === 1 ? 'vencido' : 'vencidos'}</span> <span class="badge en-riesgo">${atRisk} en riesgo</span> · actualizado ${limaDateTime(now)}</p>
    <table class="queue">
      <thead><tr><th scope="col">Despacho</th><th scope="col">DAM</th><th scope="col">Cliente</th><th scope="col">Régimen</th><th scope="col">Canal</th><th scope="col">Terminal</th><th scope="col">Estado</th><th scope="col">Próximo plazo</th><th scope="col">Vence</th><th scope="col">Tiempo restante</th></tr></thead>
      <tbody>
      ${items.length === 0 ? html`<tr><td colspan="10">No hay despachos que coincidan.</td></tr>` : ''}
      ${items.map((d) => {
        const risk = riskOf(d, now);
        return html`<tr class="${risk}" data-dispatch="${d.dispatchId}">
          <td><a href="/board/despachos/${encodeURIComponent(d.dispatchId)}">${d.dispatchId}</a></td>
          <td>${d.damNumber ?? '—'}</td>
          <td>${d.clientName}</td>
          <td>${d.regime}</td>
          <td>${d.channel ? CHANNEL_LABEL[d.channel] : '—'}</td>
          <td>${d.terminal}</td>
          <td>${statusLabel(d.status)}</td>
          <td>${clockLabel(d.nextDeadlineClock)}</td>
          <td>${limaDateTime(d.nextDeadlineAt)}</td>
          <td><span class="badge ${risk}">${RISK_LABEL[risk]}</span> ${timeLeft(d.nextDeadlineAt, now)}</td>
        </tr>`;
      })}
      </tbody>
    </table>
  </section>`;
}

const select = (name: string, label: string, options: readonly (readonly [string, string])[], value?: string) =>
  html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">Todos</option>${options.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`)}</select></div>`;

function filterForm(f: QueueFilters, session: BoardSession): SafeHtml {
  const v = f.values;
  return html`<form class="filters" method="get" action="/board/cola" aria-label="Filtros">
    ${select('riesgo', 'Riesgo', [['vencido', 'Vencidos'], ['en-riesgo', 'En riesgo o vencidos']], v.riesgo)}
    ${select('status', 'Estado', DISPATCH_STATUSES.map((s) => [s, statusLabel(s)] as const), v.status)}
    ${select('regime', 'Régimen', REGIMES.map((r) => [r, `${r} · ${REGIME_LABEL_ES[r]}`] as const), v.regime)}
    ${select('channel', 'Canal', CHANNELS.map((c) => [c, CHANNEL_LABEL[c]!] as const), v.channel)}
    ${select('terminal', 'Terminal', TERMINALS.map((t) => [t, t] as const), v.terminal)}
    <div class="field"><label for="f-client">RUC del cliente</label><input id="f-client" name="client" inputmode="numeric" value="${v.client ?? ''}"></div>
    ${session.account.role === 'operator' ? '' : html`<div class="field"><label for="f-executive">Ejecutivo (código)</label><input id="f-executive" name="executive" value="${v.executive ?? ''}"></div>`}
    <button type="submit">Filtrar</button> <a href="/board/cola">Limpiar</a>
  </form>`;
}

export function registerQueuePage(router: Router, board: Board): void {
  router.get('/cola', async (req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const session = sessionOf(res);
    const f = filtersOf(req, session);
    const list = await rows(board, f);
    const now = new Date();
    const poll = `/board/cola/filas${req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''}`;
    res.type('html').send(
      page({
        title: 'Cola de trabajo',
        session,
        current: 'cola',
        scripts: ['/board/assets/queue.js'],
        body: html`<h1>Cola de trabajo</h1>
          <p class="lead">${f.own ? html`Sus despachos (ejecutivo ${f.own}), del plazo más próximo al más lejano.` : 'Todos los despachos abiertos, del plazo más próximo al más lejano.'}</p>
          ${filterForm(f, session)}
          <div id="cola-viva" data-poll="${poll}" data-every="${board.settings.pollMs}">${table(list.items, list.total, now)}</div>`,
      }),
    );
  });

  /** The queue's table alone, for the page's periodic refresh. */
  router.get('/cola/filas', async (req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const f = filtersOf(req, sessionOf(res));
    const list = await rows(board, f);
    res.type('html').send(table(list.items, list.total, new Date()).value);
  });
}
