import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every setting of the worker and the API. Documented in .env.example and the README's table. */
export const configSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('levante'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('levante-dispatches'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgresql:// URL' }),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().positive().default(1025),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Levante <levante@agencia.example.pe>'),
  SUPERVISOR_FALLBACK_EMAIL: z.email().default('supervision@agencia.example.pe'),
  /** Receives the Friday weekend programming; unset → the supervisor roster. */
  OPERATIONS_EMAIL: z.email().optional(),
  TERMINAL_APMTC_URL: z.url().default('http://127.0.0.1:4010'),
  TERMINAL_DPWC_URL: z.url().default('http://127.0.0.1:4010'),
  TERMINAL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type Config = z.infer<typeof configSchema>;

/** Parses the environment once per entry point; fails fast naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
