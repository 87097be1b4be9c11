package org.boxoffice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Paths an attacker would try to slip past a door that matched the raw request URI (API.md §1): every one is either
 * refused before routing ({@code 400 VALIDATION_ERROR}) or routed as what it is and authenticated accordingly. None
 * reaches an operator endpoint without the key, and the database shows nothing made.
 */
class PathTricksTest extends ApiTest {
    private static final String CREATE = "{\"name\":\"Intruder Inc\",\"billing_model\":\"partner_billed\"}";

    /** What API.md §1 lists as not normalized: refused with 400 before any routing or authentication. */
    private static final List<String> NOT_NORMALIZED = List.of(
            "/admin;x/v1/partners", "/admin/v1;x/partners", "/admin/v1/partners;x", "/;x/admin/v1/partners",
            "/v1/..;/admin/v1/partners", "/admin/v1/partners/..;/partners",
            "/admin%2Fv1/partners", "/admin/v1%2fpartners", "/v1/events/..%2F..%2Fadmin/v1/partners",
            "/admin/v1/%2e/partners", "/admin/%2e%2e/admin/v1/partners", "/%2e/admin/v1/partners", "/admin/v1/partners%2e",
            "/admin/v1/%252e%252e/partners", "/%25admin/v1/partners",
            "/admin\\v1/partners", "/admin%5cv1/partners",
            "//admin/v1/partners", "/admin//v1/partners", "/admin/v1/partners//",
            "/admin/./v1/partners", "/v1/../admin/v1/partners", "/admin/v1/partners/.", "/admin/v1/partners/..");

    /** Normalized, so routed as what they are: never the operator API without its key. */
    private static final List<String> ROUTED_AS_THEY_ARE = List.of(
            "/%61dmin/v1/partners", "/adm%69n/v1/p%61rtners", "/admin/v1/partners.", "/ADMIN/v1/partners",
            "/Admin/v1/partners", "/admin/V1/partners", "/admin/v1/Partners");

    @Test
    void pathsThatAreNotNormalizedAreRefusedBeforeRoutingWithAValidationError() {
        long partnersBefore = partners();
        List<String> wrong = new ArrayList<>();
        for (String path : NOT_NORMALIZED) {
            for (String method : List.of("GET", "POST")) {
                for (String authorization : new String[] {null, "Bearer " + OPERATOR_KEY}) {
                    RawHttp.Answer answer = RawHttp.send(port, method, path, authorization, "POST".equals(method) ? CREATE : null);
                    if (answer.status() != 400 || !answer.body().contains("\"code\":\"VALIDATION_ERROR\"")
                            || !answer.body().contains("\"request_id\"")) {
                        wrong.add(method + " " + path + (authorization == null ? "" : " (with the key)") + " -> "
                                + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        assertThat(wrong).as("answers other than 400 VALIDATION_ERROR in the envelope").isEmpty();
        assertThat(partners()).as("partners made through path tricks").isEqualTo(partnersBefore);
    }

    @Test
    void encodedLettersAndOtherSpellingsNeverOpenTheOperatorApiWithoutItsKey() {
        String partnerToken = "Bearer " + fixtures.token(fixtures.partner());
        long partnersBefore = partners();
        List<String> wrong = new ArrayList<>();
        for (String path : ROUTED_AS_THEY_ARE) {
            for (String method : List.of("GET", "POST")) {
                RawHttp.Answer anonymous = RawHttp.send(port, method, path, null, "POST".equals(method) ? CREATE : null);
                RawHttp.Answer partner = RawHttp.send(port, method, path, partnerToken, "POST".equals(method) ? CREATE : null);
                for (RawHttp.Answer answer : List.of(anonymous, partner)) {
                    if (answer.status() != 401 || !answer.body().contains("\"code\":\"UNAUTHORIZED\"")) {
                        wrong.add(method + " " + path + " -> " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        assertThat(wrong).as("answers other than 401 UNAUTHORIZED without the operator key").isEmpty();
        assertThat(partners()).as("partners made through path tricks").isEqualTo(partnersBefore);
    }

    /**
     * The pages a Spring Security application serves by default do not exist here: {@code /logout} and {@code /login}
     * are answered as any other path outside the doors is (refused, in the envelope), never with a redirect.
     */
    @Test
    void theFrameworksLoginAndLogoutPagesAreAnsweredAsAnyPathOutsideTheDoors() {
        RawHttp.Answer outside = RawHttp.send(port, "GET", "/no-such-page", null, null);
        assertThat(outside.status()).isEqualTo(401);
        assertThat(outside.body()).contains("\"code\":\"UNAUTHORIZED\"");
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/logout", "/login", "/login?error", "/logout?x=1")) {
            for (String method : List.of("GET", "POST")) {
                RawHttp.Answer answer = RawHttp.send(port, method, path, null, null);
                if (answer.status() != 401 || !answer.body().contains("\"code\":\"UNAUTHORIZED\"")) {
                    wrong.add(method + " " + path + " -> " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).as("answers unlike the one to a path outside the doors").isEmpty();
    }

    /** The door decides on the path routing uses: {@code /%61dmin/...} is the operator API, so the key opens it. */
    @Test
    void anEncodedLetterIsTheSamePathForTheDoorAndForRouting() {
        assertThat(RawHttp.send(port, "GET", "/%61dmin/v1/partners", "Bearer " + OPERATOR_KEY, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/v1/%65vents", "Bearer " + fixtures.token(fixtures.partner()), null).status())
                .isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/v1/%65vents", null, null).status()).isEqualTo(401);
    }

    @Test
    void theSamePathTricksOnThePartnerApiGetNothingEither() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/v1;x/events", "/v1/events;jsessionid=x", "/v1%2Fevents", "/v1//events",
                "/v1/./events", "/v1/quotes/..;/events", "/v1\\events", "/v1/auth/token/..;/../events")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", path, null, null);
            if (answer.status() != 400 || !answer.body().contains("VALIDATION_ERROR")) {
                wrong.add(path + " -> " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(RawHttp.send(port, "GET", "/V1/events", null, null).status()).isEqualTo(401);
    }

    /** The firewall checks parameter names when they are read (a form body): a refused one is a 400, never a 500. */
    @Test
    void aParameterNameTheFirewallRefusesIsAValidationError() {
        for (String path : List.of("/admin/v1/events", "/webhooks/stripe")) {
            RawHttp.Answer answer = RawHttp.sendForm(port, path, "Bearer " + OPERATOR_KEY, "bad%07name=1&%EF%B7%90=2");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("\"code\":\"VALIDATION_ERROR\"");
        }
    }

    private long partners() {
        return jdbc.sql("SELECT count(*) FROM partners").query(Long.class).single();
    }
}
