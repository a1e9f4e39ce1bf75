import { type ActionIndex, createActions, indexActions, type Settings, settingsOf } from "@account360/core";
import { createSources, type DatabaseHandle } from "@account360/storage";
import type { Logger } from "pino";
import { createAuthService } from "./auth";
import type { AppDeps, Authenticator } from "./context";
import type { Env } from "./env";
import { type AppRouter, createAppRouter } from "./router";

export const version = "0.1.0";

/** What the environment decides before any database is open: settings, the actions, the router. */
export interface App {
  settings: Settings;
  actions: ActionIndex;
  router: AppRouter;
}

export function createApp(env: Env): App {
  const settings = settingsOf({
    phoneRegion: env.DEFAULT_PHONE_REGION,
    consentTypes: env.CONSENT_TYPES,
    marketingConsentTypes: env.MARKETING_CONSENT_TYPES,
    retentionYearsFinancial: env.RETENTION_YEARS_FINANCIAL,
    profileWeights: env.PROFILE_WEIGHTS,
    legalEntityProfileWeights: env.LEGAL_ENTITY_PROFILE_WEIGHTS,
  });
  const actions = createActions(settings);
  return { settings, actions: indexActions(actions), router: createAppRouter(actions) };
}

/** Everything a request may use, over one open database: what the server builds once and tests build per file. */
export function createAppDeps(
  app: App,
  handle: DatabaseHandle,
  options: { env: Env; logger: Logger; auth?: Authenticator; now?: () => Date },
): AppDeps {
  return {
    db: handle.db,
    dbKind: handle.kind,
    sources: createSources(handle.sql, handle.readSql),
    actions: app.actions,
    router: app.router,
    env: options.env,
    auth:
      options.auth ?? createAuthService({ database: handle, tokenTtlSeconds: options.env.TOKEN_TTL_SECONDS }),
    logger: options.logger,
    now: options.now ?? (() => new Date()),
    settings: app.settings,
    version,
    ping: handle.ping,
  };
}
