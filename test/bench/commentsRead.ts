/**
 * Reading a piece's 批注 (`GET /api/documents/:id/comments`) on a 20,000-paragraph body: each read
 * says whether every thread's anchor still holds in the current body, and every open copy reads again
 * after each change. Measures the read's latency and how long `/api/health` waits meanwhile, with the
 * piece open in the collaboration server (a copy connected) and closed (read from storage).
 * `npx tsx test/bench/commentsRead.ts`
 */
import * as Y from 'yjs';
import { connectClient } from '../support/collabClient';
import { openOffice } from '../support/office';
import { paragraphsDocx } from '../support/officeZips';
import type { ApiClient, RunningServer } from '../support/server';
import { check, runIfMain, type BenchResult } from './support/report';
import { ms, summarize } from './support/stats';

const PARAGRAPHS = 20_000;
const READS = 20;
const THREADS = 10;

async function importDocx(client: ApiClient, bytes: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), '两万段.docx');
  const response = await fetch(`${client.baseUrl}/api/import`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  if (response.status !== 201) throw new Error(`import: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** `READS` comment reads one after the other while /api/health is asked every 20 ms: both latencies. */
async function readWhileProbing(server: RunningServer, client: ApiClient, id: string): Promise<{ reads: number[]; health: number[] }> {
  const reads: number[] = [];
  const health: number[] = [];
  let reading = true;
  const probe = (async () => {
    while (reading) {
      const started = performance.now();
      await fetch(`${server.url}/api/health`);
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    await client.ok('GET', `/api/documents/${id}/comments`);
    reads.push(performance.now() - started);
  }
  reading = false;
  await probe;
  return { reads, health };
}

export async function benchCommentsRead(): Promise<BenchResult> {
  const { server, office } = await openOffice();
  try {
    const writer = office.as('writer');
    const id = await importDocx(writer, await paragraphsDocx(PARAGRAPHS));
    await writer.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') });

    const copy = connectClient(server.wsUrl, id, office.as('reviewer').token);
    await copy.synced();
    const paragraphs = copy.doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>;
    for (let t = 0; t < THREADS; t++) {
      const paragraph = paragraphs[t * 1000 + 500]?.insert;
      if (!(paragraph instanceof Y.XmlText)) throw new Error('no paragraph to anchor on');
      const encode = (index: number, assoc: number): string =>
        Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph, index, assoc))).toString('base64');
      await office.as('reviewer').ok('POST', `/api/documents/${id}/comments`, { anchor: { start: encode(1, 0), end: encode(5, -1) }, quote: '全区重点', text: `第 ${t + 1} 条意见` });
    }

    const open = await readWhileProbing(server, writer, id);
    copy.destroy();
    // The collaboration server unloads a piece once nobody has it open: wait until reads come from storage.
    await new Promise((r) => setTimeout(r, 3000));
    const closed = await readWhileProbing(server, writer, id);

    const figures: Array<[string, string]> = [];
    for (const [label, run] of [['open (a copy connected)', open], ['closed (from storage)', closed]] as const) {
      const reads = summarize(run.reads);
      const health = summarize(run.health);
      figures.push([`${label}: GET comments`, `p50 ${ms(reads.p50)}, p95 ${ms(reads.p95)}, max ${ms(reads.max)} (${reads.n} reads, ${THREADS} threads)`]);
      figures.push([`${label}: /api/health meanwhile`, `p50 ${ms(health.p50)}, max ${ms(health.max)} (${health.n} probes)`]);
    }
    const worst = Math.max(...open.health, ...closed.health);
    return {
      name: `批注 reads on a ${PARAGRAPHS.toLocaleString('en')}-paragraph piece`,
      figures,
      goals: [check('/api/health waits ≤ 100 ms while comments are read', ms(worst), worst <= 100)],
    };
  } finally {
    office.close();
    await server.dispose();
  }
}

await runIfMain(import.meta.url, benchCommentsRead);
