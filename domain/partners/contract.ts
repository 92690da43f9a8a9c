/**
 * Contracts with alliance partners (annex "contratos con alianzas" of seeds/004): each has a term (first and
 * last day in force, Bogotá dates, inclusive), the customs offices it covers and the service times agreed in
 * it. An operation is assigned only under a contract in force at the office; management is reminded before a
 * contract ends. Imports and exports are controlled apart (the seed's two paragraphs): an operation says which.
 */
import { BOGOTA_UTC_OFFSET_MINUTES, formatAtOffset } from '../calendar';
import { OFFICE_LABEL_ES, type CustomsOffice } from './partner';

/** 'YYYY-MM-DD' of the instant in Bogotá. */
export function bogotaDate(instant: string): string {
  const [d, m, y] = formatAtOffset(instant, BOGOTA_UTC_OFFSET_MINUTES).slice(0, 10).split('/');
  return `${y}-${m}-${d}`;
}

export const OPERATION_DIRECTIONS = ['import', 'export'] as const;
export type OperationDirection = (typeof OPERATION_DIRECTIONS)[number];
export const DIRECTION_LABEL_ES: Record<OperationDirection, string> = { import: 'Importaciones', export: 'Exportaciones' };

export interface PartnerContract {
  partnerId: string;
  reference: string;
  /** 'YYYY-MM-DD', first day in force. */
  startsOn: string;
  /** 'YYYY-MM-DD', last day in force. */
  endsOn: string;
  offices: CustomsOffice[];
  /** Agreed service times in business hours per milestone, as written in the contract. */
  serviceTimesHours: Record<string, number>;
}

/** Reminders to management this many days before a contract's last day (and on it). */
export const CONTRACT_REMINDER_DAYS = [60, 30, 7, 0] as const;

/** The contract in force at the office on the instant's Bogotá date, if any. */
export function contractInForce(contracts: readonly PartnerContract[], office: CustomsOffice, instant: string): PartnerContract | undefined {
  const day = bogotaDate(instant);
  return contracts.find((c) => c.offices.includes(office) && c.startsOn <= day && day <= c.endsOn);
}

/**
 * Why an operation cannot be assigned to the partner at the office on the instant (Spanish), or null when a
 * contract in force covers it. A partner with no contract on record is not refused (partners registered before
 * contracts were kept): the refusal applies from its first contract on.
 */
export function contractRefusal(partnerName: string, contracts: readonly PartnerContract[], office: CustomsOffice, instant: string): string | null {
  if (contracts.length === 0 || contractInForce(contracts, office, instant)) return null;
  const day = bogotaDate(instant);
  const atOffice = contracts.filter((c) => c.offices.includes(office));
  if (atOffice.length === 0) return `El contrato con ${partnerName} no cubre la aduana de ${OFFICE_LABEL_ES[office]}: no se le puede asignar la operación.`;
  const last = [...atOffice].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0]!;
  if (last.endsOn < day) return `El contrato ${last.reference} con ${partnerName} venció el ${last.endsOn}: renueve el contrato antes de asignarle operaciones.`;
  const next = [...atOffice].filter((c) => c.startsOn > day).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0]!;
  return `El contrato ${next.reference} con ${partnerName} recién entra en vigor el ${next.startsOn}: no se le puede asignar la operación antes.`;
}

/** Whole days from the instant's Bogotá date to the contract's last day (0 on the last day, negative after). */
export function daysLeft(contract: PartnerContract, instant: string): number {
  return Math.round((Date.parse(`${contract.endsOn}T00:00:00Z`) - Date.parse(`${bogotaDate(instant)}T00:00:00Z`)) / 86_400_000);
}

/** The reminder due for the contract on the instant (the nearest threshold not yet passed), or undefined. */
export function contractReminderDue(contract: PartnerContract, instant: string): number | undefined {
  const left = daysLeft(contract, instant);
  if (left < 0) return undefined;
  return [...CONTRACT_REMINDER_DAYS].sort((a, b) => a - b).find((t) => left <= t);
}
