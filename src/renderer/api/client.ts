/**
 * The one HTTP client of the desk server (same origin): JSON calls, file uploads, file downloads and
 * the event stream all go through `send`, so each carries the session token, turns a failure into an
 * ApiError whose message is Chinese and fit to show the user as it is, and tells the unauthorized
 * listeners when the server refuses the token.
 */
import type { ErrorCode } from '../../shared/api';

const TOKEN_KEY = 'wengao:token';

/** An error the server (or the network) reported; `message` is meant for the user, `body` is the parsed reply. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly body: unknown;

  constructor(code: ErrorCode | 'network', message: string, status: number, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

/** The session token this browser keeps, or null when signed out. */
export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

/** Keeps (or, given null, forgets) the session token. */
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

type Query = Record<string, string | undefined>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const text = params.toString();
  return `/api${path}${text ? `?${text}` : ''}`;
}

interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  cache?: RequestCache;
  /** The message of a 413 (a file upload says 文件太大 whatever the server wrote). */
  tooLarge?: string;
}

/** Sends one call with the session token; resolves the response when it is ok, throws an ApiError otherwise. */
async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const { method = 'GET', query, headers = {}, body, signal, cache, tooLarge } = options;
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      method, body, signal, cache, headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (response.ok) return response;
  const payload: unknown = await response.json().catch(() => null);
  // A refused session token: whoever holds the session signs out.
  if (response.status === 401 && token) for (const listener of unauthorizedListeners) listener();
  if (response.status === 413 && tooLarge) throw new ApiError('payload_too_large', tooLarge, 413, payload);
  if (isErrorBody(payload)) throw new ApiError(payload.error.code, payload.error.message, response.status, payload);
  throw new ApiError(response.status >= 500 ? 'internal' : 'bad_request',
    FALLBACK_MESSAGES[response.status] ?? '服务器出错，请稍后再试', response.status, payload);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

/** Sends one JSON call and returns its parsed JSON body (null when the reply has none). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { body, ...rest } = options;
  const response = await send(path, body === undefined ? rest
    : { ...rest, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return await response.json().catch(() => null) as T;
}

/** Posts one file as multipart/form-data (field `file`) and returns the parsed JSON reply. */
export async function upload<T>(path: string, fileName: string, data: Blob | Uint8Array): Promise<T> {
  const form = new FormData();
  form.append('file', data instanceof Blob ? data : new Blob([data as BlobPart]), fileName);
  const response = await send(path, { method: 'POST', body: form, tooLarge: '文件太大' });
  return await response.json() as T;
}

/** A downloaded file: its bytes and the name the server gives it. */
export interface DownloadedFile { fileName: string; bytes: Uint8Array }

export interface DownloadOptions {
  query?: Query;
  /** The name when the server's `Content-Disposition` gives none. */
  fallbackName: string;
  /** The share received so far (0–1), when the size is known. */
  onProgress?: (share: number) => void;
}

/** Downloads a file: its bytes, read as they arrive, and its name. */
export async function download(path: string, options: DownloadOptions): Promise<DownloadedFile> {
  const response = await send(path, { query: options.query });
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      received += part.value.length;
      if (total > 0) options.onProgress?.(received / total);
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { fileName: dispositionFileName(response.headers.get('content-disposition'), options.fallbackName), bytes };
}

/** The file name from `Content-Disposition` (its UTF-8 `filename*`), or a fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (!encoded) return fallback;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fallback;
  }
}

/**
 * Opens a streaming GET (the event stream) with the session token in the Authorization header, as
 * every other call: resolves the response once its headers are in, for the caller to read its body.
 */
export async function openStream(path: string, signal: AbortSignal): Promise<Response> {
  return send(path, { signal, cache: 'no-store' });
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后再试';
}
