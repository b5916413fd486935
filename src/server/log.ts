import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout (pino): one line per event, machine-readable. */
export function createLogger(level = process.env.WENGAO_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'wengao-desk' } });
}

/**
 * onResponse hook, in place of Fastify's two info lines per request: one line, at debug for every
 * answer below 500 (a poll or a 404 is not news), at warn for a 5xx (whose error the error handler
 * has logged at error).
 */
export async function logResponse(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) };
  if (reply.statusCode >= 500) request.log.warn(line, 'request failed');
  else request.log.debug(line, 'request completed');
}
