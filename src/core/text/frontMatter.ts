/**
 * The front matter of a Markdown file as in ../shared/samples: a small YAML subset between `---`
 * lines (`key: value`, values optionally quoted, a key with no value followed by `  - item` lines is
 * a list), then the body. Lines that are neither are skipped.
 */

/** A Markdown file split into its front matter's properties and its body. */
export interface FrontMatter {
  properties: Record<string, string | string[]>;
  body: string;
  /** The 1-based source line the body starts on. */
  bodyLine: number;
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(".*"|'.*')$/.test(v) ? v.slice(1, -1) : v;
}

/** The front matter and body of `source` (LF or CRLF lines), or null when it does not open with front matter. */
export function parseFrontMatter(source: string): FrontMatter | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return null;
  const properties: Record<string, string | string[]> = {};
  let listKey: string | null = null;
  for (const line of match[1].split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    const list = listKey === null ? undefined : properties[listKey];
    if (item && Array.isArray(list)) { list.push(unquote(item[1])); continue; }
    const pair = /^([^:]+):\s*(.*)$/.exec(line);
    if (!pair) continue;
    listKey = pair[2].trim() === '' ? pair[1].trim() : null;
    properties[pair[1].trim()] = listKey ? [] : unquote(pair[2]);
  }
  return { properties, body: match[2], bodyLine: match[1].split('\n').length + 3 };
}
