/**
 * The display names each user has been seen under by this server process (every authenticated
 * request and connection). A page keeps the name it read when it opened; after an admin renames the
 * user, its 修订 still carry that name, and the authorship check (suggestionAuthorship.ts) accepts it
 * as the user's own rather than refusing an honest edit. A name the user never had is still refused.
 */
export class NameMemory {
  private readonly names = new Map<string, Set<string>>();

  seen(user: { id: string; displayName: string }): void {
    let names = this.names.get(user.id);
    if (!names) this.names.set(user.id, names = new Set());
    // Bounded: a user renamed again and again keeps the most recent few.
    if (!names.has(user.displayName) && names.size >= 16) names.delete(names.values().next().value ?? '');
    names.add(user.displayName);
  }

  /** The names `userId` has been seen under (empty when never seen). */
  namesOf(userId: string): ReadonlySet<string> {
    return this.names.get(userId) ?? new Set();
  }
}
