/**
 * The editor's toolbar: structure levels (SET_STRUCTURE_LEVEL_COMMAND), 重新编号, text formats, lists,
 * tables (插入表格, and the 表格 menu while the caret is in one), 修订 (track changes, Ctrl+Shift+E), and undo/redo. Undo and redo go through Yjs' UndoManager, so they undo only one's own edits.
 */
import type { ReactNode } from 'react';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import type { StructureLevel } from '../../../core/editor/DeskParagraphNode';
import { RENUMBER_COMMAND, SET_STRUCTURE_LEVEL_COMMAND } from '../../../core/editor/structureCommands';
import { LEVEL_LABELS } from '../../../core/structure/levels';
import { TableMenuButton, useSelectionInTable } from './table/TableMenuButton';
import { useToolbarState } from './useToolbarState';

const LEVEL_HINTS: Record<StructureLevel, string> = { 0: '', 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' };
const LEVELS: StructureLevel[] = [1, 2, 3, 4, 0];

function ToolButton({ label, shortcut, title, onClick, pressed, disabled, children, className }: {
  label: string;
  shortcut?: string;
  /** Replaces the title made of the label and the shortcut. */
  title?: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`tool ${className ?? ''}`}
      aria-pressed={pressed}
      disabled={disabled}
      title={title ?? (shortcut ? `${label}（${shortcut}）` : label)}
      // Keep the editor's selection: the command applies to it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children ?? label}
    </button>
  );
}

function UndoIcon({ redo = false }: { redo?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"
      style={redo ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5.5 3 2 6.5 5.5 10M2.5 6.5h7a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor"
        strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The toolbar; `suggesting` is whether 修订 is on, `onToggleSuggesting` turns it on or off.
 * `suggestOnly` (the holder of a piece in review): 修订 is on and cannot be turned off, and the tools
 * capture does not record (formats, 重新编号, lists, tables) are off; a level is a suggestion too.
 */
export function Toolbar({ editable, suggesting, suggestOnly = false, onToggleSuggesting }: {
  editable: boolean;
  suggesting: boolean;
  suggestOnly?: boolean;
  onToggleSuggesting: () => void;
}) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const inTable = useSelectionInTable(editor);
  const off = !editable;
  // Only what 修订 capture records may be done while suggesting only.
  const textOnly = off || suggestOnly;

  return (
    <div className="toolbar" role="toolbar" aria-label="编辑工具">
      <div className="tool-group" role="group" aria-label="撤销与重做">
        <ToolButton label="撤销" className="tool-icon" disabled={off || !state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
          <UndoIcon /><span className="visually-hidden">撤销</span>
        </ToolButton>
        <ToolButton label="重做" className="tool-icon" disabled={off || !state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
          <UndoIcon redo /><span className="visually-hidden">重做</span>
        </ToolButton>
      </div>
      <span className="tool-separator" aria-hidden="true" />
      <div className="tool-group" role="group" aria-label="结构层级">
        {LEVELS.map((level) => (
          <ToolButton
            key={level}
            label={LEVEL_LABELS[level]}
            className="tool-level"
            pressed={state.level === level}
            disabled={off || (suggestOnly && inTable)}
            onClick={() => editor.dispatchCommand(SET_STRUCTURE_LEVEL_COMMAND, level)}
          >
            {LEVEL_HINTS[level] && <span className="tool-hint" aria-hidden="true">{LEVEL_HINTS[level]}</span>}
            {LEVEL_LABELS[level]}
          </ToolButton>
        ))}
        <ToolButton label="重新编号" disabled={textOnly} onClick={() => editor.dispatchCommand(RENUMBER_COMMAND, undefined)} />
      </div>
      <span className="tool-separator" aria-hidden="true" />
      <div className="tool-group" role="group" aria-label="文字格式">
        <ToolButton label="加粗" className="tool-icon tool-bold" pressed={state.bold} disabled={textOnly}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
          <span aria-hidden="true">B</span><span className="visually-hidden">加粗</span>
        </ToolButton>
        <ToolButton label="倾斜" className="tool-icon tool-italic" pressed={state.italic} disabled={textOnly}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}>
          <span aria-hidden="true">I</span><span className="visually-hidden">倾斜</span>
        </ToolButton>
        <ToolButton label="下划线" className="tool-icon tool-underline" pressed={state.underline} disabled={textOnly}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')}>
          <span aria-hidden="true">U</span><span className="visually-hidden">下划线</span>
        </ToolButton>
      </div>
      <span className="tool-separator" aria-hidden="true" />
      <div className="tool-group" role="group" aria-label="列表与表格">
        <ToolButton label="编号列表" pressed={state.list === 'number'} disabled={textOnly}
          onClick={() => editor.dispatchCommand(
            state.list === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined)} />
        <ToolButton label="项目符号列表" pressed={state.list === 'bullet'} disabled={textOnly}
          onClick={() => editor.dispatchCommand(
            state.list === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined)} />
        <ToolButton label="插入表格" disabled={textOnly || inTable}
          onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND,
            { rows: '3', columns: '3', includeHeaders: false })} />
        <TableMenuButton editor={editor} disabled={textOnly || !inTable} />
      </div>
      <span className="tool-separator" aria-hidden="true" />
      <div className="tool-group" role="group" aria-label="修订">
        <ToolButton label="修订" shortcut="Ctrl+Shift+E" className="tool-suggesting" pressed={suggesting || suggestOnly}
          disabled={off || suggestOnly} title={suggestOnly ? '审核中只能以修订方式修改' : '修订（Ctrl+Shift+E）：开启后，所有撰稿人的修改都留痕'}
          onClick={onToggleSuggesting}>
          <span aria-hidden="true" className="tool-suggesting-dot" />修订：{suggesting || suggestOnly ? '开' : '关'}
        </ToolButton>
      </div>
    </div>
  );
}
