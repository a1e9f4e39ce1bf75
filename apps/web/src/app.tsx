import { useEffect, useSyncExternalStore } from "react";
import { SESSION_EXPIRED, session } from "./api/session";
import { AppHeader } from "./components/app-header";
import { useRoute } from "./lib/router";
import { CustomerPage } from "./pages/customer-page";
import { SearchPage } from "./pages/search-page";
import { SignInPage } from "./pages/sign-in-page";

/** Signed out: the sign-in page at whatever URL was asked for; signed in: that page. */
export function App() {
  const current = useSyncExternalStore(session.subscribe, session.get, () => null);
  const route = useRoute();

  // The server ends the token at expiresAt; sign out then rather than on the next failed call.
  useEffect(() => {
    if (!current) return;
    const left = current.expiresAt - Date.now();
    if (left <= 0) {
      session.end(SESSION_EXPIRED);
      return;
    }
    const timer = setTimeout(() => session.end(SESSION_EXPIRED), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [current]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {current ? (
        <>
          <AppHeader username={current.username} />
          {route.page === "customer" ? (
            <CustomerPage key={route.customerId} customerId={route.customerId} />
          ) : (
            <SearchPage initialQuery={route.query} />
          )}
        </>
      ) : (
        <SignInPage />
      )}
    </>
  );
}
