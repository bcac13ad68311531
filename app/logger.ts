import pino from 'pino';

export type Logger = pino.Logger;

/** One logger for the process; JSON lines to stdout (tests pass `silent`). */
export const createLogger = (level: string): Logger => pino({ level, base: { app: 'agora' } });
