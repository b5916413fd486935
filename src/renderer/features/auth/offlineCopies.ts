/**
 * The browser's offline copies of document bodies (y-indexeddb). Every database this app creates is
 * named with OFFLINE_DB_PREFIX, so logging out on a shared office PC can delete them all.
 */
export const OFFLINE_DB_PREFIX = 'wengao:';

/** The IndexedDB name of one user's offline copy of one document body. */
export function offlineCopyName(userId: string, documentId: string): string {
  return `${OFFLINE_DB_PREFIX}${userId}:${documentId}`;
}

const DETAIL_PREFIX = `${OFFLINE_DB_PREFIX}detail:`;

/**
 * Keeps what the editor page needs besides the body (title, kind, access) for a document this user
 * opened, so its offline copy can open without the server. Best effort: a full storage is ignored.
 */
export function rememberDocument<T extends { id: string }>(userId: string, detail: T): void {
  try {
    localStorage.setItem(`${DETAIL_PREFIX}${userId}:${detail.id}`, JSON.stringify(detail));
  } catch {
    // Quota or privacy mode: the document then opens only with the server.
  }
}

/** What `rememberDocument` kept for this user and document, or null. */
export function rememberedDocument(userId: string, documentId: string): unknown {
  const text = localStorage.getItem(`${DETAIL_PREFIX}${userId}:${documentId}`);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function forgetDocuments(): void {
  for (let i = localStorage.length - 1; i >= 0; i -= 1) {
    const key = localStorage.key(i);
    if (key?.startsWith(DETAIL_PREFIX)) localStorage.removeItem(key);
  }
}

/** Anything holding an offline copy open (an IndexeddbPersistence); `destroy` closes its database. */
export interface OpenOfflineCopy { destroy(): Promise<void> | void }

const openCopies = new Set<OpenOfflineCopy>();

/** Records an open copy until `release` is called, so logging out can close it before deleting. */
export function trackOfflineCopy(copy: OpenOfflineCopy): () => void {
  openCopies.add(copy);
  return () => openCopies.delete(copy);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // A failed delete must not keep the user from logging out; the check below retries.
    request.onerror = () => resolve();
  });
}

async function appDatabaseNames(): Promise<string[]> {
  const databases = await indexedDB.databases();
  return databases
    .map((db) => db.name)
    .filter((name): name is string => typeof name === 'string' && name.startsWith(OFFLINE_DB_PREFIX));
}

/**
 * Forgets the remembered documents, closes every open copy, then deletes every IndexedDB database of this app, and checks that none is
 * left (a write in flight can re-create one); gives up after a few seconds rather than trap the user.
 */
export async function clearOfflineCopies(): Promise<void> {
  forgetDocuments();
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const closing = [...openCopies].map((copy) => copy.destroy());
  openCopies.clear();
  await Promise.allSettled(closing);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const names = await appDatabaseNames();
    if (names.length === 0) return;
    await Promise.all(names.map(deleteDatabase));
    await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 0 : 100));
  }
}
