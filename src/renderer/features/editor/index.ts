/**
 * The Lexical editor's public face: the collaborative editor itself, its connection (the Lexical
 * editor and the collaboration adapter, for panels that read or mark the body), who else is in the
 * document, the DOM lookups that place highlights over text, and the review edits of 修订 (accept or
 * reject as one undo step; show a change). Other features import from here only, never from files
 * inside this folder.
 */
export { DeskEditor, type DeskEditorProps, type EditorConnection } from './DeskEditor';
export type { HocuspocusAdapter } from './collab/hocuspocusAdapter';
export { cursorColorFor } from './collab/cursorColor';
export { PresenceAvatars } from './presence/PresenceAvatars';
export { domRangeBetween, textDomPoint, type DomPoint } from './domText';
export { runReviewEdit } from './suggesting/suggestingMode';
export { showSuggestion } from './suggesting/suggestionPlaces';
