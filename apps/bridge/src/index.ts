export { type ApiClient, type ApiClientFactory, httpApiClients, localApiClients } from "./api-client";
export { apiReadiness, type BridgeRoutesOptions, bridgeRoutes } from "./bridge-routes";
export { buildOpenApiDocument } from "./openapi";
