package org.boxoffice.partner;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import org.boxoffice.shared.Redacted;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.Envelope;
import org.boxoffice.web.ErrorResponses;
import org.boxoffice.web.RawBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/auth/token}: JSON, form-encoded, and HTTP Basic client authentication all work. The answer is the
 * envelope with the token in {@code data}, and the RFC 6749 §5.1 fields once more at the top level, beside the
 * envelope, so that stock OAuth 2.0 clients read it unchanged.
 */
@RestController
@RawBody
class TokenController {
    private final AuthService auth;
    private final ErrorResponses envelopes;

    TokenController(AuthService auth, ErrorResponses envelopes) {
        this.auth = auth;
        this.envelopes = envelopes;
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String scope) {
        @Override
        public String toString() {
            return "TokenResponse[accessToken=" + Redacted.MARK + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
        }
    }

    @JsonPropertyOrder({"success", "data", "meta", "access_token", "token_type", "expires_in", "scope"})
    record TokenAnswer(boolean success, TokenResponse data, Envelope.Meta meta,
                       String accessToken, String tokenType, long expiresIn, String scope) {

        static TokenAnswer of(TokenResponse token, Envelope.Meta meta) {
            return new TokenAnswer(true, token, meta, token.accessToken(), token.tokenType(), token.expiresIn(), token.scope());
        }

        @Override
        public String toString() {
            return "TokenAnswer[" + data + ", " + meta + "]";
        }
    }

    /** The JSON token request, read as a map (so a wrong type is a field error); it never prints the secret. */
    static final class TokenRequestBody extends LinkedHashMap<String, Object> {
        @Override
        public String toString() {
            return "TokenRequestBody" + keySet();
        }
    }

    @ApiErrors({ErrorCode.VALIDATION_ERROR, ErrorCode.UNSUPPORTED_GRANT_TYPE, ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_SUSPENDED})
    @PostMapping(path = PartnerDoor.TOKEN_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenAnswer> json(@RequestBody TokenRequestBody body, HttpServletRequest request) {
        return issue(text(body, "client_id"), text(body, "client_secret"), text(body, "grant_type"),
                text(body, "scope"), request);
    }

    @ApiErrors({ErrorCode.VALIDATION_ERROR, ErrorCode.UNSUPPORTED_GRANT_TYPE, ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_SUSPENDED})
    @PostMapping(path = PartnerDoor.TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenAnswer> form(HttpServletRequest request) {
        return issue(request.getParameter("client_id"), request.getParameter("client_secret"),
                request.getParameter("grant_type"), request.getParameter("scope"), request);
    }

    /**
     * The form fields and the {@code Authorization} header (the clientBasic security scheme) are read from the request,
     * not bound as handler arguments, because Spring MVC logs handler arguments at TRACE.
     */
    private ResponseEntity<TokenAnswer> issue(String clientId, String secret, String grantType, String scope,
                                              HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basicPair(authorization.substring(6).trim());
            clientId = pair[0];
            secret = pair[1];
        }
        TokenService.Issued issued = auth.issue(new AuthService.Credentials(clientId, secret, grantType, scope));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenAnswer.of(new TokenResponse(issued.token(), "Bearer", TokenService.LIFETIME.toSeconds(),
                        issued.expiresAt(), Scope.format(issued.scopes())), envelopes.meta(request)));
    }

    /** RFC 6749 §2.3.1: the id and secret are form-url-encoded, then joined by a colon and base64-encoded. */
    private static String[] basicPair(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new String[] {
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Malformed HTTP Basic credentials");
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        if (value != null && !(value instanceof String)) {
            throw ApiException.validation(field, field + " must be a string");
        }
        return (String) value;
    }
}
