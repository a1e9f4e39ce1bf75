import type { Sources } from "@account360/core";
import { changeEventSource } from "./events/change-event-feed";
import { webhookStore } from "./events/webhook-store";
import { ingestStore } from "./ingest/ingest-store";
import { privacySource } from "./privacy/privacy-source";
import { customerSearchSource } from "./repositories/customer-search";
import { groupMembersSource } from "./repositories/group-members";
import { representativeLinksSource } from "./repositories/representative-links";
import { createWriteStore } from "./repositories/write-store";
import type { Db } from "./sql/db";
import { accountFlagsSource } from "./widgets/flags";
import { groupExposureSource } from "./widgets/group-exposure";
import { accountHeaderSource } from "./widgets/header";
import { accountClientLifecycleSource } from "./widgets/lifecycle";
import { accountPendingActivitiesSource } from "./widgets/pending-activities";
import { accountPictureSource } from "./widgets/picture";
import { productPortfolioSource } from "./widgets/product-portfolio";
import { productSuggestionsSource } from "./widgets/product-suggestions";
import { profileCompleteSource } from "./widgets/profile-completion";
import { profitabilitySource } from "./widgets/profitability";
import { profitabilityIndicatorsSource } from "./widgets/profitability-indicators";
import { recentInteractionsSource } from "./widgets/recent-interactions";
import { revenuesSource } from "./widgets/revenues";
import { transactionValuesSource } from "./widgets/transaction-values";

/**
 * Every port of the core over one database, built once per process. `reads` serves the widgets and
 * search, which may lag a little (a standby, CONTRACT §11); everything else, above all what must
 * see its own write, the events feed and audit, runs on `db`, the primary.
 */
export function createSources(db: Db, reads: Db = db): Sources {
  return {
    writes: createWriteStore(db),
    events: changeEventSource(db),
    webhooks: webhookStore(db),
    ingest: ingestStore(db),
    privacy: privacySource(db),
    search: customerSearchSource(reads),
    lifecycle: accountClientLifecycleSource(reads),
    flags: accountFlagsSource(reads),
    header: accountHeaderSource(reads),
    picture: accountPictureSource(reads),
    pendingActivities: accountPendingActivitiesSource(reads),
    productPortfolio: productPortfolioSource(reads),
    productSuggestions: productSuggestionsSource(db, reads),
    profileComplete: profileCompleteSource(reads),
    profitability: profitabilitySource(reads),
    profitabilityIndicators: profitabilityIndicatorsSource(reads),
    recentInteractions: recentInteractionsSource(reads),
    revenues: revenuesSource(reads),
    transactionValues: transactionValuesSource(reads),
    groupMembers: groupMembersSource(db),
    representatives: representativeLinksSource(db),
    groupExposure: groupExposureSource(reads),
  };
}
