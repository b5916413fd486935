/**
 * Headless Lexical bound to a Y.Doc, without a browser: the server seeds new bodies with it and reads
 * stored bodies for /content, hashing and export. Yjs' loosely typed corners stay in this file.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createHeadlessEditor } from '@lexical/headless';
import {
  createBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import {
  $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates,
} from '@lexical/table';
import {
  $createTextNode,
  $getRoot,
  type LexicalEditor,
  type LexicalNode,
  type SerializedEditorState,
} from 'lexical';
import { DESK_NODES } from './nodes';
import { installTextPreservingSync } from './collabBinding';
import { $createDeskParagraphNode, toStructureLevel } from './DeskParagraphNode';
import { bodyBlocksFromLexical, bodyText } from '../body/bodyModel';
import type { RunSuggestion } from '../suggestions/bodyView';
import { parseSuggestionMeta, type ParagraphSuggestions } from '../suggestions/types';
import { $createSuggestionNode, type SuggestionNode } from '../suggestions/SuggestionNode';
import { $setDeletion, registerDeletionState } from '../suggestions/deletionMark';

/** The body's collab root, as Lexical's CollaborationPlugin names it. */
export const BODY_ROOT = 'root';

/**
 * A run of seed text with Lexical's format bits (bold 1, italic 2, underline 8, …); a run of a
 * pending suggestion (an imported Word revision) names it.
 */
export interface SeedTextRun { text: string; format?: number; suggestion?: RunSuggestion }

/**
 * A paragraph to seed a body with; `runs`, when given, are its formatted text in place of `text`;
 * `suggestions`, its pending paragraph suggestions.
 */
export interface BodySeedParagraph {
  type: 'paragraph'; level?: number; text: string; runs?: readonly SeedTextRun[]; suggestions?: Partial<ParagraphSuggestions>;
}

/** A bullet or numbered list; an item's `depth` (0 = top) nests it. */
export interface BodySeedList {
  type: 'list';
  ordered: boolean;
  items: ReadonlyArray<{ depth?: number; runs: readonly SeedTextRun[] }>;
}

/** A table: rows of cells, each cell one or more paragraphs of runs. */
export interface BodySeedTable { type: 'table'; rows: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly SeedTextRun[]>>> }

/** A block to seed a body with: a paragraph (the original, plain format), a list or a table. */
export type BodySeedBlock = BodySeedParagraph | BodySeedList | BodySeedTable;

/**
 * A no-network provider: the binding needs one for cursors, which a headless editor has none of.
 * `destroy()` stops its awareness timer.
 */
export function createNoopProvider(doc: Y.Doc): Provider & { destroy(): void } {
  const awareness = new Awareness(doc);
  return {
    // Awareness runs a timer for as long as it lives.
    destroy: () => awareness.destroy(),
    awareness: awareness as unknown as Provider['awareness'],
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
}

/** A headless editor kept in sync with a Y.Doc both ways, until `dispose()`. */
export interface BoundEditor { editor: LexicalEditor; binding: Binding; dispose(): void }

/**
 * Binds a new headless editor to the body of `doc`: Lexical updates are written into the Y.Doc and
 * remote Yjs changes are applied to the editor. Tests and benchmarks use it as a collaborator
 * without a browser.
 */
export function bindHeadlessEditor(doc: Y.Doc): BoundEditor {
  installTextPreservingSync();
  const editor = createHeadlessEditor({
    namespace: 'wengao',
    nodes: [...DESK_NODES],
    onError: (error) => { throw error; },
  });
  registerDeletionState(editor);
  const provider = createNoopProvider(doc);
  const binding: Binding = createBinding(editor, provider, BODY_ROOT, doc, new Map([[BODY_ROOT, doc]]));
  const stopLexicalToYjs = editor.registerUpdateListener((payload) => {
    if (payload.tags.has('skip-collab')) return;
    syncLexicalUpdateToYjs(
      binding, provider, payload.prevEditorState, payload.editorState,
      payload.dirtyElements, payload.dirtyLeaves, payload.normalizedNodes, payload.tags,
    );
  });
  const root = binding.root.getSharedType();
  const yjsToLexical = (events: Array<Y.YEvent<Y.Text>>, transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, provider, events, false, () => undefined);
      // Commit now: a local edit batched into the same commit as a remote one would not be synced.
      editor.update(() => undefined, { discrete: true });
    }
  };
  root.observeDeep(yjsToLexical);
  return {
    editor,
    binding,
    dispose: () => {
      root.unobserveDeep(yjsToLexical);
      stopLexicalToYjs();
      provider.destroy();
    },
  };
}

