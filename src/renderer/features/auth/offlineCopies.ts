/**
 * The browser's offline copies of document bodies (y-indexeddb). Every database this app creates is
 * named with OFFLINE_DB_PREFIX, so logging out on a shared office PC can delete them all.
 */
export const OFFLINE_DB_PREFIX = 'wengao:';

/** The IndexedDB name of one user's offline copy of one document body. */
export function offlineCopyName(userId: string, documentId: string): string {
  return `${OFFLINE_DB_PREFIX}${userId}:${documentId}`;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // A failed delete must not keep the user from logging out; the copy goes on the next logout.
    request.onerror = () => resolve();
  });
}

/** Deletes every IndexedDB database of this app. Open connections must be closed first (or soon). */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(databases
    .map((db) => db.name)
    .filter((name): name is string => typeof name === 'string' && name.startsWith(OFFLINE_DB_PREFIX))
    .map(deleteDatabase));
}
