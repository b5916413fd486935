/**
 * How long the texts people type may be, one number per idea: the request schemas check them (zod
 * `max`) and the forms stop typing at them (`maxLength`), so a form never sends what the server refuses.
 * The 审校词表 lists' limits are PROOFING_LIST_LIMITS in proofing.ts.
 */
export const TEXT_LIMITS = {
  /** A piece's title: a document's, and a submission's in the ledger. */
  title: 200,
  /** A saved version's name. */
  versionName: 100,
  /** A 报送单位/媒体's name. */
  outletName: 100,
  /** The reason given for moving a piece to the 回收站. */
  deleteReason: 500,
  /** A review chain's 起草 step's name. */
  chainDraftName: 20,
  /** A review chain's checkpoint's name. */
  checkpointName: 40,
  /** How many checkpoints a review chain has at most. */
  checkpoints: 10,
} as const;

const PASSWORD_MIN = 8;

/** A new password's length, and the refusal of a shorter one: the account schemas and the password forms alike. */
export const PASSWORD_RULE = {
  min: PASSWORD_MIN,
  max: 256,
  tooShort: `密码至少 ${PASSWORD_MIN} 位`,
} as const;
