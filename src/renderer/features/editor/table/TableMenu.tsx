/**
 * The table menu (在上方插入行 … 删除表格), shown at a point: the cell's context menu and the toolbar's
 * 表格 menu. It acts on the selection the editor had when the menu opened, since focus moves into the
 * menu; Esc, a click elsewhere or Tab close it and give the editor its focus back.
 */
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { $isTableSelection } from '@lexical/table';
import { $getNodeByKey, $getSelection, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';
import { $runTableAction, $selectedTable, TABLE_ACTION_GROUPS, type TableAction } from './tableActions';
import './table.css';

/** Where a menu opens and on what. */
export interface TableMenuAnchor {
  /** Viewport coordinates of the menu's top-left corner (moved inside the window when it would overflow). */
  x: number;
  y: number;
  /** The selection to act on, taken when the menu opened. */
  selection: BaseSelection | null;
  /** Opened from the keyboard: the first item takes the focus, as in a native menu. */
  fromKeyboard: boolean;
}

/** The editor's selection now, kept for a menu that is about to take the focus. */
export function readSelectionForMenu(editor: LexicalEditor): BaseSelection | null {
  return editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
}

/** Puts a kept selection back, unless an edit meanwhile removed what it points at. */
function $restoreSelection(kept: BaseSelection | null): void {
  if (!$isRangeSelection(kept) && !$isTableSelection(kept)) return;
  if ($getNodeByKey(kept.anchor.key) === null || $getNodeByKey(kept.focus.key) === null) return;
  const restored = kept.clone();
  if ($selectedTable(restored)) $setSelection(restored);
}

const MARGIN = 8;

export function TableMenu({ editor, anchor, label, onClose, opener }: {
  editor: LexicalEditor;
  anchor: TableMenuAnchor;
  /** The menu's accessible name. */
  label: string;
  onClose: () => void;
  /** The button that opened the menu: pressing it again is its toggle's business, not a click elsewhere. */
  opener?: RefObject<HTMLElement | null>;
}) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });

  // Kept inside the window: a right-click near the bottom or the right edge opens it upwards or leftwards.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(anchor.x, window.innerWidth - width - MARGIN));
    const top = anchor.y + height + MARGIN > window.innerHeight ? Math.max(MARGIN, anchor.y - height) : anchor.y;
    setPosition({ left, top });
    const first = menu.querySelector<HTMLButtonElement>('[role="menuitem"]');
    (anchor.fromKeyboard && first ? first : menu).focus({ preventScroll: true });
  }, [anchor]);

  const close = (refocus: boolean) => {
    onClose();
    if (refocus) editor.focus();
  };

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && (menuRef.current?.contains(event.target) || opener?.current?.contains(event.target))) return;
      onClose();
    };
    const onDismiss = () => onClose();
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onDismiss);
    window.addEventListener('blur', onDismiss);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', onDismiss);
      window.removeEventListener('blur', onDismiss);
    };
  }, [onClose, opener]);

  const run = (action: TableAction) => {
    editor.update(() => {
      $restoreSelection(anchor.selection);
      $runTableAction(action);
    });
    close(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const current = items.findIndex((item) => item === document.activeElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'Escape': close(true); break;
      case 'Tab': close(true); break;
      case 'ArrowDown': move(current + 1); break;
      case 'ArrowUp': move(current < 0 ? -1 : current - 1); break;
      case 'Home': move(0); break;
      case 'End': move(-1); break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div ref={menuRef} className="table-menu" role="menu" aria-label={label} tabIndex={-1}
      style={{ left: position.left, top: position.top }} onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}>
      {TABLE_ACTION_GROUPS.map((group, index) => (
        <Fragment key={group[0].action}>
          {index > 0 && <div className="table-menu-rule" role="separator" />}
          {group.map(({ action, label: itemLabel }) => (
            <button key={action} type="button" role="menuitem" tabIndex={-1}
              className={`table-menu-item${action === 'deleteTable' ? ' table-menu-item-delete' : ''}`}
              onClick={() => run(action)}>
              {itemLabel}
            </button>
          ))}
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