function withBoundEditor<T>(doc: Y.Doc, run: (editor: LexicalEditor) => T): T {
  const bound = bindHeadlessEditor(doc);
  try {
    return run(bound.editor);
  } finally {
    bound.dispose();
  }
}

/** Encodes a new body holding the given paragraphs (at least one, possibly empty) as a Yjs update. */
export function encodeSeedBody(blocks: readonly BodySeedBlock[]): Uint8Array {
  const doc = new Y.Doc();
  withBoundEditor(doc, (editor) => {
    editor.update(() => {
      const root = $getRoot();
      root.clear();
      const seeds = blocks.length > 0 ? blocks : [{ type: 'paragraph' as const, text: '' }];
      for (const block of seeds) root.append($createSeedBlock(block));
    }, { discrete: true });
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Text nodes for runs; neighbouring runs of one suggestion go into one suggestion node. */
function $createTextNodes(runs: readonly SeedTextRun[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  let open: { node: SuggestionNode; suggestion: RunSuggestion } | null = null;
  for (const run of runs) {
    if (run.text === '') continue;
    const text = $createTextNode(run.text).setFormat(run.format ?? 0);
    const suggestion = run.suggestion;
    if (!suggestion || suggestion.kind === 'delete') {
      // Deleted text is marked, not wrapped (suggestions/deletionMark.ts).
      open = null;
      const meta = suggestion ? parseSuggestionMeta(suggestion) : null;
      out.push(meta ? $setDeletion(text, meta) : text);
    } else if (open && open.suggestion.id === suggestion.id && open.suggestion.kind === suggestion.kind) {
      open.node.append(text);
    } else {
      open = { node: $createSuggestionNode(suggestion.kind, suggestion).append(text), suggestion };
      out.push(open.node);
    }
  }
  return out;
}

function $createSeedBlock(block: BodySeedBlock): LexicalNode {
  if (block.type === 'list') {
    const top = $createListNode(block.ordered ? 'number' : 'bullet');
    // Lexical nests a deeper list inside a list item of its own, after the item it belongs to.
    const stack: ListNode[] = [top];
    for (const item of block.items) {
      const depth = Math.max(0, Math.min(item.depth ?? 0, stack.length));
      while (stack.length > depth + 1) stack.pop();
      if (depth === stack.length) {
        const nested = $createListNode(block.ordered ? 'number' : 'bullet');
        stack[depth - 1].append($createListItemNode().append(nested));
        stack.push(nested);
      }
      stack[depth].append($createListItemNode().append(...$createTextNodes(item.runs)));
    }
    return top;
  }
  if (block.type === 'table') {
    const table = $createTableNode();
    for (const row of block.rows) {
      const rowNode = $createTableRowNode();
      for (const cell of row) {
        const cellNode = $createTableCellNode(TableCellHeaderStates.NO_STATUS);
        const paragraphs = cell.length > 0 ? cell : [[]];
        for (const runs of paragraphs) cellNode.append($createDeskParagraphNode().append(...$createTextNodes(runs)));
        rowNode.append(cellNode);
      }
      table.append(rowNode);
    }
    return table;
  }
  const paragraph = $createDeskParagraphNode(toStructureLevel(block.level));
  if (block.suggestions) paragraph.setSuggestions(block.suggestions);
  const runs = block.runs ?? [{ text: block.text }];
  return paragraph.append(...$createTextNodes(runs));
}

/** What the server reads of a body: its plain text (`bodyText`) and Lexical JSON. */
export interface BodyReading { text: string; json: SerializedEditorState; editor: LexicalEditor }

/** Reads a body from a Yjs state (an update or a merged state) through headless Lexical. */
export function readBody(state: Uint8Array): BodyReading {
  const doc = new Y.Doc();
  return withBoundEditor(doc, (editor) => {
    Y.applyUpdate(doc, state);
    const json = editor.getEditorState().toJSON();
    return { text: bodyText(bodyBlocksFromLexical(json)), json, editor };
  });
}
