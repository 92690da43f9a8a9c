/** The business calendar: national holidays plus non-working days decreed at short notice (which re-plan open deadlines). */
import { z } from 'zod';
import { nationalHolidays } from '../../../activities/calendar/holidays';
import { signalCalendarChanged } from './calendar-replan';
import type { ApiDeps } from '../../deps';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { holidaysQuery, nonWorkingDayBody } from '../../schemas/client.schemas';

const holidays = z.object({
  country: z.enum(['PE', 'CO']),
  year: z.number(),
  national: z.array(z.string()),
  decreed: z.array(z.object({ date: z.string(), reason: z.string(), createdBy: z.string() })),
});

export function registerCalendarRoutes(r: RouteRegistry, deps: ApiDeps): void {
  r.add({
    method: 'get',
    path: '/calendar/holidays',
    tag: 'Calendario',
    summary: 'Feriados nacionales y días no laborables decretados de un año',
    roles: OPERATORS,
    query: holidaysQuery,
    responses: { 200: { description: 'Fechas AAAA-MM-DD', schema: holidays } },
    async handler({ query }) {
      const decreed = (await deps.store.list(query.country))
        .filter((d) => d.date.startsWith(`${query.year}-`))
        .map(({ date, reason, createdBy }) => ({ date, reason, createdBy }));
      return { body: { country: query.country, year: query.year, national: nationalHolidays(query.country, [query.year]), decreed } };
    },
  });

  r.add({
    method: 'post',
    path: '/calendar/non-working-days',
    tag: 'Calendario',
    summary: 'Agregar un día no laborable decretado (re-planifica los plazos de los despachos abiertos)',
    roles: SUPERVISORS,
    body: nonWorkingDayBody,
    responses: {
      201: { description: 'Día registrado; `dispatchesNotified` despachos re-planifican sus plazos' },
      200: { description: 'El día ya estaba registrado; se volvió a avisar a los despachos' },
    },
    audit: ({ body }) => ({ action: 'calendar.non-working-day', target: `${body.country}:${body.date}` }),
    async handler({ body, principal }) {
      const { recorded } = await deps.store.add({ ...body, createdBy: principal.name });
      const dispatchesNotified = await signalCalendarChanged(deps);
      return { status: recorded ? 201 : 200, body: { ...body, recorded, dispatchesNotified } };
    },
  });
}
