// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, download, onUnauthorized, request, setToken, upload } from './client';

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

describe('the HTTP client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => { vi.stubGlobal('fetch', fetchMock); setToken('t0k'); });
  afterEach(() => { vi.unstubAllGlobals(); fetchMock.mockReset(); setToken(null); });

  it('sends the token and JSON, and parses the reply', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true }));
    expect(await request('/things', { method: 'PUT', body: { a: 1 }, query: { q: 'x', empty: undefined } })).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/things?q=x');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer t0k' });
    expect(init?.body).toBe('{"a":1}');
  });

  // The ledger's own client once never told the session that its token was refused.
  it.each([
    ['a JSON call', () => request('/x')],
    ['an upload', () => upload('/x', 'a.csv', new Uint8Array([1]))],
    ['a download', () => download('/x', { fallbackName: 'a' })],
  ])('signs out when %s is refused with 401', async (_, call) => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: 'unauthorized', message: '登录已失效' } }));
    await expect(call()).rejects.toMatchObject({ code: 'unauthorized', message: '登录已失效', status: 401 });
    expect(listener).toHaveBeenCalledOnce();
    stop();
  });

  it('says 文件太大 for an upload the server finds too large', async () => {
    fetchMock.mockResolvedValueOnce(reply(413, { error: { code: 'payload_too_large', message: 'too large' } }));
    await expect(upload('/x', 'a.csv', new Uint8Array([1]))).rejects.toMatchObject({ code: 'payload_too_large', message: '文件太大' });
  });

  it('names a download after its Content-Disposition, or the fallback', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, 'abc', { 'content-disposition': "attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx" }));
    const file = await download('/x', { fallbackName: 'f.xlsx' });
    expect(file.fileName).toBe('台账.xlsx');
    expect(new TextDecoder().decode(file.bytes)).toBe('abc');
    fetchMock.mockResolvedValueOnce(reply(200, 'abc'));
    expect((await download('/x', { fallbackName: 'f.xlsx' })).fileName).toBe('f.xlsx');
  });

  it('reports an unreachable server in Chinese', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const failure = await request('/x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'network', message: '无法连接服务器，请检查网络' });
  });
});
