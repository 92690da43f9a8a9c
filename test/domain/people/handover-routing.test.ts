/** Which shifts change at an instant (the handover), who receives it, and the matter of each dispatch notice. */
import { DEFAULT_SHIFTS, handoverText, isRoutedNotice, noticeMatter, peopleOfShifts, shiftChangeAt, type StaffMember } from '../../../domain/people';

const lima = (local: string) => new Date(`${local}:00-05:00`).toISOString();
const member = (username: string, position: StaffMember['position'], shiftId: string | null): StaffMember => ({ username, name: username, email: `${username}@agencia.example.pe`, position, shiftId, active: true });
const ids = (change: ReturnType<typeof shiftChangeAt>) => change && { out: change.outgoing.map((s) => s.id), in: change.incoming.map((s) => s.id), from: change.outgoingFrom, until: change.incomingUntil };

test('shift changes follow the shifts: night → day on weekdays, afternoon → night at 22:00, none on Saturday 08:00 or Sunday', () => {
  // Wednesday 9 December 2026.
  expect(ids(shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-09T08:00')))).toEqual({ out: ['night'], in: ['day'], from: lima('2026-12-08T22:00'), until: lima('2026-12-09T17:00') });
  expect(ids(shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-09T22:00')))).toEqual({ out: ['afternoon'], in: ['night'], from: lima('2026-12-09T13:00'), until: lima('2026-12-10T08:00') });
  // Monday 08:00: no night shift ran on Sunday; Friday's night shift (ended Saturday 08:00) hands over its work.
  const monday = shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-07T08:00'))!;
  expect(ids(monday)).toEqual({ out: ['night'], in: ['day'], from: lima('2026-12-04T22:00'), until: lima('2026-12-07T17:00') });
  expect(monday.outgoingEndedAt).toBe(lima('2026-12-05T08:00'));
  expect(shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-12T08:00'))).toBeNull(); // Saturday: the night shift ends, nobody comes in
  expect(shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-13T22:00'))).toBeNull(); // Sunday
  expect(shiftChangeAt(DEFAULT_SHIFTS, lima('2026-12-09T10:00'))).toBeNull();
});

test('the handover goes to the incoming shift, a substitute covering an absent member included', () => {
  const staff = [member('nora', 'esc', 'night'), member('jorge', 'esc', 'day'), member('ana', 'esc', 'afternoon'), member('pedro', 'jefe_produccion', null)];
  const absences = [{ username: 'jorge', substitute: 'ana', startsAt: lima('2026-12-09T00:00'), endsAt: lima('2026-12-10T00:00'), reason: 'vacaciones' }];
  const at = lima('2026-12-09T08:00');
  const change = shiftChangeAt(DEFAULT_SHIFTS, at)!;
  expect(peopleOfShifts(staff, DEFAULT_SHIFTS, absences, at, change.incoming).map((m) => m.username)).toEqual(['ana']);
  expect(peopleOfShifts(staff, DEFAULT_SHIFTS, absences, lima('2026-12-09T07:59'), change.outgoing).map((m) => m.username)).toEqual(['nora']);
  const { subject, text } = handoverText({ change, outgoingPeople: [staff[0]!], incomingPeople: [staff[2]!], open: [], dueNext: [], agreementsDue: [], actions: [] });
  expect(subject).toBe('Entrega de turno 09/12/2026 08:00: 0 vencen en el turno, 0 abiertos');
  expect(text).toContain('Turno saliente: Turno noche (nora)');
});

test('each notice has the matter of its clock; client-facing emails are not routed', () => {
  const due = { dueAt: '2026-12-09T08:00:00Z', label: 'x' };
  expect(noticeMatter({ kind: 'deadline_missed', clock: 'document_review', ...due })).toBe('production');
  expect(noticeMatter({ kind: 'legal_deadline_at_risk', clock: 'regularization_legal', ...due })).toBe('production');
  expect(noticeMatter({ kind: 'complaint_escalation', complaint: 'x', category: 'demurrage', reportedAt: due.dueAt, dueAt: due.dueAt })).toBe('client_service');
  expect(noticeMatter({ kind: 'terminal_rejected', terminal: 'APMTC', step: 'cita', reason: 'x' })).toBe('tracking');
  expect(noticeMatter({ kind: 'regime_expiry_reminder', expiresAt: due.dueAt, daysBefore: 30 })).toBe('client_service');
  expect(isRoutedNotice({ kind: 'acknowledgement' })).toBe(false);
  expect(isRoutedNotice({ kind: 'cancelled', reason: 'x' })).toBe(false);
  expect(isRoutedNotice({ kind: 'deadline_reminder', clock: 'dam_draft', ...due })).toBe(true);
});
