import { ParagraphNode, type Klass, type LexicalNode, type LexicalNodeReplacement } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { DeskParagraphNode } from './DeskParagraphNode';
import { SuggestionNode } from '../suggestions/SuggestionNode';

/**
 * The node set of a 文稿台 body. The renderer's editor and the server's headless reader both register
 * exactly this list: a node one side knows and the other does not would be dropped in sync.
 */
export const DESK_NODES: ReadonlyArray<Klass<LexicalNode> | LexicalNodeReplacement> = [
  DeskParagraphNode,
  {
    replace: ParagraphNode,
    with: () => new DeskParagraphNode(),
    withKlass: DeskParagraphNode,
  },
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  SuggestionNode,
];
