/**
 * Error type names carried by ApplicationFailure.type, so callers (API, workflows, retry policies)
 * can tell a business rejection from a transient fault without parsing messages.
 */
export const ErrorType = {
  /** The operator asked for something the dispatch's current state does not allow. */
  InvalidTransition: 'InvalidTransition',
  /** Input that passed the schema but breaks a business rule. */
  InvalidInput: 'InvalidInput',
  /** The terminal refused a booking for a business reason (no slot, BL not found): retrying will not help. */
  TerminalRejected: 'TerminalRejected',
  /** A record that must exist does not. */
  NotFound: 'NotFound',
} as const;
export type ErrorType = (typeof ErrorType)[keyof typeof ErrorType];
