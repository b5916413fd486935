/** Class names the Lexical editor puts on its DOM; editor.css styles them. */
import type { EditorThemeClasses } from 'lexical';

export const deskEditorTheme: EditorThemeClasses = {
  paragraph: 'desk-paragraph',
  text: {
    bold: 'desk-text-bold',
    italic: 'desk-text-italic',
    underline: 'desk-text-underline',
    strikethrough: 'desk-text-strikethrough',
    underlineStrikethrough: 'desk-text-underline-strikethrough',
  },
  list: {
    ol: 'desk-list-ol',
    ul: 'desk-list-ul',
    listitem: 'desk-list-item',
    nested: { listitem: 'desk-list-nested' },
  },
  table: 'desk-table',
  tableRow: 'desk-table-row',
  tableCell: 'desk-table-cell',
  tableCellHeader: 'desk-table-cell-header',
  tableSelection: 'desk-table-selection',
  tableCellSelected: 'desk-table-cell-selected',
  collaboration: {
    cursor: 'collab-caret',
    cursorName: 'collab-caret-name',
  },
};
