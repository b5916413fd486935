/**
 * Opening a large document: a body whose stored Yjs state is ≥ 1 MB of Chinese paragraphs, written
 * through a headless Lexical collaborator (so it is a real Lexical body) in batches and acknowledged
 * by the desk server, which is then restarted so the document is read back from SQLite cold. Each run
 * connects a fresh headless Lexical client (test/support/collabClient.ts) and times connect → synced
 * (the provider's `synced`) and connect → editable (the body read back through headless Lexical,
 * every paragraph present). The first desk run after the restart (cold: read from SQLite) is reported
 * on its own, beside the desk's own warm opens. Baseline, same run and client code: a bare Hocuspocus
 * server holding the same state, seeded by a raw client that stays connected (it has no storage, so
 * it holds the document warm) — compared with desk opens that are warm too (issue 17: a cold desk
 * against a warm relay was not a fair pair): after the cold run a raw client stays connected to the
 * desk document as well, so neither server loads anything during the measured runs.
 *
 * Goal: time to editable ≤ 500 ms (cold first open, and the median of the runs).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { $createTextNode, $getRoot } from 'lexical';
import { $createDeskParagraphNode } from '../../src/core/editor/DeskParagraphNode';
import { connectClient, type CollabClient } from '../support/collabClient';
import { startBareServer, type BareServer } from './support/bareServer';
import { chineseParagraph } from './support/chineseText';
import { startDeskFixture, type DeskFixture } from './support/desk';
import { connectRawClient, withTimeout, type RawClient } from './support/rawClient';
import { check, runIfMain, type BenchResult } from './support/report';
import { ms, ratio, summarize } from './support/stats';

const TARGET_STATE_BYTES = 1024 * 1024;
const PARAGRAPH_CHARS = 100;
const PARAGRAPHS_PER_BATCH = 100;
const RUNS = 6;
const GOAL_MS = 500;

interface OpenTiming { synced: number; editable: number }
interface LargeBody { state: Uint8Array; paragraphs: number; characters: number }

/**
 * Disconnects a headless collaborator and destroys its Y.Doc: bindHeadlessEditor's awareness keeps a
 * 3 s interval (and the document) alive until the Y.Doc is destroyed, which would keep this process up.
 */
function close(client: CollabClient): void {
  client.destroy();
  client.doc.destroy();
}

/** Writes paragraphs through a headless Lexical collaborator until the state reaches the target size. */
async function writeLargeBody(wsUrl: string, documentId: string, token: string): Promise<LargeBody> {
  const writer = connectClient(wsUrl, documentId, token);
  try {
    await writer.synced(30_000);
    let written = 0;
    while (Y.encodeStateAsUpdate(writer.doc).byteLength < TARGET_STATE_BYTES) {
      writer.editor.update(() => {
        const root = $getRoot();
        for (let i = 0; i < PARAGRAPHS_PER_BATCH; i++) {
          root.append($createDeskParagraphNode().append($createTextNode(chineseParagraph(written + i, PARAGRAPH_CHARS))));
        }
      }, { discrete: true });
      written += PARAGRAPHS_PER_BATCH;
      await writer.acknowledged(60_000);
    }
    const paragraphs = writer.editor.getEditorState().read(() => $getRoot().getChildrenSize());
    return { state: Y.encodeStateAsUpdate(writer.doc), paragraphs, characters: written * PARAGRAPH_CHARS };
  } finally {
    close(writer);
  }
}

/** Connects a fresh headless Lexical client and times it to synced and to every paragraph readable. */
async function openOnce(wsUrl: string, documentName: string, token: string, paragraphs: number): Promise<OpenTiming> {
  const started = performance.now();
  const client = connectClient(wsUrl, documentName, token);
  try {
    await withTimeout(new Promise<void>((done) => client.provider.on('synced', () => done())), 30_000, 'synced');
    const synced = performance.now() - started;
    // Yjs-to-Lexical sync schedules an update; a discrete no-op commits it now.
    client.editor.update(() => undefined, { discrete: true });
    const read = client.editor.getEditorState().read(() => $getRoot().getChildrenSize());
    const editable = performance.now() - started;
    if (read !== paragraphs) throw new Error(`opened ${read} paragraphs, expected ${paragraphs}`);
    return { synced, editable };
  } finally {
    close(client);
  }
}

