package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.source.SourceWatermarks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The database channel: one Camel route per source of channel database ({@code case-poll-<id>}), a timer every
 * {@code poll-interval} reading the table by watermark ({@link DatabasePoller}). Its database is the hub's own when
 * {@code jdbc-url} is empty, else a small read-only pool of its own.
 */
@Component
public class DatabasePollerRoutes extends RouteBuilder {

    private final ReturnFlowProperties properties;
    private final DataSource hubDatabase;
    private final CaseIntake intake;
    private final SourceWatermarks watermarks;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public DatabasePollerRoutes(ReturnFlowProperties properties, DataSource hubDatabase, CaseIntake intake, SourceWatermarks watermarks,
                                TransactionTemplate transaction, ObjectMapper json) {
        this.properties = properties;
        this.hubDatabase = hubDatabase;
        this.intake = intake;
        this.watermarks = watermarks;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public void configure() {
        for (String id : ReturnFlowConfiguration.idsOf(properties, org.exchangehub.returnflow.source.Channel.DATABASE)) {
            ReturnFlowProperties.DatabaseChannel settings = properties.sources().get(id).database();
            DatabasePoller poller = new DatabasePoller(id, settings, dataSource(id, settings), intake, watermarks, transaction, json);
            from("timer:case-poll-" + id + "?period=" + settings.pollInterval().toMillis() + "&delay=3000")
                    .routeId("case-poll-" + id).routeConfigurationId(ReturnFlowErrorHandling.ID)
                    .process(e -> poller.pollAll());
        }
    }

    private DataSource dataSource(String id, ReturnFlowProperties.DatabaseChannel settings) {
        if (!StringUtils.hasText(settings.jdbcUrl())) {
            return hubDatabase;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("return-flow-" + id);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // start even while the source's database is away
        return new HikariDataSource(config);
    }
}
