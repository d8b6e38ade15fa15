package org.exchangehub.hub.gateway;

import org.exchangehub.catalog.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.calls.CallRecord;
import org.exchangehub.catalog.entry.DataItem;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.mount.MountedResource;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorClient;
import org.exchangehub.connectors.ConnectorException;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ConnectorRequest;
import org.exchangehub.connectors.national.NationalCall;
import org.exchangehub.connectors.national.NationalGatewayRoute;
import org.exchangehub.connectors.provincial.ProvincialRestRoute;
import org.exchangehub.connectors.provincial.TokenEndpoint;
import org.exchangehub.connectors.selfbuilt.SelfBuiltRestRoute;
import org.exchangehub.connectors.soap.SoapCall;
import org.exchangehub.connectors.soap.SoapEnvelope;
import org.exchangehub.connectors.soap.SoapRoute;
import org.exchangehub.connectors.signing.RequestSignature;
import org.exchangehub.connectors.signing.Sm4Cipher;
import org.springframework.stereotype.Service;

/**
 * A consuming system's call for shared data: the grant is checked, the call goes through the connector of the
 * entry's mounted API resource, and only granted data items come back, sensitive ones masked unless the grant
 * unmasks them. Provider failures become the hub's own errors; provider details never reach the consumer.
 */
@Service
public class SharedCallService {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final ConsumerSystemService consumers;
    private final SharingService sharing;
    private final EntryService entries;
    private final MountService mounts;
    private final ConnectorProperties connectors;
    private final QuotaGuard quota;
    private final CallLogPublisher calls;
    private final ConnectorClient client;
    private final ObjectMapper json;

    public SharedCallService(ConsumerSystemService consumers, SharingService sharing, EntryService entries, MountService mounts,
                             ConnectorProperties connectors, QuotaGuard quota, CallLogPublisher calls, ConnectorClient client,
                             ObjectMapper json) {
        this.consumers = consumers;
        this.sharing = sharing;
        this.entries = entries;
        this.mounts = mounts;
        this.connectors = connectors;
        this.quota = quota;
        this.calls = calls;
        this.client = client;
        this.json = json;
    }

