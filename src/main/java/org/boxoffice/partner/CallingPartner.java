package org.boxoffice.partner;

import java.util.Set;

/** The authenticated partner of the current request; handlers take it as a parameter. */
public record CallingPartner(String partnerId, String clientId, Set<String> scopes, BillingModel billingModel) {
}
