import {
  $applyNodeReplacement,
  $setDirectionFromDOM,
  $setFormatFromDOM,
  ParagraphNode,
  setNodeIndentFromDOM,
  type DOMConversion,
  type DOMConversionMap,
  type DOMConversionOutput,
  type ElementFormatType,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedParagraphNode,
  type Spread,
} from 'lexical';
import { parseLevelNumber, splitRunIn } from '../structure/levels';
import {
  paragraphSuggestionsOf, type LevelSuggestion, type ParagraphSuggestions, type SuggestionMeta,
} from '../suggestions/types';

/** 0 is body text (正文); 1 to 4 are the structure levels 一级 to 四级. */
export type StructureLevel = 0 | 1 | 2 | 3 | 4;

/** The suggestion keys (`suggestedSplit`, …) are present only when a suggestion is pending. */
export type SerializedDeskParagraphNode = Spread<{
  level: StructureLevel;
  suggestedSplit?: SuggestionMeta;
  suggestedJoin?: SuggestionMeta;
  suggestedLevel?: LevelSuggestion;
}, SerializedParagraphNode>;

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
  // Pending paragraph-level suggestions (修订); null when none. Immutable values, replaced whole.
  __suggestedSplit: ParagraphSuggestions['split'] = null;
  __suggestedJoin: ParagraphSuggestions['join'] = null;
  __suggestedLevel: ParagraphSuggestions['level'] = null;

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
    this.__suggestedSplit = prevNode.__suggestedSplit;
    this.__suggestedJoin = prevNode.__suggestedJoin;
    this.__suggestedLevel = prevNode.__suggestedLevel;
  }

  /**
   * Pasted or imported HTML (Word, WPS, other editors) keeps its structure levels: `p` and `h1`–`h4`
   * become DeskParagraphNodes with alignment, indent and direction read as ParagraphNode reads them,
   * at the level levelFromDOM finds. Priority 1 beats ParagraphNode's own `p` converter.
   */
  static override importDOM(): DOMConversionMap<HTMLElement> {
    const convert = (): DOMConversion<HTMLElement> => ({ conversion: $convertDeskParagraphElement, priority: 1 });
    return { p: convert, h1: convert, h2: convert, h3: convert, h4: convert };
  }

  static override importJSON(serialized: SerializedDeskParagraphNode): DeskParagraphNode {
    return $createDeskParagraphNode().updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedDeskParagraphNode>): this {
    return super.updateFromJSON(serialized).setLevel(toStructureLevel(serialized.level))
      .setSuggestions(paragraphSuggestionsOf(serialized));
  }

  override exportJSON(): SerializedDeskParagraphNode {
    const json: SerializedDeskParagraphNode = { ...super.exportJSON(), level: this.getLevel() };
    const suggestions = this.getSuggestions();
    if (suggestions.split) json.suggestedSplit = suggestions.split;
    if (suggestions.join) json.suggestedJoin = suggestions.join;
    if (suggestions.level) json.suggestedLevel = suggestions.level;
    return json;
  }

  /** The pending paragraph-level suggestions: an inserted or deleted start mark, a level change. */
  getSuggestions(): ParagraphSuggestions {
    const self = this.getLatest();
    return { split: self.__suggestedSplit, join: self.__suggestedJoin, level: self.__suggestedLevel };
  }

  /** Replaces the given paragraph-level suggestions (null clears one); the others stay. */
  setSuggestions(suggestions: Partial<ParagraphSuggestions>): this {
    const self = this.getWritable();
    if (suggestions.split !== undefined) self.__suggestedSplit = suggestions.split;
    if (suggestions.join !== undefined) self.__suggestedJoin = suggestions.join;
    if (suggestions.level !== undefined) self.__suggestedLevel = suggestions.level;
    return self;
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
    applySuggestions(dom, this.getSuggestions());
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prevNode.__level !== this.__level) applyLevel(dom, this.__level);
    if (prevNode.__suggestedSplit !== this.__suggestedSplit || prevNode.__suggestedJoin !== this.__suggestedJoin
      || prevNode.__suggestedLevel !== this.__suggestedLevel) applySuggestions(dom, this.getSuggestions());
    return super.updateDOM(prevNode, dom, config);
  }
}

function applyLevel(dom: HTMLElement, level: StructureLevel): void {
  for (const l of [1, 2, 3, 4]) dom.classList.toggle(`desk-level-${l}`, l === level);
  if (level === 0) dom.removeAttribute('data-level');
  else dom.setAttribute('data-level', String(level));
}

function applySuggestions(dom: HTMLElement, suggestions: ParagraphSuggestions): void {
  dom.classList.toggle('desk-suggested-split', suggestions.split !== null);
  dom.classList.toggle('desk-suggested-join', suggestions.join !== null);
  dom.classList.toggle('desk-suggested-level', suggestions.level !== null);
}

/** The longest heading text (after the number) that a numbered pasted paragraph may have. */
const MAX_PASTED_HEADING_CHARS = 40;
const ELEMENT_FORMATS: ReadonlyArray<ElementFormatType> = ['left', 'start', 'center', 'right', 'end', 'justify'];

/**
 * The structure level of a pasted block: `h1`–`h4` give their number; Word's and WPS'
 * `mso-outline-level:N` gives N when 1–4; otherwise a recognized number at the start of the text
 * decides. 一、 always means level 1; （一） 1. （1） mean their level only when the heading is short
 * (at most 40 characters after the number), whether it stands alone or runs in (`（一）报送内容。围绕……`),
 * since a long numbered paragraph is more likely a list item of body text.
 */
export function levelFromDOM(element: HTMLElement): StructureLevel {
  const heading = /^H([1-4])$/i.exec(element.nodeName);
  if (heading) return toStructureLevel(Number(heading[1]));
  const outline = /mso-outline-level\s*:\s*(\d+)/i.exec(element.getAttribute('style') ?? '');
  const outlineLevel = outline ? toStructureLevel(Number(outline[1])) : 0;
  if (outlineLevel !== 0) return outlineLevel;
  // Word's HTML wraps long lines and indents with spaces; neither is part of the text.
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const found = parseLevelNumber(text);
  if (!found) return 0;
  if (found.level === 1) return 1;
  const { heading: runIn, body } = splitRunIn(text);
  const headingLength = (body === '' ? text.length : runIn.length) - found.length;
  return headingLength <= MAX_PASTED_HEADING_CHARS ? found.level : 0;
}

function $convertDeskParagraphElement(element: HTMLElement): DOMConversionOutput {
  const node = $createDeskParagraphNode(levelFromDOM(element));
  $setFormatFromDOM(node, element);
  setNodeIndentFromDOM(element, node);
  // The legacy align attribute counts only when CSS set no alignment, as in ParagraphNode.
  if (node.getFormatType() === '') {
    const align = ELEMENT_FORMATS.find((format) => format === element.getAttribute('align'));
    if (align) node.setFormat(align);
  }
  $setDirectionFromDOM(node, element);
  return { node };
}

export function $createDeskParagraphNode(level: StructureLevel = 0): DeskParagraphNode {
  return $applyNodeReplacement(new DeskParagraphNode(level));
}

export function $isDeskParagraphNode(node: LexicalNode | null | undefined): node is DeskParagraphNode {
  return node instanceof DeskParagraphNode;
}
