/** The editor's status bar: live 字数 and the connection indicator (role status: 在线 / 离线 / 同步中). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { bodyBlocksFromLexical, bodyText } from '../../../core/body/bodyModel';
import { countWords } from '../../../core/text/wordCount';
import { CONNECTION_LABELS, type ConnectionState, type HocuspocusAdapter } from './collab/hocuspocusAdapter';

function useWordCount(): number {
  const [editor] = useLexicalComposerContext();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      // The body's text as the body model reads it, as the server and the export do.
      setCount(countWords(bodyText(bodyBlocksFromLexical(editor.getEditorState().toJSON()))));
    };
    recount();
    const stop = editor.registerTextContentListener(() => {
      // Counting a long report on every keystroke is wasted work; a short pause is not noticed.
      if (timer === null) timer = setTimeout(recount, 120);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);
  return count;
}

const NO_ADAPTER = { subscribe: () => () => undefined, getConnectionState: (): ConnectionState => 'syncing' };

function useConnectionState(adapter: HocuspocusAdapter | null): ConnectionState {
  const source = adapter ?? NO_ADAPTER;
  const state = useSyncExternalStore(source.subscribe, () => source.getConnectionState());
  const [shown, setShown] = useState(state);
  useEffect(() => {
    // Every keystroke is unacknowledged for a few milliseconds: going from 在线 to 同步中 waits a
    // moment, so the indicator does not flicker while someone types on a good connection.
    if (state === 'syncing' && shown === 'online') {
      const timer = setTimeout(() => setShown(state), 600);
      return () => clearTimeout(timer);
    }
    setShown(state);
    return undefined;
  }, [state, shown]);
  return shown;
}

export function StatusBar({ adapter, editable }: { adapter: HocuspocusAdapter | null; editable: boolean }) {
  const words = useWordCount();
  const connection = useConnectionState(adapter);
  return (
    <footer className="status-bar">
      <span className="status-item" data-testid="word-count">字数 {words}</span>
      {!editable && <span className="status-item status-readonly">只读</span>}
      <span className="status-spacer" />
      <span className={`connection connection-${connection}`} role="status"
        aria-label={CONNECTION_LABELS[connection]}>
        <span className="connection-dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
      </span>
    </footer>
  );
}
