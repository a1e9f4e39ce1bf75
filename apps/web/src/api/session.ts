/**
 * The signed-in user's bearer token. It lives in sessionStorage (gone when the tab closes, never
 * shared with other tabs, never put in a URL) and in memory when storage is unavailable.
 */

export interface Session {
  username: string;
  token: string;
  /** Epoch milliseconds when the server stops accepting the token. */
  expiresAt: number;
}

const KEY = "account360.session";
const listeners = new Set<() => void>();
let memory: Session | null = null;
let notice: string | null = null;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== "string" || typeof parsed.username !== "string") return null;
    return { token: parsed.token, username: parsed.username, expiresAt: Number(parsed.expiresAt) || 0 };
  } catch {
    return memory;
  }
}

let current: Session | null = typeof window === "undefined" ? null : read();

function write(session: Session | null): void {
  memory = session;
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be disabled (private modes, policies): the in-memory copy still works for this page.
  }
  current = session;
  for (const listener of listeners) listener();
}

export const session = {
  get: (): Session | null => current,
  /** A sentence for the sign-in page: why the user was signed out. */
  peekNotice: (): string | null => notice,
  start(next: Session): void {
    notice = null;
    write(next);
  },
  end(reason?: string): void {
    if (!current) return;
    notice = reason ?? null;
    write(null);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const SESSION_EXPIRED = "Your session has ended. Sign in again to continue.";
