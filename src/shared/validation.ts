/**
 * Chinese validation messages for the request schemas: a zod error map that names the field (from
 * FIELD_LABELS) and the reason, `标题不能为空`, `标题不能超过 200 个字`, `缺少类别`. A message written
 * on a schema itself (`密码至少 8 位`) takes precedence over it, as zod orders error maps.
 */
import { z } from 'zod';
import { cleanTitle } from '../core/text/cleanText';
import { fieldLabel, WHOLE_REQUEST } from './fieldLabels';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', array: '列表', object: '对象',
  record: '对象', tuple: '列表', date: '日期', null: '空值', file: '文件',
};

function bound(value: number | bigint): string {
  return String(value);
}

function tooSmall(label: string, issue: Extract<Issue, { code: 'too_small' }>): string {
  const n = bound(issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return `${label}应为 ${n} 个字`;
      return Number(issue.minimum) <= 1 ? `${label}不能为空` : `${label}至少 ${n} 个字`;
    case 'array':
    case 'set':
      if (issue.exact) return `${label}应有 ${n} 项`;
      return Number(issue.minimum) <= 1 ? `${label}至少要有一项` : `${label}至少要有 ${n} 项`;
    default:
      return issue.inclusive === false ? `${label}应大于 ${n}` : `${label}不能小于 ${n}`;
  }
}

function tooBig(label: string, issue: Extract<Issue, { code: 'too_big' }>): string {
  const n = bound(issue.maximum);
  switch (issue.origin) {
    case 'string': return issue.exact ? `${label}应为 ${n} 个字` : `${label}不能超过 ${n} 个字`;
    case 'array':
    case 'set': return issue.exact ? `${label}应有 ${n} 项` : `${label}不能超过 ${n} 项`;
    default: return issue.inclusive === false ? `${label}应小于 ${n}` : `${label}不能大于 ${n}`;
  }
}

/** The Chinese message for one zod issue, naming its field. */
export function validationMessage(issue: Issue): string {
  const label = fieldLabel(issue.path ?? []);
  const expectsValue = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  if (expectsValue && issue.input === undefined) return label === WHOLE_REQUEST ? '请求内容为空' : `缺少${label}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === null) return `${label}不能为空`;
      if (issue.expected === 'number' && typeof issue.input === 'number') return `${label}应为有效的数字`;
      return `${label}应为${TYPE_NAMES[issue.expected] ?? '其他类型'}`;
    case 'too_small': return tooSmall(label, issue);
    case 'too_big': return tooBig(label, issue);
    case 'invalid_format': return `${label}的格式不正确`;
    case 'not_multiple_of': return `${label}应为 ${issue.divisor} 的倍数`;
    case 'invalid_value': return `${label}的取值无效`;
    // A discriminated union names its discriminator in the path already.
    case 'invalid_union': return issue.discriminator ? `${label}的取值无效` : `${label}的格式不正确`;
    case 'invalid_key': {
      // A record's key (a property name), last in the path: say what is wrong with the name.
      const owner = fieldLabel((issue.path ?? []).slice(0, -1));
      const [inner] = issue.issues;
      if (inner?.code === 'too_big') return `${owner}的名称不能超过 ${bound(inner.maximum)} 个字`;
      if (inner?.code === 'too_small') return `${owner}的名称不能为空`;
      return `${owner}的名称无效`;
    }
    case 'invalid_element': return `${label}中有无效的项`;
    case 'unrecognized_keys': return `${label}中有不认识的字段：${issue.keys.join('、')}`;
    default: return `${label}无效`;
  }
}

/** The error map to parse requests with: `schema.safeParse(value, { error: chineseErrors })`. */
export const chineseErrors: z.core.$ZodErrorMap = (issue) => validationMessage(issue);

/** A record's id (a document, user, version, submission, …) in a path, body or query: 1–64 characters. */
export const recordId = z.string().min(1).max(64);

/**
 * A title or single-line name: cleaned by `cleanTitle` (zero-width and bidi characters removed,
 * trimmed) before its length is checked, so a name of invisible characters is refused as blank.
 */
export function nameText(max: number): z.ZodString {
  return z.string().overwrite(cleanTitle).min(1).max(max);
}
