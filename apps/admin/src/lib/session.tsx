import { type Client, createClient } from '@seminarhub/sdk';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const TOKEN_KEY = 'seminarhub.session';

export interface Session {
  /** The SDK client, signed in when `token` is set. */
  client: Client;
  token: string | null;
  signIn(token: string): void;
  /** Forgets the session here; `revoke` also ends it on the server. */
  signOut(options?: { revoke?: boolean }): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The API this page was served by: /graphql on the same origin (Vite proxies it in development). */
export function apiUrl(): string {
  return new URL('/graphql', window.location.origin).href;
}

// sessionStorage: the session ends with the tab, and other sites cannot read it.
export function SessionProvider({ children, url = apiUrl() }: { children: ReactNode; url?: string }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const client = useMemo(() => createClient({ url, ...(token ? { token } : {}) }), [url, token]);
  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  }, []);
  const signOut = useCallback(
    async ({ revoke = false } = {}) => {
      if (revoke && token) await client.auth.logout().catch(() => undefined);
      sessionStorage.removeItem(TOKEN_KEY);
      setToken(null);
    },
    [client, token],
  );
  const value = useMemo(() => ({ client, token, signIn, signOut }), [client, token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider>.');
  return session;
}
