// @vitest-environment happy-dom
/**
 * Refused edits: a writer's are kept as a new draft (POST /rescue); anyone else's (the holder of a
 * checkpoint, who may only send 修订) are dropped with a plain notice. Before, the holder's page asked
 * /rescue too, got 403 and said their "offline edits" could not be saved either.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EDITS_REFUSED, encodeCollabMessage } from '../../../shared/collabMessages';
import type { EditorConnection } from '../editor';
import { useRefusedEdits, type RefusedEdits } from './useRefusedEdits';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

let root: Root;
let latest: RefusedEdits;
let tell: (payload: string) => void;
let requests: string[];

function fakeConnection(): EditorConnection {
  const document = new Y.Doc();
  document.getText('t').insert(0, '本地的修改');
  const adapter = { document, onStateless: (listener: (payload: string) => void) => { tell = listener; return () => undefined; } };
  // Only the two members the hook reads.
  return { editor: {}, adapter } as unknown as EditorConnection;
}

function Probe({ connection, writer }: { connection: EditorConnection; writer: boolean }) {
  latest = useRefusedEdits(connection, 'doc-1', 'user-1', '关于防汛工作的通知', writer);
  return null;
}

async function refuse(writer: boolean): Promise<void> {
  await act(async () => { root.render(createElement(Probe, { connection: fakeConnection(), writer })); });
  await act(async () => {
    tell(encodeCollabMessage({ type: EDITS_REFUSED, documentId: 'doc-1' }));
    await new Promise((done) => setTimeout(done, 300));
  });
}

describe('useRefusedEdits', () => {
  beforeEach(() => {
    requests = [];
    root = createRoot(document.createElement('div'));
    // The offline copy the hook deletes once the edits are dealt with.
    vi.stubGlobal('indexedDB', {
      deleteDatabase: () => {
        const request: { onsuccess?: () => void; onerror?: () => void } = {};
        setTimeout(() => request.onsuccess?.(), 0);
        return request;
      },
    });
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      requests.push(String(url));
      return new Response(JSON.stringify({ id: 'draft-2', title: '关于防汛工作的通知（离线修改）' }), { status: 201, headers: { 'content-type': 'application/json' } });
    }));
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    vi.unstubAllGlobals();
  });

  it('keeps a writer’s refused edits as a new draft', async () => {
    await refuse(true);
    expect(requests.some((url) => url.endsWith('/api/documents/doc-1/rescue'))).toBe(true);
    expect(latest).toMatchObject({ resetting: false, generation: 1, error: null, rescued: { id: 'draft-2' } });
  });

  it('drops a holder’s refused edit with a plain notice, without asking to save it as their draft', async () => {
    await refuse(false);
    expect(requests).toEqual([]);
    expect(latest).toMatchObject({ resetting: false, generation: 1, rescued: null });
    expect(latest.error).toContain('审核中只能以修订方式修改正文');
  });
});
