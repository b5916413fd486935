/** The toolbar's 表格 menu button: the table menu under it, enabled while the selection is in a table. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { $selectedTable } from './tableActions';
import { readSelectionForMenu, TableMenu, type TableMenuAnchor } from './TableMenu';

/** True while the editor's selection is in a table (a caret in a cell, or cells selected). */
export function useSelectionInTable(editor: LexicalEditor): boolean {
  const [inTable, setInTable] = useState(false);
  useEffect(() => editor.registerUpdateListener(({ editorState }) => {
    setInTable(editorState.read(() => $selectedTable() !== null));
  }), [editor]);
  return inTable;
}

export function TableMenuButton({ editor, disabled }: { editor: LexicalEditor; disabled: boolean }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<TableMenuAnchor | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const toggle = (fromKeyboard: boolean) => {
    if (menu) {
      setMenu(null);
      return;
    }
    const box = buttonRef.current?.getBoundingClientRect();
    if (!box) return;
    setMenu({ x: box.left, y: box.bottom + 4, selection: readSelectionForMenu(editor), fromKeyboard });
  };

  return (
    <>
      <button ref={buttonRef} type="button" className="tool tool-menu" title="表格" disabled={disabled}
        aria-haspopup="menu" aria-expanded={menu !== null}
        // Keep the editor's selection: the menu acts on it.
        onMouseDown={(event) => event.preventDefault()}
        // A click from the keyboard (Enter, Space) has no pointer detail.
        onClick={(event) => toggle(event.detail === 0)}>
        表格
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {menu && <TableMenu editor={editor} anchor={menu} label="表格" onClose={closeMenu} opener={buttonRef} />}
    </>
  );
}
