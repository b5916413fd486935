/**
 * The versions a proofreading run names in its report: the rules (a number raised whenever a rule
 * changes what it reports) and a content hash of every list and of the shipped 错别字 dictionary, so a
 * stored report says exactly what the text was checked against.
 */
import { hash53 } from './hash';
import { shippedLexicon } from './typos/shippedLexicon';
import type { ProofingData, ProofVersions } from './types';

/**
 * Raised whenever a rule changes what it reports. 2: 错别字, 的/地/得 and the grown 规范表述 list.
 * 3: template prompts left in the text (【请示事项：…】).
 */
export const PROOFREADER_VERSION = '3';

/** Content hash of a list: the same entries in the same order give the same hash. */
export const listVersion = (entries: readonly unknown[]): string => hash53(JSON.stringify(entries));

export function proofVersions(data: ProofingData): ProofVersions {
  return {
    engine: PROOFREADER_VERSION,
    dictionary: shippedLexicon().version,
    phrasing: listVersion(data.phrasing),
    sensitive: listVersion(data.sensitive),
    leaders: listVersion(data.leaders),
    typos: listVersion(data.typos ?? []),
  };
}
