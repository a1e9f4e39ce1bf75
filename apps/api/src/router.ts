import { ingestRouter } from "./routers/ingest";
import { systemRouter } from "./routers/system";
import { widgetsRouter } from "./routers/widgets";
import {
  addressesRouter,
  agreementsRouter,
  applicationsRouter,
  auditRouter,
  customersRouter,
  representativesRouter,
} from "./routers/write-actions";
import { router } from "./trpc/init";

export const appRouter = router({
  system: systemRouter,
  customers: customersRouter,
  addresses: addressesRouter,
  representatives: representativesRouter,
  applications: applicationsRouter,
  agreements: agreementsRouter,
  audit: auditRouter,
  widgets: widgetsRouter,
  ingest: ingestRouter,
});

export type AppRouter = typeof appRouter;
