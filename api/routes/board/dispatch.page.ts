/**
 * A dispatch's page: live state by the workflow's query (the read model when the workflow is gone), its timeline,
 * deadlines, documents, glosas, incidents, complaints and costs, and the next expected actions as buttons that
 * run the same Updates as the API (`act`). A refused action comes back with the validator's Spanish reason next
 * to its button; a done one redirects back (POST/redirect/GET) so a reload never repeats it.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DispatchView } from '../../../domain/dispatch-view';
import { dispatchWorkflowId } from '../../../domain/ids';
import { getDispatch } from '../../../workflows/dispatch.messages';
import { act, assertDamNumberFree } from '../../dispatch-actions';
import { ApiError, isTemporalDown, toApiError, zodSpanish } from '../../errors';
import { OPERATORS, SUPERVISORS } from '../../principal';
import { ACTIONS, idempotencyKey } from '../../schemas/action.schemas';
import { dispatchId as dispatchIdSchema } from '../../schemas/common.schemas';
import { allowed, audit, sessionOf, type Board } from './board-context';
import { boardAction, formToBody, nextBoardActions, OTHER_ACTIONS } from './board-actions';
import { actionForm, containersSection, costsSection, deadlinesSection, documentsSection, factsSection, glosasSection, incidentsSection, planSection, timelineSection } from './dispatch-view.html';
import { limaDateTime, statusLabel } from './format';
import { agreementsSection } from './agreements.html';
import { communicationsSection } from './communications.html';
import { createPrismaPeopleRecords } from '../../../activities/people';
import { html } from './html';
import { page } from './layout';
import type { BoardSession } from './session';

const QUERY_DEADLINE_MS = 5_000;

/** The dispatch's live view, or null when only the read model knows it (its workflow finished or Temporal is down). */
export async function liveView(board: Board, id: string): Promise<DispatchView | null> {
  try {
    const handle = board.deps.temporal.workflow.getHandle(dispatchWorkflowId(id));
    return await board.deps.temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(getDispatch));
  } catch (err) {
    if (err instanceof WorkflowNotFoundError || isTemporalDown(err)) return null;
    throw err;
  }
}

function parseId(req: Request): string {
  const parsed = dispatchIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');
  return parsed.data;
}

interface Notice {
  errors?: Record<string, string>;
  done?: string;
  running?: string;
}

async function render(board: Board, res: Response, session: BoardSession, id: string, notice: Notice, status = 200): Promise<void> {
  const [view, glosas, agreements, communications] = await Promise.all([
    liveView(board, id),
    board.deps.store.listGlosas(id),
    createPrismaPeopleRecords(board.deps.prisma).agreementsOf(id),
    board.deps.prisma.communicationEntry.findMany({ where: { dispatchId: id }, orderBy: { occurredAt: 'desc' }, take: 50 }),
  ]);
  const now = new Date();
  if (!view) {
    const record = await board.deps.store.get(id);
    if (!record) throw new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');
    res.status(status).type('html').send(page({
      title: `Despacho ${id}`, session, current: 'cola',
      body: html`<h1>Despacho ${id}</h1><p class="message">El despacho concluyó su flujo (o Temporal no responde): se muestra el modelo de lectura, sin acciones.</p>
        <dl class="facts"><div><dt>Estado</dt><dd>${statusLabel(record.status)}</dd></div><div><dt>Cliente</dt><dd>${record.clientName} (RUC ${record.clientRuc})</dd></div><div><dt>DAM</dt><dd>${record.damNumber ?? '—'}</dd></div><div><dt>Actualizado</dt><dd>${limaDateTime(record.updatedAt)}</dd></div></dl>
        ${glosasSection(glosas)}
        ${agreementsSection(agreements, now)}
        ${communicationsSection(communications)}`,
    }));
    return;
  }
  const errors = notice.errors ?? {};
  const csrf = session.csrfToken;
  const key = () => `board-${randomUUID()}`;
  const supervisor = SUPERVISORS.includes(session.account.role);
  const temporalLink = supervisor && board.settings.temporalWebUrl
    ? `${board.settings.temporalWebUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(board.settings.namespace)}/workflows/${encodeURIComponent(dispatchWorkflowId(id))}`
    : undefined;
  const next = nextBoardActions(view);
  const reported = boardAction('complaint-reported')!;
  const label = (name?: string) => (name ? (boardAction(name)?.label ?? name) : '');
  res.status(status).type('html').send(page({
    title: `Despacho ${id}`,
    session,
    current: 'cola',
    scripts: ['/board/assets/forms.js'],
    body: html`<h1>Despacho ${id}</h1>
      ${notice.done ? html`<p class="notice ok" role="status">Acción registrada: ${label(notice.done)}.</p>` : ''}
      ${notice.running ? html`<p class="notice" role="status">La acción «${label(notice.running)}» sigue en curso (el terminal aún no responde); su resultado aparecerá aquí.</p>` : ''}
      ${factsSection(view, temporalLink)}
      <section aria-labelledby="proximas"><h2 id="proximas">Próximas acciones</h2>
        ${next.length === 0 ? html`<p>No hay acciones pendientes.</p>` : next.map((a) => actionForm(id, a, csrf, key(), errors[a.name]))}
      </section>
      ${deadlinesSection(view, now)}
      ${timelineSection(view, now)}
      ${planSection(view)}
      ${containersSection(view)}
      ${documentsSection(view)}
      ${glosasSection(glosas)}
      ${incidentsSection(view)}
      ${agreementsSection(agreements, now)}
      ${communicationsSection(communications)}
      <section aria-labelledby="reclamos"><h2 id="reclamos">Reclamos y contingencias de costos</h2>
        ${view.complaints.length === 0 ? html`<p>Sin reclamos.</p>` : html`<ul class="complaints">${view.complaints.map((c) => html`<li>${c.id} · ${c.category} · ${limaDateTime(c.at)}: ${c.description}
          ${c.reportedAt ? html` — informado al supervisor ${limaDateTime(c.reportedAt)}` : actionForm(id, reported, csrf, key(), errors[`complaint-reported:${c.id}`], `complaint-reported:${c.id}`, [{ name: 'complaintId', label: '', kind: 'hidden', value: c.id }])}</li>`)}</ul>`}
      </section>
      ${costsSection(view)}
      <section aria-labelledby="otras"><h2 id="otras">Otras acciones</h2>
        <div class="other-actions">${OTHER_ACTIONS.map((a) => html`<details${errors[a.name] ? html` open` : ''}><summary>${a.label}</summary>${actionForm(id, a, csrf, key(), errors[a.name])}</details>`)}</div>
      </section>`,
  }));
}

