import type { Session } from "./session";

export class SignInError extends Error {}

/** POST /api/Authorize/GetToken; the password goes in the body only, never in a URL. */
export async function getToken(username: string, password: string, now = Date.now()): Promise<Session> {
  let response: Response;
  try {
    response = await fetch("/api/Authorize/GetToken", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password, client_id: "account360-web" }),
      credentials: "omit",
    });
  } catch {
    throw new SignInError("The server cannot be reached. Check your connection and try again.");
  }
  if (response.status === 401) throw new SignInError("The username or password is wrong.");
  if (response.status === 429) {
    const wait = Number(response.headers.get("retry-after"));
    const when = Number.isFinite(wait) && wait > 0 ? ` in ${Math.ceil(wait / 60)} min` : " later";
    throw new SignInError(`Too many failed attempts. Try again${when}.`);
  }
  if (response.status === 503) throw new SignInError("The server is starting. Try again in a moment.");
  if (!response.ok) throw new SignInError(`Signing in failed (HTTP ${response.status}).`);
  const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string") throw new SignInError("The server answered without a token.");
  const seconds = typeof body.expires_in === "number" ? body.expires_in : 3600;
  return { username, token: body.access_token, expiresAt: now + seconds * 1000 };
}
