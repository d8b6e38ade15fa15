package org.exchangehub.hub.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.exchangehub.hub.console.ConsoleBrowserTest;
import org.exchangehub.hub.sso.SsoHealthCheck;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Single sign-on health in the browser: the synthetic check run by hand, then availability and latency per system. */
class SsoHealthConsoleIT extends ConsoleBrowserTest {

    @Autowired
    SsoHealthCheck check;

    @Test
    void anAdminSeesEachConnectedSystemsAvailabilityAndLatencyAfterTheCheckRuns() {
        String system = "console-health-" + Long.toString(System.nanoTime(), 36);
        String admin = token("admin.li", "admin", null);
        // an OIDC system of the realm's dept-health audience whose launch URL answers: the hub's own health endpoint
        api("PUT", "/api/sso/systems/" + system, admin, "{\"kind\":\"OIDC\",\"name\":\"健康检查测试系统\",\"audience\":\"dept-health\","
                + "\"launchUrls\":[\"" + hubUrl() + "/actuator/health\"]}");
        try {
            check.runAll();
            check.runAll();

            signIn("li.si", "Li.Si-2026");
            open("/console/sso");
            WebElement chart = find(By.id("availability-chart"));
            waitFor(d -> "true".equals(chart.getDomAttribute("data-rendered")));
            assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
            WebElement latency = find(By.id("latency-chart"));
            waitFor(d -> "true".equals(latency.getDomAttribute("data-rendered")));

            WebElement row = find(By.cssSelector("#sso-table tr[data-system='" + system + "']"));
            assertThat(text(row, "status")).isEqualTo("正常");
            assertThat(text(row, "availability")).isEqualTo("100.0%");
            assertThat(Long.parseLong(text(row, "checks"))).isEqualTo(2);
            assertThat(text(row, "p50")).matches("\\d+ ms");
            assertThat(text(row, "p95")).matches("\\d+ ms");
            WebElement down = find(By.cssSelector("#sso-table tr[data-system='health-portal']"));
            assertThat(text(down, "status")).as("its launch URL does not answer").isEqualTo("异常");
            assertThat(text(down, "availability")).isEqualTo("0.0%");
            assertThat(down.findElement(By.cssSelector("td[data-col='last']")).getText()).contains("did not answer");
            assertThat(chart.getDomAttribute("data-chart")).contains(system).contains("100.0");
            screenshot("sso-health");
            assertThat(phoneScreenshot("sso-health")).exists();
        } finally {
            api("DELETE", "/api/sso/systems/" + system, admin, null);
        }
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefused() {
        signIn("zhang.san", "Zhang.San-2026");
        open("/console/sso");
        assertThat(find(By.id("error-message")).getText()).contains("没有权限", "只有管理员可以查看单点登录健康状况");
        assertThat(all(By.id("sso-table"))).isEmpty();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']")).getText().trim();
    }
}
