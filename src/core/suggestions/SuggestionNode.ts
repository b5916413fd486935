import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { suggestionTitle, type InlineSuggestionKind, type SuggestionMeta } from './types';

export type SerializedSuggestionNode = Spread<{
  kind: InlineSuggestionKind; id: string; authorId: string; authorName: string; at: string;
}, SerializedElementNode>;

/**
 * A pending suggested change to inline content (修订): the text it wraps is either inserted
 * (`insert`: absent from the original) or deleted (`delete`: still in the original, struck through).
 * Pieces of one suggestion that a paragraph break or another change splits share one id.
 * Its fields sync through Yjs like any node property.
 */
export class SuggestionNode extends ElementNode {
  __id: string;
  __kind: InlineSuggestionKind;
  __authorId: string;
  __authorName: string;
  __at: string;

  static override getType(): string {
    return 'suggestion';
  }

  static override clone(node: SuggestionNode): SuggestionNode {
    return new SuggestionNode(node.__kind, node.getMeta(), node.__key);
  }

  constructor(kind: InlineSuggestionKind = 'insert', meta?: SuggestionMeta, key?: NodeKey) {
    super(key);
    this.__kind = kind;
    this.__id = meta?.id ?? '';
    this.__authorId = meta?.authorId ?? '';
    this.__authorName = meta?.authorName ?? '';
    this.__at = meta?.at ?? '';
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__kind = prevNode.__kind;
    this.__id = prevNode.__id;
    this.__authorId = prevNode.__authorId;
    this.__authorName = prevNode.__authorName;
    this.__at = prevNode.__at;
  }

  static override importJSON(serialized: SerializedSuggestionNode): SuggestionNode {
    return $createSuggestionNode(serialized.kind, serialized).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedSuggestionNode>): this {
    const self = super.updateFromJSON(serialized).getWritable();
    self.__kind = serialized.kind === 'delete' ? 'delete' : 'insert';
    self.__id = serialized.id;
    self.__authorId = serialized.authorId;
    self.__authorName = serialized.authorName;
    self.__at = serialized.at;
    return self;
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), kind: this.getKind(), ...this.getMeta() };
  }

  getKind(): InlineSuggestionKind {
    return this.getLatest().__kind;
  }

  getSuggestionId(): string {
    return this.getLatest().__id;
  }

  getMeta(): SuggestionMeta {
    const self = this.getLatest();
    return { id: self.__id, authorId: self.__authorId, authorName: self.__authorName, at: self.__at };
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  // Typing at the end of an insertion extends it; typing next to a deletion goes outside it.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return this.getKind() === 'insert';
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement(this.__kind === 'insert' ? 'ins' : 'del');
    dom.className = `desk-suggestion desk-suggestion-${this.__kind}`;
    dom.title = suggestionTitle(this.getMeta());
    dom.dataset.suggestionId = this.__id;
    dom.dataset.authorId = this.__authorId;
    return dom;
  }

  override updateDOM(prevNode: this): boolean {
    // A kind change swaps the tag; the rest is attributes.
    return prevNode.__kind !== this.__kind || prevNode.__id !== this.__id || prevNode.__at !== this.__at
      || prevNode.__authorId !== this.__authorId || prevNode.__authorName !== this.__authorName;
  }
}

/** A new, empty suggestion node of `kind` with `meta`; append the text it wraps. */
export function $createSuggestionNode(kind: InlineSuggestionKind, meta: SuggestionMeta): SuggestionNode {
  return $applyNodeReplacement(new SuggestionNode(kind, meta));
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}
