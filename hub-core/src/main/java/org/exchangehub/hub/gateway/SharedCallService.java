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
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.mount.MountKind;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorClient;
import org.exchangehub.connectors.ConnectorException;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ConnectorRequest;
import org.exchangehub.connectors.national.NationalCall;
import org.exchangehub.connectors.national.NationalGatewayRoute;
import org.exchangehub.connectors.provincial.ProvincialRestRoute;
import org.exchangehub.connectors.provincial.TokenEndpoint;
import org.exchangehub.connectors.resilience.ResilienceSettings;
import org.exchangehub.connectors.selfbuilt.SelfBuiltRestRoute;
import org.exchangehub.connectors.selfbuilt.TableLookup;
import org.exchangehub.connectors.selfbuilt.TableLookupRoute;
import org.exchangehub.connectors.soap.SoapCall;
import org.exchangehub.connectors.soap.SoapEnvelope;
import org.exchangehub.connectors.soap.SoapRoute;
import org.exchangehub.connectors.signing.RequestSignature;
import org.exchangehub.connectors.signing.Sm4Cipher;
import org.exchangehub.mapping.MappingProblem;
import org.exchangehub.mapping.MappingResult;
import org.springframework.stereotype.Service;

/**
 * A consuming system's call for shared data: the grant is checked, the call goes through the connector of the
 * entry's mounted API resource, and only granted data items come back, sensitive ones masked unless the grant
 * unmasks them. Provider failures become the hub's own errors; provider details never reach the consumer.
 */
