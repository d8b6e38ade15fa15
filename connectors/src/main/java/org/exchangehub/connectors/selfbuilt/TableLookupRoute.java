package org.exchangehub.connectors.selfbuilt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.SQLTimeoutException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A TABLE mount's key lookup in a department's own database: {@code SELECT mapped columns FROM schema.table WHERE
 * key = ? [AND …]}, at most two rows read. One row is answered (200, a JSON object keyed as the mount maps the columns),
 * none is a 404, several a 300: the consumer's parameters are not a key. A statement past its timeout is a
 * TIMEOUT, a database that cannot be reached UNREACHABLE, a value the column cannot hold {@link #BAD_VALUE}, a table or
 * column the database lacks {@link #MOUNT_MISMATCH}, any other database failure a 500 whose detail stays in logs.
 */
@Component
public class TableLookupRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:selfbuilt-table";
    public static final String ROUTE_ID = "selfbuilt-table";
    /** Status of a lookup whose value the key column cannot hold. */
    public static final int BAD_VALUE = 400;
    /** Status of a lookup whose table or columns the database does not have. */
    public static final int MOUNT_MISMATCH = 409;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, lookUp(e.getProperty(TableLookup.PROPERTY, TableLookup.class))));
    }

    static ConnectorOutcome lookUp(TableLookup lookup) throws Exception {
        DSLContext db = DSL.using(lookup.dataSource(), SQLDialect.valueOf(lookup.dialect()));
        List<Field<?>> fields = new ArrayList<>();
        lookup.select().keySet().forEach(column -> fields.add(DSL.field(DSL.name(column))));
        List<Condition> where = new ArrayList<>();
        lookup.conditions().forEach((column, value) -> where.add(DSL.field(DSL.name(column), String.class).eq(DSL.val(value))));
        Result<Record> rows;
        try {
            rows = db.select(fields).from(DSL.table(DSL.name(lookup.schema(), lookup.table()))).where(where).limit(2)
                    .queryTimeout(lookup.queryTimeoutSeconds()).fetch();
        } catch (DataAccessException e) {
            return failure(e);
        }
        if (rows.isEmpty()) {
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 404, null, "no row matches");
        }
        if (rows.size() > 1) {
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 300, null, "more than one row matches");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        Record row = rows.get(0);
        lookup.select().forEach((column, key) -> answer.put(key, plain(row.get(DSL.field(DSL.name(column))))));
        return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 200, JSON.writeValueAsString(answer), null);
    }

    private static ConnectorOutcome failure(DataAccessException e) {
        String state = e.sqlState();
        if (e.getCause(SQLTimeoutException.class) != null || "57014".equals(state)) {
            // 57014: PostgreSQL's "canceling statement due to statement timeout"
            return new ConnectorOutcome(ConnectorOutcome.Kind.TIMEOUT, 0, null, "no answer within the query timeout");
        }
        if (state != null && state.startsWith("08")) {
            return new ConnectorOutcome(ConnectorOutcome.Kind.UNREACHABLE, 0, null, "database connection failed (SQLState " + state + ")");
        }
        if (state != null && state.startsWith("22")) {
            // a value the key column cannot hold (a letter for a number): the consumer's mistake, not the database failing
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, BAD_VALUE, null, "value not of the column's type (SQLState " + state + ")");
        }
        if (state != null && state.startsWith("42")) {
            // no such table or column: the mount does not fit the database; retrying or opening the breaker helps nobody
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, MOUNT_MISMATCH, null, "table or column not found (SQLState " + state + ")");
        }
        return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 500, null, "database error (SQLState " + state + ")");
    }

    /** Values as JSON has them: numbers and booleans stay, dates and times in ISO-8601, anything else as text. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof Double) {
            return value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
