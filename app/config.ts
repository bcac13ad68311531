import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/agora.db')
    .refine((v) => v.startsWith('sqlite:') || v.startsWith('mongodb://') || v.startsWith('mongodb+srv://'), {
      message: 'must be sqlite:<path> or mongodb://…',
    }),
  PUBLIC_URL: optionalText.pipe(z.string().url().optional()),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'only A-Z, a-z, 0-9, _ and - (Telegram rule), 1-256 characters')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).optional(),
  VIBER_AUTH_TOKEN: optionalText,
  VIBER_API_ROOT: z.string().url().default('https://chatapi.viber.com/pa'),
  MICROSOFT_APP_ID: optionalText,
  WEBCHAT_SECRET: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  MICROSOFT_APP_PASSWORD: optionalText,
  ADMIN_EMAIL: optionalText.pipe(z.string().email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'at least 12 characters').optional()),
  LLM_MODEL: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z-]+:.+$/, 'provider:model, e.g. openai:gpt-4o-mini')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  /** PUBLIC_URL with its default applied (http://localhost:$PORT). */
  publicUrl: string;
  telegramMode: 'webhook' | 'polling';
}

/** Thrown with a message that names the offending variable, so a bad deployment says what to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment (DESIGN.md "Environment"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    ...e,
    publicUrl,
    telegramMode: e.TELEGRAM_MODE ?? (publicUrl.startsWith('https://') ? 'webhook' : 'polling'),
  };
}
