import { type ClientRequest, type OutgoingHttpHeaders, request } from "node:http";

/**
 * A POST to callAction whose body the test writes itself (in chunks, or stopped halfway): write
 * to `request` and end it; `answer` settles with the status and the text of the response.
 */
export function openCallAction(
  baseUrl: string,
  headers: OutgoingHttpHeaders,
): { request: ClientRequest; answer: Promise<{ status: number; text: string }> } {
  const { hostname, port } = new URL(baseUrl);
  const req = request({ hostname, port, method: "POST", path: "/api/openApi/CallAction", headers });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
  });
  return { request: req, answer };
}
