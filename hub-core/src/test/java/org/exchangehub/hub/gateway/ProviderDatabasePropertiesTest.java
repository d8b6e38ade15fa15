package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProviderDatabasePropertiesTest {

    @Test
    void printsNoPasswordEvenWhenTheUrlCarriesOne() {
        var db = new ProviderDatabaseProperties.Database(
                "jdbc:postgresql://market:s3cret@db.market.example:5432/licences?user=market&password=s3cret&ssl=true",
                "market", "other-s3cret", "POSTGRES", 4, Duration.ofSeconds(2), Duration.ofSeconds(3));

        assertThat(db.toString()).doesNotContain("s3cret")
                .contains("jdbc:postgresql://market:******@db.market.example:5432/licences?user=market&password=******&ssl=true")
                .contains("password=******");
    }

    @Test
    void masksSqlServerStylePasswordsAndLeavesPlainUrlsAlone() {
        assertThat(ProviderDatabaseProperties.Database.maskedUrl(
                "jdbc:sqlserver://db:1433;databaseName=ywxt;user=hub;Password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db:1433;databaseName=ywxt;user=hub;Password=******;encrypt=true");
        assertThat(ProviderDatabaseProperties.Database.maskedUrl("jdbc:postgresql://db:5432/licences"))
                .isEqualTo("jdbc:postgresql://db:5432/licences");
    }
}
