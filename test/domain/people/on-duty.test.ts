import { CLOCK_LABEL_ES, type ClockName } from '../../../domain/clocks';
import {
  COMPLAINT_CATEGORY_MATTER,
  DEFAULT_SHIFTS,
  executiveOnDuty,
  functionalBosses,
  isOnShift,
  matterOf,
  NIGHT_SHIFT,
  responsibleFor,
  whoIsOnDuty,
  type Absence,
  type StaffMember,
} from '../../../domain/people';

/** Lima local time → ISO UTC (UTC−5). */
const lima = (local: string) => new Date(`${local}:00-05:00`).toISOString();
const member = (username: string, position: StaffMember['position'], shiftId: string | null, executiveId?: string): StaffMember => ({
  username,
  name: username,
  email: `${username}@agencia.example.pe`,
  position,
  shiftId,
  executiveId,
  active: true,
});

const STAFF: StaffMember[] = [
  member('jorge.salas', 'esc', 'day', 'ESC-07'),
  member('ana.torres', 'esc', 'day', 'ESC-03'),
  member('luis.night', 'esc', 'night', 'ESC-21'),
  member('rosa.quispe', 'supervisora_seguimiento', 'day'),
  member('carlos.prod', 'jefe_produccion', null),
  member('elena.revisor', 'tecnico_revisor', null),
  member('marta.jefe', 'jefe_servicio_cliente', null),
  member('sara.sup', 'supervisora_servicio_cliente', 'day'),
];

describe('shifts', () => {
  it('the night shift runs Mon–Fri 22:00 to 08:00 the next morning, Lima time', () => {
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-02T22:00'))).toBe(true); // Wednesday 22:00
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-03T03:00'))).toBe(true); // Thursday 03:00 (refrigerio: still on duty)
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-03T08:00'))).toBe(false); // handover at 08:00
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-05T03:00'))).toBe(true); // Saturday 03:00 = Friday's night
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-05T22:00'))).toBe(false); // Saturday night: no shift starts
    expect(isOnShift(NIGHT_SHIFT, lima('2026-12-07T03:00'))).toBe(false); // Monday 03:00: Sunday started none
  });

  it('day shifts end where the next begins', () => {
    const [, day, afternoon] = DEFAULT_SHIFTS;
    expect(isOnShift(day!, lima('2026-12-03T08:00'))).toBe(true);
    expect(isOnShift(day!, lima('2026-12-03T17:00'))).toBe(false);
    expect(isOnShift(afternoon!, lima('2026-12-03T21:59'))).toBe(true);
    expect(isOnShift(afternoon!, lima('2026-12-03T22:00'))).toBe(false);
  });
});

describe('whoIsOnDuty', () => {
  it('at 03:00 only the night executive is on duty, and a client alert goes to them', () => {
    const at = lima('2026-12-03T03:00');
    expect(whoIsOnDuty(STAFF, DEFAULT_SHIFTS, [], at).map((d) => d.member.username)).toEqual(['luis.night']);
    expect(executiveOnDuty(STAFF, DEFAULT_SHIFTS, [], at, 'jorge.salas')?.username).toBe('luis.night');
  });

  it('in the day the titular executive gets the alert', () => {
    expect(executiveOnDuty(STAFF, DEFAULT_SHIFTS, [], lima('2026-12-03T10:00'), 'jorge.salas')?.username).toBe('jorge.salas');
  });

  it('an absence moves the executive’s work to the named substitute for its duration only', () => {
    const absences: Absence[] = [{ username: 'jorge.salas', substitute: 'ana.torres', startsAt: lima('2026-12-03T00:00'), endsAt: lima('2026-12-05T00:00'), reason: 'Vacaciones' }];
    const during = lima('2026-12-03T10:00');
    const duty = whoIsOnDuty(STAFF, DEFAULT_SHIFTS, absences, during);
    expect(duty.map((d) => d.member.username)).not.toContain('jorge.salas');
    expect(duty.find((d) => d.member.username === 'ana.torres')?.coveringFor).toEqual(['jorge.salas']);
    expect(executiveOnDuty(STAFF, DEFAULT_SHIFTS, absences, during, 'jorge.salas')?.username).toBe('ana.torres');
    // After it ends, the titular is back.
    expect(executiveOnDuty(STAFF, DEFAULT_SHIFTS, absences, lima('2026-12-07T10:00'), 'jorge.salas')?.username).toBe('jorge.salas');
  });

  it('follows a chain of substitutes and stops on a cycle', () => {
    const at = lima('2026-12-03T10:00');
    const window = { startsAt: lima('2026-12-01T00:00'), endsAt: lima('2026-12-10T00:00'), reason: 'Capacitación' };
    expect(responsibleFor([{ username: 'a', substitute: 'b', ...window }, { username: 'b', substitute: 'c', ...window }], 'a', at)).toBe('c');
    expect(responsibleFor([{ username: 'a', substitute: 'b', ...window }, { username: 'b', substitute: 'a', ...window }], 'a', at)).toBe('b');
  });
});

