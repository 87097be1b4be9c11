package org.boxoffice.config;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.boxoffice.operator.OperatorKeyAuthentication;
import org.boxoffice.partner.PartnerDoor;
import org.boxoffice.web.IdempotencyFilter;
import org.boxoffice.web.SecurityErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The doors, one {@link SecurityFilterChain} each, tried in this order on the path routing uses (decoded, without
 * {@code ;} parameters: {@code /%61dmin/...} is the operator API). Spring Security's {@code StrictHttpFirewall} refuses
 * every non-normalized path first ({@code 400 VALIDATION_ERROR}, {@link SecurityErrors}).
 * <ol>
 * <li>Actuator on the management port (its own port, bound to loopback);</li>
 * <li>{@code /v1/auth/token}: open (client credentials are checked by the endpoint), rate-limited per address;</li>
 * <li>{@code /v1/**}: partner JWTs through the OAuth2 resource server, the handler's scope, rate limits, idempotency;</li>
 * <li>{@code /admin/**}: the operator key, through its own {@code AuthenticationProvider};</li>
 * <li>{@code /webhooks/**}: open, each controller checks its provider's signature;</li>
 * <li>public pages, listed one by one;</li>
 * <li>everything else: denied ({@code 401} without credentials) — a path is open only on purpose.</li>
 * </ol>
 * All are stateless: no session, no CSRF token (nothing rides on cookies), no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {
    private static final String[] PUBLIC = {"/error", "/actuator/health", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/vouchers/**", "/sandbox/**"};
    private final SecurityErrors errors;
    private final boolean hsts;
    private final CorsConfigurationSource cors;

    SecurityConfig(SecurityErrors errors, @Value("${boxoffice.http.hsts:false}") boolean hsts,
                   @Value("${boxoffice.http.cors-allowed-origins:}") List<String> corsOrigins) {
        this.errors = errors;
        this.hsts = hsts;
        this.cors = cors(corsOrigins);
    }

    /**
     * Actuator's endpoints on the management port (loopback unless configured: see API.md §1); Spring Security runs
     * there too. On the public port only {@code /actuator/health} (status only) is served, by the public pages.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementPort(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(EndpointRequest.toAnyEndpoint()), errors)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, PartnerDoor partners) throws Exception {
        return stateless(http.securityMatcher(PartnerDoor.TOKEN_PATH), partners.entryPoint(errors))
                .addFilterBefore(partners.rateLimits(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain partnerApi(HttpSecurity http, PartnerDoor partners, IdempotencyFilter idempotency) throws Exception {
        AuthenticationEntryPoint refusal = partners.entryPoint(errors);
        return stateless(http.securityMatcher("/v1/**"), refusal)
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(request -> partners.authentication())
                        .authenticationEntryPoint(refusal).accessDeniedHandler(errors))
                .addFilterAfter(partners.rateLimits(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().access(partners.authorization()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorApi(HttpSecurity http, OperatorKeyAuthentication operatorKey) throws Exception {
        AuthenticationManager operator = new ProviderManager(operatorKey);
        return stateless(http.securityMatcher("/admin/**"), errors)
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> operator)
                        .authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasAuthority(OperatorKeyAuthentication.ROLE))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain providerWebhooks(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/webhooks/**"), errors)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(PUBLIC), errors)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(6)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(AnyRequestMatcher.INSTANCE), errors)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * No Micrometer observation around each of Spring Security's filters: a dozen timers per request, measured at a
     * tenth of the partner API's throughput here. Requests are still observed whole by Spring MVC.
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Boot would also run the idempotency filter for every request: it belongs to the partner door only. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyOnlyInsideThePartnerDoor(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private HttpSecurity stateless(HttpSecurity http, AuthenticationEntryPoint refusal) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                // No sessions, so nothing to log out of: without this, POST and GET /logout answered a redirect.
                .logout(logout -> logout.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(c -> c.configurationSource(cors))
                .headers(headers -> headers.httpStrictTransportSecurity(strict -> {
                    if (hsts) {
                        // Behind a TLS-terminating proxy the request is plain HTTP; browsers ignore HSTS over HTTP anyway.
                        strict.requestMatcher(AnyRequestMatcher.INSTANCE).includeSubDomains(true).maxAgeInSeconds(31_536_000);
                    }
                }))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusal).accessDeniedHandler(errors));
    }

    /** Closed unless {@code BOXOFFICE_CORS_ALLOWED_ORIGINS} names origins: then the partner API answers them. */
    private static CorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(allowed);
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
            configuration.setExposedHeaders(List.of("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining",
                    "RateLimit-Reset", "Retry-After"));
            configuration.setMaxAge(600L);
            source.registerCorsConfiguration("/v1/**", configuration);
        }
        return source;
    }
}
