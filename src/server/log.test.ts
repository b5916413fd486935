import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { logResponse } from './log';

function answered(statusCode: number): { levels: string[]; request: FastifyRequest; reply: FastifyReply } {
  const levels: string[] = [];
  const log = { debug: () => levels.push('debug'), warn: () => levels.push('warn'), info: () => levels.push('info') };
  const request = { method: 'GET', url: '/api/inbox', log } as unknown as FastifyRequest;
  const reply = { statusCode, elapsedTime: 1.5 } as unknown as FastifyReply;
  return { levels, request, reply };
}

describe('logResponse', () => {
  it('writes a request at debug, and a 5xx at warn', async () => {
    for (const [status, level] of [[200, 'debug'], [404, 'debug'], [500, 'warn'], [503, 'warn']] as const) {
      const { levels, request, reply } = answered(status);
      await logResponse(request, reply);
      expect(levels).toEqual([level]);
    }
  });
});
