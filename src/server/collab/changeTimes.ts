/**
 * The change time (`updated_at`) of bodies being edited: a piece is touched at most once per
 * `intervalMs`, and the touches of one event-loop turn go out as one write (by the update-log
 * thread on SQLite, so no fsync of theirs lands on the event loop).
 */
export class ChangeTimes {
  private readonly lastTouched = new Map<string, number>();
  private pending = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly write: (documentIds: string[], at: string) => Promise<void>,
    private readonly onError: (err: unknown, documentIds: string[]) => void,
    private readonly intervalMs: number,
  ) {}

  /** Notes that the body of `documentId` changed now. */
  changed(documentId: string, now = Date.now()): void {
    if (now - (this.lastTouched.get(documentId) ?? 0) < this.intervalMs) return;
    this.lastTouched.set(documentId, now);
    this.pending.add(documentId);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      const ids = [...this.pending];
      this.pending = new Set();
      this.scheduled = false;
      this.write(ids, new Date().toISOString()).catch((err: unknown) => this.onError(err, ids));
    });
  }
}
