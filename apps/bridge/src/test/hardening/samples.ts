import { examples } from "@account360/core/testing";

/** Valid `Data` of each write action, as an integrator sends it; tests change what they need. */
export const samples = {
  customer: (uniqueId: string) => examples.customer({ UniqueID: uniqueId }),
  address: (customerInternalId: string) => examples.address({ customerInternalId }),
  representative: (customerInternalId: string, customerRepresentativeNo: string) =>
    examples.representative({ customerInternalId, customerRepresentativeNo }),
  application: (customerInternalId: string, externalId: string) =>
    examples.application({ customerInternalId, externalId }),
  agreement: (customerInternalId: string, externalId?: string) =>
    examples.agreement({ customerInternalId, ...(externalId ? { externalId } : {}) }),
};
