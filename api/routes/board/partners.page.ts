/**
 * Alliance partners: each partner's XmR control charts (imports and exports apart) of one milestone's service times (centre line, control
 * limits, the agreed time, out-of-control points marked), and the open non-conformities with their corrective
 * actions and due dates.
 */
import type { Request, Response, Router } from 'express';
import { controlChart } from '../../../domain/partners/control-chart';
import { DIRECTION_LABEL_ES, OPERATION_DIRECTIONS } from '../../../domain/partners/contract';
import { MILESTONE_LABEL_ES, MILESTONES, OFFICE_LABEL_ES, type Milestone } from '../../../domain/partners/partner';
import { createPrismaPartnerStore } from '../../../activities/partners';
import { OPERATORS } from '../../principal';
import { allowed, param, sessionOf, type Board } from './board-context';
import { limaDate, limaDateTime } from './format';
import { html, jsonBlock } from './html';
import { page } from './layout';

const hours = (h: number | null) => (h === null ? '—' : `${(Math.round(h * 10) / 10).toLocaleString('es-PE')} h`);

export function registerPartnersPage(router: Router, board: Board): void {
  const store = createPrismaPartnerStore(board.deps.prisma);

  router.get('/aliados', async (req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const m = param(req, 'hito');
    const milestone: Milestone = m && (MILESTONES as readonly string[]).includes(m) ? (m as Milestone) : 'levante';
    const partners = await store.listPartners();
    // Imports and exports are controlled apart (seeds/004): one chart each per partner.
    const charts = await Promise.all(
      partners.flatMap((p) => OPERATION_DIRECTIONS.map(async (direction) => ({ partner: p, direction, chart: controlChart(await store.listSamples({ partnerId: p.partnerId, milestone, direction })) }))),
    );
    const open = await store.listNonConformities({ status: 'open' });
    const now = Date.now();
    res.type('html').send(page({
      title: 'Aliados',
      session: sessionOf(res),
      current: 'aliados',
      scripts: ['/board/assets/chart.umd.js', '/board/assets/charts.js'],
      body: html`<h1>Aliados (Colombia)</h1>
        <form class="filters" method="get" action="/board/aliados" aria-label="Hito del cuadro de control">
          <div class="field"><label for="a-hito">Hito</label><select id="a-hito" name="hito">${MILESTONES.map((x) => html`<option value="${x}"${x === milestone ? html` selected` : ''}>${MILESTONE_LABEL_ES[x]}</option>`)}</select></div>
          <button type="submit">Ver</button>
        </form>
        <p class="lead">Cuadro de control XmR del tiempo de servicio (horas hábiles) del hito «${MILESTONE_LABEL_ES[milestone]}»: línea central = media, límites = media ± 2,66 · rango móvil medio; los puntos fuera de control van marcados en rojo.</p>
        ${partners.length === 0 ? html`<p>No hay aliados registrados.</p>` : ''}
        <div class="kpis">
        ${charts.map(({ partner, direction, chart }, i) => html`<article class="kpi wide" aria-labelledby="xmr-${i}-t">
          <h2 id="xmr-${i}-t">${partner.name} (${partner.partnerId}) · ${DIRECTION_LABEL_ES[direction]}</h2>
          <p class="detail">Aduanas: ${partner.offices.map((o) => OFFICE_LABEL_ES[o.office]).join(', ') || '—'} · ${chart.points.length} mediciones · media ${hours(chart.center)} · LCS ${hours(chart.upperControlLimit)} · LCI ${hours(chart.lowerControlLimit)} · pactado ${chart.targetHours ?? '—'} h · <strong>${chart.outOfControlCount} fuera de control</strong>, ${chart.overTargetCount} sobre lo pactado</p>
          <canvas id="xmr-${i}" class="xmr" data-chart="xmr-data-${i}" role="img" aria-label="Cuadro de control de ${partner.name}, ${DIRECTION_LABEL_ES[direction]}: ${chart.points.length} puntos, ${chart.outOfControlCount} fuera de control" width="900" height="260"></canvas>
          ${jsonBlock(`xmr-data-${i}`, { labels: chart.points.map((p) => p.doNumber), dates: chart.points.map((p) => limaDate(p.at)), hours: chart.points.map((p) => p.hours), out: chart.points.map((p) => p.outOfControl), center: chart.center, ucl: chart.upperControlLimit, lcl: chart.lowerControlLimit, target: chart.targetHours })}
        </article>`)}
        </div>
        <section aria-labelledby="nc"><h2 id="nc">No conformidades abiertas y acciones correctivas</h2>
          ${open.length === 0 ? html`<p>No hay no conformidades abiertas.</p>` : html`<table><thead><tr><th scope="col">Código</th><th scope="col">Aliado</th><th scope="col">Origen</th><th scope="col">Descripción</th><th scope="col">Acción correctiva</th><th scope="col">Responsable</th><th scope="col">Vence</th></tr></thead><tbody>
          ${open.map((nc) => html`<tr class="${Date.parse(nc.dueAt) < now ? 'vencido' : ''}"><td>${nc.ncId}</td><td>${nc.partnerId}</td><td>${nc.source === 'breach' ? 'Incumplimiento de tiempo' : 'Reclamo'}</td><td>${nc.description}</td><td>${nc.actionPlan ?? 'Sin definir'}</td><td>${nc.owner.name}</td><td>${limaDateTime(nc.dueAt)}</td></tr>`)}
          </tbody></table>`}
        </section>`,
    }));
  });
}
