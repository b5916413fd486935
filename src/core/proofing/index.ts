/** The proofreader (审校): a pure rules engine, incremental by paragraph. See proofreader.ts. */
export * from './types';
export { Proofreader, type CheckOptions, type ParagraphResult } from './proofreader';
export { proofreadDocument, countBySeverity, type DocumentProofInput, type PlacedFinding, type ProofCounts } from './document';
export { findingFingerprint, type ProofScope, type FingerprintParts } from './fingerprint';
export { DEFAULT_PHRASING } from './defaultPhrasing';
export type { ParagraphRole } from './roles';
export { paragraphsOfBlocks } from './bodyParagraphs';
export { PROOFREADER_VERSION, listVersion, proofVersions } from './versions';
