/** Contracts with alliance partners: which one is in force, the Spanish refusal, the expiry reminder thresholds. */
import { contractInForce, contractRefusal, contractReminderDue, type PartnerContract } from '../../../domain/partners/contract';

const contract = (over: Partial<PartnerContract> = {}): PartnerContract => ({ partnerId: 'ALZ-CTG-01', reference: 'CT-2026-01', startsOn: '2026-01-01', endsOn: '2026-12-31', offices: ['CTG'], serviceTimesHours: {}, ...over });

test('in force on its first and last Bogotá day, not the day after', () => {
  expect(contractInForce([contract()], 'CTG', '2026-01-01T05:00:00Z')?.reference).toBe('CT-2026-01');
  expect(contractInForce([contract()], 'CTG', '2027-01-01T04:59:00Z')?.reference).toBe('CT-2026-01'); // 31 Dec 23:59 Bogotá
  expect(contractInForce([contract()], 'CTG', '2027-01-01T05:00:00Z')).toBeUndefined();
});

test('refusals name the reason in Spanish; no contract on record refuses nothing', () => {
  expect(contractRefusal('Caribe', [], 'CTG', '2027-02-01T15:00:00Z')).toBeNull();
  expect(contractRefusal('Caribe', [contract()], 'CTG', '2027-02-01T15:00:00Z')).toBe('El contrato CT-2026-01 con Caribe venció el 2026-12-31: renueve el contrato antes de asignarle operaciones.');
  expect(contractRefusal('Caribe', [contract()], 'BAQ', '2026-06-01T15:00:00Z')).toBe('El contrato con Caribe no cubre la aduana de Barranquilla: no se le puede asignar la operación.');
  expect(contractRefusal('Caribe', [contract({ startsOn: '2026-07-01' })], 'CTG', '2026-06-01T15:00:00Z')).toMatch(/recién entra en vigor el 2026-07-01/);
  expect(contractRefusal('Caribe', [contract({ endsOn: '2026-05-31' }), contract({ reference: 'CT-2026-02', startsOn: '2026-06-01' })], 'CTG', '2026-06-01T15:00:00Z')).toBeNull();
});

test('the reminder due is the nearest threshold not yet passed: 60, 30, 7 days, the last day', () => {
  const c = contract();
  expect(contractReminderDue(c, '2026-10-01T15:00:00Z')).toBeUndefined(); // 91 days left
  expect(contractReminderDue(c, '2026-11-01T15:00:00Z')).toBe(60);
  expect(contractReminderDue(c, '2026-12-01T15:00:00Z')).toBe(30);
  expect(contractReminderDue(c, '2026-12-26T15:00:00Z')).toBe(7);
  expect(contractReminderDue(c, '2026-12-31T15:00:00Z')).toBe(0);
  expect(contractReminderDue(c, '2027-01-01T15:00:00Z')).toBeUndefined();
});
