/** Scheduled reports (client status, supervisor digest, weekend programming, expiry sweep): pure data → Spanish text. */
export * from './client-report';
export * from './escalations';
export * from './expiry-sweep';
export * from './format';
export * from './next-step';
export * from './supervisor-digest';
export * from './weekend-programming';
export * from './administration-report';
