import {
  applicationInput,
  customerAddressInput,
  customerAgreementInput,
  customerAuditInput,
  customerRepresentativeInput,
  individualCustomerInput,
  listCustomerAudit,
  upsertApplication,
  upsertCustomerAddress,
  upsertCustomerAgreement,
  upsertCustomerRepresentative,
  upsertIndividualCustomer,
} from "@account360/core";
import { createWriteStore } from "@account360/storage";
import { readerProcedure, router, writerProcedure } from "../trpc/init";
import { searchCustomersProcedure } from "./customer-search";

/** The five write actions of CONTRACT §4 (upserts) and the audit trail they leave. */
export const customersRouter = router({
  upsertIndividual: writerProcedure
    .input(individualCustomerInput)
    .mutation(({ ctx, input }) => upsertIndividualCustomer(createWriteStore(ctx.db), ctx.actor, input)),
  search: searchCustomersProcedure,
});

export const addressesRouter = router({
  upsert: writerProcedure
    .input(customerAddressInput)
    .mutation(({ ctx, input }) => upsertCustomerAddress(createWriteStore(ctx.db), ctx.actor, input)),
});

export const representativesRouter = router({
  upsert: writerProcedure
    .input(customerRepresentativeInput)
    .mutation(({ ctx, input }) => upsertCustomerRepresentative(createWriteStore(ctx.db), ctx.actor, input)),
});

export const applicationsRouter = router({
  upsert: writerProcedure
    .input(applicationInput)
    .mutation(({ ctx, input }) => upsertApplication(createWriteStore(ctx.db), ctx.actor, input)),
});

export const agreementsRouter = router({
  upsert: writerProcedure
    .input(customerAgreementInput)
    .mutation(({ ctx, input }) => upsertCustomerAgreement(createWriteStore(ctx.db), ctx.actor, input)),
});

export const auditRouter = router({
  forCustomer: readerProcedure
    .input(customerAuditInput)
    .query(({ ctx, input }) => listCustomerAudit(createWriteStore(ctx.db), input)),
});
