package org.exchangehub.hub.demo;

import static org.exchangehub.hub.demo.DemoCity.BUSINESS_LICENCE;
import static org.exchangehub.hub.demo.DemoCity.DATA_BUREAU;
import static org.exchangehub.hub.demo.DemoCity.ESTATE_ENTRY;
import static org.exchangehub.hub.demo.DemoCity.FOOD_LICENCE_ENTRY;
import static org.exchangehub.hub.demo.DemoCity.HEALTH;
import static org.exchangehub.hub.demo.DemoCity.MARKET;
import static org.exchangehub.hub.demo.DemoCity.NATURAL_RESOURCES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.Approval;
import org.exchangehub.catalog.grant.ShareViews.RequestStatus;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestDraft;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.mount.MountKind;
import org.exchangehub.catalog.mount.MountRequest;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.EntrySummary;
import org.exchangehub.catalog.search.SearchCriteria;
import org.exchangehub.hub.gateway.SharedCallService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo city's catalogue and sharing through the registry's own services, as the demo realm's people would
 * (zhang.san catalogues, wang.wu publishes and decides for the market regulator, li.si runs the hub), so histories and
 * events read as they would in use. Idempotent: every step first looks whether its result exists (a department, an
 * item, an entry by department and name, its status, a mount, a consuming system, a grant or request), so a second
 * start over the same data seeds nothing, and a start after an interrupted seeding finishes it.
 */
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    static final Actor LI_SI = new Actor("li.si", Set.of(Role.ADMIN, Role.REVIEWER), DATA_BUREAU);
    static final Actor ZHANG_SAN = new Actor("zhang.san", Set.of(Role.DEPT_EDITOR), MARKET);
    static final Actor WANG_WU = new Actor("wang.wu", Set.of(Role.REVIEWER), MARKET);
    static final Actor ZHAO_LIU = new Actor("zhao.liu", Set.of(Role.DEPT_EDITOR), NATURAL_RESOURCES);

    /** 酒泉市不动产登记系统: calls the business licence interface (granted by policy, unconditional). */
    static final ConsumerSystem ESTATE_SYSTEM = new ConsumerSystem("estate-registration", "酒泉市不动产登记系统", NATURAL_RESOURCES,
            "estate-registration");
    /** 酒泉市企业登记系统: granted the estate register for checking business premises, and never calls it (指标21). */
    static final ConsumerSystem ENTERPRISE_SYSTEM = new ConsumerSystem("enterprise-registration", "酒泉市企业登记注册系统", MARKET,
            "enterprise-registration");
    /** 酒泉市卫生监督信息系统: its request for the food licences waits for the market regulator's reviewer. */
    static final ConsumerSystem HEALTH_SYSTEM = new ConsumerSystem("health-supervision", "酒泉市卫生监督信息系统", HEALTH,
            "health-supervision");

    static Actor consumer(ConsumerSystem system) {
        return new Actor(system.clientId(), Set.of(Role.CONSUMER), null, system.clientId());
    }

    /** What one seeding run did; all zero when everything was already there. */
    record SeedReport(int departments, int items, int entries, int transitions, int mounts, int consumerSystems,
                      int shareRequests, int decisions, int calls) {

        int total() {
            return departments + items + entries + transitions + mounts + consumerSystems + shareRequests + decisions + calls;
        }
    }

    private final DepartmentService departments;
    private final ServiceItemService items;
    private final EntryService entries;
    private final EntrySearch search;
    private final MountService mounts;
    private final ConsumerSystemService consumers;
    private final SharingService sharing;
    private final CallLog callLog;
    private final SharedCallService gateway;

    DemoSeeder(DepartmentService departments, ServiceItemService items, EntryService entries, EntrySearch search,
               MountService mounts, ConsumerSystemService consumers, SharingService sharing, CallLog callLog,
               SharedCallService gateway) {
        this.departments = departments;
        this.items = items;
        this.entries = entries;
        this.search = search;
        this.mounts = mounts;
        this.consumers = consumers;
        this.sharing = sharing;
        this.callLog = callLog;
        this.gateway = gateway;
    }

    private int departmentsCreated;
    private int itemsCreated;
    private int entriesCreated;
    private int transitions;
    private int mountsCreated;
    private int consumersCreated;
    private int requestsMade;
    private int decisions;
    private int calls;
    /** The call log is written asynchronously (Kafka, then batches): remember the calls until they show there. */
    private boolean called;

    /** Seeds what is missing; one run at a time (start-up, or a test). */
    synchronized SeedReport seed() {
        departmentsCreated = itemsCreated = entriesCreated = transitions = mountsCreated = consumersCreated = requestsMade
                = decisions = calls = 0;
        for (Department d : DemoCity.DEPARTMENTS) {
            if (!departments.exists(d.code())) {
                departments.save(d);
                departmentsCreated++;
            }
        }
        Set<String> known = items.known(DemoCity.ITEMS.stream().map(ServiceItem::itemCode).toList());
        for (ServiceItem item : DemoCity.ITEMS) {
            if (!known.contains(item.itemCode())) {
                items.save(item);
                itemsCreated++;
            }
        }

        String licence = entry(DemoCity.businessLicence(), ZHANG_SAN, WANG_WU, EntryStatus.PUBLISHED);
        String food = entry(DemoCity.foodLicence(), ZHANG_SAN, WANG_WU, EntryStatus.PUBLISHED);
        String estate = entry(DemoCity.estate(), ZHAO_LIU, LI_SI, EntryStatus.PUBLISHED);
        entry(DemoCity.insuredPersons(), LI_SI, LI_SI, EntryStatus.PUBLISHED);
        entry(DemoCity.individualBusiness(), ZHANG_SAN, null, EntryStatus.SUBMITTED);
        entry(DemoCity.landSupply(), ZHAO_LIU, null, EntryStatus.DRAFT);

        mount(ZHANG_SAN, licence, MountKind.API, new MountRequest("API", DemoCity.LICENCE_CONNECTOR, DemoCity.LICENCE_OPERATION,
                null, null, null, null, null));
        mount(ZHANG_SAN, food, MountKind.FILE, new MountRequest("FILE", null, null, null, null, null,
                "sftp://10.62.9.21/exchange/scjg/spjyxk", "spjyxk-*.csv"));
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("bdcdyh", "bdcdyh");
        columns.put("bdcqzh", "bdcqzh");
        columns.put("qlr", "qlr");
        columns.put("qlrzjh", "qlrzjh");
        columns.put("zl", "zl");
        columns.put("jzmj", "jzmj");
        columns.put("djsj", "djsj");
        mount(ZHAO_LIU, estate, MountKind.TABLE, new MountRequest("TABLE", null, null, DemoCity.ESTATE_DATASOURCE,
                DemoCity.ESTATE_TABLE, columns, null, null));

        for (ConsumerSystem system : List.of(ESTATE_SYSTEM, ENTERPRISE_SYSTEM, HEALTH_SYSTEM)) {
            if (consumers.byClientId(system.clientId()).isEmpty()) {
                consumers.save(LI_SI, system);
                consumersCreated++;
            }
        }
        // unconditional: granted by policy at once
        grant(ESTATE_SYSTEM, licence, new ShareRequestDraft("不动产登记时核验申请人企业主体资格和法定代表人身份",
                "《不动产登记暂行条例实施细则》第十一条", List.of("统一社会信用代码", "企业名称", "法定代表人", "法定代表人身份证号",
                "住所", "登记状态"), List.of(), 300), null);
        // conditional: approved by the hub admin for the natural resources bureau, which has no reviewer of its own
        grant(ENTERPRISE_SYSTEM, estate, new ShareRequestDraft("企业设立登记时核验住所（经营场所）产权",
                "《市场主体登记管理条例》第十七条", List.of("不动产单元号", "权利人", "权利人证件号", "坐落"), List.of(), 100),
                new Approval("用途合规，限住所核验所需信息项", null, 500, 5, null, null));
        // conditional: left pending for wang.wu's queue
        if (requests(HEALTH_SYSTEM, food).isEmpty() && sharing.activeGrant(HEALTH_SYSTEM.id(), food).isEmpty()) {
            sharing.apply(consumer(HEALTH_SYSTEM), food, new ShareRequestDraft("餐饮服务单位卫生监督检查时核对食品经营许可状态",
                    "《中华人民共和国食品安全法》第三十五条", List.of("许可证编号", "经营者名称", "统一社会信用代码", "经营场所", "主体业态",
                    "有效期至"), List.of(), 200));
            requestsMade++;
        }
        callsIfNeverCalled(licence);

        SeedReport report = new SeedReport(departmentsCreated, itemsCreated, entriesCreated, transitions, mountsCreated,
                consumersCreated, requestsMade, decisions, calls);
        if (report.total() > 0) {
            log.info("Demo city seeded: {}", report);
        } else {
            log.info("Demo city already seeded; nothing added");
        }
        return report;
    }

    /** The resource code of the demo's 企业营业执照信息, which the case streams' consumer keeps calling. */
    String businessLicenceCode() {
        return find(MARKET, BUSINESS_LICENCE).map(EntrySummary::resourceCode)
                .orElseThrow(() -> new IllegalStateException("the demo's " + BUSINESS_LICENCE + " is not catalogued"));
    }

    /** The entry of this department and name, created and taken to the target status if it is not there yet. */
    private String entry(EntryDraft draft, Actor editor, Actor reviewer, EntryStatus target) {
        String code = find(draft.departmentCode(), draft.name()).map(EntrySummary::resourceCode).orElse(null);
        if (code == null) {
            code = entries.create(editor, draft).resourceCode();
            entriesCreated++;
        }
        EntryStatus status = entries.ref(code).status();
        if (target != EntryStatus.DRAFT && status == EntryStatus.DRAFT) {
            entries.submit(editor, code, null);
            transitions++;
            status = EntryStatus.SUBMITTED;
        }
        if (target == EntryStatus.PUBLISHED && status == EntryStatus.SUBMITTED) {
            entries.approve(reviewer, code, null);
            transitions++;
        }
        return code;
    }

    private Optional<EntrySummary> find(String department, String name) {
        return search.search(LI_SI, new SearchCriteria(null, department, null, null, null, 0, SearchCriteria.MAX_PAGE_SIZE))
                .items().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private void mount(Actor editor, String resourceCode, MountKind kind, MountRequest request) {
        if (mounts.list(editor, resourceCode).stream().noneMatch(m -> m.kind() == kind)) {
            mounts.mount(editor, resourceCode, request);
            mountsCreated++;
        }
    }

    private List<ShareRequestView> requests(ConsumerSystem system, String resourceCode) {
        return sharing.requests(consumer(system), null).stream().filter(r -> r.resourceCode().equals(resourceCode)).toList();
    }

    /** An active grant of the entry to the system: applied for, and approved by li.si where the entry needs a decision. */
    private void grant(ConsumerSystem system, String resourceCode, ShareRequestDraft draft, Approval approval) {
        if (sharing.activeGrant(system.id(), resourceCode).isPresent()) {
            return;
        }
        ShareRequestView request = requests(system, resourceCode).stream().filter(r -> r.status() == RequestStatus.PENDING)
                .findFirst().orElse(null);
        if (request == null) {
            request = sharing.apply(consumer(system), resourceCode, draft);
            requestsMade++;
        }
        if (request.status() == RequestStatus.PENDING) {
            sharing.approve(LI_SI, request.id(), approval);
            decisions++;
        }
    }

    /**
     * A handful of real calls through the gateway (grant check, connector, masking, call log) by the estate registration
     * system, if its grant was never used: the call statistics are not empty from the start. One asks for a company the
     * register does not know (a 404 from the provider, logged as failed).
     */
    private void callsIfNeverCalled(String licence) {
        boolean neverCalled = callLog.neverCalled(LI_SI).stream()
                .anyMatch(g -> g.consumerSystemId().equals(ESTATE_SYSTEM.id()) && g.resourceCode().equals(licence));
        if (!neverCalled || called) {
            return;
        }
        called = true;
        List<String> creditCodes = new ArrayList<>(DemoCompanies.creditCodes().subList(0, 4));
        creditCodes.add(DemoCompanies.UNKNOWN_CREDIT_CODE);
        for (String creditCode : creditCodes) {
            try {
                gateway.call(consumer(ESTATE_SYSTEM), licence, DemoCity.LICENCE_OPERATION, Map.of("creditCode", creditCode));
            } catch (RegistryException e) {
                log.debug("Demo call for {} answered {}", creditCode, e.code());
            }
            calls++;
        }
    }
}
