import type { WebSocketLike } from '@hocuspocus/server';

/**
 * The Chinese reason for each close reason Hocuspocus 4.7 writes itself (@hocuspocus/common's
 * CloseEvents), so that a client other than the app still reads why its socket was closed. A close
 * frame's reason holds at most 123 bytes of UTF-8: each of these is well under (3 bytes a character).
 */
const CLOSE_REASONS: Readonly<Record<string, string>> = {
  // Hocuspocus closes with 4401 Unauthorized when a first message cannot be read at all.
  Unauthorized: '无法识别的消息，连接已断开',
  Forbidden: '没有权限，连接已断开',
  'Reset Connection': '连接已重置，请重新连接',
  'Connection Timeout': '连接超时，已断开',
  'Message Too Big': '消息过大，连接已断开',
  'Server closed the connection': '服务器已关闭连接',
};

/** The Chinese reason of a close: a known English one translated, a Chinese one (or none) as it is. */
export function chineseCloseReason(reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : CLOSE_REASONS[reason] ?? reason;
}

/**
 * The socket as Hocuspocus should see it: the same socket, whose close frames carry Chinese reasons.
 * Pass this to `handleConnection` instead of the raw socket.
 */
export function withChineseCloseReasons(socket: WebSocketLike): WebSocketLike {
  return {
    send: (data) => socket.send(data),
    close: (code, reason) => socket.close(code, chineseCloseReason(reason)),
    get readyState() { return socket.readyState; },
  };
}
