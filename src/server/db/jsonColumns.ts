/**
 * The JSON columns of the relational store, each with its one parser: the text is read with the
 * schema of what the owning store writes, so a corrupted or hand-edited value fails loudly here
 * (CorruptColumnError, naming table, column and row) rather than reaching a caller as `undefined`.
 * Where the HTTP contract already has the schema (chains, properties' shape, proofing lists, year
 * targets) it is reused; the shapes only the server stores (facts, proof reports) are defined here.
 */
import { z } from 'zod';
import { OUTLET_LEVELS, SUBMISSION_STATUSES, type SubmissionFacts } from '../../core/targets/model';
import type { DocumentProperties } from '../../shared/api';
import { yearTargetsRequest, type YearTargetsRequest } from '../../shared/ledger';
import { listEntrySchemas, type ProofingListName, type ProofingLists, type ProofReport } from '../../shared/proofing';
import { chainRequest } from '../../shared/review';
import { isRole, type Role } from '../../core/domain/roles';
import type { CheckpointChain } from '../../core/domain/workflow';

/** A stored value that is not what its store writes. The message names the column and the row. */
export class CorruptColumnError extends Error {
  constructor(readonly column: string, readonly rowKey: string, reason: string) {
    super(`${column} of ${rowKey} is corrupt: ${reason}`);
    this.name = 'CorruptColumnError';
  }
}

/** One JSON column: `parse` validates (throws CorruptColumnError), `stringify` is what the store writes. */
export interface JsonColumn<T> {
  readonly column: string;
  parse(text: string, rowKey: string): T;
  stringify(value: T): string;
}

function issueText(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'invalid value';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function jsonColumn<T>(column: string, schema: z.ZodType<T>): JsonColumn<T> {
  return {
    column,
    parse(text, rowKey) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new CorruptColumnError(column, rowKey, 'not JSON');
      }
      const result = schema.safeParse(value);
      if (!result.success) throw new CorruptColumnError(column, rowKey, issueText(result.error));
      return result.data;
    },
    stringify: (value) => JSON.stringify(value),
  };
}

/** A user's roles; a word no longer a role is dropped (as before), anything but a list of words is corrupt. */
export const userRolesColumn: JsonColumn<Role[]> = jsonColumn('users.roles', z.array(z.string()).transform((roles) => roles.filter(isRole)));

/**
 * A document's properties. Checked for shape only, not the request's length limits: the .docx
 * import stores what it recognized without passing through `documentProperties`.
 */
export const documentPropertiesColumn: JsonColumn<DocumentProperties> = jsonColumn('documents.properties',
  z.record(z.string(), z.union([z.string(), z.array(z.string())])));

/** The chain a piece was submitted along (documents.chain, null outside review). */
export const documentChainColumn: JsonColumn<CheckpointChain> = jsonColumn('documents.chain', chainRequest);

/** A kind's chain as an admin set it. */
export const checkpointChainColumn: JsonColumn<CheckpointChain> = jsonColumn('checkpoint_chains.chain', chainRequest);

const count = z.number().int().min(0);
const proofReport = z.looseObject({
  checkedAt: z.string(), error: count, warning: count, hint: count, ignored: count,
  versions: z.looseObject({
    engine: z.string(), dictionary: z.string(), phrasing: z.string(), sensitive: z.string(), leaders: z.string(), typos: z.string(),
  }).optional(),
}) satisfies z.ZodType<ProofReport>;

/** The proofreading run a submit or sign passed (transitions.proof_report, null for other actions). */
export const proofReportColumn: JsonColumn<ProofReport> = jsonColumn('transitions.proof_report', proofReport);

/** A ledger row's author names. */
export const submissionAuthorsColumn: JsonColumn<string[]> = jsonColumn('ledger_submissions.authors', z.array(z.string()));

const date = z.string();
const levelled = z.object({ on: date, level: z.enum(OUTLET_LEVELS) });
const extras = z.object({ ratings: z.array(levelled), instructions: z.array(levelled), missed: z.array(date) });
const facts = extras.extend({
  status: z.enum(SUBMISSION_STATUSES),
  submittedOn: date.nullable(), adoptedOn: date.nullable(), publishedOn: date.nullable(),
  firstOn: date.nullable(), lastOn: date.nullable(),
}) satisfies z.ZodType<SubmissionFacts>;

/** A ledger row's derived facts (core `deriveFacts` of its event log). */
export const submissionFactsColumn: JsonColumn<SubmissionFacts> = jsonColumn('ledger_submissions.facts', facts);

/** The facts counting needs beyond the date columns; the column is '' when all three are empty. */
export type SubmissionExtras = Pick<SubmissionFacts, 'ratings' | 'instructions' | 'missed'>;
export const submissionExtrasColumn: JsonColumn<SubmissionExtras> = jsonColumn('ledger_submissions.extras', extras);

/** A year's targets and points table, as the admin saved them. */
export const yearTargetsColumn: JsonColumn<YearTargetsRequest> = jsonColumn('year_targets.definition', yearTargetsRequest);

const listColumns: { [N in ProofingListName]: JsonColumn<ProofingLists[N]> } = {
  phrasing: jsonColumn('proofing_lists.entries', listEntrySchemas.phrasing),
  sensitive: jsonColumn('proofing_lists.entries', listEntrySchemas.sensitive),
  leaders: jsonColumn('proofing_lists.entries', listEntrySchemas.leaders),
  typos: jsonColumn('proofing_lists.entries', listEntrySchemas.typos),
};

/** The entries of one 审校 list, read with that list's entry schema. */
export function proofingListColumn<N extends ProofingListName>(name: N): JsonColumn<ProofingLists[N]> {
  return listColumns[name];
}

/** The 会签 holders a transition named, or the holders a 催办 reached (transitions.holder_ids). */
export const holderIdsColumn: JsonColumn<string[]> = jsonColumn('transitions.holder_ids', z.array(z.string()));
