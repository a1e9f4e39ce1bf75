import type { Principal } from "./roles";

export interface CachedToken {
  principal: Principal;
  /** When the token itself expires, in epoch milliseconds. */
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Verified tokens, keyed by their hash, trusted for `ttlMs` without asking the database. The TTL
 * bounds how long a revocation made by another process can go unnoticed here.
 */
export class TokenCache {
  private readonly entries = new Map<string, CachedToken & { until: number }>();

  constructor(private readonly ttlMs: number) {}

  get(tokenHash: string, at: number): CachedToken | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    // `at < until - ttl` means the clock went back; trust nothing then.
    if (at >= entry.until || at < entry.until - this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, token: CachedToken, at: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { ...token, until: at + this.ttlMs });
  }

  /** Drops every entry of the user, so a change made in this process applies here at once. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.principal.userId === userId) this.entries.delete(hash);
    }
  }
}
