package org.exchangehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The console's frame: single sign-on, who is signed in, the language switch, the scripts, a phone's width. */
class ConsoleShellIT extends ConsoleBrowserTest {

    @Test
    void sendsSomeoneSignedOutToTheSingleSignOnForm() {
        open("/console/catalog");
        assertThat(find(By.id("kc-form-login")).isDisplayed()).isTrue();
        assertThat(browser().getCurrentUrl()).startsWith(sso.issuerUri() + "/protocol/openid-connect/auth");
    }

    @Test
    void showsTheSignedInUserAndTheirDepartmentInChineseAndSwitchesToEnglish() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        signIn("zhang.san", "Zhang.San-2026");

        assertThat(find(By.id("current-department")).getText()).isEqualTo("酒泉市市场监督管理局");
        assertThat(find(By.id("main-nav")).getText()).contains("资源目录", "办件回流", "考核指标");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(((JavascriptExecutor) browser()).executeScript("return typeof htmx + ' ' + typeof echarts"))
                .as("htmx and ECharts load from their webjars").isEqualTo("object object");
        screenshot("home");
        assertThat(phoneScreenshot("home")).exists();

        find(By.id("language-switch")).click();
        waitFor(d -> d.findElement(By.id("main-nav")).getText().contains("Resource directory"));
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        open("/console");
        assertThat(find(By.id("main-nav")).getText()).as("the choice is remembered").contains("Case return flow");
        screenshot("home-en");

        find(By.id("language-switch")).click();
        waitFor(d -> d.findElement(By.id("main-nav")).getText().contains("资源目录"));
    }

    @Test
    void fitsAPhoneWithTheMenuBehindAButton() {
        signIn("li.si", "Li.Si-2026");
        browser().manage().window().setSize(PHONE);
        try {
            open("/console");
            assertThat(browser().findElement(By.id("main-nav")).isDisplayed()).isFalse();
            find(By.cssSelector("label[for=nav-toggle]")).click();
            assertThat(find(By.id("main-nav")).isDisplayed()).isTrue();
            assertThat(pageScrollsSideways()).as("nothing wider than the phone").isFalse();
        } finally {
            browser().manage().window().setSize(DESKTOP);
        }
    }
}
