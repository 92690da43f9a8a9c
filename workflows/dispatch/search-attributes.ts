import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { DispatchView } from '../../domain/dispatch-view';

// Typed keys of the custom search attributes (registered by the dev-server launcher from
// domain/search-attributes.ts; the names must match).
const keys = {
  DamNumber: defineSearchAttributeKey('DamNumber', SearchAttributeType.KEYWORD),
  ClientRuc: defineSearchAttributeKey('ClientRuc', SearchAttributeType.KEYWORD),
  Regime: defineSearchAttributeKey('Regime', SearchAttributeType.KEYWORD),
  Channel: defineSearchAttributeKey('Channel', SearchAttributeType.KEYWORD),
  Terminal: defineSearchAttributeKey('Terminal', SearchAttributeType.KEYWORD),
  DispatchStatus: defineSearchAttributeKey('DispatchStatus', SearchAttributeType.KEYWORD),
  NextDeadlineClock: defineSearchAttributeKey('NextDeadlineClock', SearchAttributeType.KEYWORD),
  ExecutiveId: defineSearchAttributeKey('ExecutiveId', SearchAttributeType.KEYWORD),
  NextDeadlineAt: defineSearchAttributeKey('NextDeadlineAt', SearchAttributeType.DATETIME),
  AtRisk: defineSearchAttributeKey('AtRisk', SearchAttributeType.BOOL),
  Overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
};

/** Upserts the dispatch's search attributes when they changed since the last call; returns the new fingerprint. */
export function syncSearchAttributes(view: DispatchView, executiveId: string, previous: string): string {
  const values = {
    DamNumber: view.damNumber ?? null,
    ClientRuc: view.client.ruc,
    Regime: view.regime,
    Channel: view.channel ?? null,
    Terminal: view.terminal,
    DispatchStatus: view.status,
    NextDeadlineClock: view.nextDeadline?.clock ?? null,
    ExecutiveId: executiveId,
    NextDeadlineAt: view.nextDeadline?.dueAt ?? null,
    AtRisk: view.atRisk,
    Overdue: view.overdue,
  };
  const fingerprint = JSON.stringify(values);
  if (fingerprint === previous) return previous;
  const before: Partial<Record<keyof typeof values, unknown>> = previous ? JSON.parse(previous) : {};
  const all: SearchAttributeUpdatePair[] = [
    { key: keys.DamNumber, value: values.DamNumber },
    { key: keys.ClientRuc, value: values.ClientRuc },
    { key: keys.Regime, value: values.Regime },
    { key: keys.Channel, value: values.Channel },
    { key: keys.Terminal, value: values.Terminal },
    { key: keys.DispatchStatus, value: values.DispatchStatus },
    { key: keys.NextDeadlineClock, value: values.NextDeadlineClock },
    { key: keys.ExecutiveId, value: values.ExecutiveId },
    { key: keys.NextDeadlineAt, value: values.NextDeadlineAt ? new Date(values.NextDeadlineAt) : null },
    { key: keys.AtRisk, value: values.AtRisk },
    { key: keys.Overdue, value: values.Overdue },
  ];
  // Send what changed; a null (absent) value only to remove one that was set before.
  const pairs = all.filter(({ key }) => {
    const name = key.name as keyof typeof values;
    return JSON.stringify(values[name]) !== JSON.stringify(before[name]) && (values[name] !== null || before[name] != null);
  });
  if (pairs.length > 0) upsertSearchAttributes(pairs);
  return fingerprint;
}
