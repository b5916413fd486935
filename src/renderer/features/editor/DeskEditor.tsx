/**
 * The collaborative body editor: Lexical over a Y.Doc that Hocuspocus syncs with the server and
 * y-indexeddb keeps in the browser, so a writer who loses the server keeps typing and the edits merge
 * when it returns. The server seeds every body, so this client never bootstraps one.
 *
 * The body is never editable before it holds the document: while neither the server's content nor
 * an offline copy is in, it says 正在打开…; with the server out of reach and no offline copy, it says
 * so and offers 重试 (see OpenState).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { Provider } from '@lexical/yjs';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { mergeRegister, type LexicalEditor } from 'lexical';
import { DESK_NODES } from '../../../core/editor/nodes';
import { registerBodyNormalization } from '../../../core/editor/bodyNormalization';
import { registerLevelFollowsNumber, registerParagraphCommands } from '../../../core/editor/paragraphCommands';
import { registerStructureCommands } from '../../../core/editor/structureCommands';
import { registerAlignedUndo } from '../../../core/editor/collabUndo';
import { installTextPreservingSync } from '../../../core/editor/collabBinding';
import { collabUndoManager } from './collab/undoBoundary';
import { registerCaretFormatRefresh } from './collab/caretFormatRefresh';
import { registerFreshSelection } from './freshSelection';
import { registerInputStateFix } from './inputStateFix';
import { offlineCopyName, trackOfflineCopy } from '../auth/offlineCopies';
import { collabUrl, HocuspocusAdapter, type OpenState } from './collab/hocuspocusAdapter';
import { cursorColorFor } from './collab/cursorColor';
import { FindPlugin } from './find/FindPlugin';
import { StatusBar } from './StatusBar';
import './editor.css';
import { DeskTablePlugin } from './table/DeskTablePlugin';
import { awarenessDataFor } from './presence/presence';
import { deskEditorTheme } from './theme';
import { Toolbar } from './Toolbar';
import { SuggestingPlugin } from './suggesting/SuggestingPlugin';
import { useSuggestingSwitch } from './suggesting/suggestingSwitch';

export interface DeskEditorProps {
  documentId: string;
  userId: string;
  displayName: string;
  token: string;
  editable: boolean;
  /**
   * The user may change the body only by suggestions (the holder of a piece in review): 修订 is on
   * and stays on, and only the edits it records are offered. Meaningful with `editable`.
   */
  suggestOnly?: boolean;
  /** Told the editor and its connection once both exist (and null when they go), for features beside the body. */
  onReady?: (ready: EditorConnection | null) => void;
}

/** The body editor with its collaboration connection, as features beside the body see them. */
export interface EditorConnection { editor: LexicalEditor; adapter: HocuspocusAdapter }

interface CollabResources {
  adapter: HocuspocusAdapter;
  doc: Y.Doc;
}

// Formatting part of a paragraph keeps its characters in place in the Y.Doc (see collabTextRuns).
installTextPreservingSync();

const NOT_CREATED = { subscribe: () => () => undefined, getOpenState: (): OpenState => 'opening' };

function useOpenState(adapter: HocuspocusAdapter | null): OpenState {
  const source = adapter ?? NOT_CREATED;
  return useSyncExternalStore(source.subscribe, () => source.getOpenState());
}

/** What stands over the sheet until the body is open: 正在打开…, or why it cannot open, with 重试. */
function OpeningNotice({ state, adapter }: { state: OpenState; adapter: HocuspocusAdapter | null }) {
  if (state === 'open' || state === 'offline-copy') return null;
  if (state === 'opening') {
    return <div className="desk-opening" aria-live="polite"><span className="spinner" aria-hidden="true" />正在打开…</div>;
  }
  const denied = adapter?.isDenied() ?? false;
  return (
    <div className="desk-opening desk-unreachable" role="alert">
      <p>{denied
        ? '服务器拒绝打开这篇文稿：登录可能已过期，或您已无权访问。'
        : '无法连接服务器，本机也没有这篇文稿的离线副本，暂时无法打开。'}</p>
      {!denied && <button type="button" className="button" onClick={() => adapter?.retry()}>重试</button>}
    </div>
  );
}

