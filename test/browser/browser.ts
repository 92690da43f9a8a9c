/**
 * Debian's Chromium driven by playwright-core (no browser download): the flags PLATFORM.md lists, screenshots kept
 * under LEVANTE_ARTIFACTS (default test-artifacts/), and an axe-core scan evaluated in the page (CDP evaluation is
 * not subject to the page's CSP, so the board's strict policy stays on while it runs).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function artifactsDir(): string {
  const dir = resolve(process.env.LEVANTE_ARTIFACTS ?? join(__dirname, '..', '..', 'test-artifacts'), 'browser');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A full-page PNG of the page, named for what it shows; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(artifactsDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** axe-core's WCAG 2.1 A/AA violations of the page, serious and critical ones only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
