/**
 * Supervisor view: the KPIs of a period with their trend (week by week, and against the period before), one chart
 * per KPI (chart.js, data in a JSON block), filters by executive, client and terminal. Supervisors and admins only.
 */
import { formatMoney, type Money } from '../../../domain/money/money';
import type { Request, Response, Router } from 'express';
import { CHANNELS } from '../../../domain/dispatch';
import { DAY } from '../../../domain/durations';
import { computeKpis, periodBuckets, previousPeriod, type Kpis, type Period } from '../../../domain/kpis/kpis';
import type { Ratio } from '../../../domain/kpis/stats';
import { TERMINALS } from '../../../domain/dispatch';
import { SUPERVISORS } from '../../principal';
import { allowed, param, sessionOf, type Board } from './board-context';
import { CHANNEL_LABEL, limaDate, soles } from './format';
import { html, jsonBlock, type SafeHtml } from './html';
import { gatherKpiFacts, type KpiFilters } from './kpi-facts';
import { page } from './layout';

/** Amounts per currency, e.g. "US$ 120.00 + S/ 30.00"; "—" when none. */
const moneyList = (amounts: Money[]) => (amounts.length ? amounts.map(formatMoney).join(' + ') : '—');

const LIMA_OFFSET = '-05:00';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Lima. */
const limaToday = (now: Date) => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function periodOf(req: Request, now: Date): { period: Period; from: string; to: string } {
  const to = param(req, 'hasta') ?? limaToday(now);
  const toDate = DATE.test(to) ? to : limaToday(now);
  const fromParam = param(req, 'desde');
  const from = fromParam && DATE.test(fromParam) && fromParam <= toDate ? fromParam : addDays(toDate, -27);
  // Whole Lima days: from the start of `desde` to the end of `hasta`.
  return { period: { from: new Date(`${from}T00:00:00${LIMA_OFFSET}`).toISOString(), to: new Date(`${addDays(toDate, 1)}T00:00:00${LIMA_OFFSET}`).toISOString() }, from, to: toDate };
}

const pct = (r: Ratio) => (r.percent === null ? 'sin datos' : `${r.percent.toLocaleString('es-PE')} %`);

function trend(now: Ratio, before: Ratio): SafeHtml {
  if (now.percent === null || before.percent === null) return html`<span class="trend">sin comparación con el periodo anterior</span>`;
  const delta = Math.round((now.percent - before.percent) * 10) / 10;
  const word = delta > 0 ? 'sube' : delta < 0 ? 'baja' : 'igual';
  return html`<span class="trend ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}">${delta > 0 ? '▲' : delta < 0 ? '▼' : '='} ${word} ${Math.abs(delta).toLocaleString('es-PE')} pts frente al periodo anterior (${pct(before)})</span>`;
}

function card(id: string, title: string, value: string, detail: SafeHtml | string, description: string): SafeHtml {
  return html`<article class="kpi" aria-labelledby="${id}-t">
    <h2 id="${id}-t">${title}</h2>
    <p class="value">${value}</p>
    <p class="detail">${detail}</p>
    <canvas id="${id}" role="img" aria-label="${description}" width="400" height="200"></canvas>
  </article>`;
}

function series(buckets: Period[], kpis: Kpis[]) {
  return {
    labels: buckets.map((b) => `sem. ${limaDate(b.from).slice(0, 5)}`),
    docs: kpis.map((k) => k.documentsReviewedOnTime.percent),
    draft: kpis.map((k) => k.draftOnTime.percent),
    regularization: kpis.map((k) => k.regularizationsOnTime.percent),
    complaints: kpis.map((k) => k.complaintsReportedOnTime.percent),
    levante: Object.fromEntries(CHANNELS.map((c) => [c, kpis.map((k) => k.levanteByChannel[c].medianHours)])),
    costs: kpis.map((k) => k.costAlerts.count),
    extra: kpis.map((k) => k.extraServices.amountPen),
  };
}

