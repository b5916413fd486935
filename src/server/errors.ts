import type { ErrorCode } from '../shared/api';

/**
 * A refusal the user should see, thrown by any layer (stores, use cases, collaboration hooks, the
 * worker pool): a code and a Chinese message. Only the HTTP layer turns the code into a status
 * (http/errorStatus.ts); the body it sends is `{error: {code, message}}`, with `headers` added.
 */
export class DeskError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** `not_found`: 「<what>不存在」 (default 文稿). */
export const notFound = (what = '文稿'): DeskError => new DeskError('not_found', `${what}不存在`);
/** `forbidden`, with a message saying which right is missing. */
export const forbidden = (message = '没有权限执行此操作'): DeskError => new DeskError('forbidden', message);
/** `unauthorized`: no valid session. */
export const unauthorized = (message = '请先登录'): DeskError => new DeskError('unauthorized', message);
/** `forbidden`: the user may not edit this piece now (no right, or locked by the workflow). */
export const notEditable = (): DeskError => forbidden('此文稿当前不可编辑');
/** `conflict`: the piece's workflow state changed while the request was under way (someone else moved it first). */
export const stateChanged = (): DeskError => new DeskError('conflict', '文稿状态已被他人改变，请刷新后重试');
