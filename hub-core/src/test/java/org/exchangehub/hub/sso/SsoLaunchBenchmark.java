package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Launch latency (docs/benchmarks.md): {@code GET /sso/launch/{id}} as the user's browser sends it with its session
 * cookie, measured at the client, against the real Keycloak:
 * <ul>
 * <li>OIDC, live exchange: the exchanged-token cache is emptied before each launch, so every launch waits for a token
 * exchange at Keycloak;</li>
 * <li>OIDC, cached: the token exchanged for this session and system is reused;</li>
 * <li>legacy: a one-time ticket written to the Hazelcast map and the redirect.</li>
 * </ul>
 * Run with {@code ./hub benchmark -Dit.test=SsoLaunchBenchmark}; sizes with -Dbenchmark.sso.launches (default 500).
 * Figures go to hub-core/target/benchmark/sso-launch.txt.
 */
class SsoLaunchBenchmark extends SsoIntegrationTest {

    @Autowired
    ExchangedTokens exchanged;

    @Test
    void launchLatency() throws Exception {
        int launches = Integer.getInteger("benchmark.sso.launches", 500);
        int warmUp = Integer.getInteger("benchmark.sso.warm-up", 500); // Keycloak's JIT needs a few hundred exchanges
        DepartmentSystems.register(hubUrl(), localToken("admin.li", "admin"));
        Browser browser = new Browser();
        portalLogin(browser, "zhang.san", "Zhang.San-2026");
        String oidc = hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC;
        String legacy = hubUrl() + "/sso/launch/" + DepartmentSystems.LEGACY;
        assertThat(browser.open(oidc, leavesHubAndKeycloak()).status()).isEqualTo(200); // establishes the hub's session

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "SSO launch latency, %d launches each after %d warm-up, client side, %d CPUs, %s",
                launches, warmUp, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        report.add(measure("OIDC, live exchange", browser, oidc, 200, warmUp, launches, true));
        report.add(measure("OIDC, cached exchange", browser, oidc, 200, warmUp, launches, false));
        report.add(measure("legacy, one-time ticket", browser, legacy, 302, warmUp, launches, false));
        Path out = Path.of("target/benchmark/sso-launch.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
        assertThat(browser.loginFormsServed()).isEqualTo(1);
    }

    private String measure(String name, Browser browser, String url, int status, int warmUp, int launches, boolean live)
            throws IOException {
        long[] nanos = new long[launches];
        for (int i = -warmUp; i < launches; i++) {
            if (live) {
                exchanged.clear();
            }
            long begin = System.nanoTime();
            Browser.Page page = browser.launch(url);
            long took = System.nanoTime() - begin;
            if (page.status() != status) {
                throw new AssertionError(name + ": " + page + " " + page.body());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%-26s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms", name,
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
