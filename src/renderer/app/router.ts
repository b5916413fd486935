/** A tiny hash router: the app's pages are addressed as `#/path`, which works from file:// and http://. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'documents' }
  | { page: 'trash' }
  | { page: 'editor'; documentId: string }
  | { page: 'admin' }
  | { page: 'inbox' }
  | { page: 'chains' }
  | { page: 'audit' }
  | { page: 'proofing' }
  | { page: 'settings' }
  | { page: 'ledger' }
  | { page: 'dashboard' }
  | { page: 'outlets' }
  | { page: 'help' }
  | { page: 'templates' }
  | { page: 'commissions' };

/** Parses a location hash into a route; anything unknown is the document list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const editor = /^\/documents\/([^/]+)$/.exec(path);
  if (editor) return { page: 'editor', documentId: decodeURIComponent(editor[1]) };
  if (path === '/trash') return { page: 'trash' };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/admin/chains') return { page: 'chains' };
  if (path === '/admin/audit') return { page: 'audit' };
  if (path === '/admin/proofing') return { page: 'proofing' };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/ledger') return { page: 'ledger' };
  if (path === '/dashboard') return { page: 'dashboard' };
  if (path === '/outlets') return { page: 'outlets' };
  if (path === '/help') return { page: 'help' };
  if (path === '/admin/templates') return { page: 'templates' };
  if (path === '/commissions') return { page: 'commissions' };
  return { page: 'documents' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'documents': return '#/';
    case 'trash': return '#/trash';
    case 'admin': return '#/admin';
    case 'inbox': return '#/inbox';
    case 'chains': return '#/admin/chains';
    case 'audit': return '#/admin/audit';
    case 'proofing': return '#/admin/proofing';
    case 'settings': return '#/settings';
    case 'ledger': return '#/ledger';
    case 'dashboard': return '#/dashboard';
    case 'outlets': return '#/outlets';
    case 'help': return '#/help';
    case 'templates': return '#/admin/templates';
    case 'commissions': return '#/commissions';
    case 'editor': return `#/documents/${encodeURIComponent(route.documentId)}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
