/**
 * The shell's security rules as plain functions (unit-tested in Node): the Content-Security-Policy,
 * where a window may navigate, which IPC senders are trusted, which permissions are granted.
 */

/** The CSP for pages of the app's origin: scripts only from the app, connections only to its server. */
export function contentSecurityPolicy(appOrigin: string): string {
  const socketOrigin = appOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Lexical positions collaborators' carets with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * Where a window may go: pages of the app stay in it; http(s) links elsewhere open in the system
 * browser; everything else (file:, javascript:, custom schemes) goes nowhere.
 */
export function navigationDecision(url: string, appOrigin: string): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return 'allow';
  const protocol = (() => {
    try {
      return new URL(url).protocol;
    } catch {
      return '';
    }
  })();
  return protocol === 'https:' || protocol === 'http:' ? 'open-external' : 'deny';
}

/** IPC is answered only for the app's own pages (the sender frame's URL on the app origin). */
export function isTrustedSender(senderFrameUrl: string | undefined, appOrigin: string): boolean {
  return senderFrameUrl !== undefined && isAppUrl(senderFrameUrl, appOrigin);
}

/** Permission requests (camera, geolocation, notifications from the page, …) are all denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** The webPreferences every window gets. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;
