/** People and inbound mail: the staff directory, the communication log and the mailbox fetch. */
export * from './people-store';
export { createPrismaPeopleStore } from './prisma-people-store';
export { createImapMailboxReader, type MailboxReader, type FetchedMail } from './imap-mailbox';
export { activityContextMailClocks, type MailClocks } from './mail-clocks';
export { createInboundMailActivities, messageIdHash, type InboundMailDeps, type FetchResult } from './inbound-mail.activities';
export { createPrismaPeopleRecords, type PeopleRecords, type NewAgreement, type DispatchOwner } from './people-records';
export { createAgreementActivities, type AgreementDeps } from './agreement.activities';
export { createHandoverActivities, loadHandover, type HandoverDeps } from './handover.activities';
