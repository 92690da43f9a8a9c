/** Request schemas of a client's mandates (poder): dates are Lima calendar days. */
import { z } from 'zod';
import { day, line } from './common.schemas';

/** A mandate granted (or renewed) by the client: its Lima days and SUNAT's reference. */
export const postMandateBody = z.strictObject({
  grantedAt: day,
  expiresAt: day,
  reference: line(60),
});
