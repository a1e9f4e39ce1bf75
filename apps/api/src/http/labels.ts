/** The metrics label and log name of anything a caller named that the server does not know. */
export const UNKNOWN_LABEL = "unknown";

/** How much of a caller's unknown name an answer or a log line repeats. */
export const ECHO_MAX_CHARACTERS = 100;

/**
 * A name the caller sent, fit to repeat in an answer or a log: at most 100 characters (code
 * points, so a pair is never cut in half), the cut marked. A 500 KB ActionName echoed whole made
 * every 404 half a megabyte and the log grew by as much per request.
 */
export function echoName(name: string): string {
  if (name.length <= ECHO_MAX_CHARACTERS) return name;
  // 100 code points take at most 200 UTF-16 units; nothing past those is looked at.
  const head = [...name.slice(0, ECHO_MAX_CHARACTERS * 2)];
  if (head.length <= ECHO_MAX_CHARACTERS && name.length <= ECHO_MAX_CHARACTERS * 2) return name;
  return `${head.slice(0, ECHO_MAX_CHARACTERS - 1).join("")}…`;
}
