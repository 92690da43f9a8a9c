/** Dispatches: open one (idempotent by business id), list them from the read model, read one live, its history. */
import { z } from 'zod';
import { WorkflowNotFoundError } from '@temporalio/client';
import { clientRecord, toClientView } from '../../../domain/board/client-view';
import { dispatchWorkflowId } from '../../../domain/ids';
import { getDispatch } from '../../../workflows/dispatch.messages';
import type { ApiDeps } from '../../deps';
import type { ClientCache } from '../../ttl-cache';
import { agreementOf, startDispatchWorkflow } from './dispatch-start';
import { resolveOutboundOpening } from './outbound-opening';
import { listDispatches } from '../../dispatch-list';
import { ApiError } from '../../errors';
import { OPERATORS, READERS, type Principal } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { createDispatchBody, dispatchParams, listDispatchesQuery } from '../../schemas/dispatch.schemas';
import { idempotencyKey } from '../../schemas/action.schemas';

const QUERY_DEADLINE_MS = 5_000;

const notFound = () => new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');

/** A client key sees only its own RUC's dispatches; others look unknown to it. */
function assertVisible(principal: Principal, ruc: string): void {
  if (principal.role === 'client' && principal.clientRuc !== ruc) throw notFound();
}

const created = z.object({ dispatchId: z.string(), workflowId: z.string(), runId: z.string(), created: z.boolean() });

export function registerDispatchRoutes(r: RouteRegistry, deps: ApiDeps, clients: ClientCache): void {
  r.add({
    method: 'post',
    path: '/dispatches',
    tag: 'Despachos',
    summary: 'Abrir un despacho (el código de despacho es único)',
    roles: OPERATORS,
    body: createDispatchBody,
    headers: [{ name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave responde como el primero en vez de 409.' }],
    responses: {
      201: { description: 'Despacho abierto', schema: created },
      200: { description: 'Reintento idempotente: el despacho ya había sido abierto por esta misma solicitud', schema: created },
      409: { description: 'Ya existe un despacho con ese código' },
      422: { description: 'Reexportación sin importación precedente válida o reembarque sin manifiesto de llegada (motivo en español)' },
    },
    audit: ({ body }) => ({ action: 'dispatch.open', target: body.dispatchId }),
    async handler({ body, principal, header }) {
      const agreement = agreementOf(await clients.get(body.client.ruc, () => deps.store.getClient(body.client.ruc)), body);
      // Regimes 60/89 (outbound-regimes-2026-12): the parent import's expiry from its read model, or 422.
      const dispatch = { ...(await resolveOutboundOpening(body, deps)), openedBy: principal.name };
      const started = await startDispatchWorkflow(deps.temporal, deps.taskQueue, dispatch, agreement, header('Idempotency-Key'));
      return {
        status: started.created ? 201 : 200,
        headers: { Location: `/dispatches/${body.dispatchId}` },
        body: { dispatchId: body.dispatchId, ...started },
      };
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches',
    tag: 'Despachos',
    summary: 'Listar despachos (modelo de lectura) con filtros y paginación',
    roles: READERS,
    query: listDispatchesQuery,
    responses: { 200: { description: 'Página de despachos: items, total, limit, offset' } },
    async handler({ query, principal }) {
      const page = await listDispatches(deps.prisma, query, principal.role === 'client' ? principal.clientRuc : null);
      return { body: principal.role === 'client' ? { ...page, items: page.items.map((item) => clientRecord(item)) } : page };
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches/:id',
    tag: 'Despachos',
    summary: 'Estado de un despacho: en vivo desde su workflow, o del modelo de lectura si el workflow ya no existe',
    roles: READERS,
    params: dispatchParams,
    responses: { 200: { description: '`source` = workflow (estado en vivo) o read-model' }, 404: { description: 'Despacho desconocido' } },
    async handler({ params, principal }) {
      try {
        // A query needs a worker; bounded so a stopped worker means the read model after 5 s, not a hung request.
        const handle = deps.temporal.workflow.getHandle(dispatchWorkflowId(params.id));
        const view = await deps.temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(getDispatch));
        assertVisible(principal, view.client.ruc);
        // A client sees its dispatch's status and dates, never the broker's internals (executives, incidents, billing).
        return { body: { source: 'workflow', dispatch: principal.role === 'client' ? toClientView(view, new Date().toISOString()) : view } };
      } catch (err) {
        if (err instanceof ApiError) throw err;
        // Any failure of the live read on Temporal's side (worker killed mid-task, server restarting, query
        // rejected) falls back to the read model: a read never fails while the dispatch is recorded.
        const record = await deps.store.get(params.id);
        if (!record) throw err instanceof WorkflowNotFoundError ? notFound() : err;
        assertVisible(principal, record.clientRuc);
        return { body: { source: 'read-model', dispatch: principal.role === 'client' ? clientRecord({ ...record }) : record } };
      }
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches/:id/history',
    tag: 'Despachos',
    summary: 'Historial de estados y glosas de un despacho (modelo de lectura)',
    roles: READERS,
    params: dispatchParams,
    responses: { 200: { description: 'statuses y glosas, del más antiguo al más reciente' }, 404: { description: 'Despacho desconocido' } },
    async handler({ params, principal }) {
      const record = await deps.store.get(params.id);
      if (!record) throw notFound();
      assertVisible(principal, record.clientRuc);
      const [statuses, glosas] = await Promise.all([deps.store.history(params.id), deps.store.listGlosas(params.id)]);
      if (principal.role !== 'client') return { body: { dispatchId: params.id, statuses, glosas } };
      // A client sees its status changes and 40025 status notes, not the billing of extraordinary services (10110).
      return { body: { dispatchId: params.id, statuses, glosas: glosas.filter((g) => g.code === '40025') } };
    },
  });
}
