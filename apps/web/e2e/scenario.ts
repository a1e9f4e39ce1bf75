import { join } from "node:path";
import { type Browser, openCustomer, PNG, signIn, WIDGETS, waitForWidgets, widget } from "./browser";
import { assert, assertEqual, type Checks } from "./checks";
import { apiClient, E2E_CUSTOMER, INTERACTION_CHANNELS, OFFERS } from "./dataset";

export interface ScenarioContext {
  checks: Checks;
  browser: Browser;
  url: string;
  /** The customer createE2eCustomer made, whose data the checks know. */
  customerId: string;
  /** A sample customer of `pnpm seed`, if it ran. */
  seededCustomerId: string | undefined;
  /** e2e.writer (reader, writer) and e2e.reader (reader) share it. */
  password: string;
  screenshotPath: string;
  /** Where the other screenshots go. */
  artifacts: string;
  disableUser(username: string): Promise<void>;
}

/**
 * What a bank employee does with the page, in order: sign in, search, open a customer, use every
 * widget, upload a picture, sign out; then what a reader may not do, and an ended session.
 */
export async function customerPageScenario(ctx: ScenarioContext): Promise<void> {
  const { checks, url, customerId, password, screenshotPath, artifacts, disableUser } = ctx;
  const { page, errors } = ctx.browser;

  await checks.check("the page is served at / with its CSP, and asks to sign in", async () => {
    const answer = await page.goto(`${url}/`);
    assertEqual(answer?.status(), 200, "status of /");
    const csp = (await answer?.allHeaders())?.["content-security-policy"] ?? "";
    assert(csp.startsWith("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"), csp);
    await page.getByRole("heading", { name: "Sign in to Account360" }).waitFor();
  });

  await checks.check("a wrong password is refused with a message", async () => {
    await signIn(page, "e2e.writer", "not-the-password-1");
    await page.getByTestId("sign-in-error").filter({ hasText: "username or password is wrong" }).waitFor();
  });

  await checks.check("signing in keeps the token out of the URL and out of localStorage", async () => {
    await signIn(page, "e2e.writer", password);
    await page.getByTestId("signed-in-user").filter({ hasText: "e2e.writer" }).waitFor();
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem("account360.session") ?? "",
      local: localStorage.length,
    }));
    const token = (JSON.parse(stored.session) as { token: string }).token;
    assert(token.length >= 20, "no token in sessionStorage");
    assert(!page.url().includes(token), "the token is in the URL");
    assertEqual(stored.local, 0, "localStorage entries");
  });

  await checks.check("search finds the customer by name, UniqueID, e-mail and phone", async () => {
    const box = page.getByLabel("Name, Unique ID, e-mail or phone");
    for (const query of ["testescu el", "2900101E2E", "elena.testescu@", "0722 555 0"]) {
      await box.fill(query);
      await page.getByRole("link", { name: /Elena Testescu/ }).waitFor();
    }
    await box.fill("zzzz-nobody");
    await page.getByTestId("search-status").filter({ hasText: "No customer matches" }).waitFor();
  });

  await checks.check("opening a customer shows every widget filled, none failed", async () => {
    await openCustomer(page, "Testescu", "Elena Testescu");
    assertEqual(new URL(page.url()).pathname, `/customers/${customerId}`, "URL path");
    await waitForWidgets(page);
    for (const name of WIDGETS) {
      const state = await widget(page, name).locator("[data-state]").first().getAttribute("data-state");
      assertEqual(state, "ready", `state of the ${name} widget`);
    }
    for (const [name, text] of [
      ["header", "elena.testescu@example.ro"],
      ["flags", "Politically exposed person"],
      ["flags", "Days past due"],
      ["pending", "Collect the signed mortgage offer"],
      ["portfolio", "Personal loan"],
      ["suggestions", OFFERS[0].product],
      ["profile", "Picture"],
    ] as const) {
      const content = (await widget(page, name).textContent()) ?? "";
      assert(content.includes(text), `the ${name} widget does not show "${text}"`);
    }
    assertEqual(
      await widget(page, "lifecycle").locator('[aria-current="step"]').textContent(),
      "Active",
      "stage",
    );
    assert(
      (await widget(page, "revenues").locator(".recharts-bar-rectangle").count()) > 0,
      "no revenue bars",
    );
    assert(
      (await widget(page, "transactions").locator(".recharts-bar-rectangle").count()) > 0,
      "no transaction bars",
    );
    assert(
      (await widget(page, "profitability").locator(".recharts-line-curve").count()) > 0,
      "no profitability line",
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  await checks.check("the open page refreshes itself when the customer is changed elsewhere", async () => {
    const stored = await page.evaluate(() => sessionStorage.getItem("account360.session") ?? "{}");
    const elsewhere = apiClient(url, (JSON.parse(stored) as { token: string }).token);
    const changed = "elena.t@example.ro";
    const write = (email: string) =>
      elsewhere.customers.upsertIndividual.mutate({
        CustomerInfo: { ...E2E_CUSTOMER, customerInternalId: customerId, email },
      });
    await write(changed);
    try {
      await widget(page, "header").filter({ hasText: changed }).waitFor({ timeout: 10_000 });
      await page.getByTestId("live-changes").filter({ hasText: "Refreshed after 1 change " }).waitFor();
    } finally {
      await write(E2E_CUSTOMER.email);
    }
    await widget(page, "header").filter({ hasText: E2E_CUSTOMER.email }).waitFor({ timeout: 10_000 });
  });

  await checks.check("every widget is a region named by its heading", async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("section[data-widget]")]
        .filter((s) => !document.getElementById(s.getAttribute("aria-labelledby") ?? "")?.textContent?.trim())
        .map((s) => s.getAttribute("data-widget")),
    );
    assertEqual(unnamed, [], "widgets without a heading");
    assertEqual(await page.locator("h1").count(), 1, "h1 count");
  });

  await checks.check("the keyboard reaches the skip link first and the controls after it", async () => {
    // Start from the top of the document, as a freshly loaded page does.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute("tabindex");
    });
    await page.keyboard.press("Tab");
    assertEqual(
      await page.evaluate(() => document.activeElement?.textContent),
      "Skip to content",
      "first Tab stop",
    );
    const focusable = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      focusable.add(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute("aria-label") ??
            document.activeElement?.textContent?.trim() ??
            "",
        ),
      );
    }
    assert(
      focusable.has(`Dismiss ${OFFERS[0].product}`),
      `Tab never reached the dismiss button: ${[...focusable].join(" | ")}`,
    );
  });

  await checks.check("the portfolio's inactive toggle shows the closed deposit", async () => {
    const portfolio = widget(page, "portfolio");
    assert(
      !((await portfolio.textContent()) ?? "").includes("Term deposit 12M"),
      "inactive shown before the toggle",
    );
    await portfolio.getByLabel("Show inactive").check();
    await portfolio.getByText("Term deposit 12M").waitFor();
  });

  await checks.check("the profitability picker switches the indicator", async () => {
    const profitability = widget(page, "profitability");
    await profitability.getByLabel("Indicator").selectOption("Revenue");
    await profitability.getByText(/Revenue,/).waitFor();
    await profitability.getByLabel("Indicator").selectOption("Net Interest Margin");
    await profitability.getByText(/Net Interest Margin,/).waitFor();
  });

  await checks.check("interactions page, and the channel filter narrows them", async () => {
    const interactions = widget(page, "interactions");
    const total = Object.values(INTERACTION_CHANNELS).reduce((a, b) => a + b, 0);
    await interactions.getByText(`${total} interactions; page 1 of 3`).waitFor();
    assertEqual(await interactions.locator("li.interaction").count(), 10, "rows on page 1");
    await interactions.getByRole("button", { name: "Next" }).click();
    await interactions.getByText("page 2 of 3").waitFor();
    await interactions.getByRole("checkbox", { name: /Branch/ }).check();
    await interactions.getByText(`${INTERACTION_CHANNELS.Branch} interactions; page 1 of 1`).waitFor();
    const channels = await interactions
      .locator("li.interaction")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-channel")));
    assertEqual(channels, Array(INTERACTION_CHANNELS.Branch).fill("Branch"), "channels shown");
    await interactions.getByRole("checkbox", { name: /Branch/ }).uncheck();
  });

  await checks.check("dismissing a campaign suggestion removes it", async () => {
    const suggestions = widget(page, "suggestions");
    await suggestions.getByRole("button", { name: `Dismiss ${OFFERS[0].product}` }).click();
    await suggestions.getByText(OFFERS[0].product).waitFor({ state: "detached" });
    await suggestions.getByText(OFFERS[1].product).waitFor();
  });

  await checks.check("a picture is checked in the browser, then uploaded and shown", async () => {
    const header = widget(page, "header");
    const input = header.getByTestId("picture-input");
    await input.setInputFiles({
      name: "notes.png",
      mimeType: "image/png",
      buffer: Buffer.from("not an image"),
    });
    await header.getByText("notes.png is not a PNG, JPEG or WebP image.").waitFor();
    await input.setInputFiles({
      name: "big.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(1024 * 1024 + 1),
    });
    await header.getByText(/big\.png is 1\.0 MiB; pictures may be at most 1 MiB/).waitFor();
    await input.setInputFiles({ name: "doc.pdf", mimeType: "application/pdf", buffer: PNG });
    await header.getByText("doc.pdf is not a PNG, JPEG or WebP image.").waitFor();
    await input.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await header.getByText("Picture updated.").waitFor();
    const src = await header.locator('img[data-has-picture="true"]').getAttribute("src");
    assert(src?.startsWith("data:image/png;base64,"), `avatar src ${src?.slice(0, 40)}`);
  });

  await checks.check("one failing widget shows its own error and leaves the others", async () => {
    await page.route("**/trpc/widgets.revenues**", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: '{"error":{"message":"boom","code":-32603,"data":{"httpStatus":500}}}',
      }),
    );
    await page.reload();
    await waitForWidgets(page);
    await widget(page, "revenues").locator('[data-state="error"]').waitFor();
    for (const name of WIDGETS.filter((n) => n !== "revenues")) {
      assertEqual(await widget(page, name).locator('[data-state="error"]').count(), 0, `errors in ${name}`);
    }
    await page.unroute("**/trpc/widgets.revenues**");
    await widget(page, "revenues").getByRole("button", { name: "Try again" }).click();
    await widget(page, "revenues").locator('[data-state="ready"]').waitFor();
  });

  await checks.check("on a phone-sized screen the page is one column and nothing overflows", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await waitForWidgets(page);
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      lefts: [
        ...new Set(
          [...document.querySelectorAll("section[data-widget]")].map((s) =>
            Math.round(s.getBoundingClientRect().left),
          ),
        ),
      ],
    }));
    assert(layout.overflow <= 0, `the page is ${layout.overflow}px wider than the screen`);
    assertEqual(layout.lefts.length, 1, "distinct left edges of widgets (columns)");
    await page.screenshot({ path: join(artifacts, "customer-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  if (ctx.seededCustomerId) {
    await checks.check("a seeded sample customer shows every widget without an error", async () => {
      await page.goto(`${url}/customers/${ctx.seededCustomerId}`);
      await waitForWidgets(page);
      assertEqual(await page.locator('[data-state="error"]').count(), 0, "widgets in error");
      await page.screenshot({ path: join(artifacts, "seeded-customer.png"), fullPage: true });
    });
  }

  await checks.check("an unknown customer id gets one clear message, not eleven failed widgets", async () => {
    await page.goto(`${url}/customers/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { name: "No such customer" }).waitFor();
    assertEqual(await page.locator("section[data-widget]").count(), 0, "widgets shown");
  });

  await checks.check("signing out forgets the token and the data", async () => {
    await page.goto(`${url}/customers/${customerId}`);
    await waitForWidgets(page, ["header"]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("sign-in-notice").filter({ hasText: "You have signed out." }).waitFor();
    assertEqual(
      await page.evaluate(() => sessionStorage.getItem("account360.session")),
      null,
      "stored session",
    );
    await page.goto(`${url}/customers/${customerId}`);
    await page.getByRole("heading", { name: "Sign in to Account360" }).waitFor();
    assertEqual(await page.getByText("Elena Testescu").count(), 0, "customer data shown signed out");
  });

  await checks.check("a reader is told that dismissing and uploading need the writer role", async () => {
    await signIn(page, "e2e.reader", password);
    await waitForWidgets(page);
    await widget(page, "suggestions")
      .getByRole("button", { name: `Dismiss ${OFFERS[1].product}` })
      .click();
    await page.getByText("dismiss suggestions: that needs the writer role").waitFor();
    await widget(page, "header")
      .getByTestId("picture-input")
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("uploading needs the writer role").waitFor();
  });

  await checks.check(
    "an ended token (user disabled) sends the user back to sign in, saying why",
    async () => {
      await disableUser("e2e.reader");
      await widget(page, "interactions").getByRole("button", { name: "Next" }).click();
      await page.getByTestId("sign-in-notice").filter({ hasText: "Your session has ended" }).waitFor();
    },
  );

  await checks.check("no script error and no CSP refusal in the browser console", () => {
    assertEqual(errors, [], "console errors");
  });
}
