/**
 * The CPU-heavy work of the desk server, run in its worker threads (heavyWorker.ts) and never on the
 * event loop that serves every connection: reading, importing and exporting Word files, reading and
 * seeding bodies with headless Lexical, proofreading whole pieces, diffs, version restores and the
 * ledger's and the audit log's spreadsheets. Each task takes and returns structured-cloneable values. mammoth, docx and
 * exceljs load on their first task, so that a worker is ready for the frequent ones in less time.
 */
import type { SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { sha256Base64 } from '../digest';
import { encodeSeedBody, readBody, type BodySeedBlock } from '../../core/editor/headless';
import type { DocxExportInput } from '../../core/docx/docxExporter';
import type { DispatchForm } from '../../core/docx/dispatchForm';
import { Proofreader, paragraphsOfBlocks, proofreadDocument, type Finding, type PlacedFinding, type ProofVersions } from '../../core/proofing';
import type { CanonicalContent } from '../../core/review/canonical';
import { bodyBlocksFromLexical, bodyLines } from '../../core/body/bodyModel';
import type { YearProgress } from '../../core/targets';
import { diffParagraphs, type DiffLine } from '../../core/review/diff';
import type { DiffView } from '../../shared/review';
import type { DocumentContent } from '../../shared/api';
import type { ProofingLists } from '../../shared/proofing';
import type { DocumentKind } from '../../core/domain/kinds';
import { restoreUpdate } from '../review/versionRestore';
import { contentReading, type ContentReading } from '../review/contentReader';
import {
  judgeIncomingUpdate, listSuggestionsOf, resolveSuggestionsUpdate, type JudgeRequest, type ResolveRequest,
} from '../review/suggestionTasks';
import type { SuggestionVerdict } from '../../core/suggestions/suggestionRule';
import { unknownForeignMetas, type Writer } from '../collab/suggestionAuthorship';
import type { KindedMeta } from '../collab/suggestionHistory';
import type { SuggestionItem } from '../../shared/suggestions';
import type { AuditExportNotes, AuditSheetPage } from '../audit/auditSheetRows';
import type { EncodedAnchor } from '../../core/review/anchor';
import { readAnchors, type AnchorReading } from '../../core/review/anchorQuote';
import { searchableText } from '../search/searchText';

/** The proofreading lists with the version they were saved as: a worker rebuilds its Proofreader only when it changes. */
export interface VersionedLists { version: string; lists: ProofingLists }

let proofreaderCache: { version: string; proofreader: Proofreader } | null = null;

function proofreaderFor({ version, lists }: VersionedLists): Proofreader {
  if (proofreaderCache?.version !== version) proofreaderCache = { version, proofreader: new Proofreader(lists) };
  return proofreaderCache.proofreader;
}

/** A body as headless Lexical reads it: its text (one line per paragraph) and Lexical JSON. */
export interface BodyText { text: string; json: SerializedEditorState }

/** The last bodies read, by their state's SHA-256: the canonical content is often asked for right after the text. */
const lastReadings = new Map<string, BodyText>();
const READINGS_KEPT = 4;

function readCached(state: Uint8Array): BodyText {
  const key = sha256Base64(state);
  const found = lastReadings.get(key);
  lastReadings.delete(key);
  const reading = found ?? (({ text, json }) => ({ text, json }))(readBody(state));
  lastReadings.set(key, reading);
  if (lastReadings.size > READINGS_KEPT) lastReadings.delete(lastReadings.keys().next().value ?? '');
  return reading;
}

/** A document's fields that, with its body, make its canonical content. */
export interface ContentFields { title: string; kind: string; properties: Record<string, string | string[]> }

/**
 * The canonical content serialized (current version), its hash (`v2:<hex>`) and the version-1 hash of
 * the same content: what an approval vouches for, and what an approval from before version 2 vouched for.
 */
export type CanonicalReading = ContentReading;

const parseCanonical = (text: string): CanonicalContent => JSON.parse(text) as CanonicalContent;

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
  readBody(state: Uint8Array): BodyText {
    return readCached(state);
  },
  /** A stored body's snapshot and logged updates as one state (80 ms for 100 pages and 500 updates: not on the event loop). */
  mergeUpdates(updates: Uint8Array[]): Uint8Array {
    return Y.mergeUpdates(updates);
  },
  /** `{text, json}` as the JSON text of the `/content` answer: a long body's objects never reach the event loop. */
  readBodyJson(state: Uint8Array): string {
    return JSON.stringify(readCached(state) satisfies DocumentContent);
  },
  /** The content snapshot's text and hashes (contentReader.ts) of a body and the document's fields. */
  canonicalContent(request: { state: Uint8Array; fields: ContentFields }): CanonicalReading {
    return contentReading({ ...request.fields, body: readCached(request.state).json });
  },
  /**
   * A stored version as the version view shows it: its title from its canonical text (every canonical
   * version has the title as a top-level field), its lines and JSON from its state with the body model
   * (the stored canonical text is of whichever version was current when the version was saved).
   */
  readVersion(request: { state: Uint8Array; canonicalText: string }): { title: string; lines: string[]; json: SerializedEditorState; suggestions: SuggestionItem[] } {
    const { title } = JSON.parse(request.canonicalText) as { title: string };
    const { json } = readCached(request.state);
    return { title, lines: bodyLines(bodyBlocksFromLexical(json)), json, suggestions: listSuggestionsOf(json) };
  },
  /** The .docx of a body given as its Yjs state (read here, so its JSON never crosses threads). */
  async exportDocx(request: Omit<DocxExportInput, 'body'> & { state: Uint8Array }): Promise<Uint8Array> {
    const { exportDocx } = await import('../../core/docx/docxExporter');
    const { state, ...input } = request;
    return exportDocx({ ...input, body: readCached(state).json });
  },
  /** The 发文稿纸 (dispatchForm.ts) as a .docx. */
  async dispatchFormDocx(form: DispatchForm): Promise<Uint8Array> {
    const { exportDispatchForm } = await import('../../core/docx/dispatchFormDocx');
    return exportDispatchForm(form);
  },
  /** Proofreads a piece from its canonical text, as the submit and sign gate sees it. */
  /** The findings, and the versions of the rules and lists that found them (for the gate's report). */
  proofreadCanonical(request: { lists: VersionedLists; canonicalText: string }): { findings: PlacedFinding[]; versions: ProofVersions } {
    const { title, properties, blocks } = parseCanonical(request.canonicalText);
    const proofreader = proofreaderFor(request.lists);
    return { findings: proofreadDocument(proofreader, { title, properties, paragraphs: paragraphsOfBlocks(blocks) }), versions: proofreader.versions };
  },
  proofreadText(request: { lists: VersionedLists; text: string }): Finding[] {
    return proofreaderFor(request.lists).checkText(request.text);
  },
  /** The paragraph and character diff of two bodies, given as Yjs states, by the lines of their body model (pending suggestions unapplied, or applied). */
  diffStates(request: { before: Uint8Array; after: Uint8Array; view?: DiffView }): DiffLine[] {
    const suggestions = request.view ?? 'original';
    const lines = (state: Uint8Array) => bodyLines(bodyBlocksFromLexical(readCached(state).json, { suggestions }));
    return diffParagraphs(lines(request.before), lines(request.after));
  },
  /** The searchable text of a body given as its Yjs state (search/searchText.ts). */
  searchText(state: Uint8Array): string {
    return searchableText(readCached(state).json);
  },
  restoreUpdate(request: { live: Uint8Array; version: Uint8Array }): Uint8Array {
    return restoreUpdate(request.live, request.version);
  },
  /** 修订: the verdict on a holder's update to a piece in review (suggestionTasks.ts). */
  judgeSuggestionUpdate(request: JudgeRequest): SuggestionVerdict {
    return judgeIncomingUpdate(request, (state) => readCached(state).json);
  },
  /** 修订: the suggestions of a rescued copy under a colleague's name that its original does not hold (suggestionAuthorship.ts). */
  foreignSuggestions(request: { state: Uint8Array; reference: Uint8Array; writer: Writer }): KindedMeta[] {
    return unknownForeignMetas(request.state, request.reference, request.writer);
  },
  /** 修订: the pending suggestions of a body given as its Yjs state. */
  listSuggestions(state: Uint8Array): SuggestionItem[] {
    return listSuggestionsOf(readCached(state).json);
  },
  /** 修订: the Yjs change that accepts or rejects suggestions of a body. */
  resolveSuggestions(request: ResolveRequest): ReturnType<typeof resolveSuggestionsUpdate> {
    return resolveSuggestionsUpdate(request);
  },
  async readSheet(request: { filename: string; bytes: Uint8Array }): Promise<string[][]> {
    const { readSheet } = await import('../ledger/ledgerSpreadsheet');
    return readSheet(request.filename, Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
  },
  /** A 审校词表 spreadsheet (.xlsx or .csv) as rows of cell texts. */
  async readListSheet(bytes: Uint8Array): Promise<string[][]> {
    const { readListSheet } = await import('../proofing/listImport');
    return readListSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  },
  async exportLedger(request: { rows: (string | number)[][]; progress: YearProgress }): Promise<Uint8Array> {
    const { exportLedger } = await import('../ledger/ledgerSpreadsheet');
    return new Uint8Array(await exportLedger(request.rows, request.progress));
  },
  /** 批注: whether each anchor still holds in a body given as its Yjs state, and the text it covers (the thread's quote). */
  readAnchors(request: { state: Uint8Array; anchors: EncodedAnchor[] }): AnchorReading[] {
    const body = new Y.Doc();
    try {
      Y.applyUpdate(body, request.state);
      return readAnchors(body, request.anchors);
    } finally {
      body.destroy();
    }
  },
  /** The audit log's .xlsx: its rows as pages of JSON text (auditSheetRows.ts) and the export's notes. */
  async exportAudit(request: { pages: AuditSheetPage[]; notes: AuditExportNotes }): Promise<Uint8Array> {
    const { exportAudit } = await import('../audit/auditSpreadsheet');
    return new Uint8Array(await exportAudit(request.pages, request.notes));
  },
} satisfies Record<string, (input: never) => unknown>;

/** The tasks by name, as the pool runs them. */
export type HeavyTasks = typeof HEAVY_TASKS;
export type HeavyTaskName = keyof HeavyTasks;
