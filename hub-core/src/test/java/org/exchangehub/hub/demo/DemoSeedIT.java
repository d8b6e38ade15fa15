package org.exchangehub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.catalog.coverage.CoverageService;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.grant.ShareViews.RequestStatus;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.SearchCriteria;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.security.LocalSigningKey;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.store.CaseQueries;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo city as ./hub run seeds it: the whole hub with hub.demo.enabled on a data directory and Hazelcast cluster of
 * its own (the other integration tests share one context and must not see the demo city, nor this test theirs). A
 * fixed free port, because the demo provider's connector names the hub's own port ({@code ${server.port}}). The case
 * streams tick every 2 s with a high fault rate and 3 days of history, so everything shows within seconds.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "hub.demo.enabled=true",
        "hub.demo.interval=2s",
        "hub.demo.history-days=3",
        "hub.demo.fault-rate=0.4",
        "hub.data-dir=target/demo-it-data",
        "hub.hazelcast.cluster-name=exchange-hub-demo-it",
        "hub.return-flow.sources.jq-ywxt.database.poll-interval=500ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired HubProperties hub;
    @Autowired DepartmentService departments;
    @Autowired ServiceItemService items;
    @Autowired EntrySearch search;
    @Autowired EntryService entries;
    @Autowired CoverageService coverage;
    @Autowired SharingService sharing;
    @Autowired CallLog callLog;
    @Autowired CompletenessReports completeness;
    @Autowired CaseQueries cases;
    @Autowired DemoSeeder seeder;
    @Autowired DemoCaseStreams streams;

    @Test
    @Order(1)
    void seedsTheDemoCityOfTheScenarios() {
        DemoCity.DEPARTMENTS.forEach(d -> assertThat(departments.find(d.code())).contains(d));
        assertThat(items.list(null)).extracting(ServiceItem::itemCode)
                .containsExactlyInAnyOrderElementsOf(DemoCity.ITEMS.stream().map(ServiceItem::itemCode).toList());

        Map<String, String> statusByName = search.search(DemoSeeder.LI_SI, new SearchCriteria(null, null, null, null, null, 0, 100))
                .items().stream().collect(Collectors.toMap(e -> e.name(), e -> e.status()));
        assertThat(statusByName).containsExactlyInAnyOrderEntriesOf(Map.of(
                "企业营业执照信息", "PUBLISHED", "食品经营许可证信息", "PUBLISHED", "不动产登记信息", "PUBLISHED",
                "参保人员信息", "PUBLISHED", "个体工商户登记信息", "SUBMITTED", "国有建设用地供应信息", "DRAFT"));
        assertThat(entries.reviewQueue(DemoSeeder.WANG_WU, 0, 10).items()).extracting(i -> i.name()).containsExactly("个体工商户登记信息");
        String insured = search.search(DemoSeeder.LI_SI, new SearchCriteria(null, DemoCity.HUMAN_RESOURCES, null, null, null, 0, 10))
                .items().get(0).resourceCode();
        assertThat(entries.publishedDataItems(insured)).filteredOn(i -> i.name().equals("公民身份号码"))
                .singleElement().satisfies(i -> assertThat(i.sensitive()).isTrue());
    }

    @Test
    @Order(2)
    void twoOfNineItemsAreUncoveredAndOnePublishedEntryIsUnmounted() {
        CoverageReport report = coverage.report();
        var overall = report.overall();
        long items = overall.administrativePower().items() + overall.publicService().items();
        long covered = overall.administrativePower().covered() + overall.publicService().covered();
        assertThat(items).isEqualTo(9);
        assertThat(items - covered).isEqualTo(2);
        assertThat(coverage.uncoveredItems(null)).extracting(CoverageReport.UncoveredItem::name)
                .containsExactlyInAnyOrder("出生医学证明办理", "医师执业注册");
        assertThat(coverage.unmountedEntries(null)).extracting(CoverageReport.UnmountedEntry::name).containsExactly("参保人员信息");
    }

    @Test
    @Order(3)
    void aRequestWaitsForTheMarketRegulatorsReviewer() {
        assertThat(sharing.requests(DemoSeeder.WANG_WU, "PENDING")).singleElement().satisfies(r -> {
            assertThat(r.entryName()).isEqualTo("食品经营许可证信息");
            assertThat(r.consumerSystemId()).isEqualTo("health-supervision");
            assertThat(r.status()).isEqualTo(RequestStatus.PENDING);
        });
    }

    @Test
    @Order(4)
    void theDemoConsumerCallsTheDemoProviderThroughTheGatewayAndSeesIdNumbersMasked() throws Exception {
        String licence = seeder.businessLicenceCode();
        String token = LocalSigningKey.inDataDir(hub.dataDir()).issue("estate-registration", List.of("consumer"), null,
                "estate-registration", Duration.ofMinutes(5));
        String creditCode = DemoCompanies.creditCodes().get(0);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                        + "/api/shared/" + licence + "/queryByCreditCode?creditCode=" + creditCode))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("tyshxydm").asText()).isEqualTo(creditCode);
        assertThat(body.path("qymc").asText()).startsWith("酒泉市");
        assertThat(body.path("fddbrsfzh").asText()).contains("*").hasSize(18);
        assertThat(body.has("clrq")).as("not granted").isFalse();

        LocalDate today = LocalDate.now(BureauCalendar.ZONE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(callLog.statistics(DemoSeeder.LI_SI, today, today))
                .anySatisfy(s -> {
                    assertThat(s.consumerSystemId()).isEqualTo("estate-registration");
                    assertThat(s.succeeded()).isGreaterThanOrEqualTo(4);
                    assertThat(s.failed()).isGreaterThanOrEqualTo(1);
                }));
        assertThat(callLog.neverCalled(DemoSeeder.LI_SI)).singleElement()
                .satisfies(g -> assertThat(g.consumerSystemId()).isEqualTo("enterprise-registration"));
    }

    @Test
    @Order(5)
    void theFourSourcesStreamCasesThroughTheirChannelsWithHistoryAndFaults() {
        LocalDate today = LocalDate.now(BureauCalendar.ZONE);
        var history = completeness.statistics(today.minusDays(3), today.minusDays(1), null);
        assertThat(history.sources()).extracting(s -> s.sourceId()).containsAll(DemoCaseStreams.SOURCES);
        assertThat(history.sources()).extracting(s -> s.day()).contains(today.minusDays(3), today.minusDays(1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var live = completeness.statistics(today, today, null).sources();
            assertThat(live).extracting(s -> s.sourceId()).containsAll(DemoCaseStreams.SOURCES);
            assertThat(live).allSatisfy(s -> assertThat(s.passed()).isPositive());
            assertThat(live).filteredOn(s -> s.sourceId().equals(DemoCaseStreams.PROVINCIAL_DAILY)).singleElement()
                    .satisfies(s -> assertThat(s.reconciliation().missingCount()).isEqualTo(1));
        });
        // and they keep coming: the next rounds of every source arrive (the polled table's rows too, past its watermark)
        Map<String, Long> before = completeness.statistics(today, today, null).sources().stream()
                .collect(Collectors.toMap(s -> s.sourceId(), s -> s.received()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(completeness.statistics(today, today, null).sources())
                .filteredOn(s -> !s.sourceId().equals(DemoCaseStreams.PROVINCIAL_DAILY)) // once a day
                .allSatisfy(s -> assertThat(s.received()).isGreaterThan(before.get(s.sourceId()))));
        // with a fault rate of 0.4 over dozens of records, failures with their reasons are certain
        var failures = DemoCaseStreams.SOURCES.stream().flatMap(s -> cases.failures(s, true, null, 0, 50).items().stream()).toList();
        assertThat(failures).isNotEmpty().allSatisfy(f -> assertThat(f.reasons()).isNotEmpty());
        assertThat(failures).flatExtracting(f -> f.reasons()).extracting(r -> r.rule())
                .containsAnyOf("ID_NUMBER_INVALID", "CREDIT_CODE_INVALID", "ITEM_UNKNOWN", "TIME_ORDER", "STATUS_INCONSISTENT");
    }

    @Test
    @Order(6)
    void aSecondSeedingChangesNothing() {
        assertThat(seeder.seed().total()).isZero();
        assertThat(streams.backfill().records()).isEmpty();
        assertThat(sharing.requests(DemoSeeder.LI_SI, null)).hasSize(3);
        assertThat(search.search(DemoSeeder.LI_SI, new SearchCriteria(null, null, null, null, null, 0, 100)).items()).hasSize(6);
    }
}
