/**
 * Business calendar (Peru and Colombia): business days, business hours and business-time arithmetic,
 * pure and data-driven. Definitions in business-calendar.ts.
 */
export type { BusinessCalendar } from './calendar.types';
export * from './business-calendar';
export * from './business-time';
export * from './holidays';
export { addCalendarMonths } from './calendar-months';
export { formatAtOffset, formatLocal, localDate, parseInstant } from './local-time';
