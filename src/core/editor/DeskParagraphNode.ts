import {
  $applyNodeReplacement,
  ParagraphNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedParagraphNode,
  type Spread,
} from 'lexical';

/** 0 is body text (正文); 1 to 4 are the structure levels 一级 to 四级. */
export type StructureLevel = 0 | 1 | 2 | 3 | 4;

export type SerializedDeskParagraphNode = Spread<{ level: StructureLevel }, SerializedParagraphNode>;

export function toStructureLevel(value: unknown): StructureLevel {
  return value === 1 || value === 2 || value === 3 || value === 4 ? value : 0;
}

/**
 * Every paragraph of a 文稿台 body. Its structure level is a paragraph attribute that sets its look;
 * the number (一、（一）1.（1）) is ordinary text. It replaces Lexical's ParagraphNode, so Enter, paste
 * and every `$createParagraphNode()` make one, at level 0. `__level` syncs through Yjs like any property.
 */
export class DeskParagraphNode extends ParagraphNode {
  __level: StructureLevel;

  static override getType(): string {
    return 'desk-paragraph';
  }

  static override clone(node: DeskParagraphNode): DeskParagraphNode {
    return new DeskParagraphNode(node.__level, node.__key);
  }

  constructor(level: StructureLevel = 0, key?: NodeKey) {
    super(key);
    this.__level = level;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__level = prevNode.__level;
  }

  static override importJSON(serialized: SerializedDeskParagraphNode): DeskParagraphNode {
    return $createDeskParagraphNode().updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedDeskParagraphNode>): this {
    return super.updateFromJSON(serialized).setLevel(toStructureLevel(serialized.level));
  }

  override exportJSON(): SerializedDeskParagraphNode {
    return { ...super.exportJSON(), level: this.getLevel() };
  }

  getLevel(): StructureLevel {
    return this.getLatest().__level;
  }

  setLevel(level: StructureLevel): this {
    const self = this.getWritable();
    self.__level = level;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    applyLevel(dom, this.__level);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__level !== this.__level) applyLevel(dom, this.__level);
    return super.updateDOM(prevNode, dom, config);
  }
}

function applyLevel(dom: HTMLElement, level: StructureLevel): void {
  for (const l of [1, 2, 3, 4]) dom.classList.toggle(`desk-level-${l}`, l === level);
  if (level === 0) dom.removeAttribute('data-level');
  else dom.setAttribute('data-level', String(level));
}

export function $createDeskParagraphNode(level: StructureLevel = 0): DeskParagraphNode {
  return $applyNodeReplacement(new DeskParagraphNode(level));
}

export function $isDeskParagraphNode(node: LexicalNode | null | undefined): node is DeskParagraphNode {
  return node instanceof DeskParagraphNode;
}
