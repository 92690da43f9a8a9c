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
  const dates = years.flatMap((year) => holidaysOfYear(country, year));
  return [...new Set(dates)].sort();
}

/**
 * One country's year, computed once per process: the library's rules are static data, and computing a year costs
 * milliseconds of CPU (date parsing, rule merging), which every calendar load would otherwise pay again.
 */
const computed = new Map<string, readonly string[]>();
function holidaysOfYear(country: 'PE' | 'CO', year: number): readonly string[] {
  const key = `${country}-${year}`;
  let dates = computed.get(key);
  if (!dates) {
    dates = new Holidays(country)
      .getHolidays(year)
      .filter((h) => h.type === 'public' && !NOT_NATIONAL[country].test(h.name))
      .map((h) => h.date.slice(0, 10))
      .filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 0);
    computed.set(key, dates);
  }
  return dates;
}
