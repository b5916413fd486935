import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout (pino): one line per event, machine-readable. */
export function createLogger(level = process.env.WENGAO_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'wengao-desk' } });
}
