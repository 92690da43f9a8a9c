/**
 * Alliance partners (Colombia): the registry with the service times agreed per customs office, the management
 * roster that receives escalations and evaluations, and each partner's process-control chart.
 */
import { controlChart } from '../../../domain/partners/control-chart';
import { HOUR } from '../../../domain/durations';
import type { Partner } from '../../../domain/partners/partner';
import { createPrismaPartnerStore } from '../../../activities/partners';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { controlChartQuery, managerBody, partnerParams, putPartnerBody } from '../../schemas/partner.schemas';
import { registerPartnerOperationRoutes } from './partner-operations.routes';
import { registerPartnerQualityRoutes } from './partner-quality.routes';
import { registerPartnerContractRoutes } from './partner-contracts.routes';

const TAG = 'Aliados';
export const partnerNotFound = (id: string) => new ApiError(404, 'partner_not_found', `No existe el aliado ${id}.`);

/** The partner as the API shows it: service times in business hours. */
export function partnerJson(p: Partner) {
  return {
    ...p,
    offices: p.offices.map((o) => ({
      office: o.office,
      serviceTimesHours: Object.fromEntries(Object.entries(o.serviceTimes).map(([m, ms]) => [m, ms / HOUR])),
    })),
  };
}

/** Every partner route: registry, operations and milestones, non-conformities, evaluations. */
export function registerPartnerRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const store = createPrismaPartnerStore(deps.prisma);

  r.add({
    method: 'get',
    path: '/partners',
    tag: TAG,
    summary: 'Listar los aliados con sus aduanas y tiempos de servicio pactados',
    roles: OPERATORS,
    responses: { 200: { description: 'items: aliados por código' } },
    async handler() {
      return { body: { items: (await store.listPartners()).map(partnerJson) } };
    },
  });

  r.add({
    method: 'get',
    path: '/partners/:partnerId',
    tag: TAG,
    summary: 'Ver un aliado',
    roles: OPERATORS,
    params: partnerParams,
    responses: { 200: { description: 'El aliado' }, 404: { description: 'Aliado desconocido' } },
    async handler({ params }) {
      const partner = await store.getPartner(params.partnerId);
      if (!partner) throw partnerNotFound(params.partnerId);
      return { body: partnerJson(partner) };
    },
  });

  r.add({
    method: 'put',
    path: '/partners/:partnerId',
    tag: TAG,
    summary: 'Registrar o actualizar un aliado, sus aduanas y los tiempos de servicio pactados (horas hábiles)',
    roles: SUPERVISORS,
    params: partnerParams,
    body: putPartnerBody,
    responses: { 200: { description: 'El aliado guardado' } },
    audit: ({ params }) => ({ action: 'partner.put', target: params.partnerId }),
    async handler({ params, body }) {
      const partner: Partner = {
        partnerId: params.partnerId,
        name: body.name,
        nit: body.nit,
        contacts: body.contacts,
        accountManager: body.accountManager,
        active: body.active,
        offices: body.offices.map((o) => ({
          office: o.office,
          serviceTimes: {
            received: o.serviceTimesHours.received * HOUR,
            declared: o.serviceTimesHours.declared * HOUR,
            inspection: o.serviceTimesHours.inspection * HOUR,
            levante: o.serviceTimesHours.levante * HOUR,
            delivered: o.serviceTimesHours.delivered * HOUR,
          },
        })),
      };
      await store.upsertPartner(partner);
      return { body: partnerJson((await store.getPartner(params.partnerId))!) };
    },
  });

  r.add({
    method: 'get',
    path: '/partners/:partnerId/control-chart',
    tag: TAG,
    summary: 'Cuadro de control de procesos: tiempos de servicio de un hito (XmR, media ± 2,66·MR̄) por aduana; importaciones y exportaciones por separado (direction)',
    roles: OPERATORS,
    params: partnerParams,
    query: controlChartQuery,
    responses: { 200: { description: 'Puntos (horas hábiles), línea central, límites de control y tiempo pactado' }, 404: { description: 'Aliado desconocido' } },
    async handler({ params, query }) {
      if (!(await store.getPartner(params.partnerId))) throw partnerNotFound(params.partnerId);
      const samples = await store.listSamples({ partnerId: params.partnerId, office: query.office, milestone: query.milestone, direction: query.direction, from: query.from, to: query.to });
      return { body: { partnerId: params.partnerId, milestone: query.milestone, office: query.office ?? null, direction: query.direction ?? null, unit: 'business_hours', ...controlChart(samples) } };
    },
  });

  r.add({
    method: 'get',
    path: '/management-contacts',
    tag: TAG,
    summary: 'Listar la gerencia que recibe escalamientos y evaluaciones de aliados',
    roles: SUPERVISORS,
    responses: { 200: { description: 'items: contactos activos' } },
    async handler() {
      return { body: { items: await store.activeManagers() } };
    },
  });

  r.add({
    method: 'put',
    path: '/management-contacts',
    tag: TAG,
    summary: 'Agregar o actualizar un contacto de gerencia (por correo electrónico)',
    roles: SUPERVISORS,
    body: managerBody,
    responses: { 200: { description: 'El contacto guardado' } },
    audit: ({ body }) => ({ action: 'management.put', target: body.email }),
    async handler({ body }) {
      await store.upsertManager(body);
      return { body };
    },
  });

  registerPartnerOperationRoutes(r, deps, store);
  registerPartnerQualityRoutes(r, deps, store);
  registerPartnerContractRoutes(r, deps, store);
}
