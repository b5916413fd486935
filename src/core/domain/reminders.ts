/**
 * 催办: when a piece's writers may remind its holders. Pure: the caller gathers the facts (when the
 * step began, the last reminder) from its store and the time from its clock.
 */

/** How long a holder has a piece before its writers may remind them, unless the server is told otherwise. */
export const DEFAULT_REMIND_AFTER_HOURS = 24;

/** What the reminder decision depends on. */
export interface ReminderRequest {
  actorId: string;
  document: { state: string; ownerId: string; collaboratorIds: readonly string[]; deleted: boolean };
  /** Who holds the current step and has not acted yet (the assignee, or the 会签 holders still to approve). */
  pendingHolderIds: readonly string[];
  /** When the current step began (ISO 8601). */
  heldSince: string;
  /** The last reminder in this step, if any (ISO 8601). */
  lastRemindedAt: string | null;
  now: Date;
  /** How long a holder has the piece before a reminder (and between two reminders). */
  afterMs: number;
}

export type ReminderDecision =
  | { ok: true; holderIds: string[] }
  | { ok: false; code: 'forbidden' | 'conflict'; message: string; /** When a reminder becomes possible, if time is all that is missing. */ possibleAt?: string };

/** Hours for a message: whole hours, or one decimal below ten. */
function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 10 || Number.isInteger(h) ? `${Math.ceil(h)} 小时` : h >= 1 ? `${h.toFixed(1)} 小时` : `${Math.max(1, Math.ceil(ms / 60_000))} 分钟`;
}

/**
 * Decides a 催办: only the piece's writers, only while it is in review, only once its holders have had
 * it `afterMs`, and at most once per `afterMs` (a reminder is a nudge, not a stream).
 */
export function decideReminder(request: ReminderRequest): ReminderDecision {
  const { actorId, document, now, afterMs } = request;
  const isWriter = actorId === document.ownerId || document.collaboratorIds.includes(actorId);
  if (!isWriter) return { ok: false, code: 'forbidden', message: '只有撰稿人和协作者可以催办' };
  if (document.deleted || document.state !== 'review') return { ok: false, code: 'conflict', message: '文稿不在审核中，无需催办' };
  if (request.pendingHolderIds.length === 0) return { ok: false, code: 'conflict', message: '当前环节没有待办理的人' };
  const since = Date.parse(request.heldSince);
  const last = request.lastRemindedAt ? Date.parse(request.lastRemindedAt) : Number.NEGATIVE_INFINITY;
  const possible = Math.max(since + afterMs, last + afterMs);
  if (now.getTime() < possible) {
    const wait = hours(possible - now.getTime());
    const message = possible === since + afterMs
      ? `送达未满 ${hours(afterMs)}，暂不能催办（还需 ${wait}）`
      : `已催办过，${hours(afterMs)}内只能催办一次（还需 ${wait}）`;
    return { ok: false, code: 'conflict', message, possibleAt: new Date(possible).toISOString() };
  }
  return { ok: true, holderIds: [...request.pendingHolderIds] };
}