@Service
public class SharedCallService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SharedCallService.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final GatewayPlans plans;
    private final ConnectorProperties connectors;
    private final ProviderDatabases databases;
    private final QuotaGuard quota;
    private final CallLogPublisher calls;
    private final ConnectorClient client;
    private final GatewayMappings mappings;
    private final ObjectMapper json;

    public SharedCallService(GatewayPlans plans, ConnectorProperties connectors, ProviderDatabases databases, QuotaGuard quota,
                             CallLogPublisher calls, ConnectorClient client, GatewayMappings mappings, ObjectMapper json) {
        this.plans = plans;
        this.mappings = mappings;
        this.connectors = connectors;
        this.databases = databases;
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
        ConsumerSystem consumer = plans.consumer(actor);
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
            GatewayPlans.ResourcePlan plan = plans.plan(resourceCode);
            GatewayPlans.PlanGrant grant = plan.grantOf(consumer.id(), OffsetDateTime.now()).orElseThrow(() -> new GatewayException(
                    ErrorCode.NOT_GRANTED, consumer.id() + " holds no active grant for " + resourceCode + "; apply for it first"));
            grantId = grant.id();
            GatewayPlans.PlanMount mount = plan.apiMounts().get(operation);
            if (mount == null) {
                throw new GatewayException(ErrorCode.NO_SUCH_OPERATION, resourceCode + " has no API mounted for operation '" + operation + "'");
            }
            ConnectorOutcome outcome;
            ConnectorProperties.Operation mapped = null;
            if (mount.kind() == MountKind.TABLE) {
                TableLookup lookup = tableLookup(resourceCode, plan, grant, mount, parameters);
                quota.acquire(grant.id(), grant.callsPerSecond(), grant.callsPerDay());
                outcome = lookUp(mount.datasourceId(), lookup);
            } else {
                ConnectorProperties.System system = connectors.systems().get(mount.connectorId());
                ConnectorProperties.Operation op = system == null ? null : system.operations().get(mount.operation());
                if (op == null) {
                    // a mount naming an unconfigured connector is the hub's configuration fault, not the consumer's
                    throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " is not reachable: "
                            + "connector '" + mount.connectorId() + "' operation '" + mount.operation() + "' is not configured");
                }
                requireGrantedItems(plan, grant, parameters);
                Map<String, String> providerParameters = providerParameters(op, parameters);
                ConnectorCall connectorCall = new ConnectorCall(mount.connectorId(), mount.operation(),
                        ConnectorCall.componentName(mount.connectorId()), address(system, op, providerParameters),
                        query(op, providerParameters), (int) system.responseTimeout().toMillis());
                // after the request is known to be well-formed: a refused call costs no quota
                quota.acquire(grant.id(), grant.callsPerSecond(), grant.callsPerDay());
                outcome = send(system, connectorCall, op, providerParameters);
                mapped = op;
            }
            bytes = outcome.body() == null ? 0 : outcome.body().getBytes(StandardCharsets.UTF_8).length;
            JsonNode answer = answer(resourceCode, outcome);
            if (mapped != null) {
                answer = dataItems(resourceCode, mapped, answer);
            }
            Map<String, Object> data = granted(plan, grant, answer);
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

    /**
     * A parameter named like a data item the grant does not include is refused: the provider would filter by it, and
     * whether a record comes back would tell the consumer that item's value.
     */
    private static void requireGrantedItems(GatewayPlans.ResourcePlan plan, GatewayPlans.PlanGrant grant, Map<String, String> parameters) {
        for (DataItem item : plan.dataItems()) {
            if (!grant.dataItems().contains(item.name())
                    && (parameters.containsKey(item.name()) || (item.code() != null && parameters.containsKey(item.code())))) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + (item.code() != null
                        && parameters.containsKey(item.code()) ? item.code() : item.name()) + "' is a data item this grant does not include");
            }
        }
    }

    /** The consumer's parameters as the provider wants them, through the operation's request mapping if it has one. */
    private Map<String, String> providerParameters(ConnectorProperties.Operation op, Map<String, String> parameters) {
        var config = mappings.named(op.requestMapping());
        if (config.isEmpty()) {
            return parameters;
        }
        MappingResult result = config.get().mapper().map(parameters);
        if (result.hasProblems()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "Parameters do not fit this operation: " + result.problems().stream()
                    .map(p -> (p.sourcePath() == null ? p.targetField() : p.sourcePath()) + ": " + p.code()).toList());
        }
        Map<String, String> provider = new LinkedHashMap<>();
        result.values().forEach((name, value) -> provider.put(name, String.valueOf(value)));
        return provider;
    }

    /**
     * The provider's answer as data items, through the operation's response mapping if it has one. An answer without
     * a required item, or of the wrong shape, is the provider's fault (502); an item with a value the mapping cannot
     * read is left out, and logged by field (never by value: it may be personal data).
     */
    private JsonNode dataItems(String resourceCode, ConnectorProperties.Operation op, JsonNode answer) {
        var config = mappings.named(op.responseMapping());
        if (config.isEmpty()) {
            return answer;
        }
        MappingResult result = config.get().mapper().map(answer);
        if (result.hasProblems()) {
            List<String> fields = result.problems().stream().map(p -> p.targetField() + " " + p.code()).toList();
            if (result.problems().stream().anyMatch(p -> p.code() == MappingProblem.Code.MISSING_REQUIRED
                    || p.code() == MappingProblem.Code.WRONG_SHAPE)) {
                log.warn("Answer for {} did not fit mapping {}: {}", resourceCode, config.get().name(), fields);
                throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode
                        + " answered without the items it must give");
            }
            log.warn("Answer for {}: items left out by mapping {}: {}", resourceCode, config.get().name(), fields);
        }
        return json.valueToTree(result.values());
    }

    /**
     * A TABLE mount's lookup: the consumer's parameters name data items (by code or name) that its grant includes —
     * a filter on an item it may not read would tell it that item's value — and the mount maps them to columns.
     */
    private TableLookup tableLookup(String resourceCode, GatewayPlans.ResourcePlan plan, GatewayPlans.PlanGrant grant,
                                    GatewayPlans.PlanMount mount, Map<String, String> parameters) {
        ProviderDatabaseProperties.Database database = databases.database(mount.datasourceId());
        if (database == null) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider of " + resourceCode + " is not reachable: "
                    + "data source '" + mount.datasourceId() + "' is not configured");
        }
        Map<String, DataItem> itemsByKey = new LinkedHashMap<>();
        for (DataItem item : plan.dataItems()) {
            itemsByKey.put(item.name(), item);
            if (item.code() != null) {
                itemsByKey.put(item.code(), item);
            }
        }
        Map<String, String> select = new LinkedHashMap<>();
        Map<String, String> columnOfItem = new LinkedHashMap<>();
        mount.columnMapping().forEach((column, itemRef) -> {
            DataItem item = itemsByKey.get(itemRef);
            if (item != null && grant.dataItems().contains(item.name())) {
                // only granted columns are read: what the consumer may not see never enters the hub
                select.put(column, item.code() != null ? item.code() : item.name());
                columnOfItem.put(item.name(), column);
            }
        });
        Map<String, String> conditions = new LinkedHashMap<>();
        List<String> keys = columnOfItem.keySet().stream()
                .map(name -> itemsByKey.get(name).code() != null ? itemsByKey.get(name).code() : name).toList();
        parameters.forEach((name, value) -> {
            DataItem item = itemsByKey.get(name);
            String column = item == null ? null : columnOfItem.get(item.name());
            if (column == null || !grant.dataItems().contains(item.name())) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + abbreviate(name) + "' is not a data item "
                        + "this grant may look up by; expected one of " + keys);
            }
            if (value == null || value.isBlank()) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "parameter '" + name + "' must have a value");
            }
            conditions.put(column, value);
        });
        if (conditions.isEmpty()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "a lookup needs at least one key parameter, one of " + keys);
        }
        String[] table = mount.tableName().split("\\.", 2);
        return new TableLookup(databases.dataSource(mount.datasourceId()), database.dialect(), table[0], table[1], select, conditions,
                (int) Math.max(1, database.queryTimeout().toSeconds()));
    }

    /** Through the connector client, so a department's database that keeps failing gets a circuit breaker of its own. */
    private ConnectorOutcome lookUp(String datasourceId, TableLookup lookup) {
        ConnectorCall call = new ConnectorCall("datasource:" + datasourceId, GatewayPlans.TABLE_LOOKUP, null, null, null,
                lookup.queryTimeoutSeconds() * 1000);
        ConnectorOutcome outcome;
        try {
            outcome = client.send(new ConnectorRequest(TableLookupRoute.ENDPOINT, call, Map.of(TableLookup.PROPERTY, lookup), null,
                    true, ResilienceSettings.DEFAULTS));
        } catch (ConnectorException e) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The lookup in the provider's database failed (" + e.getMessage() + ")");
        }
        if (outcome.status() == 300) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "More than one record matches these parameters; "
                    + "a lookup answers one record: give its key");
        }
        if (outcome.status() == TableLookupRoute.BAD_VALUE) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "A parameter's value is not of its data item's type "
                    + "(a date as yyyy-MM-dd, a number as digits)");
        }
        if (outcome.status() == TableLookupRoute.MOUNT_MISMATCH) {
            throw new GatewayException(ErrorCode.PROVIDER_ERROR, "The provider's table does not match its mount; the "
                    + "department has to correct the mount's table or column mapping");
        }
        return outcome;
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
    private Map<String, Object> granted(GatewayPlans.ResourcePlan plan, GatewayPlans.PlanGrant grant, JsonNode body) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (DataItem item : plan.dataItems()) {
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
        String base = system.baseUrl().toString();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        return base.substring(0, end) + path;
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
