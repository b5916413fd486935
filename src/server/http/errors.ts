import type { ErrorCode } from '../../shared/api';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, unsupported_media_type: 415, too_many_requests: 429, internal: 500, busy: 503,
};

/** An error the user should see: becomes `{error: {code, message}}` with the matching status. */
export class DeskError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '文稿'): DeskError => new DeskError('not_found', `${what}不存在`);
export const forbidden = (message = '没有权限执行此操作'): DeskError => new DeskError('forbidden', message);
export const unauthorized = (message = '请先登录'): DeskError => new DeskError('unauthorized', message);
