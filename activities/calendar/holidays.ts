import Holidays from 'date-holidays';

/**
 * Entries the library marks public that are not national holidays in the official list: Colombia's Ley 51
 * de 1983 has no "Virgen de Chiquinquirá" (the library puts it on a Monday in July).
 */
const NOT_NATIONAL: Record<'PE' | 'CO', RegExp> = { PE: /^$/, CO: /Chiquinquir/i };

/**
 * National public holidays of Peru or Colombia for the given years, as local YYYY-MM-DD dates, from the
 * maintained `date-holidays` library. Only `public` days close offices; Sunday entries (Easter Sunday)
 * add nothing to a Monday–Friday calendar and are dropped.
 */
export function nationalHolidays(country: 'PE' | 'CO', years: number[]): string[] {
  const hd = new Holidays(country);
  const dates = years.flatMap((year) =>
    hd
      .getHolidays(year)
      .filter((h) => h.type === 'public' && !NOT_NATIONAL[country].test(h.name))
      .map((h) => h.date.slice(0, 10)),
  );
  return [...new Set(dates)]
    .filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 0)
    .sort();
}
