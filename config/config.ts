import { isIP } from 'node:net';
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
  /** The liquidation area: receives the liquidation file (JSON + PDF) of every closed dispatch (issue #14). */
  LIQUIDATION_EMAIL: z.email().default('liquidaciones@agencia.example.pe'),
  /** Administración: receives the daily report of advances, deposits and what is pending to invoice (issue #14). */
  ADMINISTRATION_EMAIL: z.email().default('administracion@agencia.example.pe'),
  /** Receives the Friday weekend programming; unset → the supervisor roster. */
  OPERATIONS_EMAIL: z.email().optional(),
  /** Inbound mail (issue #12): the mailbox the worker reads each minute; unset host → inbound mail off. */
  IMAP_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  IMAP_PORT: z.coerce.number().int().positive().default(993),
  IMAP_SECURE: bool.default(true),
  IMAP_USER: z.string().default(''),
  IMAP_PASSWORD: z.string().default(''),
  /** Comma-separated folders: the inbox and the folder where replies sent from a mail client are kept. */
  IMAP_FOLDERS: z.string().default('INBOX,Sent'),
  TERMINAL_APMTC_URL: z.url().default('http://127.0.0.1:4010'),
  TERMINAL_DPWC_URL: z.url().default('http://127.0.0.1:4010'),
  TERMINAL_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Set → `GET /metrics` of the API wants `Authorization: Bearer <token>`; unset or empty → open like /health. */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters (or empty: no token)').optional(),
  ),
  /**
   * Where the worker's Temporal runtime serves its Prometheus metrics (ip:port, e.g. 127.0.0.1:9464 or
   * 0.0.0.0:9464 in a container); empty → no metrics endpoint. An IP, not a host name: the SDK's core binds it as is.
   */
  WORKER_METRICS_ADDRESS: z
    .string()
    .default('127.0.0.1:9464')
    .refine((v) => v === '' || isSocketAddress(v), 'WORKER_METRICS_ADDRESS must be ip:port (e.g. 127.0.0.1:9464), or empty to turn it off'),
});
export type Config = z.infer<typeof configSchema>;

/** `1.2.3.4:port` or `[::1]:port`. */
function isSocketAddress(value: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  if (!match) return false;
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  return port <= 65535 && (match[1] ? isIP(host) === 6 : isIP(host) === 4);
}

/** The inbound mailbox's settings, or null when IMAP_HOST is unset (inbound mail is then off). */
export function imapSettingsOf(config: Config): ImapSettings | null {
  if (!config.IMAP_HOST) return null;
  const folders = config.IMAP_FOLDERS.split(',').map((f) => f.trim()).filter(Boolean);
  return { host: config.IMAP_HOST, port: config.IMAP_PORT, secure: config.IMAP_SECURE, user: config.IMAP_USER, password: config.IMAP_PASSWORD, folders };
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folders: string[];
}

/** Parses the environment once per entry point; fails fast naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
