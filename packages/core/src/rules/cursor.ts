/**
 * Page cursors are opaque to callers: a position's text, base64url-encoded. Decoding checks the
 * alphabet and the decoded text's shape; anything else is not a cursor this system gave out.
 */
export const encodeCursor = (position: string): string =>
  btoa(position).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

/** The position text of a cursor, or null when it is not one (`shape` judges the decoded text). */
export function decodeCursor(cursor: string, shape: RegExp): RegExpExecArray | null {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(cursor)) return null;
  let text: string;
  try {
    text = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
  return shape.exec(text);
}
