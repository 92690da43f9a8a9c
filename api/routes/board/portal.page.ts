/**
 * Client portal (role client): only the client's own dispatches and only client-facing facts — status, the 40025
 * status notes, planned and actual dates, documents still expected from the client. Another client's dispatch
 * looks unknown (404), as in the API.
 */
import type { Request, Response, Router } from 'express';
import { toClientView } from '../../../domain/board/client-view';
import { ApiError } from '../../errors';
import type { Role } from '../../principal';
import { dispatchId as dispatchIdSchema } from '../../schemas/common.schemas';
import { allowed, sessionOf, type Board } from './board-context';
import { liveView } from './dispatch.page';
import { CHANNEL_LABEL, limaDateTime, statusLabel } from './format';
import { html } from './html';
import { page } from './layout';

const CLIENTS: readonly Role[] = ['client'];
const STATE_ES = { done: 'Cumplido', late: 'Cumplido', pending: 'Pendiente', overdue: 'Pendiente' } as const;
const notFound = () => new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');

export function registerPortalPages(router: Router, board: Board): void {
  router.get('/portal', async (_req: Request, res: Response) => {
    if (!allowed(res, CLIENTS)) return;
    const session = sessionOf(res);
    const rows = await board.deps.prisma.dispatch.findMany({ where: { clientRuc: session.account.clientRuc ?? '-' }, orderBy: [{ openedAt: 'desc' }, { id: 'asc' }], take: 200 });
    res.type('html').send(page({
      title: 'Mis despachos',
      session,
      current: 'portal',
      body: html`<h1>Mis despachos</h1>
        <table><thead><tr><th scope="col">Despacho</th><th scope="col">DAM</th><th scope="col">Estado</th><th scope="col">Nave</th><th scope="col">ETA</th><th scope="col">Actualizado</th></tr></thead><tbody>
        ${rows.length === 0 ? html`<tr><td colspan="6">No tiene despachos registrados.</td></tr>` : ''}
        ${rows.map((d) => html`<tr><td><a href="/board/portal/despachos/${encodeURIComponent(d.id)}">${d.id}</a></td><td>${d.damNumber ?? '—'}</td><td>${statusLabel(d.status)}</td><td>${d.vessel}</td><td>${limaDateTime(d.eta)}</td><td>${limaDateTime(d.updatedAt)}</td></tr>`)}
        </tbody></table>`,
    }));
  });

  router.get('/portal/despachos/:id', async (req: Request, res: Response) => {
    if (!allowed(res, CLIENTS)) return;
    const session = sessionOf(res);
    const parsed = dispatchIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw notFound();
    const id = parsed.data;
    const record = await board.deps.store.get(id);
    if (!record || record.clientRuc !== session.account.clientRuc) throw notFound();
    const view = await liveView(board, id);
    const notes = (await board.deps.store.listGlosas(id)).filter((g) => g.code === '40025' && typeof (g.payload as Record<string, unknown>).note === 'string');
    const v = view ? toClientView(view, new Date().toISOString()) : null;
    res.type('html').send(page({
      title: `Despacho ${id}`,
      session,
      current: 'portal',
      body: html`<h1>Despacho ${id}</h1>
        <dl class="facts">
          <div><dt>Estado</dt><dd>${v?.statusLabel ?? statusLabel(record.status)}</dd></div>
          <div><dt>DAM</dt><dd>${record.damNumber ?? '—'}</dd></div>
          <div><dt>Canal</dt><dd>${record.channel ? CHANNEL_LABEL[record.channel] : '—'}</dd></div>
          <div><dt>Nave / ETA</dt><dd>${v?.vessel ?? record.vessel} · ${limaDateTime(v?.eta ?? record.eta)}</dd></div>
          <div><dt>BL</dt><dd>${record.bl}</dd></div>
          <div><dt>Terminal</dt><dd>${record.terminal}</dd></div>
        </dl>
        <section aria-labelledby="pendientes"><h2 id="pendientes">Documentos pendientes de su parte</h2>
          ${!v || v.pendingDocuments.length === 0 ? html`<p>No hay documentos pendientes.</p>` : html`<ul>${v.pendingDocuments.map((d) => html`<li>${d.label}</li>`)}</ul>`}
        </section>
        <section aria-labelledby="fechas"><h2 id="fechas">Fechas previstas y reales</h2>
          ${v ? html`<table><thead><tr><th scope="col">Hito</th><th scope="col">Previsto</th><th scope="col">Real</th><th scope="col">Situación</th></tr></thead><tbody>
          ${v.timeline.map((s) => html`<tr><td>${s.label}</td><td>${limaDateTime(s.planned)}</td><td>${limaDateTime(s.actual)}</td><td>${STATE_ES[s.state]}</td></tr>`)}</tbody></table>` : html`<p>El despacho concluyó.</p>`}
        </section>
        <section aria-labelledby="notas"><h2 id="notas">Notas de estado (glosa 40025)</h2>
          ${notes.length === 0 ? html`<p>Sin notas de estado.</p>` : html`<ul>${notes.map((g) => html`<li>${limaDateTime(g.at)}: ${String((g.payload as Record<string, unknown>).note)}</li>`)}</ul>`}
        </section>
        <p><a href="/board/portal">Volver a mis despachos</a></p>`,
    }));
  });
}
