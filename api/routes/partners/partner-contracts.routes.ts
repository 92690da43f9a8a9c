/** Contracts with an alliance partner (annex of seeds/004): list them, register or replace one. */
import type { PartnerStore } from '../../../activities/partners';
import { createPrismaContractStore } from '../../../activities/partners';
import { contractInForce } from '../../../domain/partners/contract';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { contractParams, partnerParams, putContractBody } from '../../schemas/partner.schemas';

const TAG = 'Aliados';

export function registerPartnerContractRoutes(r: RouteRegistry, deps: ApiDeps, store: PartnerStore): void {
  const contracts = createPrismaContractStore(deps.prisma);
  const notFound = (id: string) => new ApiError(404, 'partner_not_found', `No existe el aliado ${id}.`);

  r.add({
    method: 'get', path: '/partners/:partnerId/contracts', tag: TAG, roles: OPERATORS, params: partnerParams,
    summary: 'Contratos con el aliado: vigencia, aduanas cubiertas y tiempos pactados; cuál rige hoy en cada aduana',
    responses: { 200: { description: 'items, inForceByOffice' }, 404: { description: 'Aliado desconocido' } },
    async handler({ params }) {
      const partner = await store.getPartner(params.partnerId);
      if (!partner) throw notFound(params.partnerId);
      const items = await contracts.contractsOf(partner.partnerId);
      const now = new Date().toISOString();
      const offices = [...new Set(items.flatMap((c) => c.offices))];
      return { body: { items, inForceByOffice: Object.fromEntries(offices.map((o) => [o, contractInForce(items, o, now)?.reference ?? null])) } };
    },
  });

  r.add({
    method: 'put', path: '/partners/:partnerId/contracts/:reference', tag: TAG, roles: SUPERVISORS, params: contractParams, body: putContractBody,
    summary: 'Registrar o reemplazar un contrato con el aliado (vigencia, aduanas, tiempos pactados en horas hábiles)',
    responses: { 200: { description: 'El contrato' }, 404: { description: 'Aliado desconocido' }, 422: { description: 'Vigencia inválida (motivo en español)' } },
    audit: ({ params }) => ({ action: 'partner.contract', target: `${params.partnerId}/${params.reference}` }),
    async handler({ params, body, principal }) {
      if (!(await store.getPartner(params.partnerId))) throw notFound(params.partnerId);
      if (body.endsOn < body.startsOn) throw new ApiError(422, 'invalid_input', 'El contrato debe terminar el mismo día o después de empezar.');
      const contract = { partnerId: params.partnerId, reference: params.reference, startsOn: body.startsOn, endsOn: body.endsOn, offices: [...new Set(body.offices)], serviceTimesHours: body.serviceTimesHours as Record<string, number> };
      await contracts.putContract(contract, principal.name);
      return { body: { contract } };
    },
  });
}
