import type { AnyAction } from "@account360/core";

/** RFC 9745: the moment the legacy names were deprecated, as a structured-field date. */
export const LEGACY_DEPRECATED_SINCE = `@${Date.UTC(2026, 0, 1) / 1000}`;

/**
 * RFC 9745 `Deprecation` and a `Link` to the replacement, for the legacy action names only;
 * `successor` is where the replacement is documented or answers.
 */
export function deprecationHeaders(action: AnyAction, successor: string): Record<string, string> {
  return {
    Deprecation: LEGACY_DEPRECATED_SINCE,
    Link: `<${successor}>; rel="successor-version"; title="${action.name}"`,
  };
}