export function registerKpiPage(router: Router, board: Board): void {
  router.get('/indicadores', async (req: Request, res: Response) => {
    if (!allowed(res, SUPERVISORS)) return;
    const now = new Date();
    const { period, from, to } = periodOf(req, now);
    const client = param(req, 'client');
    const terminal = param(req, 'terminal');
    const executive = param(req, 'executive');
    const filters: KpiFilters = {
      client: client && /^\d{11}$/.test(client) ? client : undefined,
      terminal: terminal && (TERMINALS as readonly string[]).includes(terminal) ? terminal : undefined,
      executive: executive && /^[A-Z0-9-]{2,20}$/.test(executive) ? executive : undefined,
    };
    const before = previousPeriod(period);
    const facts = await gatherKpiFacts(board, { from: before.from, to: period.to }, filters);
    const nowIso = now.toISOString();
    const current = computeKpis(facts, period, nowIso);
    const previous = computeKpis(facts, before, nowIso);
    const buckets = periodBuckets(period, 7 * DAY);
    const weekly = buckets.map((b) => computeKpis(facts, b, nowIso));
    const levanteRows = CHANNELS.map((c) => ({ channel: c, ...current.levanteByChannel[c] }));
    const hours = (h: number | null) => (h === null ? '—' : `${h.toLocaleString('es-PE')} h`);
    const chartData = { ...series(buckets, weekly), byChannel: levanteRows, costCategories: current.costAlerts.byCategory };
    res.type('html').send(page({
      title: 'Indicadores',
      session: sessionOf(res),
      current: 'indicadores',
      scripts: ['/board/assets/chart.umd.js', '/board/assets/charts.js'],
      body: html`<h1>Indicadores del periodo</h1>
        <form class="filters" method="get" action="/board/indicadores" aria-label="Filtros de los indicadores">
          <div class="field"><label for="k-desde">Desde</label><input id="k-desde" type="date" name="desde" value="${from}"></div>
          <div class="field"><label for="k-hasta">Hasta</label><input id="k-hasta" type="date" name="hasta" value="${to}"></div>
          <div class="field"><label for="k-exec">Ejecutivo (código)</label><input id="k-exec" name="executive" value="${filters.executive ?? ''}"></div>
          <div class="field"><label for="k-client">RUC del cliente</label><input id="k-client" name="client" value="${filters.client ?? ''}"></div>
          <div class="field"><label for="k-term">Terminal</label><select id="k-term" name="terminal"><option value="">Todos</option>${TERMINALS.map((t) => html`<option${t === filters.terminal ? html` selected` : ''}>${t}</option>`)}</select></div>
          <button type="submit">Aplicar</button>
        </form>
        <p class="lead">Del ${limaDate(period.from)} al ${to.split('-').reverse().join('/')}, comparado con los ${Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY)} días anteriores. Tendencia semanal en cada gráfico.</p>
        <div class="kpis">
          ${card('kpi-docs', 'Documentos revisados en 48 h', pct(current.documentsReviewedOnTime), html`${current.documentsReviewedOnTime.hits} de ${current.documentsReviewedOnTime.total} · ${trend(current.documentsReviewedOnTime, previous.documentsReviewedOnTime)}`, 'Porcentaje semanal de documentos revisados dentro de 48 horas')}
          ${card('kpi-draft', 'Borrador de DAM en el plazo pactado', pct(current.draftOnTime), html`${current.draftOnTime.hits} de ${current.draftOnTime.total} · ${trend(current.draftOnTime, previous.draftOnTime)}`, 'Porcentaje semanal de borradores emitidos en el plazo pactado')}
          <article class="kpi" aria-labelledby="kpi-levante-t"><h2 id="kpi-levante-t">Tiempo de levante por canal (numeración → levante)</h2>
            <table><thead><tr><th scope="col">Canal</th><th scope="col">Despachos</th><th scope="col">Mediana</th><th scope="col">p90</th></tr></thead><tbody>
            ${levanteRows.map((r) => html`<tr><td>${CHANNEL_LABEL[r.channel]}</td><td>${r.count}</td><td>${hours(r.medianHours)}</td><td>${hours(r.p90Hours)}</td></tr>`)}</tbody></table>
            <canvas id="kpi-levante" role="img" aria-label="Mediana y p90 del tiempo de levante por canal, en horas" width="400" height="200"></canvas></article>
          ${card('kpi-regularization', 'Regularizaciones en 10 días', pct(current.regularizationsOnTime), html`${current.regularizationsOnTime.hits} de ${current.regularizationsOnTime.total} · ${trend(current.regularizationsOnTime, previous.regularizationsOnTime)}`, 'Porcentaje semanal de regularizaciones dentro del plazo interno')}
          ${card('kpi-complaints', 'Reclamos informados en 24 h hábiles', pct(current.complaintsReportedOnTime), html`${current.complaintsReportedOnTime.hits} de ${current.complaintsReportedOnTime.total} · ${trend(current.complaintsReportedOnTime, previous.complaintsReportedOnTime)}`, 'Porcentaje semanal de reclamos informados al supervisor a tiempo')}
          ${card('kpi-costs', 'Alertas de costo', String(current.costAlerts.count), html`${current.costAlerts.reportedOnTime} informadas a tiempo · periodo anterior: ${previous.costAlerts.count} · relojes de costo avisados: ${current.costClocks.warned} · ahorrado: ${moneyList(current.costClocks.saved)} · costó: ${moneyList(current.costClocks.cost)}`, 'Alertas de costo por semana')}
          ${card('kpi-extra', 'Servicios extraordinarios facturados (glosa 10110)', soles(current.extraServices.amountPen), html`${current.extraServices.count} servicios · periodo anterior: ${soles(previous.extraServices.amountPen)}`, 'Monto semanal facturado por servicios extraordinarios')}
        </div>
        ${jsonBlock('kpi-data', chartData)}`,
    }));
  });
}
