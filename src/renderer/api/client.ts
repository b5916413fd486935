/**
 * The typed HTTP client of the desk server (same origin). Every failure becomes an ApiError whose
 * message is Chinese and fit to show the user as it is.
 */
import type { ErrorCode } from '../../shared/api';

const TOKEN_KEY = 'wengao:token';

/** An error the server (or the network) reported; `message` is meant for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;

  constructor(code: ErrorCode | 'network', message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when the server rejects the session token (expired, revoked, account disabled). */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '请求有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '内容不存在或已被删除',
  409: '操作冲突，请刷新后重试',
  413: '内容太大',
  429: '操作太频繁，请稍后再试',
};

function isErrorBody(value: unknown): value is { error: { code: ErrorCode; message: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/** Sends one API call with the session token and returns its parsed JSON body. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  let url = `/api${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const text = params.toString();
    if (text) url += `?${text}`;
  }
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }

  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failure(response, payload, token);
  return payload as T;
}

/** The error for a refused call; a refused session token also tells the unauthorized listeners. */
function failure(response: Response, payload: unknown, token: string | null): ApiError {
  if (response.status === 401 && token) for (const listener of unauthorizedListeners) listener();
  if (isErrorBody(payload)) return new ApiError(payload.error.code, payload.error.message, response.status);
  return new ApiError(response.status >= 500 ? 'internal' : 'bad_request',
    FALLBACK_MESSAGES[response.status] ?? '服务器出错，请稍后再试', response.status);
}

/**
 * Opens a streaming GET (the event stream) with the session token in the Authorization header, as
 * every other call: resolves the response once its headers are in, for the caller to read its body.
 */
export async function openStream(path: string, signal: AbortSignal): Promise<Response> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal, cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) throw failure(response, await response.json().catch(() => null), token);
  return response;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后再试';
}
