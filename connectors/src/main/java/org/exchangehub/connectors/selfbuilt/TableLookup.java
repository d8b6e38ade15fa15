package org.exchangehub.connectors.selfbuilt;

import java.util.Map;
import javax.sql.DataSource;

/**
 * A key lookup in a department's own database, for a TABLE mount. Names come from the mount (checked when it was
 * mounted), values from the consumer: values are always bound, names always quoted.
 *
 * @param dialect    one of {@link #DIALECTS}
 * @param select     column → the key it is answered under (the data item's code, or its name)
 * @param conditions column → the value it must equal; never empty
 */
public record TableLookup(DataSource dataSource, String dialect, String schema, String table, Map<String, String> select,
                          Map<String, String> conditions, int queryTimeoutSeconds) {

    /** Exchange property carrying the lookup into the route. */
    public static final String PROPERTY = "hub.tableLookup";

    /** The databases a lookup can be written for: jOOQ's open-source dialects that departments' systems use. */
    public static final String DIALECTS = "POSTGRES|YUGABYTEDB|MYSQL|MARIADB|H2|HSQLDB|SQLITE|DERBY|FIREBIRD";

    public TableLookup {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a key lookup needs at least one condition");
        }
    }

    /** Never with the data source's credentials. */
    @Override
    public String toString() {
        return "TableLookup[" + schema + "." + table + ", select=" + select.keySet() + ", where=" + conditions.keySet() + "]";
    }
}
