import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isTrustedSender, navigationDecision, permissionDecision, SECURE_WEB_PREFERENCES } from './security';

const APP = 'http://127.0.0.1:43127';

describe('the shell\'s security rules', () => {
  it('allows scripts only from the app and sockets only to its own server', () => {
    const csp = contentSecurityPolicy(APP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:43127`);
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('https://wengao.example.cn')).toContain('wss://wengao.example.cn');
  });

  it('keeps navigation inside the app and sends only http(s) links to the system browser', () => {
    expect(navigationDecision(`${APP}/#/documents/1`, APP)).toBe('allow');
    expect(navigationDecision('https://www.gov.cn/', APP)).toBe('open-external');
    expect(navigationDecision('http://127.0.0.1:9999/', APP)).toBe('open-external');
    expect(navigationDecision('file:///etc/passwd', APP)).toBe('deny');
    expect(navigationDecision('javascript:alert(1)', APP)).toBe('deny');
    expect(navigationDecision('smb://share/x', APP)).toBe('deny');
    expect(navigationDecision('not a url', APP)).toBe('deny');
  });

  it('trusts IPC only from the app\'s own pages', () => {
    expect(isTrustedSender(`${APP}/`, APP)).toBe(true);
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:43128/', APP)).toBe(false);
  });

  it('denies every permission request and turns Node off in pages', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(permissionDecision(p)).toBe(false);
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});
