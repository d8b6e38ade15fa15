package org.exchangehub.hub.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Connection pools to the departments' databases of {@link ProviderDatabaseProperties}, each opened on its first
 * lookup, not at start, so a department's database being down never stops the hub from starting. Pools are small:
 * lookups are by key.
 */
@Component
public class ProviderDatabases implements DisposableBean {

    private final ProviderDatabaseProperties properties;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public ProviderDatabases(ProviderDatabaseProperties properties) {
        this.properties = properties;
    }

    /** The configured database, or null when there is none by that id. */
    public ProviderDatabaseProperties.Database database(String id) {
        return properties.datasources().get(id);
    }

    /** The pool of a configured database. */
    public DataSource dataSource(String id) {
        return pools.computeIfAbsent(id, key -> {
            ProviderDatabaseProperties.Database d = properties.datasources().get(key);
            HikariConfig config = new HikariConfig();
            config.setPoolName("provider-" + key);
            config.setJdbcUrl(d.url());
            config.setUsername(d.username());
            config.setPassword(d.password());
            config.setMaximumPoolSize(d.maxPoolSize());
            config.setMinimumIdle(0);
            config.setConnectionTimeout(Math.max(250, d.connectTimeout().toMillis()));
            config.setReadOnly(true);
            if (d.url().startsWith("jdbc:postgresql:")) {
                // keys arrive as text: let the server type them from the column (a date, a number), as MySQL does
                config.addDataSourceProperty("stringtype", "unspecified");
            }
            // a database down now may be up for the next call: no failing at creation
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        });
    }

    @Override
    public void destroy() {
        pools.values().forEach(HikariDataSource::close);
    }
}
