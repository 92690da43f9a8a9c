/** The chaos suite's one table, then what failed and what is worth knowing, per scenario. */
import type { ScenarioRow } from './chaos-scenarios';

export const verdictOf = (row: ScenarioRow) => (row.problems.length === 0 ? 'PASS' : 'FAIL');

export function printReport(rows: ScenarioRow[], print: (line: string) => void = console.log): void {
  const header = ['scenario', 'dispatches', 'completed', 'emails exp/recv/dup', 'bookings exp/made/dup', 'read model', '503 seen', 'recovery', 'took', 'verdict'];
  const cells = rows.map((r) => [
    `(${r.scenario.key}) ${r.scenario.title}`,
    String(r.dispatches),
    String(r.completed),
    `${r.emails.expected}/${r.emails.received}/${r.emails.duplicates}`,
    `${r.bookings.expected}/${r.bookings.made}/${r.bookings.duplicates}`,
    r.rowsOk ? 'ok' : 'LOST/WRONG',
    r.scenario.apiDependency ? String(r.seen503) : `n/a (${r.seen503})`,
    r.recoverySeconds !== undefined ? `${r.recoverySeconds.toFixed(1)} s` : r.scenario.apiDependency ? 'never' : 'n/a',
    `${Math.round(r.seconds)} s`,
    verdictOf(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  print('');
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) print(line(c));
  print('');
  for (const r of rows) {
    for (const p of r.problems) print(`(${r.scenario.key}) FAILED: ${p}`);
    for (const n of r.notes) print(`(${r.scenario.key}) note: ${n}`);
  }
  print(
    'emails: one per expected notification, by Message-ID at the SMTP sink; bookings: appointments, BL assignments and ' +
      'container returns at the simulator; 503 seen: answers with Retry-After while the dependency was down (n/a: the API ' +
      'does not depend on SMTP or the terminals); recovery: from healing to /health, a live read and a validator answering again.',
  );
}
