export { apiReadiness, type BridgeRoutesOptions, bridgeRoutes } from "./bridge-routes";
export { type Dispatch, inProcess, overHttp } from "./dispatch";
export { buildOpenApiDocument } from "./openapi";
