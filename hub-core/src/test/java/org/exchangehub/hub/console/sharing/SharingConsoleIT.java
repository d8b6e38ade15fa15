package org.exchangehub.hub.console.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Requests and grants in the browser: natural resources' editor applies for market regulation's conditional entry on
 * behalf of her department's system, market regulation's reviewer approves it (and rejects another with a reason), the
 * grant shows with its quota and expiry and among the grants never called; the provider's editor cannot approve.
 */
class SharingConsoleIT extends SharingConsoleTest {

    @Test
    void anEditorAppliesTheProvidersReviewerApprovesAndTheGrantShowsAsNeverCalled() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        String entryName = unique("企业登记基本信息");
        String code = publishEntry(MARKET_REGULATION, entryName, "CONDITIONAL");
        String system = registerSystem(NATURAL_RESOURCES, "不动产登记系统");

        // (1) zhao.liu applies from the console; first without a purpose
        signIn("zhao.liu", "Zhao.Liu-2026");
        open("/console/sharing");
        find(By.id("apply-entry")).sendKeys(code);
        find(By.id("apply-open")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        new Select(find(By.id("consumerSystemId"))).selectByValue(system);
        find(By.id("item-qymc")).click();
        find(By.id("item-fddbrsfzh")).click();
        find(By.id("unmasked-fddbrsfzh")).click();
        find(By.id("expectedDailyVolume")).sendKeys("600");
        find(By.id("apply-submit")).click();

        WebElement purposeError = find(By.cssSelector(".field-error[data-field='purpose']"));
        assertThat(purposeError.getText()).contains("required");
        assertThat(find(By.id("purpose")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find(By.id("item-fddbrsfzh")).isSelected()).as("the ticked items stay ticked").isTrue();
        assertThat(find(By.id("expectedDailyVolume")).getAttribute("value")).isEqualTo("600");
        find(By.id("purpose")).sendKeys("不动产登记时核验企业主体资格");
        find(By.id("legalBasis")).sendKeys("《不动产登记暂行条例》");
        screenshot("sharing-apply");
        find(By.id("apply-submit")).click();

        assertThat(find(By.id("applied")).getText()).contains(entryName, "待审批");
        WebElement mine = find(By.cssSelector("#requests tbody tr"));
        assertThat(mine.getText()).contains(entryName, system, "待审批", "zhao.liu");
        assertThat(mine.findElement(By.cssSelector(".consumer")).getText()).as("the system by its name, then its id")
                .contains("不动产登记系统", system);

        // (2) wang.wu, reviewer of the provider department, approves it narrowing the quota
        String other = publishEntry(MARKET_REGULATION, unique("企业年报信息"), "CONDITIONAL");
        long second = applyAsSystem(system, other, "核验企业年报");

        browserSignOut();
        signIn("wang.wu", "Wang.Wu-2026");
        open("/console/sharing/approvals?sort=requestedAt&dir=desc");
        WebElement request = find(By.xpath("//article[contains(@class,'request')][.//span[text()='" + entryName + "']]"));
        String requestId = request.getAttribute("data-request");
        assertThat(request.findElement(By.cssSelector(".consumer")).getText()).contains("不动产登记系统", system);
        screenshot("sharing-approvals");
        WebElement approve = request.findElement(By.cssSelector("form.approve-form"));
        setValue(approve.findElement(By.name("validUntil")), "2031-06-30");
        approve.findElement(By.name("callsPerDay")).clear();
        approve.findElement(By.name("callsPerDay")).sendKeys("1500");
        approve.findElement(By.name("callsPerSecond")).clear();
        approve.findElement(By.name("callsPerSecond")).sendKeys("5");
        approve.findElement(By.cssSelector("button.approve")).click();
        assertThat(find(By.id("approved")).getText()).contains(requestId);
        assertThat(all(By.id("request-" + requestId))).as("decided: out of the queue").isEmpty();

        // a second request: rejecting needs a reason, shown beside the field
        WebElement reject = find(By.cssSelector("#request-" + second + " form.reject-form"));
        reject.findElement(By.cssSelector("button.reject")).click();
        WebElement reasonError = find(By.cssSelector("#request-" + second + " form.reject-form .field-error[data-field='reason']"));
        assertThat(reasonError.getText()).contains("required");
        find(By.cssSelector("#request-" + second + " form.reject-form textarea")).sendKeys("用途与共享条件不符");
        find(By.cssSelector("#request-" + second + " form.reject-form button.reject")).click();
        assertThat(find(By.id("rejected")).getText()).contains(String.valueOf(second));

        open("/console/sharing/grants?sort=grantedAt&dir=desc");
        WebElement grant = find(By.xpath("//table[@id='grants']//tr[.//code[text()='" + code + "']]"));
        assertThat(grant.getText()).contains(system, "企业名称", "法定代表人身份证号", "有效");
        assertThat(grant.findElement(By.cssSelector(".entry")).getText()).as("entry and provider by name, not only by code")
                .contains(entryName, code, "酒泉市市场监督管理局");
        assertThat(grant.findElement(By.cssSelector(".consumer")).getText()).contains("不动产登记系统", system);
        assertThat(grant.findElement(By.cssSelector(".quota")).getText()).isEqualTo("1500/日 · 5/秒");
        assertThat(grant.findElement(By.cssSelector(".valid-until")).getText()).isEqualTo("2031-06-30");
        assertThat(grant.findElements(By.cssSelector("form.revoke-form"))).as("the provider's reviewer may revoke").hasSize(1);
        screenshot("sharing-grants");
        String grantId = grant.getAttribute("data-grant");

        // (4) nobody has called the new grant yet
        open("/console/sharing/calls");
        assertThat(find(By.cssSelector("#usage tr[data-grant='" + grantId + "'] .consumer")).getText())
                .contains("不动产登记系统", system);
        WebElement neverCalled = find(By.cssSelector("#never-called tr[data-grant='" + grantId + "']"));
        assertThat(neverCalled.getText()).contains(code, system);
        assertThat(neverCalled.findElement(By.cssSelector(".entry")).getText()).contains(entryName);
        assertThat(neverCalled.findElement(By.cssSelector(".provider")).getText()).isEqualTo("酒泉市市场监督管理局");
        assertThat(neverCalled.findElement(By.cssSelector(".consumer")).getText()).contains("不动产登记系统");
        waitFor(d -> "true".equals(d.findElement(By.id("calls-chart")).getAttribute("data-rendered")));
        screenshot("sharing-calls");
        phoneScreenshot("sharing-calls");

        open("/console/sharing?status=REJECTED");
        assertThat(find(By.cssSelector("#requests")).getText()).contains("用途与共享条件不符");
    }

    @Test
    void aDepartmentEditorWhoIsNoReviewerSeesNoApprovalAndCannotApproveByUrl() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        String code = publishEntry(MARKET_REGULATION, unique("企业变更登记信息"), "CONDITIONAL");
        String system = registerSystem(NATURAL_RESOURCES, "不动产登记系统");
        long request = applyAsSystem(system, code, "核验企业变更");

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/sharing/approvals");
        assertThat(find(By.id("not-reviewer")).isDisplayed()).isTrue();
        assertThat(all(By.cssSelector("form.approve-form"))).isEmpty();

        Object status = ((JavascriptExecutor) browser()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const header = document.querySelector('meta[name=csrf-header]').content;
                const token = document.querySelector('meta[name=csrf-token]').content;
                fetch('/console/sharing/requests/' + arguments[0] + '/approve', {method: 'POST', headers: {[header]: token},
                    redirect: 'manual'}).then(r => done(r.status), e => done('failed ' + e));""", request);
        assertThat(status).as("the approve URL is refused").isEqualTo(403L);

        signOutAndIn("wang.wu", "Wang.Wu-2026");
        open("/console/sharing/approvals?sort=requestedAt&dir=desc");
        assertThat(find(By.id("request-" + request)).getText()).as("still pending for the real reviewer").contains("待审批");
        open("/console/sharing/apply?entry=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(find(By.id("no-systems")).isDisplayed()).as("a reviewer runs no consuming system").isTrue();
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void browserSignOut() {
        ((org.openqa.selenium.chrome.ChromeDriver) browser()).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    private void signOutAndIn(String user, String password) {
        browserSignOut();
        signIn(user, password);
    }
}
