/**
 * The broker's people as data: each staff member's position (cargo) and shift, and absences that hand an
 * executive's work to a named substitute for their duration (seed 1.3: support "ante la ausencia del personal").
 * A staff member is linked by `username` to a board account (staff_accounts) when they have one.
 */

/**
 * Positions (cargos) of seed 3.1: the ESC (ejecutivo de servicio al cliente) and the assistants, and the bosses
 * the ESC reports to, line (servicio al cliente) or functional (producción).
 */
export const POSITIONS = [
  'esc',
  'asistente_produccion',
  'asistente_seguimiento',
  'jefe_servicio_cliente',
  'supervisora_servicio_cliente',
  'supervisora_seguimiento',
  'jefe_produccion',
  'tecnico_revisor',
] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABEL_ES: Record<Position, string> = {
  esc: 'Ejecutivo(a) de Servicio al Cliente',
  asistente_produccion: 'Asistente de Producción',
  asistente_seguimiento: 'Asistente de Seguimiento',
  jefe_servicio_cliente: 'Jefe de Servicio al Cliente',
  supervisora_servicio_cliente: 'Supervisor(a) de Servicio al Cliente',
  supervisora_seguimiento: 'Supervisor(a) de Seguimiento',
  jefe_produccion: 'Jefe de Producción y Legal Operativo',
  tecnico_revisor: 'Técnico Revisor',
};

export interface StaffMember {
  /** Same as the board account's username when the person has one (e.g. "jorge.salas"). */
  username: string;
  name: string;
  email: string;
  position: Position;
  /** Staff code of an executive (ESC-07): what dispatches name. */
  executiveId?: string | null;
  /** Id of the person's shift (shifts.ts); null = office hours, not on a rota. */
  shiftId: string | null;
  active: boolean;
}

/** An absence: from `startsAt` (included) to `endsAt` (excluded), `substitute` takes the person's work. */
export interface Absence {
  username: string;
  substitute: string;
  startsAt: string;
  endsAt: string;
  /** Why (vacaciones, descanso médico, capacitación…): recorded, shown to supervisors. */
  reason: string;
}

/** The absence of `username` covering the instant, if any. */
export function absenceAt(absences: readonly Absence[], username: string, instant: string): Absence | undefined {
  const t = Date.parse(instant);
  return absences.find((a) => a.username === username && Date.parse(a.startsAt) <= t && t < Date.parse(a.endsAt));
}

/**
 * Who does `username`'s work at the instant: the person, or their substitute when absent (and the substitute's
 * substitute when that one is absent too). A cycle of absences ends at the last person not yet visited.
 */
export function responsibleFor(absences: readonly Absence[], username: string, instant: string): string {
  const seen = new Set<string>([username]);
  let current = username;
  for (let a = absenceAt(absences, current, instant); a && !seen.has(a.substitute); a = absenceAt(absences, current, instant)) {
    current = a.substitute;
    seen.add(current);
  }
  return current;
}

/** What is wrong with an absence (empty when valid), in Spanish for the API. */
export function absenceProblems(a: Absence): string[] {
  const problems: string[] = [];
  if (!(Date.parse(a.startsAt) < Date.parse(a.endsAt))) problems.push('La ausencia debe terminar después de empezar.');
  if (a.substitute === a.username) problems.push('El reemplazo debe ser otra persona.');
  return problems;
}
