/**
 * Every key of a schema a route writes itself (path and query parameters, a body built in the
 * handler) has a Chinese label, as the shared schemas' keys do (src/shared/fieldLabels.test.ts):
 * otherwise a refusal names the field by its English key (`“threadId”不能超过 64 个字`). Route
 * schemas are mostly module-private, so they are found in the sources: every object literal given
 * to `z.object(…)` or `.extend(…)` in src/server/http.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../../shared/fieldLabels';

const HTTP_DIR = import.meta.dirname;

/** The property names of the object literals passed to `z.object` or `.extend` in one source file. */
function schemaKeys(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
      && ['object', 'extend', 'strictObject', 'looseObject'].includes(node.expression.name.text)) {
      const [shape] = node.arguments;
      if (shape && ts.isObjectLiteralExpression(shape)) {
        for (const property of shape.properties) {
          if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) keys.push(property.name.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

describe('the routes’ own schemas', () => {
  const files = readdirSync(HTTP_DIR).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => join(HTTP_DIR, name));

  it('are found (the scan reads what it should)', () => {
    const found = new Set(files.flatMap(schemaKeys));
    for (const key of ['id', 'threadId', 'entryId', 'vid', 'fingerprint']) expect(found).toContain(key);
  });

  it('name every key in Chinese', () => {
    const unnamed = files.flatMap((file) => schemaKeys(file).filter((key) => !FIELD_LABELS[key]).map((key) => `${key} (${file.slice(HTTP_DIR.length + 1)})`));
    expect(unnamed).toEqual([]);
  });
});
