import { type Logger, pino } from 'pino';

export type { Logger };

/** JSON logs on stdout, one object a line, for any log collector. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'seminarhub-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}