export function registerDispatchPage(router: Router, board: Board): void {
  router.get('/despachos/:id', async (req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const done = typeof req.query.hecho === 'string' ? req.query.hecho : undefined;
    const running = typeof req.query['en-curso'] === 'string' ? req.query['en-curso'] : undefined;
    await render(board, res, sessionOf(res), parseId(req), { done: done && boardAction(done) ? done : undefined, running: running && boardAction(running) ? running : undefined });
  });

  router.post('/despachos/:id/acciones/:action', async (req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const session = sessionOf(res);
    const id = parseId(req);
    const spec = ACTIONS.find((a) => a.name === req.params.action);
    const action = boardAction(String(req.params.action));
    if (!spec || !action) throw new ApiError(404, 'route_not_found', 'Esa acción no existe.');
    const form = (req.body ?? {}) as Record<string, unknown>;
    const slot = typeof form._slot === 'string' && /^[a-z-]+(:REC-\d{1,9})?$/.test(form._slot) ? form._slot : action.name;
    const key = idempotencyKey.safeParse(form._key);
    const extra: Record<string, string> = action.name === 'complaint-reported' && typeof form.complaintId === 'string' ? { complaintId: form.complaintId } : {};
    const parsed = spec.body.safeParse(formToBody(action, form, extra), zodSpanish);
    const base = { action: `dispatch.${action.name}`, target: id };
    if (!parsed.success) {
      const message = `Revise los datos: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'formulario'}: ${i.message}`).join('; ')}`;
      await audit(board, req, session.account, base.action, base.target, { status: 400, code: 'validation_failed' });
      return render(board, res, session, id, { errors: { [slot]: message } }, 400);
    }
    const body = parsed.data as Record<string, unknown>;
    try {
      if (typeof body.damNumber === 'string') await assertDamNumberFree(board.deps, body.damNumber, id);
      const outcome = await act(board.deps, spec, id, { ...body, actor: session.account.name }, key.success ? key.data : undefined);
      await audit(board, req, session.account, base.action, base.target, { status: outcome.done ? 200 : 202, ...(key.success ? { idempotencyKey: key.data } : {}), body });
      res.redirect(303, `/board/despachos/${encodeURIComponent(id)}?${outcome.done ? 'hecho' : 'en-curso'}=${action.name}`);
    } catch (err) {
      const e = toApiError(err);
      if (e.status >= 500) throw err;
      await audit(board, req, session.account, base.action, base.target, { status: e.status, code: e.code, body });
      await render(board, res, session, id, { errors: { [slot]: e.message } }, e.status);
    }
  });
}
