/**
 * The typing bench page: one Lexical editor (createEditor + registerRichText, DESK_NODES) on
 * `#editor`, either bare (`?mode=bare`, body seeded locally) or bound to the desk server
 * (`?mode=collab&ws=…&doc=…&token=…`, body synced from the server). It records, for each keystroke,
 * the time from its keydown/beforeinput to the first DOM mutation, to Lexical's commit and to the next
 * idle task, and exposes them as `window.typingBench` (protocol.ts).
 */
import { registerRichText } from '@lexical/rich-text';
import { $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { DESK_NODES } from '../../../src/core/editor/nodes';
import { $createDeskParagraphNode } from '../../../src/core/editor/DeskParagraphNode';
import { $createSuggestionNode } from '../../../src/core/suggestions/SuggestionNode';
import { registerSuggesting } from '../../../src/core/suggestions/capture';
import { $setDeletion } from '../../../src/core/suggestions/deletionMark';
import { chineseParagraph } from '../support/chineseText';
import { bindCollaboration, type CollabSession } from './collabBinding';
import type { KeystrokeSample, OpenedBody, TypingMode } from './protocol';

const query = new URLSearchParams(location.search);
const asked = query.get('mode');
const mode: TypingMode = asked === 'collab' || asked === 'suggest' ? asked : 'bare';
/** In `suggest` mode: how many pending suggestions the seeded body holds (one every other paragraph). */
const SEEDED_SUGGESTIONS = 200;
const paragraphs = Number(query.get('paragraphs') ?? 400);
const paragraphChars = Number(query.get('chars') ?? 100);

const root = document.getElementById('editor');
if (!root) throw new Error('the page has no #editor');

const editor: LexicalEditor = createEditor({
  namespace: 'wengao-typing-bench',
  nodes: [...DESK_NODES],
  onError: (error) => { throw error; },
});
registerRichText(editor);
editor.setRootElement(root);

let session: CollabSession | null = null;
if (mode === 'collab') {
  session = bindCollaboration(editor, {
    url: query.get('ws') ?? '',
    name: query.get('doc') ?? '',
    token: query.get('token') ?? '',
  });
}

if (mode === 'suggest') registerSuggesting(editor, { id: 'u3', name: '赵撰稿' });

// The measuring listeners go in after the binding's, so the commit mark follows the Yjs write.
interface Pending { start: number; dom?: number; commit?: number }
let pending: Pending | null = null;
const samples: KeystrokeSample[] = [];
const sampleWaiters: Array<() => void> = [];
const idleChannel = new MessageChannel();

const startKeystroke = (): void => {
  if (!pending) pending = { start: performance.now() };
};
window.addEventListener('keydown', startKeystroke, { capture: true });
window.addEventListener('beforeinput', startKeystroke, { capture: true });

new MutationObserver(() => {
  if (pending && pending.dom === undefined) pending.dom = performance.now() - pending.start;
}).observe(root, { subtree: true, childList: true, characterData: true });

editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
  if (!pending || pending.commit !== undefined) return;
  // Selection-only updates (focus, caret) are not the keystroke's.
  if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
  pending.commit = performance.now() - pending.start;
  idleChannel.port2.postMessage(null);
});

idleChannel.port1.onmessage = () => {
  const done = pending;
  if (!done || done.commit === undefined) return;
  const idle = performance.now() - done.start;
  samples.push({ dom: done.dom ?? idle, commit: done.commit, idle });
  pending = null;
  for (const wake of sampleWaiters.splice(0)) wake();
};

async function openBody(): Promise<OpenedBody> {
  if (session) {
    await session.synced;
  } else {
    editor.update(() => {
      const body = $getRoot().clear();
      for (let i = 0; i < paragraphs; i++) {
        const text = chineseParagraph(i, paragraphChars);
        const paragraph = $createDeskParagraphNode();
        if (mode === 'suggest' && i % 2 === 1 && (i - 1) / 2 < SEEDED_SUGGESTIONS) {
          // Two reviewers' pending marks: five characters inserted or deleted in the middle.
          const meta = { id: `s${i}`, authorId: i % 4 === 1 ? 'u1' : 'u2', authorName: i % 4 === 1 ? '李审核' : '王核稿', at: '2026-12-07T08:00:00.000Z' };
          const piece = $createTextNode(text.slice(40, 45));
          // An insertion is an element around its text; a deletion a mark on it (suggestions/deletionMark.ts).
          const mark = i % 4 === 1 ? $createSuggestionNode('insert', meta).append(piece) : $setDeletion(piece, meta);
          paragraph.append($createTextNode(text.slice(0, 40)), mark, $createTextNode(text.slice(45)));
        } else {
          paragraph.append($createTextNode(text));
        }
        body.append(paragraph);
      }
    }, { discrete: true });
  }
  // Yjs-to-Lexical sync schedules an update; a discrete no-op commits it (and the DOM) now.
  editor.update(() => undefined, { discrete: true });
  return editor.getEditorState().read(() => ({
    paragraphs: $getRoot().getChildrenSize(),
    characters: $getRoot().getChildren().reduce((sum, node) => sum + node.getTextContentSize(), 0),
  }));
}

window.typingBench = {
  ready: openBody(),
  placeCaret: (index) => {
    root.focus();
    editor.update(() => { $getRoot().getChildAtIndex(index)?.selectEnd(); }, { discrete: true });
    pending = null;
  },
  samplesReached: (count, timeoutMs) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${samples.length} of ${count} keystrokes recorded`)), timeoutMs);
    const check = (): void => {
      if (samples.length >= count) {
        clearTimeout(timer);
        resolve();
      } else {
        sampleWaiters.push(check);
      }
    };
    check();
  }),
  samples: () => samples,
  paragraphText: (index) => editor.getEditorState().read(() => $getRoot().getChildAtIndex(index)?.getTextContent() ?? ''),
  unacknowledged: () => session?.provider.unsyncedChanges ?? 0,
};
