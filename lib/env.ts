import { z } from 'zod';

/**
 * Configuration, checked once. Everything the app and its launcher read from
 * the environment is declared here.
 */

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** A postgres:// or postgresql:// URL, with a message a person can act on. */
const DatabaseUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== ''
      );
    } catch {
      return false;
    }
  },
  {
    message:
      'DATABASE_URL is not a PostgreSQL URL (expected postgresql://USER:PASSWORD@HOST:5432/DATABASE)',
  },
);

export const LauncherEnv = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(DatabaseUrl.optional()),
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int()
    .min(1, 'PORT must be between 1 and 65535')
    .max(65535, 'PORT must be between 1 and 65535')
    .default(3000),
  /** Where the embedded database keeps its files. */
  COUNTERPOINT_DATA_DIR: z.string().min(1).default('.data'),
  /** Create the demo teacher and students on a real PostgreSQL too. */
  COUNTERPOINT_DEMO_ACCOUNTS: booleanFlag,
  /** Signs session cookies; every instance sharing a database needs the same one. */
  AUTH_SECRET: z
    .string()
    .min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)')
    .optional(),
  /** Print stack traces of start-up failures. */
  COUNTERPOINT_DEBUG: booleanFlag,
});

export const ServerEnv = z.object({
  DATABASE_URL: DatabaseUrl,
  /** "embedded" when the launcher started PGlite: one process, in-process event bus. */
  COUNTERPOINT_DB_MODE: z.enum(['embedded', 'postgres']).default('postgres'),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For
   * (nginx's $proxy_add_x_forwarded_for, a load balancer): the client's
   * address is that many entries from the right. 0 (the default): the app is
   * reached directly, and forwarded headers are ignored, since a client
   * writes them. See docs/SECURITY.md.
   */
  TRUSTED_PROXY_COUNT: z.coerce
    .number({ message: 'TRUSTED_PROXY_COUNT must be a whole number' })
    .int('TRUSTED_PROXY_COUNT must be a whole number')
    .min(0, 'TRUSTED_PROXY_COUNT must be 0 or more')
    .max(10, 'TRUSTED_PROXY_COUNT must be at most 10')
    .default(0),
  /**
   * Multiplies every rate limit (lib/server/rate-limits.ts). 1 by default;
   * higher only for a load test from one machine (bench/realtime.ts) or a
   * school whose many classes share one address.
   */
  COUNTERPOINT_RATE_LIMIT_FACTOR: z.coerce
    .number({ message: 'COUNTERPOINT_RATE_LIMIT_FACTOR must be a number' })
    .min(1, 'COUNTERPOINT_RATE_LIMIT_FACTOR must be at least 1')
    .default(1),
});

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/**
 * Password reset by email (lib/server/accounts/mailer.ts). Switched on when
 * SMTP_HOST and SMTP_FROM are set and AUTH_URL gives the app's public
 * address, from which the links in the mail are made (never from a
 * request's Host header, which a client writes).
 */
export const MailEnv = z.object({
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce
    .number({ message: 'SMTP_PORT must be a number' })
    .int()
    .min(1, 'SMTP_PORT must be between 1 and 65535')
    .max(65535, 'SMTP_PORT must be between 1 and 65535')
    .default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: booleanFlag,
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  /** The sender, e.g. "Counterpoint <no-reply@school.example>". */
  SMTP_FROM: optionalText,
  AUTH_URL: optionalText.pipe(
    z.url('AUTH_URL must be a URL such as https://debate.school').optional(),
  ),
});

/** @internal Exported for its unit test. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses `schema` from `source`, throwing one readable line on failure. */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const message = issue?.message ?? 'invalid configuration';
    throw new EnvError(message.includes(where) ? message : `${where}: ${message}`);
  }
  return result.data;
}
