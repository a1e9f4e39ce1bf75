import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { getToken, SignInError } from "../api/get-token";
import { session } from "../api/session";

/** Username and password for POST /api/Authorize/GetToken; says why the last session ended. */
export function SignInPage() {
  const [notice] = useState(() => session.peekNotice());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = "Sign in — Account360";
    usernameRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("Enter your username and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      session.start(await getToken(username, password));
    } catch (caught) {
      setError(caught instanceof SignInError ? caught.message : "Signing in failed. Try again.");
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h1>
          <span className="brand-mark" aria-hidden="true">
            360
          </span>
          Sign in to Account360
        </h1>
        {notice ? (
          <p className="notice" role="status" data-testid="sign-in-notice">
            {notice}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={usernameId}>Username</label>
          <input
            ref={usernameRef}
            id={usernameId}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>Password</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <p id={errorId} className="error-text" role="alert" data-testid="sign-in-error">
          {error ?? ""}
        </p>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
