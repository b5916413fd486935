/**
 * The load generator of the collaboration load bench: `editors` raw clients (rawClient.ts) over
 * documents of `perDocument` editors each, every editor typing a short sentence every 1–2 s. Each
 * edit is timed from the moment its sender applies it until the last of the other editors of the
 * document holds it ("every other editor sees the edit"). Same client code for the desk server and
 * the bare relay.
 */
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { connectRawClient, type RawClient } from './rawClient';

const TEXT_KEY = 'load';
const MARKS_KEY = 'load-marks';
const SENTENCE = '请各单位于本周五前报送材料。';

/** One document's editors: a socket URL (or one per editor, e.g. spread over several instances), its name and one token per editor. */
export interface LoadDocument { wsUrl: string; wsUrls?: string[]; name: string; tokens: string[] }

export interface LoadRun {
  /** Milliseconds from send until every other editor of the document had the edit. */
  samples: number[];
  /** Edits sent in the measured window. */
  sent: number;
  /** Edits sent in the window that not every other editor had when the window closed. */
  unseen: number;
}

interface Editor { client: RawClient; index: number; seq: number; timer?: NodeJS.Timeout }

/** An edit on its way: when it was sent and how many editors still have to see it. */
interface Flight { sentAt: number; waiting: number; measured: boolean }

/**
 * Connects every editor of `documents`, types for `warmupMs` unmeasured and `measureMs` measured,
 * then disconnects them all.
 */
export async function runEditors(documents: LoadDocument[], warmupMs: number, measureMs: number): Promise<LoadRun> {
  // One map of edits in flight per document: editor indexes repeat across documents.
  const flights: Array<Map<string, Flight>> = [];
  // A map of marks of this run's own: a document reused from an earlier step already holds marks.
  const marksKey = `${MARKS_KEY}-${Math.random().toString(36).slice(2)}`;
  const samples: number[] = [];
  let measuring = false;
  const editors: Editor[][] = [];
  for (const document of documents) {
    const group: Editor[] = document.tokens.map((token, index) => ({ client: connectRawClient(document.wsUrls?.[index] ?? document.wsUrl, document.name, token), index, seq: 0 }));
    editors.push(group);
    const inFlight = new Map<string, Flight>();
    flights.push(inFlight);
    for (const editor of group) watch(editor, marksKey, inFlight, samples);
  }
  try {
    await Promise.all(editors.flat().map((e) => e.client.synced(60_000)));
    const typing = (editor: Editor, group: Editor[], inFlight: Map<string, Flight>): void => {
      editor.timer = setTimeout(() => {
        editor.seq += 1;
        inFlight.set(`${editor.index}:${editor.seq}`, { sentAt: performance.now(), waiting: group.length - 1, measured: measuring });
        const doc = editor.client.doc;
        doc.transact(() => {
          const text = doc.getText(TEXT_KEY);
          text.insert(text.length, SENTENCE);
          doc.getMap<number>(marksKey).set(String(editor.index), editor.seq);
        });
        typing(editor, group, inFlight);
      }, 1000 + Math.random() * 1000);
    };
    editors.forEach((group, i) => { for (const editor of group) typing(editor, group, flights[i]); });
    await sleep(warmupMs);
    samples.length = 0;
    measuring = true;
    await sleep(measureMs);
    measuring = false;
    for (const editor of editors.flat()) clearTimeout(editor.timer);
    await sleep(2_000);
    let sent = 0;
    let unseen = 0;
    for (const flight of flights.flatMap((m) => [...m.values()])) {
      if (!flight.measured) continue;
      sent += 1;
      if (flight.waiting > 0) unseen += 1;
    }
    return { samples: [...samples], sent, unseen };
  } finally {
    for (const editor of editors.flat()) {
      clearTimeout(editor.timer);
      editor.client.destroy();
    }
  }
}

/** Counts, at `editor`, every edit of the other editors of its document as it arrives. */
function watch(editor: Editor, marksKey: string, flights: Map<string, Flight>, samples: number[]): void {
  const seen = new Map<string, number>();
  const marks: Y.Map<number> = editor.client.doc.getMap<number>(marksKey);
  marks.observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      if (key === String(editor.index)) continue;
      const latest = marks.get(key) ?? 0;
      for (let seq = (seen.get(key) ?? 0) + 1; seq <= latest; seq++) {
        const flight = flights.get(`${key}:${seq}`);
        if (!flight) continue;
        flight.waiting -= 1;
        if (flight.waiting === 0 && flight.measured) samples.push(now - flight.sentAt);
      }
      seen.set(key, Math.max(seen.get(key) ?? 0, latest));
    }
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
