/** The staff directory (issue 15): people, shifts, absences with substitutes, each client's titular executive; who is on duty now. */
import { z } from 'zod';
import { absenceProblems, executiveOnDuty, functionalBosses, MATTERS, whoIsOnDuty } from '../../../domain/people';
import { createPrismaPeopleStore } from '../../../activities/people';
import { ApiError } from '../../errors';
import { ADMINS, OPERATORS } from '../../principal';
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { onDutyQuery, postAbsenceBody, putAssignmentBody, putShiftBody, putStaffMemberBody, rucParams, shiftParams, usernameParams } from '../../schemas/people.schemas';

const TAG = 'Personas y turnos';
const person = z.object({ username: z.string(), name: z.string(), email: z.string(), position: z.string(), executiveId: z.string().nullable().optional(), shiftId: z.string().nullable(), active: z.boolean() });

export function registerDirectoryRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const store = createPrismaPeopleStore(deps.prisma);

  r.add({
    method: 'get', path: '/people/directory', tag: TAG, roles: OPERATORS,
    summary: 'Directorio: personal, turnos y ausencias vigentes o futuras',
    responses: { 200: { description: 'staff, shifts, absences' } },
    async handler() {
      return { body: await store.directory(new Date().toISOString()) };
    },
  });

  r.add({
    method: 'put', path: '/people/staff/:username', tag: TAG, roles: ADMINS, params: usernameParams, body: putStaffMemberBody,
    summary: 'Registrar o actualizar a una persona del directorio (cargo, turno, código de ejecutivo)',
    responses: { 200: { description: 'Persona guardada', schema: person }, 409: { description: 'Correo o código de ejecutivo de otra persona' } },
    audit: ({ params }) => ({ action: 'people.staff.put', target: params.username }),
    async handler({ params, body, principal }) {
      if (body.shiftId && !(await deps.prisma.workShift.findUnique({ where: { id: body.shiftId } }))) throw new ApiError(422, 'invalid_input', `No existe el turno ${body.shiftId}.`);
      const data = { name: body.name, email: body.email.toLowerCase(), position: body.position, executiveId: body.executiveId ?? null, shiftId: body.shiftId ?? null, active: body.active, updatedBy: principal.name };
      const clash = await deps.prisma.staffMember.findFirst({ where: { username: { not: params.username }, OR: [{ email: data.email }, ...(data.executiveId ? [{ executiveId: data.executiveId }] : [])] }, select: { username: true } });
      if (clash) throw new ApiError(409, 'conflict', `El correo o el código de ejecutivo ya es de ${clash.username}.`);
      const row = await deps.prisma.staffMember.upsert({ where: { username: params.username }, create: { username: params.username, ...data }, update: data });
      return { body: { username: row.username, name: row.name, email: row.email, position: row.position, executiveId: row.executiveId, shiftId: row.shiftId, active: row.active } };
    },
  });

  r.add({
    method: 'put', path: '/people/shifts/:id', tag: TAG, roles: ADMINS, params: shiftParams, body: putShiftBody,
    summary: 'Definir un turno (días en que empieza, hora de inicio y fin en Lima; fin no posterior = día siguiente)',
    responses: { 200: { description: 'Turno guardado' } },
    audit: ({ params }) => ({ action: 'people.shift.put', target: params.id }),
    async handler({ params, body, principal }) {
      if (body.start === body.end) throw new ApiError(422, 'invalid_input', 'Un turno no puede empezar y terminar a la misma hora.');
      const data = { name: body.name, days: body.days, start: body.start, end: body.end, breakTime: body.breakTime ?? undefined, updatedBy: principal.name };
      await deps.prisma.workShift.upsert({ where: { id: params.id }, create: { id: params.id, ...data }, update: data });
      return { body: { id: params.id, ...body } };
    },
  });

  r.add({
    method: 'post', path: '/people/absences', tag: TAG, roles: ADMINS, body: postAbsenceBody,
    summary: 'Registrar una ausencia: quién, quién lo reemplaza, desde y hasta cuándo, y por qué',
    responses: { 201: { description: 'Ausencia registrada' } },
    audit: ({ body }) => ({ action: 'people.absence.post', target: body.username }),
    async handler({ body, principal }) {
      const problems = absenceProblems(body);
      if (problems.length) throw new ApiError(422, 'invalid_input', problems.join(' '));
      const known = await deps.prisma.staffMember.count({ where: { username: { in: [body.username, body.substitute] } } });
      if (known < 2) throw new ApiError(422, 'invalid_input', 'La persona y su reemplazo deben estar en el directorio.');
      const row = await deps.prisma.staffAbsence.create({ data: { username: body.username, substituteUsername: body.substitute, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), reason: body.reason, createdBy: principal.name } });
      return { status: 201, body: { id: row.id, ...body } };
    },
  });

  r.add({
    method: 'put', path: '/people/clients/:ruc/executive', tag: TAG, roles: ADMINS, params: rucParams, body: putAssignmentBody,
    summary: 'Asignar el ESC titular de un cliente y el plazo acordado para responder sus correos (minutos hábiles)',
    responses: { 200: { description: 'Asignación guardada' } },
    audit: ({ params }) => ({ action: 'people.assignment.put', target: params.ruc }),
    async handler({ params, body, principal }) {
      if (!(await deps.prisma.staffMember.findUnique({ where: { username: body.executiveUsername } }))) throw new ApiError(422, 'invalid_input', 'El ejecutivo no está en el directorio.');
      const data = { executiveUsername: body.executiveUsername, mailResponseMinutes: body.mailResponseMinutes ?? null, updatedBy: principal.name };
      await deps.prisma.clientServiceAssignment.upsert({ where: { clientRuc: params.ruc }, create: { clientRuc: params.ruc, ...data }, update: data });
      return { body: { clientRuc: params.ruc, ...data } };
    },
  });

  r.add({
    method: 'get', path: '/people/on-duty', tag: TAG, roles: OPERATORS, query: onDutyQuery,
    summary: 'Quién está de turno (por defecto ahora) y a quién escala cada materia (jefaturas funcionales)',
    responses: { 200: { description: 'onDuty, executive, bossesByMatter' } },
    async handler({ query }) {
      const at = new Date(query.at ?? Date.now()).toISOString();
      const dir = await store.directory(at);
      const view = (m: { username: string; name: string; position: string }) => ({ username: m.username, name: m.name, position: m.position });
      return {
        body: {
          at,
          onDuty: whoIsOnDuty(dir.staff, dir.shifts, dir.absences, at).map((d) => ({ ...view(d.member), coveringFor: d.coveringFor })),
          executive: (() => { const e = executiveOnDuty(dir.staff, dir.shifts, dir.absences, at); return e ? view(e) : null; })(),
          bossesByMatter: Object.fromEntries(MATTERS.map((m) => [m, functionalBosses(m, dir.staff, dir.absences, at).map(view)])),
        },
      };
    },
  });
}
