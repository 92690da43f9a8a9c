/**
 * All activities of the dispatch worker, merged from one factory per external system. The worker's
 * composition root builds the dependencies once; workflows import only `type Activities`.
 */
import type { Contact } from '../domain/dispatch';
import { createCalendarActivities } from './calendar/calendar.activities';
import { createEmailActivities } from './email/email.activities';
import type { Mailer } from './email/mailer';
import { createRecordActivities, type PrismaRecordStore } from './records';
import { activityContextViews, createSupervisionActivities, type DispatchViews, type ReportQueries } from './reports';
import { createTerminalActivities, type ChargeDocumentStore, type TerminalClient } from './terminals';
import { createContractReminderActivities, createPartnerActivities, type ContractStore, type PartnerStore } from './partners';
import type { Terminal } from '../domain/dispatch';
import { createMandateActivities, type MandateStore } from './mandates';
import { createAgreementActivities, createHandoverActivities, createInboundMailActivities, type InboundMailDeps, type PeopleRecords } from './people';
import { createMoneyActivities, type MoneyActivityDeps } from './money/money.activities';
import { createLiquidationActivities, type LiquidationActivityDeps } from './money/liquidation.activities';
import { createAdministrationActivities, type AdministrationActivityDeps } from './money/administration.activities';

export interface ActivityDeps {
  store: PrismaRecordStore;
  mailer: Mailer;
  terminals: Record<Terminal, TerminalClient>;
  /** Where the terminal's proformas and liquidations are kept with their dispatch (amounts exact). */
  charges?: ChargeDocumentStore;
  fallbackSupervisor: Contact;
  /** Read-only queries of the scheduled reports (activities/reports). */
  reports: ReportQueries;
  /** Live dispatch views; defaults to querying the workflows through the activity context's client. */
  views?: DispatchViews;
  /** Records of the alliance partners in Colombia (activities/partners). */
  partners: PartnerStore;
  /** Staff directory, communication log and inbound mailbox (activities/people). */
  people: Omit<InboundMailDeps, 'mailer' | 'sentLog' | 'fallbackSupervisor'>;
  /** Clients' mandates (poder): the expiry reminders read the mandate in force (activities/mandates). */
  mandates: MandateStore;
  /** Written agreements and handover facts (activities/people/people-records.ts). */
  peopleRecords: PeopleRecords;
  /** Contracts with the alliance partners (activities/partners/contracts.ts). */
  contracts: ContractStore;
  /** Ledger and funds gate of the dispatches (activities/money). */
  money: MoneyActivityDeps['money'] & LiquidationActivityDeps['money'] & AdministrationActivityDeps['money'];
  /** Administración: receives its daily report of advances and what is pending to invoice (ADMINISTRATION_EMAIL). */
  administrationEmail?: string;
  /** The liquidation area's address: receives the liquidation file of each closed dispatch (LIQUIDATION_EMAIL). */
  liquidationEmail?: string;
}

export function createActivities(deps: ActivityDeps) {
  const { store } = deps;
  return {
    ...createRecordActivities({ readModel: store, glosas: store, incidents: store, appointments: store }),
    ...createEmailActivities({ mailer: deps.mailer, sentLog: store, roster: store, fallbackSupervisor: deps.fallbackSupervisor, people: deps.people.store, staff: deps.people.store }),
    ...createTerminalActivities({ terminals: deps.terminals, charges: deps.charges }),
    ...createCalendarActivities({ decreedDays: store }),
    ...createSupervisionActivities({
      queries: deps.reports,
      views: deps.views ?? activityContextViews,
      mailer: deps.mailer,
      sentLog: store,
      roster: store,
      fallbackSupervisor: deps.fallbackSupervisor,
      people: deps.people.store,
    }),
    ...createInboundMailActivities({ ...deps.people, mailer: deps.mailer, sentLog: store, fallbackSupervisor: deps.fallbackSupervisor }),
    ...createMandateActivities({ mandates: deps.mandates, people: deps.people.store, clients: store, mailer: deps.mailer, sentLog: store, fallbackSupervisor: deps.fallbackSupervisor }),
    ...createAgreementActivities({ records: deps.peopleRecords, people: deps.people.store, mailer: deps.mailer, sentLog: store, fallbackSupervisor: deps.fallbackSupervisor }),
    ...createHandoverActivities({ records: deps.peopleRecords, people: deps.people.store, mailer: deps.mailer, sentLog: store, fallbackSupervisor: deps.fallbackSupervisor }),
    ...createContractReminderActivities({ contracts: deps.contracts, managers: () => deps.partners.activeManagers(), fallbackManager: deps.fallbackSupervisor, mailer: deps.mailer, sentLog: store }),
    ...createPartnerActivities({ store: deps.partners, mailer: deps.mailer, sentLog: store, fallbackManager: deps.fallbackSupervisor, contracts: deps.contracts }),
    ...createMoneyActivities({ money: deps.money }),
    ...createAdministrationActivities({ money: deps.money, mailer: deps.mailer, sentLog: store, administrationEmail: deps.administrationEmail ?? 'administracion@agencia.example.pe' }),
    ...createLiquidationActivities({ money: deps.money, mailer: deps.mailer, sentLog: store, liquidationEmail: deps.liquidationEmail ?? 'liquidaciones@agencia.example.pe' }),
  };
}

/** The activity functions workflows proxy (types only inside workflow code). */
export type Activities = ReturnType<typeof createActivities>;
