import type { BusinessCalendar } from '../../domain/calendar';
import { colombiaCalendar, peruCalendar } from '../../domain/calendar';
import { nationalHolidays } from './holidays';

/** Non-working days decreed at short notice, stored in the database (narrow port). */
export interface DecreedDays {
  list(country: 'PE' | 'CO'): Promise<{ date: string }[]>;
}

/** Calendar activities: the workflow cannot read libraries or the database, so it asks for its calendar. */
export function createCalendarActivities(deps: { decreedDays: DecreedDays }) {
  return {
    /** Business calendar for `country` covering the years around `aroundIso` (national holidays + decreed days). */
    async loadBusinessCalendar(input: { country: 'PE' | 'CO'; aroundIso: string; years?: number }): Promise<BusinessCalendar> {
      const first = new Date(input.aroundIso).getUTCFullYear() - 1;
      const years = Array.from({ length: (input.years ?? 3) + 1 }, (_, i) => first + i);
      const decreed = (await deps.decreedDays.list(input.country)).map((d) => d.date.slice(0, 10));
      const holidays = [...nationalHolidays(input.country, years), ...decreed];
      return input.country === 'PE' ? peruCalendar(holidays) : colombiaCalendar(holidays);
    },
  };
}