const pause = (msToWait: number): Promise<void> => new Promise((r) => setTimeout(r, msToWait));

export async function benchOpenLargeDocument(): Promise<BenchResult> {
  let desk: DeskFixture | null = null;
  let bare: BareServer | null = null;
  let holder: RawClient | null = null;
  let deskHolder: RawClient | null = null;
  try {
    desk = await startDeskFixture();
    const documentId = await desk.sharedDocument('大文档打开测试');
    const { state, paragraphs, characters } = await writeLargeBody(desk.server.wsUrl, documentId, desk.alice.token);
    await desk.server.restart();

    bare = await startBareServer();
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, state);
    holder = connectRawClient(bare.wsUrl, 'large-document', '', seeded);
    await holder.acknowledged(60_000);

    const cold = await openOnce(desk.server.wsUrl, documentId, desk.bob.token, paragraphs);
    await pause(300);
    // From now on the desk holds the document open too, as the relay does.
    deskHolder = connectRawClient(desk.server.wsUrl, documentId, desk.alice.token);
    await deskHolder.synced(60_000);
    const deskRuns: OpenTiming[] = [];
    const bareRuns: OpenTiming[] = [];
    for (let run = 0; run < RUNS; run++) {
      deskRuns.push(await openOnce(desk.server.wsUrl, documentId, desk.bob.token, paragraphs));
      await pause(300);
      bareRuns.push(await openOnce(bare.wsUrl, 'large-document', '', paragraphs));
      await pause(300);
    }

    const deskSynced = summarize(deskRuns.map((r) => r.synced));
    const deskEditable = summarize(deskRuns.map((r) => r.editable));
    const bareSynced = summarize(bareRuns.map((r) => r.synced));
    const bareEditable = summarize(bareRuns.map((r) => r.editable));
    return {
      name: 'open a large document (connect → synced → editable through headless Lexical)',
      figures: [
        ['stored state', `${(state.byteLength / 1024 / 1024).toFixed(2)} MB (${state.byteLength} bytes), ${paragraphs} paragraphs, ${characters} characters`],
        ['desk cold (1st run after restart)', `synced ${ms(cold.synced)}, editable ${ms(cold.editable)}`],
        ['desk warm runs, synced p50 / max', `${ms(deskSynced.p50)} / ${ms(deskSynced.max)}  (n=${RUNS})`],
        ['desk warm runs, editable p50 / max', `${ms(deskEditable.p50)} / ${ms(deskEditable.max)}`],
        ['bare warm runs, synced p50 / max', `${ms(bareSynced.p50)} / ${ms(bareSynced.max)}  (n=${RUNS})`],
        ['bare warm runs, editable p50 / max', `${ms(bareEditable.p50)} / ${ms(bareEditable.max)}`],
        ['desk ÷ bare (both warm), synced p50', ratio(deskSynced.p50, bareSynced.p50)],
        ['desk ÷ bare (both warm), editable p50', ratio(deskEditable.p50, bareEditable.p50)],
        ['desk cold ÷ desk warm, editable p50', ratio(cold.editable, deskEditable.p50)],
      ],
      goals: [
        check(`desk cold open to editable ≤ ${GOAL_MS} ms`, ms(cold.editable), cold.editable <= GOAL_MS),
        check(`desk open to editable p50 ≤ ${GOAL_MS} ms`, ms(deskEditable.p50), deskEditable.p50 <= GOAL_MS),
        check('desk warm editable p50 ≤ 1.5× bare warm', ratio(deskEditable.p50, bareEditable.p50), deskEditable.p50 <= 1.5 * bareEditable.p50),
      ],
    };
  } finally {
    holder?.destroy();
    deskHolder?.destroy();
    await bare?.stop();
    await desk?.server.dispose();
  }
}

await runIfMain(import.meta.url, benchOpenLargeDocument);
