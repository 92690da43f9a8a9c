/**
 * Clocks of the import path (lifecycle feature import-steps-2026-12): the levante follow-up per channel
 * (seed 2.3.6) and the SENASA inspection (seed 2.3.3). Durations are policy data; a client agreement overrides them.
 *
 * ASSUMPTIONS for the defaults (the broker's own targets, not legal terms; change them here or per client):
 * after the channel, the levante is expected within 1 day on green (no review), 2 days on orange (documentary
 * review) and 3 days on red (physical inspection); the executive is reminded 6 hours before. SENASA's inspector
 * comes on the scheduled date: the executive is reminded 1 day before, and the inspection report is expected
 * within 1 day of the inspection (alert to executive and supervisors when it is not recorded).
 */
import type { Channel } from '../dispatch';
import { DAY, HOUR } from '../durations';
import { hasFeature, LIFECYCLE_FEATURES, type DispatchState } from '../lifecycle';

export interface ImportClockPolicy {
  levanteFollowUpMs: Record<Channel, number>;
  levanteReminderBeforeMs: number;
  senasaReminderBeforeMs: number;
  senasaReportMs: number;
}

export const DEFAULT_IMPORT_CLOCKS: ImportClockPolicy = {
  levanteFollowUpMs: { verde: 1 * DAY, naranja: 2 * DAY, rojo: 3 * DAY },
  levanteReminderBeforeMs: 6 * HOUR,
  senasaReminderBeforeMs: 1 * DAY,
  senasaReportMs: 1 * DAY,
};

/** The import clocks of a policy: its overrides over the defaults. */
export function importClocks(p: Partial<ImportClockPolicy>): ImportClockPolicy {
  return {
    levanteFollowUpMs: { ...DEFAULT_IMPORT_CLOCKS.levanteFollowUpMs, ...p.levanteFollowUpMs },
    levanteReminderBeforeMs: p.levanteReminderBeforeMs ?? DEFAULT_IMPORT_CLOCKS.levanteReminderBeforeMs,
    senasaReminderBeforeMs: p.senasaReminderBeforeMs ?? DEFAULT_IMPORT_CLOCKS.senasaReminderBeforeMs,
    senasaReportMs: p.senasaReportMs ?? DEFAULT_IMPORT_CLOCKS.senasaReportMs,
  };
}

/** levante_follow_up: channel → levante; senasa_inspection: scheduled inspection → its report recorded. */
export type ImportClockName = 'levante_follow_up' | 'senasa_inspection';

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The import clocks still open: `{ clock, dueAt, ref }`; none for dispatches opened before the feature. */
export function importDeadlines(s: DispatchState, p: Partial<ImportClockPolicy>): { clock: ImportClockName; dueAt: string; ref: string }[] {
  if (!hasFeature(s, LIFECYCLE_FEATURES.importSteps) || s.direction !== 'import') return [];
  const policy = importClocks(p);
  const list: { clock: ImportClockName; dueAt: string; ref: string }[] = [];
  if (s.channel && s.channelAssignedAt && !s.levanteAt) {
    list.push({ clock: 'levante_follow_up', dueAt: plus(s.channelAssignedAt, policy.levanteFollowUpMs[s.channel]), ref: `levante-${s.channel}` });
  }
  const senasa = s.inspections?.senasa;
  if (s.restrictedGoods && senasa && !s.senasaReportAt) {
    // Due when the report is expected; the ref carries the scheduled time, so a re-scheduled inspection gets
    // its own reminder (the day before it) and its own alert.
    list.push({ clock: 'senasa_inspection', dueAt: plus(senasa.scheduledFor, policy.senasaReportMs), ref: `senasa-${senasa.scheduledFor}` });
  }
  return list;
}
