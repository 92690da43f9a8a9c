/** Alliance partners in Colombia: registry, operation state machine, clocks, control chart, non-conformities, evaluation. */
export * from './partner';
export * from './operation';
export * from './corrective-action';
export * from './control-chart';
export * from './evaluation';
export * from './evaluation-report';
export * from './notices-es';
export * from './ids';
export * from './operation-view';
export * from './contract';
