/** Client mandates (poder): the store of recorded mandates and the expiry reminder. */
export * from './mandate-store';
export { createMandateActivities, type MandateActivityDeps } from './mandates.activities';
