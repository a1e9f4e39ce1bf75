import type { Browser } from "./browser";
import { assert, assertEqual, type Checks } from "./checks";

/**
 * The API reference at /api/docs (issue 13): Swagger UI, served by the server itself, renders the
 * OpenAPI document's operations under the page's own policy, fetching nothing from elsewhere.
 */
export async function docsPageScenario(ctx: {
  checks: Checks;
  browser: Browser;
  url: string;
  /** A token with the reader role, for "Try it out". */
  token: string;
}): Promise<void> {
  const { checks, url, token } = ctx;
  const { page, errors } = ctx.browser;

  await checks.check(
    "/api/docs renders every operation of the OpenAPI document, from this server only",
    async () => {
      const before = errors.length;
      const requested: string[] = [];
      const onRequest = (request: { url(): string }) => requested.push(request.url());
      page.on("request", onRequest);
      try {
        const answer = await page.goto(`${url}/api/docs`);
        assertEqual(answer?.status(), 200, "status of /api/docs");
        const csp = (await answer?.allHeaders())?.["content-security-policy"] ?? "";
        assert(csp.includes("script-src 'self'"), csp);
        const document = (await (await fetch(`${url}/api/openApi/openapi.json`)).json()) as {
          paths: Record<string, Record<string, unknown>>;
        };
        const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
        await page
          .locator(".opblock")
          .nth(operations - 1)
          .waitFor({ timeout: 30_000 });
        assertEqual(await page.locator(".opblock").count(), operations, "operations rendered");
        await page
          .locator(".opblock", { hasText: "/ftosapi/automation-processors/actions/FTOS_ACC_AccountHeader" })
          .first()
          .waitFor();
      } finally {
        page.off("request", onRequest);
      }
      const elsewhere = requested.filter(
        (address) => !address.startsWith(url) && !address.startsWith("data:"),
      );
      assertEqual(elsewhere, [], "requests to other origins");
      assertEqual(errors.slice(before), [], "script errors or CSP refusals");
    },
  );

  await checks.check(
    "its Try it out runs an action through the second door with a bearer token",
    async () => {
      const before = errors.length;
      await page.getByRole("button", { name: "Authorize" }).first().click();
      await page.locator(".auth-container input").first().fill(token);
      await page.locator(".auth-btn-wrapper button.authorize").click();
      await page.locator(".auth-btn-wrapper button.btn-done").click();
      const operation = page.locator("#operations-Widgets-FTOS_ACC_AccountClientLifecycle");
      await operation.locator(".opblock-summary").first().click();
      await operation.locator(".try-out__btn").click();
      await operation.locator("button.execute").click();
      const status = operation.locator(".live-responses-table tr.response .response-col_status").first();
      await status.waitFor();
      assertEqual(((await status.textContent()) ?? "").trim(), "200", "status Swagger UI shows");
      await operation.locator(".live-responses-table", { hasText: "Prospect" }).waitFor();
      assertEqual(errors.slice(before), [], "script errors or CSP refusals");
    },
  );
}
