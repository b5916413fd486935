import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError, ErrorCode } from '../../shared/api';
import { DeskError } from './errors';

function send(code: ErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

/** Every failure leaves as `{error: {code, message}}`; nothing unexpected leaks its internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DeskError, request, reply) => {
    if (error instanceof DeskError) {
      return reply.code(error.status).headers(error.headers).send(send(error.code, error.message));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(send('payload_too_large', '请求内容过大'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : 'bad_request';
      return reply.code(status).send(send(code, status === 400 ? '请求格式有误' : error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(send('internal', '服务器内部错误，请稍后重试'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(send('not_found', `没有这个接口：${request.method} ${request.url.split('?')[0]}`));
  });
}
