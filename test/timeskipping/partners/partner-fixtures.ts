/** Partner test data shared by the partner tests: a Cartagena partner with short, round service times. */
import type { PrismaClient } from '../../../prisma/client';
import { createPrismaPartnerStore } from '../../../activities/partners';
import type { Partner } from '../../../domain/partners/partner';
import { uniqueId } from '../../support/env';

const HOUR = 3_600_000;

export const ACCOUNT_MANAGER = { name: 'Gestor de alianzas', email: 'gestor.alianzas@agencia.example.pe' };
export const PARTNER_CONTACT = { name: 'Coordinación Caribe', email: 'operaciones@caribe.example.co' };
export const MANAGER = { name: 'Gerente General', email: 'gerencia@agencia.example.pe' };

export function samplePartner(overrides: Partial<Partner> = {}): Partner {
  return {
    partnerId: uniqueId('ALZ').toUpperCase(),
    name: 'Aduanas del Caribe SAS',
    nit: '900123456-7',
    contacts: [PARTNER_CONTACT],
    accountManager: ACCOUNT_MANAGER,
    active: true,
    offices: [{ office: 'CTG', serviceTimes: { received: 9 * HOUR, declared: 18 * HOUR, inspection: 9 * HOUR, levante: 9 * HOUR, delivered: 18 * HOUR } }],
    ...overrides,
  };
}

/** Registers the partner and the management roster in the test's database. */
export async function seedPartner(prisma: PrismaClient, partner = samplePartner()): Promise<Partner> {
  const store = createPrismaPartnerStore(prisma);
  await store.upsertPartner(partner);
  await store.upsertManager(MANAGER);
  return partner;
}

/** The instant of a Bogotá wall-clock time (UTC−5 all year). */
export function bogota(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + (hour + 5) * HOUR + minute * 60_000);
}
