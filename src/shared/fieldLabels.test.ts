import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from './api';
import * as ledger from './ledger';
import * as review from './review';
import * as proofing from './proofing';
import * as removal from './removal';
import * as audit from './audit';
import * as suggestions from './suggestions';
import * as search from './search';
import * as templates from './templates';
import { FIELD_LABELS, fieldLabel } from './fieldLabels';

/** Every object key reachable in a schema (record keys are the user's own names, not fields). */
function keysOf(schema: z.ZodType, into = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      into.add(key);
      keysOf(child, into);
    }
  } else if (schema instanceof z.ZodArray) keysOf(schema.element as z.ZodType, into);
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) keysOf(schema.unwrap() as z.ZodType, into);
  else if (schema instanceof z.ZodUnion) for (const option of schema.options as z.ZodType[]) keysOf(option, into);
  else if (schema instanceof z.ZodRecord) keysOf(schema.valueType as z.ZodType, into);
  return into;
}

describe('FIELD_LABELS', () => {
  it('names every field of every request schema in src/shared', () => {
    const schemas = [api, ledger, review, proofing, removal, audit, suggestions, search, templates].flatMap((module) => Object.values(module))
      .flatMap((value) => (value instanceof z.ZodType ? [value] : typeof value === 'object' && value !== null ? Object.values(value).filter((v) => v instanceof z.ZodType) : []));
    expect(schemas.length).toBeGreaterThan(20);
    const unnamed = [...new Set(schemas.flatMap((s) => [...keysOf(s)]))].filter((key) => !FIELD_LABELS[key]);
    expect(unnamed).toEqual([]);
  });

  it('names nested and indexed fields', () => {
    expect(fieldLabel(['title'])).toBe('标题');
    expect(fieldLabel(['blocks', 2, 'text'])).toBe('正文段落第 3 项的文字');
    expect(fieldLabel(['outletIds', 0])).toBe('报送单位第 1 项');
    expect(fieldLabel(['properties', '发文字号'])).toBe('属性“发文字号”');
    expect(fieldLabel(['properties', '主送机关', 1])).toBe('属性“主送机关”第 2 项');
    expect(fieldLabel([])).toBe('请求内容');
  });
});
