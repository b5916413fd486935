import type { Socket } from 'node:net';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/api';
import { DeskError } from '../errors';

/** Megabytes as the user reads them: `2 MB`, `0.5 MB`. */
export function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/**
 * Fastify's and @fastify/multipart's own refusals, by error code: their messages are English and
 * never reach the user; these do.
 */
const BY_CODE: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', '不支持这种请求内容格式：请以 JSON 提交，上传文件请用表单上传'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', '请求内容为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad_request', '请求内容不是有效的 JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', '请求内容的长度与声明的不一致'],
  FST_ERR_BAD_URL: ['bad_request', '请求地址有误'],
  FST_ERR_INVALID_URL: ['bad_request', '请求地址有误'],
  FST_ERR_MAX_PARAM_LENGTH: ['bad_request', '请求地址过长'],
  FST_ERR_NOT_FOUND: ['not_found', '没有找到请求的内容'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['bad_request', '请选择要上传的文件'],
  FST_REQ_FILE_TOO_LARGE: ['payload_too_large', '上传的文件过大'],
  FST_FILES_LIMIT: ['bad_request', '一次只能上传一个文件'],
  FST_PARTS_LIMIT: ['bad_request', '表单中的内容过多'],
  FST_FIELDS_LIMIT: ['bad_request', '表单中的字段过多'],
  FST_PROTO_VIOLATION: ['bad_request', '表单中有不允许的字段名'],
  FST_INVALID_JSON_FIELD_ERROR: ['bad_request', '表单字段不是有效的 JSON'],
  FST_MP_PREMATURE_CLOSE: ['bad_request', '上传未完成，连接已中断'],
};

/** What a status says when nothing more specific is known. */
const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['bad_request', '请求有误'],
  401: ['unauthorized', '请先登录'],
  403: ['forbidden', '没有权限执行此操作'],
  404: ['not_found', '没有找到请求的内容'],
  408: ['bad_request', '请求超时，请重试'],
  409: ['conflict', '操作冲突，请刷新后重试'],
  413: ['payload_too_large', '请求内容过大'],
  415: ['unsupported_media_type', '不支持这种请求内容格式'],
  429: ['too_many_requests', '操作太频繁，请稍后再试'],
};

/**
 * The Chinese refusal for an error Fastify, a plugin or a parser raised (anything but a DeskError),
 * or null for a server fault (5xx, or an error with no status), which stays an internal error.
 */
export function refusalFor(error: FastifyError, request: FastifyRequest): DeskError | null {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new DeskError('payload_too_large', `请求内容不能超过 ${megabytes(request.routeOptions.bodyLimit)}`);
  }
  const known = BY_CODE[error.code];
  if (known) return new DeskError(...known);
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  const [code, message] = BY_STATUS[status] ?? BY_STATUS[400];
  return new DeskError(code, message);
}

/** What Node's HTTP parser refuses before any route sees the request, by its error code. */
const CLIENT_ERRORS: Record<string, [status: number, reason: string, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', '请求超时，请重试'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求头过大'],
};

/**
 * Fastify's `clientErrorHandler`: a request Node cannot parse (a malformed request line or header,
 * headers over the limit, a timeout) is answered as every refusal is, `{error: {code, message}}` in
 * Chinese. The answer goes with a FIN (`end`, as Node documents for `clientError`) rather than
 * Fastify's immediate `destroy`, which resets a client still sending its headers before it reads the
 * answer; the socket is destroyed a little later whatever the client does.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', '请求格式有误，无法识别'];
  const payload = JSON.stringify({ error: { code: 'bad_request', message } });
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${payload}`);
  setTimeout(() => socket.destroy(), 2_000).unref();
}
