/**
 * The private parts of Lexical's Yjs binding (v1) that collabTextRuns and collabChildren use, as
 * structural types with runtime guards: the binding exports none of its collab node classes. The
 * guards fail loudly (collabBinding.test.ts) if an upgrade of @lexical/yjs renames them.
 */
import * as Y from 'yjs';
import type { Binding } from '@lexical/yjs';
import type { ElementNode, NodeKey, NodeMap, TextNode } from 'lexical';

export type DirtyElements = Map<NodeKey, boolean> | null;
export type DirtyLeaves = Set<NodeKey> | null;

/** A child of a collab element: text, line break, element or decorator. */
export interface CollabChild { _key: NodeKey; getSize(): number; destroy(binding: Binding): void }

/** The binding's CollabTextNode: a format embed (`_map`) followed by `_text` in the parent's Y.XmlText. */
export interface CollabText extends CollabChild {
  _map: Y.Map<unknown>;
  _text: string;
  _normalized: boolean;
  destroy(binding: Binding): void;
  syncPropertiesAndTextFromLexical(binding: Binding, next: TextNode, prevNodeMap: NodeMap | null): void;
}

/** One entry of a Y.XmlText delta. */
export interface YjsDeltaEntry { insert?: unknown; delete?: number; retain?: number }

/** The methods of the binding's CollabElementNode this code replaces or calls. */
export interface CollabElementMethods {
  getPrevNode(nodeMap: NodeMap | null): ElementNode | null;
  syncPropertiesFromLexical(binding: Binding, next: ElementNode, prevNodeMap: NodeMap | null): void;
  getChildOffset(child: CollabChild): number;
  _syncChildFromLexical(
    binding: Binding, index: number, key: NodeKey, prevNodeMap: NodeMap | null,
    dirtyElements: DirtyElements, dirtyLeaves: DirtyLeaves,
  ): void;
  syncChildrenFromLexical(
    binding: Binding, next: ElementNode, prevNodeMap: NodeMap | null,
    dirtyElements: DirtyElements, dirtyLeaves: DirtyLeaves,
  ): void;
  applyChildrenYjsDelta(binding: Binding, deltas: YjsDeltaEntry[]): void;
}

/** The binding's CollabElementNode: its children and the Y.XmlText holding them. */
export interface CollabElement extends CollabElementMethods, CollabChild {
  _children: CollabChild[];
  _xmlText: Y.XmlText;
}

export type CollabTextClass = new (map: Y.Map<unknown>, text: string, parent: CollabElement, type: string) => CollabText;
export type CollabLineBreakClass = new (map: Y.Map<unknown>, parent: CollabElement) => CollabChild;
export type CollabElementClass = new (xmlText: Y.XmlText, parent: CollabElement, type: string) => CollabElement;

/** The binding's node classes, learnt at install (collabBinding.ts). */
export interface CollabClasses { Text: CollabTextClass; LineBreak: CollabLineBreakClass; Element: CollabElementClass }

/** What the binding's collab node map holds. */
type BindingCollabNode = Binding['collabNodeMap'] extends Map<NodeKey, infer Node> ? Node : never;

function hasFunctions(value: object, names: readonly string[]): boolean {
  return names.every((name) => typeof Reflect.get(value, name) === 'function');
}

export function isCollabChild(value: unknown): value is CollabChild {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, '_key') === 'string'
    && hasFunctions(value, ['getSize', 'destroy']);
}

export function isCollabText(value: unknown): value is CollabText {
  return isCollabChild(value) && typeof Reflect.get(value, '_text') === 'string'
    && Reflect.get(value, '_map') instanceof Y.Map && hasFunctions(value, ['destroy', 'syncPropertiesAndTextFromLexical']);
}

const ELEMENT_METHODS = [
  'getPrevNode', 'syncPropertiesFromLexical', 'getChildOffset', '_syncChildFromLexical', 'syncChildrenFromLexical', 'applyChildrenYjsDelta',
] as const;

export function hasElementMethods(value: unknown): value is CollabElementMethods {
  return typeof value === 'object' && value !== null && hasFunctions(value, ELEMENT_METHODS);
}

export function isCollabElement(value: unknown): value is CollabElement {
  return hasElementMethods(value) && isCollabChild(value) && Array.isArray(Reflect.get(value, '_children'))
    && Reflect.get(value, '_xmlText') instanceof Y.XmlText;
}

export function isCollabTextClass(value: unknown): value is CollabTextClass {
  return typeof value === 'function';
}

export function isCollabLineBreakClass(value: unknown): value is CollabLineBreakClass {
  return typeof value === 'function';
}

export function isCollabElementClass(value: unknown): value is CollabElementClass {
  return typeof value === 'function';
}

/** Narrows a collab node to what the binding's node map holds (it holds every kind). */
export function isBindingCollabNode(node: CollabChild): node is CollabChild & BindingCollabNode {
  return isCollabChild(node);
}

export function isYjsDelta(value: unknown): value is YjsDeltaEntry[] {
  return Array.isArray(value);
}

/** The collab node the binding attached to an embedded shared type, if any. */
export function collabNodeOf(shared: unknown): CollabChild | null {
  if (typeof shared !== 'object' || shared === null) return null;
  const node: unknown = Reflect.get(shared, '_collabNode');
  return isCollabChild(node) ? node : null;
}

/** What the binding stores for a plain text node. */
export const PLAIN_TEXT_PROPERTIES = { __type: 'text', __format: 0, __style: '', __mode: 0, __detail: 0 } as const;

/** A new collab text node over a new plain format embed, known to the binding through the embed. */
export function newPlainTextNode(TextClass: CollabTextClass, parent: CollabElement, text: string): CollabText {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(PLAIN_TEXT_PROPERTIES)) map.set(key, value);
  const node = new TextClass(map, text, parent, 'text');
  Reflect.set(map, '_collabNode', node);
  return node;
}
