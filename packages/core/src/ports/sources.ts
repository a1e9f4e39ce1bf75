import type { ChangeEventSource } from "../events/change-events";
import type { WebhookStore } from "../events/webhooks";
import type { IngestStore } from "../ingest/ingest";
import type { PrivacySource } from "../privacy/privacy-source";
import type { CustomerRepresentativesSource } from "../use-cases/list-customer-representatives";
import type { GroupMembersSource } from "../use-cases/list-group-members";
import type { CustomerSearchSource } from "../use-cases/search-customers";
import type { AccountFlagsSource } from "../widgets/flags";
import type { GroupExposureSource } from "../widgets/group-exposure";
import type { AccountHeaderSource } from "../widgets/header";
import type { AccountClientLifecycleSource } from "../widgets/lifecycle";
import type { AccountPendingActivitiesSource } from "../widgets/pending-activities";
import type { AccountPictureSource } from "../widgets/picture";
import type { ProductPortfolioSource } from "../widgets/product-portfolio";
import type { ProductSuggestionsSource } from "../widgets/product-suggestions";
import type { ProfileCompleteSource } from "../widgets/profile-completion";
import type { ProfitabilitySource } from "../widgets/profitability";
import type { ProfitabilityIndicatorsSource } from "../widgets/profitability-indicators";
import type { RecentInteractionsSource } from "../widgets/recent-interactions";
import type { RevenuesSource } from "../widgets/revenues";
import type { TransactionValuesSource } from "../widgets/transaction-values";
import type { WriteStore } from "./write-store";

/**
 * Every port the use cases read and write through, one per action family. Storage builds them
 * once per process over its database; tests build them over a test database.
 */
export interface Sources {
  writes: WriteStore;
  events: ChangeEventSource;
  webhooks: WebhookStore;
  ingest: IngestStore;
  privacy: PrivacySource;
  search: CustomerSearchSource;
  lifecycle: AccountClientLifecycleSource;
  flags: AccountFlagsSource;
  header: AccountHeaderSource;
  picture: AccountPictureSource;
  pendingActivities: AccountPendingActivitiesSource;
  productPortfolio: ProductPortfolioSource;
  productSuggestions: ProductSuggestionsSource;
  profileComplete: ProfileCompleteSource;
  profitability: ProfitabilitySource;
  profitabilityIndicators: ProfitabilityIndicatorsSource;
  recentInteractions: RecentInteractionsSource;
  revenues: RevenuesSource;
  transactionValues: TransactionValuesSource;
  groupMembers: GroupMembersSource;
  representatives: CustomerRepresentativesSource;
  groupExposure: GroupExposureSource;
}
