import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../shared/api';
import { LIMITS } from '../../shared/api';
import { DeskError } from '../errors';
import { HTTP_STATUS } from './errorStatus';
import { refusalFor } from './frameworkErrors';
import { installBodyDrain } from './bodyDrain';

function body(error: DeskError): ApiError {
  return { error: { code: error.code, message: error.message } };
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before a route is chosen (a path with broken
 * percent-encoding, a parameter over the length limit), answered like every other refusal.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = refusalFor(error, request) ?? new DeskError('bad_request', '请求地址有误');
  reply.code(HTTP_STATUS[refusal.code]).send(body(refusal));
}

/**
 * Every failure leaves as `{error: {code, message}}` with a Chinese message: the routes' own
 * DeskErrors as they are, Fastify's and its plugins' refusals translated (frameworkErrors.ts),
 * unknown routes as 404, and anything unexpected as a 500 that leaks nothing of its internals.
 * Bodies are accepted as JSON only (uploads as multipart, in their routes' scopes), and a body left
 * unread is drained before the answer (bodyDrain.ts).
 */
export function installErrorHandling(app: FastifyInstance): void {
  // Plain text would reach the routes as a string; it is refused like every other non-JSON body.
  app.removeContentTypeParser('text/plain');
  installBodyDrain(app, { maxBytes: LIMITS.drain, maxMs: 30_000 });
  app.setErrorHandler((error: FastifyError | DeskError, request, reply) => {
    if (error instanceof DeskError) return reply.code(HTTP_STATUS[error.code]).headers(error.headers).send(body(error));
    const refusal = refusalFor(error, request);
    if (refusal) return reply.code(HTTP_STATUS[refusal.code]).send(body(refusal));
    request.log.error({ err: error }, 'request failed');
    return reply.code(HTTP_STATUS.internal).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } } satisfies ApiError);
  });
  app.setNotFoundHandler((request, reply) => {
    const api = request.url.startsWith('/api/') || request.url === '/api';
    const refusal = new DeskError('not_found', api ? '没有这个接口，请检查请求的地址和方法' : '页面不存在');
    return reply.code(HTTP_STATUS[refusal.code]).send(body(refusal));
  });
}
