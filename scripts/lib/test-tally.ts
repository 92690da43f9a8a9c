/**
 * Counting for the test runner's verdict: jest's JSON results per project, plus checks that are not jest
 * tests. Per-project lines are worded so that no CI reader mistakes them for a runner's closing line.
 */
import { readFileSync } from 'node:fs';

type Outcome = 'passed' | 'failed' | 'skipped';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  add(project: string, outcome: Outcome, n?: number): void;
  merge(other: Tally): void;
  /** One line per project, e.g. `unit project — 569 ok, 0 failing, 0 skipped`. */
  report(): string[];
  projects: Map<string, Record<Outcome, number>>;
}

export function emptyTally(): Tally {
  const projects = new Map<string, Record<Outcome, number>>();
  const t: Tally = {
    passed: 0,
    failed: 0,
    skipped: 0,
    projects,
    add(project, outcome, n = 1) {
      const counts = projects.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
      counts[outcome] += n;
      projects.set(project, counts);
      t[outcome] += n;
    },
    merge(other) {
      for (const [project, c] of other.projects) for (const o of ['passed', 'failed', 'skipped'] as const) if (c[o]) t.add(project, o, c[o]);
    },
    report() {
      return [...projects].map(([p, c]) => `${p} — ${c.passed} ok, ${c.failed} failing, ${c.skipped} skipped`);
    },
  };
  return t;
}

interface JestResults {
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

/** Reads jest's --json output; a suite that failed to load (no assertions, status failed) counts as one failure. */
export function jestTally(file: string): Tally | undefined {
  let results: JestResults;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as JestResults;
  } catch {
    return undefined;
  }
  const t = emptyTally();
  for (const suite of results.testResults) {
    const project = projectOf(suite.name);
    if (suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')) t.add(`${project} (suite failed to run)`, 'failed');
    for (const a of suite.assertionResults) t.add(project, a.status === 'passed' ? 'passed' : a.status === 'failed' ? 'failed' : 'skipped');
  }
  return t;
}

function projectOf(file: string): string {
  const m = /test\/(timeskipping|workflows|browser)\//.exec(file);
  if (m) return m[1]!;
  return /test\/(activities|api|prisma)\//.test(file) ? 'integration' : 'unit';
}
