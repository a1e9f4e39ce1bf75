import { z } from "zod";
import { AppError } from "../errors/app-error";
import { pseudonymOf } from "../privacy/erasure-rules";
import { privacyPlan } from "../privacy/retention-policy";
import { customerInput } from "../rules/ids";
import { defineAction, writeMessage } from "./action";
import { unknownPrivacyCustomer } from "./privacy-export";

export const privacyEraseResult = z.object({
  customerInternalId: z.string(),
  operation: z.enum(["erased", "unchanged"]),
});

const ACTION = "FTOS_ACC_PrivacyErase";

export const privacyErase = defineAction({
  name: ACTION,
  procedure: "privacy.erase",
  kind: "mutation",
  access: "admin",
  tag: "Privacy",
  title: "Privacy erasure",
  summary:
    "Carries out the customer's privacy plan in one transaction: contact data, addresses, picture, interactions' content and the personal values of audit entries and events erased, names and UniqueID pseudonymized, financial records kept; 409 with the blockers when erasure is blocked.",
  input: customerInput,
  output: privacyEraseResult,
  message: writeMessage("Customer"),
  async run({ sources, now, settings, actor }, { customerInternalId }) {
    const today = now.toISOString().slice(0, 10);
    const operation = await sources.privacy.erase(customerInternalId, {
      decide(records) {
        const plan = privacyPlan(records, today, settings);
        if (!plan.canEraseNow) {
          const reasons = plan.blockers.map((b) => (b.until ? `${b.reason} until ${b.until}` : b.reason));
          throw new AppError(
            "CONFLICT",
            `The customer cannot be erased now: ${reasons.join("; ")}.`,
            plan.blockers.map((b, i) => ({
              field: `blockers.${i}`,
              message: b.until ? `${b.reason} until ${b.until}` : b.reason,
            })),
          );
        }
        return plan;
      },
      pseudonym: pseudonymOf(customerInternalId),
      userName: actor.userName,
      action: ACTION,
    });
    if (!operation) throw unknownPrivacyCustomer(customerInternalId);
    return { customerInternalId, operation };
  },
});
