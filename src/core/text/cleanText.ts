/**
 * The one normalizer for names people type or files carry: document and ledger titles, version and
 * outlet names, uploaded and exported file names. Every place such a name enters the desk passes it
 * through here, so a name that looks blank is blank, and what is shown is what is stored.
 *
 * Removed: zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the other invisible format
 * characters (soft hyphen, U+2061–U+2064, U+180E), bidirectional controls (marks U+200E, U+200F,
 * U+061C; embeddings and overrides U+202A–U+202E; isolates U+2066–U+2069), which can make
 * `报告\u202Excod.exe` read as `报告exe.docx`, and unpaired surrogates (not text, and refused by
 * PostgreSQL once encoded). Control characters (tab, line breaks, NUL, C1) become spaces. Nothing else
 * changes: no Unicode normalization (NFC would turn CJK compatibility ideographs into others), and
 * spaces inside, full-width ones included, stay as typed.
 */

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]+/g;
/** What Windows, macOS and Linux refuse (or read as a path) in a file name. */
const FILE_NAME_RESERVED = /[\\/:*?"<>|]/g;

/**
 * A title or name as it should be stored: invisible and bidi characters removed, controls turned
 * into spaces, trimmed. An empty result means the name was blank, whatever it looked like.
 */
export function cleanTitle(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(INVISIBLE, '').replace(CONTROLS, ' ').trim();
}

/**
 * A file name safe to store, show and send in Content-Disposition: `cleanTitle`, then characters the
 * common file systems refuse become `_`, leading and trailing dots and spaces go, and a name longer
 * than `maxLength` characters keeps its extension. `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback: string, maxLength = 120): string {
  const cleaned = cleanTitle(name).replace(FILE_NAME_RESERVED, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = [...cleaned];
  if (chars.length === 0) return fallback;
  if (chars.length <= maxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return [...cleaned.slice(0, cleaned.length - extension.length)].slice(0, maxLength - extension.length).join('').trim() + extension;
}
