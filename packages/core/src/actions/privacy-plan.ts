import { privacyPlan, privacyPlanSchema } from "../privacy/retention-policy";
import { customerInput } from "../rules/ids";
import { defineAction } from "./action";
import { unknownPrivacyCustomer } from "./privacy-export";

export const privacyPlanAction = defineAction({
  name: "FTOS_ACC_PrivacyPlan",
  procedure: "privacy.plan",
  kind: "query",
  access: "admin",
  tag: "Privacy",
  title: "Privacy plan",
  summary:
    "What erasing the customer would erase, pseudonymize and retain, on which legal basis and until when, and what blocks the erasure today (CONTRACT §10).",
  input: customerInput,
  output: privacyPlanSchema,
  async run({ sources, now, settings }, { customerInternalId }) {
    const records = await sources.privacy.records(customerInternalId);
    if (!records) throw unknownPrivacyCustomer(customerInternalId);
    return privacyPlan(records, now.toISOString().slice(0, 10), settings);
  },
});
