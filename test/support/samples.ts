/**
 * The shared samples (../shared/samples/*.md) as documents: front matter = kind and properties (a
 * small YAML subset: `key: value`, quoted strings, `- item` lists), body = paragraphs separated by
 * blank lines, with structure levels read from their numbers (一、（一）1.（1）).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BodyBlock } from '../../src/core/body/bodyModel';
import { parseLevelNumber } from '../../src/core/structure/levels';
import { parseFrontMatter } from '../../src/core/text/frontMatter';
import type { DocumentKind } from '../../src/core/domain/kinds';

export const SAMPLES_DIR = resolve(import.meta.dirname, '../../../shared/samples');

export interface Sample {
  kind: DocumentKind;
  title: string;
  properties: Record<string, string | string[]>;
  /** Paragraphs in the shape of the seed blocks of POST /api/documents. */
  paragraphs: Array<{ type: 'paragraph'; level?: 1 | 2 | 3 | 4; text: string }>;
  blocks: BodyBlock[];
}

export function parseSample(fileName: string): Sample {
  const text = readFileSync(resolve(SAMPLES_DIR, fileName), 'utf8');
  const parsed = parseFrontMatter(text);
  if (!parsed) throw new Error(`${fileName}: no front matter`);
  const { properties } = parsed;
  const kind = properties.kind as DocumentKind;
  delete properties.kind;
  const paragraphs = parsed.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => {
    const level = parseLevelNumber(p)?.level;
    return level ? { type: 'paragraph' as const, level, text: p } : { type: 'paragraph' as const, text: p };
  });
  const title = typeof properties['标题'] === 'string' ? properties['标题'] : fileName;
  return {
    kind, title, properties, paragraphs,
    blocks: paragraphs.map((p) => ({ type: 'paragraph', level: p.level ?? 0, runs: [{ text: p.text, format: 0 }], align: '' })),
  };
}
