/**
 * The collaborative body editor: Lexical over a Y.Doc that Hocuspocus syncs with the server and
 * y-indexeddb keeps in the browser, so a writer who loses the server keeps typing and the edits merge
 * when it returns. The server seeds every body, so this client never bootstraps one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { LexicalEditor } from 'lexical';
import { DESK_NODES } from '../../../core/editor/nodes';
import { registerStructureCommands } from '../../../core/editor/structureCommands';
import { offlineCopyName, trackOfflineCopy } from '../auth/offlineCopies';
import { collabUrl, HocuspocusAdapter } from './collab/hocuspocusAdapter';
import { cursorColorFor } from './collab/cursorColor';
import { FindPlugin } from './find/FindPlugin';
import { StatusBar } from './StatusBar';
import { deskEditorTheme } from './theme';
import { Toolbar } from './Toolbar';

export interface DeskEditorProps {
  documentId: string;
  userId: string;
  displayName: string;
  token: string;
  editable: boolean;
  /** Told the editor and its connection once both exist (and null when they go), for features beside the body. */
  onReady?: (ready: EditorConnection | null) => void;
}

/** The body editor with its collaboration connection, as features beside the body see them. */
export interface EditorConnection { editor: LexicalEditor; adapter: HocuspocusAdapter }

interface CollabResources {
  adapter: HocuspocusAdapter;
  persistence: IndexeddbPersistence;
  untrack: () => void;
  doc: Y.Doc;
}

function StructurePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerStructureCommands(editor), [editor]);
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

export function DeskEditor({ documentId, userId, displayName, token, editable, onReady }: DeskEditorProps) {
  const [adapter, setAdapter] = useState<HocuspocusAdapter | null>(null);
  const resources = useRef<CollabResources[]>([]);
  const pendingRelease = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cursorsContainerRef = useRef<HTMLDivElement>(null);

  const providerFactory = useCallback((id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
    const doc = new Y.Doc();
    yjsDocMap.set(id, doc);
    const persistence = new IndexeddbPersistence(offlineCopyName(userId, id), doc);
    const created = new HocuspocusAdapter({ url: collabUrl(window.location), name: id, document: doc, token });
    resources.current.push({ adapter: created, persistence, untrack: trackOfflineCopy(persistence), doc });
    setAdapter(created);
    return created;
  }, [userId, token]);

  useEffect(() => {
    // Released a tick after unmount, so React's StrictMode remount keeps the live provider.
    if (pendingRelease.current !== null) clearTimeout(pendingRelease.current);
    return () => {
      pendingRelease.current = setTimeout(() => {
        for (const { adapter: a, persistence, untrack, doc } of resources.current.splice(0)) {
          a.destroy();
          untrack();
          void persistence.destroy();
          doc.destroy();
        }
      }, 0);
    };
  }, []);

  const initialConfig: InitialConfigType = {
    namespace: 'wengao-body',
    editorState: null,
    editable,
    nodes: [...DESK_NODES],
    theme: deskEditorTheme,
    onError: (error) => console.error(error),
  };

  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-shell">
          {/* Readers (reviewers, a locked piece) get no editing tools at all. */}
          {editable && <Toolbar editable />}
          <div className="desk">
            <FindPlugin />
            <div className="sheet" ref={cursorsContainerRef}>
              <RichTextPlugin
                contentEditable={
                  <ContentEditable className="desk-body" aria-label="正文" spellCheck={false} />
                }
                placeholder={editable ? <div className="desk-placeholder">在此输入正文…</div> : null}
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
          cursorsContainerRef={cursorsContainerRef}
        />
        <ListPlugin />
        <TablePlugin />
        <StructurePlugin />
        <EditablePlugin editable={editable} />
        <ReadyPlugin adapter={adapter} onReady={onReady} />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}
