export { apiReadiness, type BridgeRoutesOptions, bridgeRoutes } from "./bridge-routes";
export { type Dispatch, inProcess, overHttp } from "./dispatch";
export { bridgeEnvSchema, loadBridgeEnv } from "./env";
export { buildOpenApiDocument } from "./openapi";
