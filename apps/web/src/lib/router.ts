import { type MouseEvent, useSyncExternalStore } from "react";

/** A router of two pages needs no library: the path lives in history, components read it. */

export type Route = { page: "search"; query: string } | { page: "customer"; customerId: string };

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
if (typeof window !== "undefined") window.addEventListener("popstate", notify);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const CUSTOMER_PATH = /^\/customers\/([0-9a-fA-F-]{36})\/?$/;

function routeOf(pathname: string, search: string): Route {
  const match = CUSTOMER_PATH.exec(pathname);
  if (match?.[1]) return { page: "customer", customerId: match[1].toLowerCase() };
  return { page: "search", query: new URLSearchParams(search).get("q") ?? "" };
}

export const hrefOf = (route: Route): string =>
  route.page === "customer"
    ? `/customers/${route.customerId}`
    : route.query
      ? `/?${new URLSearchParams({ q: route.query })}`
      : "/";

export function navigate(href: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  notify();
  if (!replace) window.scrollTo(0, 0);
}

const snapshot = () => `${location.pathname}${location.search}`;

export function useRoute(): Route {
  const current = useSyncExternalStore(subscribe, snapshot, () => "/");
  const url = new URL(current, "http://x");
  return routeOf(url.pathname, url.search);
}

/** onClick for an <a href>: a plain left click navigates in the page; modified clicks open tabs as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute("href") ?? "/");
}