describe('functional bosses', () => {
  const at = lima('2026-12-03T03:00');

  it('a production escalation goes to the Jefe de Producción and the Técnico Revisor, not the tracking supervisor', () => {
    const bosses = functionalBosses(matterOf('dam_draft'), STAFF, [], at).map((b) => b.username);
    expect(bosses).toEqual(['carlos.prod', 'elena.revisor']);
    expect(bosses).not.toContain('rosa.quispe');
  });

  it('tracking matters go to the Supervisora de Seguimiento; complaints and cost contingencies to Servicio al Cliente', () => {
    expect(functionalBosses(matterOf('withdrawal'), STAFF, [], at).map((b) => b.username)).toEqual(['rosa.quispe']);
    expect(functionalBosses(matterOf('demurrage'), STAFF, [], at).map((b) => b.username)).toEqual(['marta.jefe', 'sara.sup']);
  });

  it('an absent boss is replaced by their substitute', () => {
    const absences: Absence[] = [{ username: 'carlos.prod', substitute: 'marta.jefe', startsAt: lima('2026-12-01T00:00'), endsAt: lima('2026-12-10T00:00'), reason: 'Descanso médico' }];
    expect(functionalBosses('production', STAFF, absences, at).map((b) => b.username)).toEqual(['marta.jefe', 'elena.revisor']);
  });

  it('maps every dispatch clock and complaint category to a matter', () => {
    const clocks = Object.keys(CLOCK_LABEL_ES) as ClockName[];
    expect(Object.fromEntries(clocks.map((c) => [c, matterOf(c)]))).toEqual({
      document_review: 'production',
      dam_draft: 'production',
      complaint_escalation: 'client_service',
      deferred_numbering: 'production',
      regularization_target: 'production',
      regularization_legal: 'production',
      regime_expiry: 'client_service',
      cargo_cutoff: 'tracking',
      export_shipment: 'tracking',
      levante_follow_up: 'tracking',
      senasa_inspection: 'tracking',
      // Money (money-clocks-2026-12): cost contingencies are Servicio al Cliente's; originals, Producción's.
      storage_free_time: 'client_service',
      detention_free_time: 'client_service',
      funds_wait: 'client_service',
      archive_originals: 'production',
      // outbound-regimes-2026-12: shipments of re-exports and reshipments are followed at the terminal.
      parent_regime_expiry: 'tracking',
      reshipment_term: 'tracking',
    });
    expect(new Set(Object.values(COMPLAINT_CATEGORY_MATTER))).toEqual(new Set(['client_service']));
    expect(['levante', 'withdrawal', 'terminal', 'container'].map(matterOf)).toEqual(['tracking', 'tracking', 'tracking', 'tracking']);
  });
});
