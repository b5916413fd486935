/** The logged-in user and the actions that change who is logged in. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginResponse, User } from '../../shared/api';
import { getToken, onUnauthorized, setToken } from '../api/client';
import { deskApi } from '../api/desk';
import { clearOfflineCopies } from '../features/auth/offlineCopies';
import { isDesktop, localLogin } from '../platform/desk';

export interface Session {
  user: User;
  token: string;
}

interface SessionContextValue {
  session: Session | null;
  /** True until the stored token has been checked with the server. */
  restoring: boolean;
  /** True while logging out: the pages are gone and the offline copies are being deleted. */
  signingOut: boolean;
  signIn(response: LoginResponse): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => getToken() !== null || isDesktop());
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      // The desktop app with its embedded server logs its own user in, without a password.
      const token = getToken() ?? (await localLogin().catch(() => null))?.token ?? null;
      if (!token) return;
      setToken(token);
      try {
        const { user } = await deskApi.me();
        if (!cancelled) setSession({ user, token });
      } catch {
        if (!cancelled) setToken(null);
      }
    })().finally(() => { if (!cancelled) setRestoring(false); });
    return () => { cancelled = true; };
  }, []);

  useEffect(() => onUnauthorized(() => {
    setToken(null);
    setSession(null);
  }), []);

  const signIn = useCallback((response: LoginResponse) => {
    setToken(response.token);
    setSession({ user: response.user, token: response.token });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await deskApi.logout();
    } catch {
      // The session ends on this PC whatever the server answers.
    }
    setToken(null);
    // Unmounting the pages closes the editor's IndexedDB connections, so the deletes are not blocked;
    // the login page shows only once the copies are gone.
    setSigningOut(true);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await clearOfflineCopies();
    } finally {
      setSession(null);
      setSigningOut(false);
    }
  }, []);

  const value = useMemo(
    () => ({ session, restoring, signingOut, signIn, signOut }),
    [session, restoring, signingOut, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in session; only for pages shown after login. */
export function useCurrentSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentSession without a session');
  return session;
}
