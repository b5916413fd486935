/**
 * Moving a piece to the 回收站 (DELETE /api/documents/:id) and back: who may and what it affects
 * (the stateless message open copies of the piece receive is in collabMessages.ts).
 */
import { z } from 'zod';
import { TEXT_LIMITS } from './textLimits';
import type { DocumentState } from './api';

/**
 * Whether the requesting user may move a piece to the 回收站, as the server decides it:
 * `owner` deletes it as it is; `reason` is an admin deleting a protected piece (审核中, 定稿, or with
 * 报送 rows in the ledger), who must give a reason; `none` may not.
 */
export type RemovalMode = 'owner' | 'reason' | 'none';

export interface RemovalRight {
  mode: RemovalMode;
  /** Why not, for the writer of a protected piece (the server's 409 message); null otherwise. */
  message: string | null;
}

/** GET /api/documents/:id/removal: the right, and what deleting the piece affects, for the confirmation. */
export interface RemovalPreview extends RemovalRight {
  state: DocumentState;
  /** 报送 rows in the ledger that name this piece, voided ones included. */
  submissions: number;
  voidedSubmissions: number;
  /** The people who have the piece open now (other than the caller). */
  openBy: string[];
}

/** Body of DELETE /api/documents/:id (optional for an owner's plain draft). */
export const deleteDocumentRequest = z.object({
  reason: z.string().trim().max(TEXT_LIMITS.deleteReason).optional(),
});

