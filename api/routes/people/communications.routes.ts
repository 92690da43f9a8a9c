/** The communication log of a dispatch (emails fetched, calls and meetings noted) and the triage list of unfiled emails. */
import { createPrismaPeopleStore, messageIdHash } from '../../../activities/people';
import { mailResponseWorkflowId, normalizeMessageId } from '../../../domain/people';
import { mailAnswered } from '../../../workflows/people/people.messages';
import { ApiError } from '../../errors';
import { OPERATORS } from '../../principal';
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { dispatchParams, entryParams, fileEntryBody, postCommunicationBody } from '../../schemas/people.schemas';

const TAG = 'Comunicaciones';

export function registerCommunicationRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const store = createPrismaPeopleStore(deps.prisma);

  r.add({
    method: 'get', path: '/dispatches/:id/communications', tag: TAG, roles: OPERATORS, params: dispatchParams,
    summary: 'Bitácora de comunicaciones del despacho (correos, llamadas, reuniones), la más reciente primero',
    responses: { 200: { description: 'items' } },
    async handler({ params }) {
      const items = await deps.prisma.communicationEntry.findMany({ where: { dispatchId: params.id }, orderBy: { occurredAt: 'desc' }, take: 200 });
      return { body: { items } };
    },
  });

  r.add({
    method: 'post', path: '/dispatches/:id/communications', tag: TAG, roles: OPERATORS, params: dispatchParams, body: postCommunicationBody,
    summary: 'Anotar una llamada, reunión o correo en el despacho; con inReplyTo, detiene el plazo de respuesta de ese correo',
    responses: { 201: { description: 'Registrado' }, 404: { description: 'Despacho desconocido' } },
    audit: ({ params }) => ({ action: 'communication.post', target: params.id }),
    async handler({ params, body, principal }) {
      if (!(await deps.prisma.dispatch.findUnique({ where: { id: params.id }, select: { id: true } }))) throw new ApiError(404, 'not_found', 'No existe ese despacho.');
      const inReplyTo = body.inReplyTo ? normalizeMessageId(body.inReplyTo) : null;
      const { id } = await store.recordCommunication({ dispatchId: params.id, channel: body.channel, direction: body.direction, inReplyTo, toAddresses: [], subject: body.subject, summary: body.summary, matchedBy: 'manual', occurredAt: new Date(body.occurredAt).toISOString(), recordedBy: principal.name });
      let stoppedClock = false;
      if (inReplyTo && body.direction === 'outbound') {
        const parent = await store.communicationByMessageId(inReplyTo);
        if (parent?.direction === 'inbound') {
          await store.setResponseStatus(inReplyTo, parent.responseStatus ?? 'answered', new Date(body.occurredAt).toISOString());
          try {
            await deps.temporal.workflow.getHandle(mailResponseWorkflowId(messageIdHash(inReplyTo))).signal(mailAnswered, { at: new Date(body.occurredAt).toISOString(), by: principal.name });
            stoppedClock = true;
          } catch {
            // The clock already finished (answered or escalated): the log entry is what counts now.
          }
        }
      }
      return { status: 201, body: { id, dispatchId: params.id, stoppedClock } };
    },
  });

  r.add({
    method: 'get', path: '/communications/triage', tag: TAG, roles: OPERATORS,
    summary: 'Correos sin despacho (sin referencia o ambiguos), para clasificarlos',
    responses: { 200: { description: 'items' } },
    async handler() {
      const items = await deps.prisma.communicationEntry.findMany({ where: { dispatchId: null }, orderBy: { occurredAt: 'asc' }, take: 200 });
      return { body: { items } };
    },
  });

  r.add({
    method: 'post', path: '/communications/:entryId/file', tag: TAG, roles: OPERATORS, params: entryParams, body: fileEntryBody,
    summary: 'Archivar un correo de la lista de clasificación en su despacho',
    responses: { 200: { description: 'Archivado' }, 404: { description: 'Registro o despacho desconocido' } },
    audit: ({ params }) => ({ action: 'communication.file', target: params.entryId }),
    async handler({ params, body }) {
      if (!(await deps.prisma.dispatch.findUnique({ where: { id: body.dispatchId }, select: { id: true } }))) throw new ApiError(404, 'not_found', 'No existe ese despacho.');
      const { count } = await deps.prisma.communicationEntry.updateMany({ where: { id: params.entryId }, data: { dispatchId: body.dispatchId, matchedBy: 'manual', triageReason: null } });
      if (count === 0) throw new ApiError(404, 'not_found', 'No existe ese registro.');
      return { body: { id: params.entryId, dispatchId: body.dispatchId } };
    },
  });
}