/** Structure levels, Enter and Backspace around headings, and what the body may hold; levels follow numbers unless 修订 is on. */
function StructurePlugin({ levelsFollowNumbers }: { levelsFollowNumbers: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => mergeRegister(
    registerStructureCommands(editor),
    registerParagraphCommands(editor),
    // Pasted HTML keeps nothing the export would not print (merged cells, indents, alignment in cells…).
    registerBodyNormalization(editor),
    registerInputStateFix(editor),
    // A key acts on the range the writer sees highlighted, even before the browser's selectionchange has run.
    registerFreshSelection(editor),
    // A caret inside text a colleague re-formats types in the new format, unless the writer chose one there.
    registerCaretFormatRefresh(editor),
    // Yjs' undo can scramble a restored paragraph's text; aligning its items first keeps it intact.
    registerAlignedUndo(editor, () => collabUndoManager(editor)),
  ), [editor]);
  // 修订 keeps a deleted number as a mark and records no level change, so levels are left to it.
  useEffect(() => (levelsFollowNumbers ? registerLevelFollowsNumber(editor) : undefined), [editor, levelsFollowNumbers]);
  return null;
}

function ReadyPlugin({ adapter, onReady }: { adapter: HocuspocusAdapter | null; onReady?: (ready: EditorConnection | null) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!adapter || !onReady) return undefined;
    onReady({ editor, adapter });
    return () => onReady(null);
  }, [editor, adapter, onReady]);
  return null;
}

function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

export function DeskEditor({ documentId, userId, displayName, token, editable, suggestOnly = false, onReady }: DeskEditorProps) {
  const [adapter, setAdapter] = useState<HocuspocusAdapter | null>(null);
  const resources = useRef<CollabResources[]>([]);
  const pendingRelease = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cursorsContainerRef = useRef<HTMLDivElement>(null);

  const providerFactory = useCallback((id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
    const doc = new Y.Doc();
    yjsDocMap.set(id, doc);
    const created = new HocuspocusAdapter({
      url: collabUrl(window.location),
      name: id,
      document: doc,
      token,
      offlineCopy: (document) => {
        const persistence = new IndexeddbPersistence(offlineCopyName(userId, id), document);
        const untrack = trackOfflineCopy(persistence);
        return {
          whenSynced: persistence.whenSynced,
          destroy: () => {
            untrack();
            return persistence.destroy();
          },
        };
      },
    });
    resources.current.push({ adapter: created, doc });
    setAdapter(created);
    return created;
  }, [userId, token]);

  useEffect(() => {
    // Released a tick after unmount, so React's StrictMode remount keeps the live provider.
    if (pendingRelease.current !== null) clearTimeout(pendingRelease.current);
    return () => {
      pendingRelease.current = setTimeout(() => {
        for (const { adapter: a, doc } of resources.current.splice(0)) {
          a.destroy();
          doc.destroy();
        }
      }, 0);
    };
  }, []);

  const openState = useOpenState(adapter);
  const opened = openState === 'open' || openState === 'offline-copy';
  const canType = editable && opened;
  // 修订 (track changes): the document's switch, for every writer at once (as Word's 修订 for everyone);
  // it captures only while the body is editable, and is always on for the holder in review.
  const [suggestingOn, toggleSuggesting] = useSuggestingSwitch(adapter?.document ?? null);
  const suggesting = suggestingOn || suggestOnly;

  const initialConfig: InitialConfigType = {
    namespace: 'wengao-body',
    editorState: null,
    // Not editable until the body is in (see OpenState); EditablePlugin takes over from there.
    editable: false,
    nodes: [...DESK_NODES],
    theme: deskEditorTheme,
    onError: (error) => console.error(error),
  };

  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-shell">
          {/* Readers (reviewers, a locked piece) get no editing tools at all. */}
          {editable && <Toolbar editable={canType} suggesting={suggesting} suggestOnly={suggestOnly}
            onToggleSuggesting={toggleSuggesting} />}
          <div className="desk">
            <FindPlugin replaceable={!suggesting} />
            <div className="sheet" ref={cursorsContainerRef} aria-busy={!opened} data-document-id={documentId}>
              <OpeningNotice state={openState} adapter={adapter} />
              <RichTextPlugin
                contentEditable={
                  <ContentEditable className="desk-body" aria-label="正文" spellCheck={false} />
                }
                placeholder={canType ? <div className="desk-placeholder">在此输入正文…</div> : null}
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
          <StatusBar adapter={adapter} editable={editable} />
        </div>
        <CollaborationPlugin
          id={documentId}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={displayName}
          cursorColor={cursorColorFor(userId)}
          awarenessData={awarenessDataFor(userId)}
          cursorsContainerRef={cursorsContainerRef}
        />
        <ListPlugin />
        <DeskTablePlugin />
        <StructurePlugin levelsFollowNumbers={!suggesting} />
        <EditablePlugin editable={canType} />
        <SuggestingPlugin on={suggesting && canType} only={suggestOnly && canType} author={{ id: userId, name: displayName }}
          onToggle={canType && !suggestOnly ? toggleSuggesting : null} />
        <ReadyPlugin adapter={adapter} onReady={onReady} />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}
