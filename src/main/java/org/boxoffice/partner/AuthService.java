package org.boxoffice.partner;

import java.util.Set;
import org.boxoffice.shared.Redacted;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Service;

/** The client-credentials grant: a client id and secret in, a one-hour bearer token out. */
@Service
class AuthService {
    private static final String GRANT = "client_credentials";
    private final PartnerRepository partners;
    private final SecretHasher hasher;
    private final TokenService tokens;
    private final String dummyHash;

    AuthService(PartnerRepository partners, SecretHasher hasher, TokenService tokens) {
        this.partners = partners;
        this.hasher = hasher;
        this.tokens = tokens;
        this.dummyHash = hasher.hash("not-a-secret");
    }

    record Credentials(String clientId, String clientSecret, String grantType, String scope) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=" + Redacted.MARK + "]";
        }

    }

    TokenService.Issued issue(Credentials request) {
        if (request.grantType() == null || request.grantType().isBlank()) {
            throw ApiException.validation("grant_type", "grant_type is required (client_credentials)");
        }
        if (!GRANT.equals(request.grantType())) {
            throw new ApiException(ErrorCode.UNSUPPORTED_GRANT_TYPE, "Only grant_type client_credentials is supported");
        }
        require(request.clientId(), "client_id");
        require(request.clientSecret(), "client_secret");
        Set<String> scopes = scopes(request.scope());
        Partner partner = partners.findByClientId(request.clientId()).orElse(null);
        // Hash even for an unknown client, so timing does not tell which client ids exist.
        boolean valid = hasher.matches(request.clientSecret(), partner == null ? dummyHash : partner.secretHash());
        if (partner == null || !valid) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown client_id or wrong client_secret");
        }
        if (partner.status() == PartnerStatus.SUSPENDED) {
            throw new ApiException(ErrorCode.ACCOUNT_SUSPENDED, "This partner account is suspended; contact Boxoffice");
        }
        return tokens.issue(partner, scopes);
    }

    private static Set<String> scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return Scope.parse(Scope.ALL_TEXT);
        }
        Set<String> scopes = Scope.parse(requested);
        if (!Scope.ALL.containsAll(scopes)) {
            throw ApiException.validation("scope", "scope must be made of: " + Scope.ALL_TEXT);
        }
        return scopes;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
    }
}