    private static final Pattern RESOURCE_CODE = Pattern.compile("[1-3](-\\d{2,3}){1,3}/\\d{6}");
    private static final Pattern OPERATION = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,99}");
    /** Characters that would let a value leave its path segment once Camel decodes the URI. */
    private static final Pattern UNSAFE_SEGMENT = Pattern.compile("[/\\\\?#%]");

    public Map<String, Object> call(Actor actor, String resourceCode, String operation, Map<String, String> parameters) {
        ConsumerSystem consumer = consumers.of(actor);
        // checked before anything is logged, so a malformed call can neither pollute nor break the call log
        if (!RESOURCE_CODE.matcher(resourceCode).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "'" + abbreviate(resourceCode) + "' is not a resource code");
        }
        if (!OPERATION.matcher(operation).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "'" + abbreviate(operation) + "' is not an operation name");
        }
        long started = System.nanoTime();
        Long grantId = null;
        int bytes = 0;
        try {
            GrantView grant = sharing.activeGrant(consumer.id(), resourceCode).orElseThrow(() -> new GatewayException(
                    ErrorCode.NOT_GRANTED, consumer.id() + " holds no active grant for " + resourceCode + "; apply for it first"));
            grantId = grant.id();
            MountedResource mount = mounts.apiMount(resourceCode, operation).orElseThrow(() -> new GatewayException(
                    ErrorCode.NO_SUCH_OPERATION, resourceCode + " has no API mounted for operation '" + operation + "'"));
            ConnectorProperties.System system = connectors.systems().get(mount.connectorId());
            ConnectorProperties.Operation op = system == null ? null : system.operations().get(mount.operation());
            if (op == null) {
                // a mount naming an unconfigured connector is the hub's configuration fault, not the consumer's
                throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " is not reachable: "
                        + "connector '" + mount.connectorId() + "' operation '" + mount.operation() + "' is not configured");
            }
            ConnectorCall connectorCall = new ConnectorCall(mount.connectorId(), mount.operation(),
                    ConnectorCall.componentName(mount.connectorId()), address(system, op, parameters), query(op, parameters),
                    (int) system.responseTimeout().toMillis());
            quota.acquire(grant); // after the request is known to be well-formed: a refused call costs no quota
            ConnectorOutcome outcome = send(system, connectorCall, op, parameters);
            bytes = outcome.body() == null ? 0 : outcome.body().getBytes(StandardCharsets.UTF_8).length;
            Map<String, Object> data = granted(resourceCode, actor, grant, answer(resourceCode, outcome));
            log(consumer, resourceCode, operation, grantId, 200, null, started, bytes);
            return data;
        } catch (org.exchangehub.catalog.RegistryException e) {
            log(consumer, resourceCode, operation, grantId, e.code().httpStatus(), e.code().name(), started, bytes);
            throw e;
        } catch (RuntimeException e) {
            log(consumer, resourceCode, operation, grantId, 500, "INTERNAL_ERROR", started, bytes);
            throw e;
        }
    }

    private void log(ConsumerSystem consumer, String resourceCode, String operation, Long grantId, int status, String error,
                     long startedNanos, int bytes) {
        calls.publish(new CallRecord(UUID.randomUUID(), OffsetDateTime.now(), consumer.id(), resourceCode, operation, grantId, status,
                error, (int) ((System.nanoTime() - startedNanos) / 1_000_000), bytes));
    }

    private ConnectorOutcome send(ConnectorProperties.System system, ConnectorCall call, ConnectorProperties.Operation op,
                                  Map<String, String> parameters) {
        try {
            return client.send(request(system, call, op, parameters));
        } catch (ConnectorException e) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The call to the provider failed (" + e.getMessage() + ")");
        }
    }

    /** The family's route and what it needs: bearer tokens (provincial), credentials (national), a SOAP operation. */
    private ConnectorRequest request(ConnectorProperties.System system, ConnectorCall call, ConnectorProperties.Operation op,
                                     Map<String, String> parameters) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String endpoint = "provincial".equals(system.family()) ? ProvincialRestRoute.ENDPOINT : SelfBuiltRestRoute.ENDPOINT;
        if (op.isSoap()) {
            endpoint = SoapRoute.ENDPOINT;
            properties.put(SoapCall.PROPERTY, new SoapCall(op.namespace(), op.soapAction(), op.element(),
                    "qualified".equals(op.elementForm()), op.resultElement(), notInPath(op, parameters)));
        } else if ("national".equals(system.family())) {
            endpoint = NationalGatewayRoute.ENDPOINT;
            properties.put(NationalCall.PROPERTY, new NationalCall(system.appKey(), system.appSecret(),
                    RequestSignature.Algorithm.valueOf(system.signature()), cipher(system), write(notInPath(op, parameters))));
        }
        if (op.isSoap() || "national".equals(system.family())) {
            // the parameters travel in the body
            call = new ConnectorCall(call.connectorId(), call.operation(), call.component(), call.address(), null, call.responseTimeoutMs());
        }
        TokenEndpoint token = "provincial".equals(system.family()) ? new TokenEndpoint(call.connectorId(), call.component(),
                system.tokenUrl(), system.clientId(), system.clientSecret(), system.scope(), call.responseTimeoutMs()) : null;
        return new ConnectorRequest(endpoint, call, properties, token, op.idempotentIn(system.family()), system.resilience());
    }

    private JsonNode answer(String resourceCode, ConnectorOutcome outcome) {
        switch (outcome.kind()) {
            case TIMEOUT -> throw new GatewayException(ErrorCode.PROVIDER_TIMEOUT,
                    "The provider of " + resourceCode + " gave " + outcome.detail());
            case UNREACHABLE -> throw new GatewayException(ErrorCode.PROVIDER_ERROR,
                    "The provider of " + resourceCode + " could not be reached (" + outcome.detail() + ")");
            case TOKEN_FAILED -> throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode
                    + " was not called: its token endpoint gave the hub no access token (" + outcome.detail() + ")");
            case REJECTED -> throw new GatewayException(ErrorCode.PROVIDER_UNAVAILABLE, "The provider of " + resourceCode
                    + " has been failing; the hub is not calling it for now. Try again in " + outcome.retryAfterSeconds() + " s",
                    outcome.retryAfterSeconds());
            // the fault's code and text are in the hub's log (ConnectorClient), never in the answer
            case FAULT -> throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " answered with a SOAP fault");
            default -> { }
        }
        if (outcome.status() == 429) {
            throw new GatewayException(ErrorCode.PROVIDER_BUSY, "The provider of " + resourceCode + " is rate-limiting the hub; "
                    + "try again shortly", 5);
        }
        if (outcome.status() == 401 || outcome.status() == 403) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode
                    + " refused the hub's credentials; the hub's admins have to check the connector");
        }
        if (outcome.status() == 404) {
            throw new GatewayException(ErrorCode.NOT_FOUND_AT_PROVIDER, "The provider of " + resourceCode + " has no such record");
        }
        if (outcome.status() < 200 || outcome.status() >= 300) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " answered HTTP " + outcome.status());
        }
        try {
            JsonNode body = json.readTree(outcome.body() == null ? "" : outcome.body());
            if (body == null || !body.isObject()) {
                throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " answered no JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " answered malformed JSON");
        }
    }

    private static Sm4Cipher cipher(ConnectorProperties.System system) {
        if (system.sm4Mode() == null || system.sm4Mode().isBlank()) {
            return null;
        }
        java.util.HexFormat hex = java.util.HexFormat.of();
        return new Sm4Cipher(Sm4Cipher.Mode.valueOf(system.sm4Mode()), hex.parseHex(system.sm4Key()),
                system.sm4Iv() == null || system.sm4Iv().isBlank() ? null : hex.parseHex(system.sm4Iv()));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only granted items, keyed by their machine code (or name); sensitive ones masked unless unmasked by the grant. */
    private Map<String, Object> granted(String resourceCode, Actor actor, GrantView grant, JsonNode body) {
        List<DataItem> items = entries.view(actor, resourceCode).published().content().dataItems();
        Map<String, Object> data = new LinkedHashMap<>();
        for (DataItem item : items) {
            if (!grant.dataItems().contains(item.name())) {
                continue;
            }
            // an item with a machine code is read by that code only: a name may equal another item's code
            JsonNode value = item.code() != null ? body.get(item.code()) : body.get(item.name());
            Object plain = value == null || value.isNull() ? null : json.convertValue(value, Object.class);
            if (plain != null && item.sensitive() && !grant.unmaskedItems().contains(item.name())) {
                plain = Masking.mask(String.valueOf(plain));
            }
            data.put(item.code() != null ? item.code() : item.name(), plain);
        }
        return data;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String address(ConnectorProperties.System system, ConnectorProperties.Operation op, Map<String, String> parameters) {
        Matcher m = PLACEHOLDER.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null || value.isBlank()) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + m.group(1) + "' is required");
            }
            if (UNSAFE_SEGMENT.matcher(value).find() || value.equals(".") || value.equals("..")) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + m.group(1)
                        + "' must not contain / \\ ? # % or be . or ..");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(path);
        // the scheme stays: connector-x:https://… is how camel-http knows to use TLS
        return system.baseUrl().toString().replaceAll("/+$", "") + path;
    }

    /** Parameters the operation's path does not use: the query string (REST) or the JSON body (national gateway). */
    private static Map<String, String> notInPath(ConnectorProperties.Operation op, Map<String, String> parameters) {
        Map<String, String> rest = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (!op.path().contains("{" + name + "}")) {
                rest.put(name, value);
            }
        });
        return rest;
    }

    private static String query(ConnectorProperties.Operation op, Map<String, String> parameters) {
        if (op.isSoap()) {
            // SOAP: they become elements of the operation element, checked here so a malformed call costs no quota
            notInPath(op, parameters).forEach((name, value) -> {
                if (!SoapEnvelope.isSendable(name, value)) {
                    throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + abbreviate(name) + "' cannot be sent to "
                            + "a SOAP service: a name is a letter or _ then letters, digits, _ . or -, a value plain text");
                }
            });
            return null;
        }
        StringBuilder q = new StringBuilder();
        notInPath(op, parameters).forEach((name, value) -> q.append(q.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return q.isEmpty() ? null : q.toString();
    }
}
