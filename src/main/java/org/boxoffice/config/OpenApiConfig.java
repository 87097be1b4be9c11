package org.boxoffice.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.PartnerDoor;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.boxoffice.web.RawBody;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document as partners see the API: success bodies inside the envelope, list endpoints with
 * {@code limit}/{@code offset} and pagination, and every operation with each catalogue error it can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    private static final String ENVELOPE_REF = "#/components/schemas/";
    private static final String PAGE_KEY = "x-boxoffice-page";
    private static final String SCOPE_KEY = "x-boxoffice-scope";
    static final String PARTNER_OAUTH = "partnerOAuth";
    static final String PARTNER_TOKEN = "partnerToken";
    static final String CLIENT_BASIC = "clientBasic";
    static final String OPERATOR_KEY = "operatorKey";
    /** The named success envelopes the operations use, added to the components once the paths are built. */
    private final Map<String, Schema<?>> envelopes = new ConcurrentHashMap<>();

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallingPartner.class, PageRequest.class);
        // An event's local time has no offset: not an RFC 3339 date-time, which generated clients parse with one.
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class, new StringSchema()
                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$").example("2026-12-08T19:30:00")
                .description("Local time at the venue, without offset (see event_timezone)"));
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("Boxoffice Partner API").version("v1").description(
                        "Ticket supplier API for partners (`/v1`) and operators (`/admin/v1`). Every response is an "
                                + "envelope `{success, data | error, pagination?, meta}`; errors carry a code from the "
                                + "catalogue. Merchant-of-record baskets: `stripe_object` answers a PaymentIntent (the same "
                                + "one for an unchanged basket; holds kept while the payment is pending), `/webhooks/stripe` "
                                + "(Stripe-Signature, 300 s either way, each event once, the intent re-fetched) books it, and "
                                + "each booked item links a PDF voucher at `/vouchers/{token}.pdf` (no token needed; 404 a "
                                + "day after the event starts). Without Stripe keys, `/sandbox/checkout` takes the test cards. "
                                + "See README.md for the decisions this document records."))
                .components(new Components()
                        .addSecuritySchemes(PARTNER_OAUTH, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("OAuth 2.0 client credentials: your client_id and client_secret at "
                                        + "POST /v1/auth/token give a 1-hour bearer JWT; each operation names the scope it needs")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(PartnerDoor.TOKEN_PATH)
                                        .scopes(scopes()))))
                        .addSecuritySchemes(PARTNER_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("A token from POST /v1/auth/token, valid 1 hour"))
                        .addSecuritySchemes(CLIENT_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("client_id:client_secret (RFC 6749 client_secret_basic); "
                                        + "they may be sent in the body instead"))
                        .addSecuritySchemes(OPERATOR_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The operator key (operator API only)"))
                        .addSchemas("Meta", new ObjectSchema()
                                .addProperty("request_id", new StringSchema())
                                .addProperty("timestamp", new StringSchema().format("date-time")))
                        .addSchemas("Pagination", new ObjectSchema()
                                .addProperty("total", new IntegerSchema().format("int64"))
                                .addProperty("limit", new IntegerSchema())
                                .addProperty("offset", new IntegerSchema().format("int64"))
                                .addProperty("has_more", new BooleanSchema()))
                        .addSchemas("Error", new ObjectSchema()
                                .addProperty("code", new StringSchema()._enum(EnumSet.allOf(ErrorCode.class).stream()
                                        .map(Enum::name).toList()))
                                .addProperty("message", new StringSchema())
                                .addProperty("details", new ObjectSchema().description("e.g. {fields: [{field, message}]}"))
                                .required(List.of("code", "message")))
                        .addSchemas("ErrorEnvelope", new ObjectSchema()
                                .addProperty("success", new BooleanSchema()._default(false))
                                .addProperty("error", ref("Error"))
                                .addProperty("meta", ref("Meta"))));
    }

    /** Wraps success bodies in the envelope and adds the handler's own {@link ApiErrors}. */
    @Bean
    OperationCustomizer envelopeAndErrors() {
        return (operation, handler) -> {
            boolean page = Page.class.isAssignableFrom(handler.getReturnType().getParameterType());
            if (page) {
                operation.addExtension(PAGE_KEY, true);
                operation.addParametersItem(new Parameter().in("query").name("limit").required(false)
                        .description("1..100").schema(new IntegerSchema()._default(PageRequest.DEFAULT_LIMIT)));
                operation.addParametersItem(new Parameter().in("query").name("offset").required(false)
                        .schema(new IntegerSchema()._default(0)));
            }
            boolean raw = handler.hasMethodAnnotation(RawBody.class) || handler.getBeanType().isAnnotationPresent(RawBody.class);
            operation.getResponses().forEach((status, response) -> {
                if (!raw && status.startsWith("2") && response.getContent() != null) {
                    response.getContent().forEach((type, media) -> {
                        if (type.contains("json")) { // a CSV variant of the same operation is the CSV text itself
                            media.setSchema(envelope(media.getSchema(), handler, page));
                        }
                    });
                }
            });
            Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
            ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
            if (declared != null) {
                codes.addAll(List.of(declared.value()));
            }
            RequiresScope scope = handler.getMethodAnnotation(RequiresScope.class) != null
                    ? handler.getMethodAnnotation(RequiresScope.class) : handler.getBeanType().getAnnotation(RequiresScope.class);
            if (scope != null) {
                codes.add(ErrorCode.FORBIDDEN);
                operation.addExtension(SCOPE_KEY, scope.value());
            }
            if (hasBody(handler)) {
                codes.addAll(List.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE));
            }
            addErrors(operation, codes);
            return operation;
        };
    }

    /** Errors every operation of a path family can answer, and its security scheme. */
    @Bean
    GlobalOpenApiCustomizer pathErrors() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getComponents().getSchemas().keySet().removeIf(name -> name.startsWith("Page"));
            new TreeMap<>(envelopes).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> operations(item).forEach(operation -> {
                // Any operation: an Accept nothing here produces (406), a value PostgreSQL cannot take, such as a NUL
                // character in a path segment (400), the database away (503).
                Set<ErrorCode> codes = EnumSet.of(ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE,
                        ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.VALIDATION_ERROR);
                if (path.startsWith("/v1/")) {
                    codes.add(ErrorCode.RATE_LIMIT_EXCEEDED);
                    if (path.equals(PartnerDoor.TOKEN_PATH)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(CLIENT_BASIC));
                        operation.addSecurityItem(new SecurityRequirement()); // or the credentials in the body
                    } else {
                        codes.addAll(List.of(ErrorCode.UNAUTHORIZED, ErrorCode.TOKEN_EXPIRED, ErrorCode.ACCOUNT_SUSPENDED));
                        Object scope = operation.getExtensions() == null ? null : operation.getExtensions().get(SCOPE_KEY);
                        List<String> needed = scope == null ? List.of() : List.of(scope.toString());
                        operation.addSecurityItem(new SecurityRequirement().addList(PARTNER_OAUTH, needed));
                        operation.addSecurityItem(new SecurityRequirement().addList(PARTNER_TOKEN, needed));
                        if (operation == item.getPost()) { // every partner POST takes an Idempotency-Key
                            codes.addAll(List.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE, ErrorCode.IDEMPOTENCY_KEY_REUSED));
                            operation.addParametersItem(idempotencyKey());
                        }
                    }
                } else if (path.startsWith("/admin/")) {
                    codes.add(ErrorCode.UNAUTHORIZED);
                    operation.addSecurityItem(new SecurityRequirement().addList(OPERATOR_KEY));
                }
                addErrors(operation, codes);
                if (operation.getExtensions() != null) {
                    operation.getExtensions().remove(PAGE_KEY);
                    operation.getExtensions().remove(SCOPE_KEY);
                }
            }));
            OpenApiResponseFields.markRequired(openApi);
        };
    }

    /**
     * The success envelope around {@code original}, as a named schema so generated clients get stable model names:
     * {@code QuoteViewEnvelope}, {@code OrderViewPage} (a list with pagination), {@code PayoutViewListEnvelope}.
     */
    private Schema<?> envelope(Schema<?> original, HandlerMethod handler, boolean page) {
        Schema<?> data = original;
        if (page) {
            ResolvableType item = ResolvableType.forMethodReturnType(handler.getMethod()).getGeneric(0);
            data = new ArraySchema().items(ref(item.resolve() == null ? "Object" : item.resolve().getSimpleName()));
        }
        ObjectSchema envelope = new ObjectSchema();
        envelope.addProperty("success", new BooleanSchema()._default(true));
        envelope.addProperty("data", data);
        envelope.addRequiredItem("success");
        envelope.addRequiredItem("data");
        if (page) {
            envelope.addProperty("pagination", ref("Pagination"));
            envelope.addRequiredItem("pagination");
        }
        envelope.addProperty("meta", ref("Meta"));
        envelope.addRequiredItem("meta");
        String name = envelopeName(data, page);
        if (name == null) {
            return envelope;
        }
        envelopes.put(name, envelope);
        return ref(name);
    }

    /** Named after what {@code data} holds; null (left inline) when it holds no named schema. */
    private static String envelopeName(Schema<?> data, boolean page) {
        if (data.get$ref() != null) {
            return refName(data) + "Envelope";
        }
        if (data.getItems() != null && data.getItems().get$ref() != null) {
            return refName(data.getItems()) + (page ? "Page" : "ListEnvelope");
        }
        return null;
    }

    private static String refName(Schema<?> schema) {
        return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }

    private static Parameter idempotencyKey() {
        return new Parameter().in("header").name("Idempotency-Key").required(false)
                .description("Makes a retry safe: the first answer is kept 24 h for this partner and key and replayed "
                        + "(with `Idempotent-Replayed: true`) for a retry with the same body; the same key with "
                        + "another body is 422 IDEMPOTENCY_KEY_REUSED, a retry while the first runs 409 "
                        + "IDEMPOTENCY_KEY_IN_USE")
                .schema(new StringSchema().minLength(1).maxLength(255));
    }

    private static Scopes scopes() {
        Scopes scopes = new Scopes();
        Scope.DESCRIPTIONS.forEach(scopes::addString);
        return scopes;
    }

    private static void addErrors(Operation operation, Set<ErrorCode> codes) {
        Map<Integer, List<String>> byStatus = codes.stream().collect(Collectors.groupingBy(c -> c.status().value(),
                TreeMap::new, Collectors.mapping(Enum::name, Collectors.toList())));
        byStatus.forEach((status, names) -> {
            ApiResponse existing = operation.getResponses().get(status.toString());
            List<String> all = new ArrayList<>(names);
            if (existing != null && existing.getDescription() != null && existing.getDescription().startsWith("Error: ")) {
                all.addAll(List.of(existing.getDescription().substring(7).split(", ")));
            }
            String description = "Error: " + String.join(", ", all.stream().distinct().sorted().toList());
            operation.getResponses().addApiResponse(status.toString(), new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/json", new MediaType().schema(ref("ErrorEnvelope")))));
        });
    }

    private static List<Operation> operations(PathItem item) {
        return item.readOperations();
    }

    private static boolean hasBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref(ENVELOPE_REF + name);
    }
}
