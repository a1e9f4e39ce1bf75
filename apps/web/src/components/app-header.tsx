import { session } from "../api/session";
import { followLink } from "../lib/router";

export function AppHeader({ username }: { username: string }) {
  return (
    <header className="app-header">
      <a className="brand" href="/" onClick={followLink}>
        <span className="brand-mark" aria-hidden="true">
          360
        </span>
        Account360
      </a>
      <div className="app-user">
        <span className="muted">
          Signed in as <strong data-testid="signed-in-user">{username}</strong>
        </span>
        <button
          type="button"
          className="button secondary small"
          onClick={() => session.end("You have signed out.")}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
