/**
 * The people around the dispatches (issue 15): who is on duty now (and whom each matter escalates to), the staff
 * directory with shifts and absences, and the triage list of emails no dispatch could be matched to.
 */
import type { Request, Response, Router } from 'express';
import { createPrismaPeopleStore } from '../../../activities/people';
import { functionalBosses, MATTER_LABEL_ES, MATTERS, POSITION_LABEL_ES, whoIsOnDuty } from '../../../domain/people';
import { OPERATORS } from '../../principal';
import { allowed, sessionOf, type Board } from './board-context';
import { limaDateTime } from './format';
import { html } from './html';
import { page } from './layout';

const TRIAGE_REASON_ES: Record<string, string> = { no_reference: 'Sin referencia a un despacho', ambiguous: 'Referencia ambigua (varios despachos)' };

export function registerPeoplePages(router: Router, board: Board): void {
  const store = createPrismaPeopleStore(board.deps.prisma);

  router.get('/personal', async (_req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const now = new Date().toISOString();
    const dir = await store.directory(now);
    const duty = whoIsOnDuty(dir.staff, dir.shifts, dir.absences, now);
    const nameOf = (username: string) => dir.staff.find((m) => m.username === username)?.name ?? username;
    const shiftName = (id: string | null) => (id ? (dir.shifts.find((s) => s.id === id)?.name ?? id) : 'Horario de oficina');
    res.type('html').send(page({
      title: 'Personal y turnos',
      session: sessionOf(res),
      current: 'personal',
      body: html`<h1>Personal y turnos</h1>
        <section aria-labelledby="turno"><h2 id="turno">De turno ahora (${limaDateTime(now)})</h2>
          ${duty.length === 0 ? html`<p>Nadie de turno en este momento.</p>` : html`<table><thead><tr><th scope="col">Persona</th><th scope="col">Cargo</th><th scope="col">Turno</th><th scope="col">Cubre a</th></tr></thead><tbody>
          ${duty.map((d) => html`<tr><td>${d.member.name}</td><td>${POSITION_LABEL_ES[d.member.position]}</td><td>${shiftName(d.member.shiftId)}</td><td>${d.coveringFor.map(nameOf).join(', ') || '—'}</td></tr>`)}
          </tbody></table>`}
        </section>
        <section aria-labelledby="jefaturas"><h2 id="jefaturas">A quién se escala cada materia</h2>
          <ul>${MATTERS.map((m) => html`<li>${MATTER_LABEL_ES[m]}: ${functionalBosses(m, dir.staff, dir.absences, now).map((b) => `${b.name} (${POSITION_LABEL_ES[b.position]})`).join(', ') || 'nadie registrado (va al supervisor de turno)'}</li>`)}</ul>
        </section>
        <section aria-labelledby="ausencias"><h2 id="ausencias">Ausencias vigentes y próximas</h2>
          ${dir.absences.length === 0 ? html`<p>Sin ausencias registradas.</p>` : html`<table><thead><tr><th scope="col">Persona</th><th scope="col">Reemplazo</th><th scope="col">Desde</th><th scope="col">Hasta</th><th scope="col">Motivo</th></tr></thead><tbody>
          ${dir.absences.map((a) => html`<tr><td>${nameOf(a.username)}</td><td>${nameOf(a.substitute)}</td><td>${limaDateTime(a.startsAt)}</td><td>${limaDateTime(a.endsAt)}</td><td>${a.reason}</td></tr>`)}
          </tbody></table>`}
        </section>
        <section aria-labelledby="directorio"><h2 id="directorio">Directorio</h2>
          ${dir.staff.length === 0 ? html`<p>El directorio está vacío: los avisos van al ejecutivo del despacho y al supervisor de turno.</p>` : html`<table><thead><tr><th scope="col">Persona</th><th scope="col">Cargo</th><th scope="col">Código</th><th scope="col">Turno</th><th scope="col">Correo</th><th scope="col">Activo</th></tr></thead><tbody>
          ${dir.staff.map((m) => html`<tr><td>${m.name}</td><td>${POSITION_LABEL_ES[m.position]}</td><td>${m.executiveId ?? '—'}</td><td>${shiftName(m.shiftId)}</td><td>${m.email}</td><td>${m.active ? 'Sí' : 'No'}</td></tr>`)}
          </tbody></table>`}
        </section>`,
    }));
  });

  router.get('/clasificacion', async (_req: Request, res: Response) => {
    if (!allowed(res, OPERATORS)) return;
    const items = await board.deps.prisma.communicationEntry.findMany({ where: { dispatchId: null }, orderBy: { occurredAt: 'asc' }, take: 200 });
    res.type('html').send(page({
      title: 'Correos por clasificar',
      session: sessionOf(res),
      current: 'clasificacion',
      body: html`<h1>Correos por clasificar</h1>
        <p class="lead">Correos que no se pudieron asociar a un despacho (sin referencia o con varias posibles). Se asignan con <code>POST /communications/:entryId/file</code>.</p>
        ${items.length === 0 ? html`<p>No hay correos por clasificar.</p>` : html`<table><thead><tr><th scope="col">Recibido</th><th scope="col">De</th><th scope="col">Asunto</th><th scope="col">Motivo</th><th scope="col">Buzón</th></tr></thead><tbody>
        ${items.map((e) => html`<tr><td>${limaDateTime(e.occurredAt)}</td><td>${e.fromAddress ?? '—'}</td><td>${e.subject}</td><td>${TRIAGE_REASON_ES[e.triageReason ?? ''] ?? e.triageReason ?? '—'}</td><td>${e.mailbox ?? '—'}</td></tr>`)}
        </tbody></table>`}`,
    }));
  });
}
