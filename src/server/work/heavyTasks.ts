/**
 * The CPU-heavy work of the desk server, run in its worker threads (heavyWorker.ts) and never on the
 * event loop that serves every connection: reading, importing and exporting Word files, reading and
 * seeding bodies with headless Lexical, proofreading whole pieces, diffs, version restores and the
 * ledger's spreadsheets. Each task takes and returns structured-cloneable values. mammoth, docx and
 * exceljs load on their first task, so that a worker is ready for the frequent ones in less time.
 */
import { encodeSeedBody, readBody, type BodySeedBlock } from '../../core/editor/headless';
import type { DocxExportInput } from '../../core/docx/docxExporter';
import { Proofreader, proofreadDocument, type CheckOptions, type DocumentProofInput, type PlacedFinding, type Finding } from '../../core/proofing';
import type { YearProgress } from '../../core/targets';
import { diffParagraphs, type DiffLine } from '../../core/review/diff';
import type { ProofingLists } from '../../shared/proofing';
import type { DocumentKind } from '../../shared/kinds';
import { restoreUpdate } from '../review/versionRestore';

/** The proofreading lists with the version they were saved as: a worker rebuilds its Proofreader only when it changes. */
export interface VersionedLists { version: string; lists: ProofingLists }

let proofreaderCache: { version: string; proofreader: Proofreader } | null = null;

function proofreaderFor({ version, lists }: VersionedLists): Proofreader {
  if (proofreaderCache?.version !== version) proofreaderCache = { version, proofreader: new Proofreader(lists) };
  return proofreaderCache.proofreader;
}

/** A .docx read into a new document: what it is, and its body already encoded as a Yjs state. */
export interface ImportedDocx {
  kind: DocumentKind | null;
  title: string | null;
  properties: Record<string, string | string[]>;
  blocks: number;
  body: Uint8Array;
}

export const HEAVY_TASKS = {
  async importDocx(bytes: Uint8Array): Promise<ImportedDocx> {
    const { importDocx } = await import('../documents/docxImporter');
    const { kind, title, properties, blocks } = await importDocx(bytes);
    return { kind, title, properties, blocks: blocks.length, body: encodeSeedBody(blocks) };
  },
  seedBody(blocks: readonly BodySeedBlock[]): Uint8Array {
    return encodeSeedBody(blocks);
  },
  readBody(state: Uint8Array): { text: string; json: ReturnType<typeof readBody>['json'] } {
    const { text, json } = readBody(state);
    return { text, json };
  },
  async exportDocx(input: DocxExportInput): Promise<Uint8Array> {
    const { exportDocx } = await import('../../core/docx/docxExporter');
    return exportDocx(input);
  },
  proofreadDocument(request: { lists: VersionedLists; input: DocumentProofInput; options?: CheckOptions }): PlacedFinding[] {
    return proofreadDocument(proofreaderFor(request.lists), request.input, request.options);
  },
  proofreadText(request: { lists: VersionedLists; text: string }): Finding[] {
    return proofreaderFor(request.lists).checkText(request.text);
  },
  diffParagraphs(request: { before: readonly string[]; after: readonly string[] }): DiffLine[] {
    return diffParagraphs(request.before, request.after);
  },
  restoreUpdate(request: { live: Uint8Array; version: Uint8Array }): Uint8Array {
    return restoreUpdate(request.live, request.version);
  },
  async readSheet(request: { filename: string; bytes: Uint8Array }): Promise<string[][]> {
    const { readSheet } = await import('../ledger/ledgerSpreadsheet');
    return readSheet(request.filename, Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
  },
  async exportLedger(request: { rows: (string | number)[][]; progress: YearProgress }): Promise<Uint8Array> {
    const { exportLedger } = await import('../ledger/ledgerSpreadsheet');
    return new Uint8Array(await exportLedger(request.rows, request.progress));
  },
} satisfies Record<string, (input: never) => unknown>;

/** The tasks by name, as the pool runs them. */
export type HeavyTasks = typeof HEAVY_TASKS;
export type HeavyTaskName = keyof HeavyTasks;
