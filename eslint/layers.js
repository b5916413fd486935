// @ts-check
/**
 * The layer rules ESLint's own rules cannot state: an allow-list of what a layer may import
 * (no-restricted-imports can only deny), and no `import(...)` unless the config names it with a reason.
 * Both see every way a module is reached: import/export-from, `import()`, `import('x').T` types,
 * `import x = require()` and `require()`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, which folders and files in the options are relative to (not the cwd ESLint runs in). */
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** `file` relative to the project root, with forward slashes. */
const fromRoot = (file) => path.relative(root, file).split(path.sep).join('/');

/**
 * @typedef {import('eslint').Rule.RuleContext} Context
 * @typedef {import('eslint').Rule.Node} Node
 * @typedef {{ node: Node, source: string | null }} ModuleUse
 */

/** The literal module specifier of a node that reaches a module, or null when it is computed. */
function literal(/** @type {unknown} */ node) {
  if (node && typeof node === 'object' && 'type' in node) {
    if (node.type === 'Literal' && 'value' in node && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral' && 'expressions' in node && 'quasis' in node
      && Array.isArray(node.expressions) && node.expressions.length === 0 && Array.isArray(node.quasis)) {
      return node.quasis[0].value.cooked;
    }
    // typescript-eslint: `import('x').T` holds its specifier in a TSLiteralType.
    if (node.type === 'TSLiteralType' && 'literal' in node) return literal(node.literal);
  }
  return null;
}

/**
 * Visitors calling `use` for every module a file reaches; `dynamic` tells `import(...)` (expression or
 * type) apart from a static import.
 * @param {(use: ModuleUse, dynamic: boolean) => void} use
 */
function moduleVisitors(use) {
  /** @param {{ source?: unknown }} node */
  const fromSource = (node) => { if (node.source) use({ node: /** @type {Node} */ (node), source: literal(node.source) }, false); };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: (node) => use({ node, source: literal(node.source) }, true),
    TSImportType: (node) => use({ node, source: literal(node.source ?? node.argument) }, true),
    TSExternalModuleReference: (node) => use({ node, source: literal(node.expression) }, false),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') use({ node, source: literal(node.arguments[0]) }, true);
    },
  };
}

/** Whether `specifier` is `entry` or a path inside it (`lib0/buffer` is inside `lib0`, `lexical-x` is not inside `lexical`). */
const within = (specifier, entry) => specifier === entry || specifier.startsWith(`${entry}/`);

/**
 * `layers/allowed-imports`: a file may import only from the listed folders (relative imports,
 * resolved from the project root) and the listed packages. Options: `{ layer, folders, packages }`.
 * @type {import('eslint').Rule.RuleModule}
 */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow-list of the folders and packages a layer imports from.' },
    schema: [{
      type: 'object',
      properties: {
        layer: { type: 'string' },
        folders: { type: 'array', items: { type: 'string' } },
        packages: { type: 'array', items: { type: 'string' } },
      },
      required: ['layer', 'folders', 'packages'],
      additionalProperties: false,
    }],
    messages: {
      computed: '{{layer}} imports only literal module names, so the allow-list can read them.',
      folder: '{{layer}} imports only from {{folders}}; "{{source}}" is outside (allow-list in eslint.config.js).',
      package: '{{layer}} imports only the packages on its allow-list in eslint.config.js; "{{source}}" is not one of them.',
    },
  },
  create(context) {
    const { layer, folders, packages } = context.options[0];
    const from = path.dirname(context.filename);
    return moduleVisitors(({ node, source }) => {
      if (source === null) {
        context.report({ node, messageId: 'computed', data: { layer } });
      } else if (source.startsWith('.')) {
        const target = fromRoot(path.resolve(from, source));
        if (!folders.some((folder) => within(target, folder))) {
          context.report({ node, messageId: 'folder', data: { layer, source, folders: folders.join(', ') } });
        }
      } else if (!packages.some((entry) => within(source, entry))) {
        context.report({ node, messageId: 'package', data: { layer, source } });
      }
    });
  },
};

/**
 * `layers/no-dynamic-import`: no `import(...)`, as an expression or a type, except the ones the config
 * allows: `{ allow: [{ file, source, reason }] }`, `file` from the project root. Dynamic imports are
 * how code slips past the import rules, and a literal one must still pass them.
 * @type {import('eslint').Rule.RuleModule}
 */
const noDynamicImport = {
  meta: {
    type: 'problem',
    docs: { description: 'No import() unless allowed, with a reason, in eslint.config.js.' },
    schema: [{
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: {
            type: 'object',
            properties: { file: { type: 'string' }, source: { type: 'string' }, reason: { type: 'string', minLength: 10 } },
            required: ['file', 'source', 'reason'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    }],
    messages: {
      dynamic: 'No import() or require() here: import statically, or allow "{{source}}" in eslint.config.js (layers/no-dynamic-import) with a reason.',
      computed: 'No import() or require() of a computed name: the layer rules cannot read it.',
    },
  },
  create(context) {
    const allow = context.options[0]?.allow ?? [];
    const file = fromRoot(context.filename);
    return moduleVisitors(({ node, source }, dynamic) => {
      if (!dynamic) return;
      if (source === null) context.report({ node, messageId: 'computed' });
      else if (!allow.some((entry) => entry.file === file && entry.source === source)) context.report({ node, messageId: 'dynamic', data: { source } });
    });
  },
};

/** The local plugin: `layers/allowed-imports` and `layers/no-dynamic-import`. */
export const layers = {
  meta: { name: 'layers' },
  rules: { 'allowed-imports': allowedImports, 'no-dynamic-import': noDynamicImport },
};
