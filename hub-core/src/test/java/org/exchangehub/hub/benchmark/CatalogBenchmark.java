package org.exchangehub.hub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.text.ChineseTerms;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.SearchCriteria;
import org.exchangehub.catalog.tabular.TabularReader;
import org.exchangehub.catalog.tabular.TabularWriter;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.testing.MultipartFile;
import org.exchangehub.hub.security.LocalSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry benchmark (run with {@code -Pbenchmark}, see docs/benchmarks.md): seeds 100,000 catalogue entries
 * through the bulk import API and the lifecycle services, then measures search latency over HTTP and in-process, and
 * bulk import throughput of 10,000-row XLSX and GBK CSV files against parsing alone. Prints a Markdown table and
 * writes it to {@code target/benchmark/catalog-benchmark.md}; query plans of the slowest queries go to
 * {@code target/benchmark/catalog-explain.md}. Nothing here asserts a timing.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBenchmark {

    static final int ENTRIES = Integer.getInteger("benchmark.entries", 100_000);
    static final int SEED_FILE_ROWS = 10_000;
    static final int IMPORT_FILE_ROWS = 10_000;
    static final int QUERIES = Integer.getInteger("benchmark.queries", 2_400);
    static final int WARMUP_QUERIES = 600;
    static final int PUBLISH_THREADS = 4;
    static final double INVALID_SHARE = 0.05;

    static final List<String> HEADERS = List.of("资源分类", "分类代码", "资源名称", "资源摘要", "资源格式", "共享类型", "共享条件",
            "不予共享依据", "共享方式", "开放类型", "开放条件", "更新周期", "信息项", "关联事项编码", "提供部门代码");

    @LocalServerPort
    int port;

    @Autowired
    HubProperties hub;

    @Autowired
    EntryService entries;

    @Autowired
    EntrySearch search;

    @Autowired
    CatalogEventOutbox outbox;

    @Autowired
    DataSource dataSource;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Report report = new Report();

    private static final Actor ADMIN = new Actor("bench.admin", Set.of(Role.ADMIN), null);
    private static final Actor REVIEWER = new Actor("bench.reviewer", Set.of(Role.REVIEWER), null);
    private static final Actor CONSUMER = new Actor("bench.consumer", Set.of(Role.CONSUMER), null);

    // ------------------------------------------------------------------------------------------ vocabularies

    /** A department: its name, the subjects it catalogues and the data items peculiar to it. */
    record Dept(String name, String[] subjects, String[] items) {
    }

    static final Dept[] DEPARTMENTS = {
            dept("酒泉市市场监督管理局", "企业营业执照,个体工商户登记,食品经营许可,特种设备检验,企业年度报告",
                    "企业名称|字符型|200||qymc;法定代表人|字符型|50||fddbr;注册资本|数值型|18||zczb;成立日期|日期型|||clrq;经营范围|字符型|2000||jyfw"),
            dept("酒泉市自然资源局", "不动产登记,国有土地使用权出让,建设用地规划许可,地质灾害隐患点",
                    "不动产单元号|字符型|28||bdcdyh;权利人|字符型|100||qlr;坐落|字符型|300||zl;宗地面积|数值型|18||zdmj;土地用途|字符型|50||tdyt"),
            dept("酒泉市人力资源和社会保障局", "社会保险参保,社会保险缴费,失业保险金发放,职业资格证书,就业登记",
                    "社会保障号码|字符型|18|是|shbzhm;参保单位|字符型|200||cbdw;缴费基数|数值型|18||jfjs;险种类型|字符型|20||xzlx;缴费月份|字符型|6||jfyf"),
            dept("酒泉市住房公积金管理中心", "公积金缴存,公积金贷款,公积金提取,公积金账户",
                    "公积金账号|字符型|30|是|gjjzh;缴存单位|字符型|200||jcdw;月缴存额|数值型|18||yjce;账户余额|数值型|18|是|zhye;贷款金额|数值型|18||dkje"),
            dept("酒泉市卫生健康委员会", "出生医学证明,医师执业注册,医疗机构执业许可,预防接种",
                    "新生儿姓名|字符型|50||xsexm;出生日期|日期型|||csrq;出生地点|字符型|200||csdd;母亲姓名|字符型|50||mqxm;接生机构|字符型|200||jsjg"),
            dept("酒泉市民政局", "婚姻登记,社会组织登记,最低生活保障,殡葬服务,养老机构备案",
                    "男方姓名|字符型|50||nfxm;女方姓名|字符型|50||vfxm;登记类型|字符型|10||djlx;婚姻登记机关|字符型|100||hydjjg;保障人数|整数型|||bzrs"),
            dept("酒泉市公安局", "户籍人口,居民身份证,机动车登记,驾驶证,出入境证件",
                    "号牌号码|字符型|15||hphm;车辆识别代号|字符型|17||clsbdh;准驾车型|字符型|10||zjcx;户籍地址|字符型|300||hjdz;民族|字符型|20||mz"),
            dept("国家税务总局酒泉市税务局", "纳税信用,增值税发票,个人所得税缴纳,欠税公告,税务登记",
                    "纳税人识别号|字符型|20||nsrsbh;纳税信用级别|字符型|2||nsxyjb;评价年度|字符型|4||pjnd;税款金额|数值型|18||skje;税种|字符型|50||sz"),
            dept("酒泉市教育局", "学籍,教师资格证书,民办学校办学许可,学前教育资助",
                    "学籍号|字符型|20||xjh;学校名称|字符型|200||xxmc;年级|字符型|20||nj;入学日期|日期型|||rxrq;资助金额|数值型|18||zzje"),
            dept("酒泉市交通运输局", "道路运输经营许可,营运车辆,出租汽车驾驶员,公路超限运输许可",
                    "道路运输证号|字符型|30||dlyszh;经营范围|字符型|500||jyfw;车辆类型|字符型|30||cllx;核定载质量|数值型|10||hdzzl"),
            dept("酒泉市住房和城乡建设局", "建筑施工许可,商品房预售许可,建筑业企业资质,房屋网签备案",
                    "项目名称|字符型|300||xmmc;建设单位|字符型|200||jsdw;建筑面积|数值型|18||jzmj;合同编号|字符型|50||htbh;资质等级|字符型|20||zzdj"),
            dept("酒泉市生态环境局", "排污许可,环境影响评价审批,环境行政处罚,重点排污单位",
                    "排污许可证编号|字符型|30||pwxkzbh;污染物种类|字符型|200||wrwzl;排放口数量|整数型|||pfksl;处罚金额|数值型|18||cfje"),
            dept("酒泉市农业农村局", "农药经营许可,动物防疫条件合格证,农村土地承包经营权,农机购置补贴",
                    "承包方代表|字符型|50||cbfdb;承包地块面积|数值型|18||cbdkmj;补贴金额|数值型|18||btje;机具品目|字符型|100||jjpm"),
            dept("酒泉市水务局", "取水许可,用水户,水土保持方案审批",
                    "取水地点|字符型|200||qsdd;年取水量|数值型|18||nqsl;水源类型|字符型|20||sylx"),
            dept("酒泉市文化和旅游局", "旅行社业务经营许可,娱乐场所经营许可,文物保护单位,A级旅游景区",
                    "景区名称|字符型|200||jqmc;景区等级|字符型|10||jqdj;许可范围|字符型|500||xkfw"),
            dept("酒泉市医疗保障局", "基本医疗保险参保,医保定点医药机构,医疗费用结算,门诊慢特病",
                    "医保编码|字符型|30||ybbm;定点机构名称|字符型|200||ddjgmc;结算金额|数值型|18||jsje;病种名称|字符型|100||bzmc"),
            dept("酒泉市应急管理局", "安全生产许可,危险化学品经营许可,安全生产行政处罚",
                    "危险化学品品名|字符型|200||wxhxppm;储存地点|字符型|200||ccdd;许可证有效期|日期型|||xkzyxq"),
            dept("酒泉市退役军人事务局", "退役军人,优抚对象,烈士褒扬",
                    "入伍时间|日期型|||rwsj;退役时间|日期型|||tysj;优抚类别|字符型|20||yflb"),
            dept("酒泉市司法局", "律师执业,公证员执业,法律援助,人民调解",
                    "执业证号|字符型|30||zyzh;执业机构|字符型|200||zyjg;案件类型|字符型|50||ajlx"),
            dept("酒泉市财政局", "政府采购,非税收入,财政专项资金",
                    "采购项目|字符型|300||cgxm;中标金额|数值型|18||zbje;收缴单位|字符型|200||sjdw"),
            dept("酒泉市统计局", "规模以上工业企业,固定资产投资统计,人口抽样调查",
                    "统计年度|字符型|4||tjnd;工业总产值|数值型|18||gyzcz;从业人员数|整数型|||cyrys"),
            dept("酒泉市残疾人联合会", "残疾人证,残疾人两项补贴,残疾人就业",
                    "残疾人证号|字符型|20|是|cjrzh;残疾类别|字符型|10||cjlb;残疾等级|字符型|10||cjdj"),
            dept("酒泉市审计局", "审计结果,审计整改", "审计项目|字符型|300||sjxm;问题金额|数值型|18||wtje;整改状态|字符型|20||zgzt"),
            dept("酒泉市林业和草原局", "林木采伐许可,林权登记,草原禁牧",
                    "林地面积|数值型|18||ldmj;采伐蓄积|数值型|18||cfxj;林权证号|字符型|30||lqzh"),
            dept("酒泉市气象局", "气象观测,气象灾害预警,雷电防护装置检测",
                    "站点编号|字符型|10||zdbh;观测时间|日期时间型|||gcsj;预警级别|字符型|10||yjjb;气温|数值型|6||qw"),
            dept("酒泉市地方金融监督管理局", "小额贷款公司,融资担保公司,典当行",
                    "贷款余额|数值型|18||dkye;担保责任余额|数值型|18||dbzrye;监管评级|字符型|10||jgpj"),
            dept("酒泉市商务局", "对外贸易经营者备案,单用途预付卡,再生资源回收经营者备案",
                    "备案登记号|字符型|30||badjh;进出口企业代码|字符型|20||jckqydm;预收资金余额|数值型|18||ysjjye"),
            dept("酒泉市科学技术局", "高新技术企业认定,科技成果登记,科技型中小企业评价",
                    "证书编号|字符型|30||zsbh;成果名称|字符型|300||cgmc;研发投入|数值型|18||yftr"),
            dept("酒泉市工业和信息化局", "工业企业,无线电台执照,两化融合评估",
                    "行业代码|字符型|10||hydm;电台频率|字符型|30||dtpl;主营业务收入|数值型|18||zyywsr"),
            dept("酒泉市发展和改革委员会", "固定资产投资项目审批,价格监测,企业投资项目备案",
                    "项目代码|字符型|30||xmdm;总投资|数值型|18||ztz;监测品种|字符型|100||jcpz;价格|数值型|12||jg"),
            dept("酒泉市机关事务管理局", "公务用车,公共机构节能", "车辆编号|字符型|20||clbh;能耗总量|数值型|18||nhzl"),
            dept("酒泉市档案馆", "档案目录,档案查阅利用", "档号|字符型|50||dh;题名|字符型|500||tm;保管期限|字符型|10||bgqx"),
            dept("酒泉市体育局", "体育场馆,社会体育指导员,体育社会组织", "场馆名称|字符型|200||cgmc;指导员等级|字符型|10||zdydj"),
            dept("酒泉市消防救援支队", "消防安全检查,公众聚集场所投入使用营业前消防安全检查,火灾事故",
                    "检查结果|字符型|20||jcjg;场所名称|字符型|200||csmc;火灾损失|数值型|18||hzss"),
            dept("酒泉市邮政管理局", "快递业务经营许可,快递末端网点备案", "许可证号|字符型|30||xkzh;网点名称|字符型|200||wdmc"),
            dept("酒泉市烟草专卖局", "烟草专卖零售许可,烟草专卖行政处罚", "零售许可证号|字符型|30||lsxkzh;经营地址|字符型|300||jydz"),
            dept("酒泉市城市管理局", "城市道路占用挖掘许可,户外广告设置,市容环境卫生",
                    "占用位置|字符型|300||zywz;占用期限|字符型|50||zyqx;广告规格|字符型|50||gggg"),
            dept("酒泉市行政审批局", "政务服务事项办件,行政许可决定,电子证照",
                    "办件编号|字符型|40||bjbh;事项名称|字符型|300||sxmc;受理时间|日期时间型|||slsj;办结时间|日期时间型|||bjsj"),
            dept("酒泉市政务服务和大数据管理局", "公共数据目录,数据共享申请,政务云资源",
                    "目录编码|字符型|50||mlbm;申请部门|字符型|200||sqbm;资源数量|整数型|||zysl"),
            dept("酒泉市总工会", "困难职工帮扶,工会会员,劳模评选", "会员证号|字符型|30||hyzh;帮扶金额|数值型|18||bfje;所在单位|字符型|200||szdw"),
    };

    static final String[] GENERAL_ITEMS = {
            "统一社会信用代码|字符型|18||tyshxydm", "姓名|字符型|50||xm", "公民身份号码|字符型|18|是|gmsfhm",
            "联系电话|字符型|20|是|phone", "地址|字符型|200||address", "办理日期|日期型|||blrq", "发证机关|字符型|100||fzjg",
            "证照编号|字符型|50||zzbh", "有效期起|日期型|||yxqq", "有效期止|日期型|||yxqz", "状态|字符型|10||zt", "备注|字符型|500||bz",
            "行政区划代码|字符型|6||xzqhdm", "经办人|字符型|50||jbr", "更新时间|日期时间型|||gxsj", "数量|整数型|||sl",
            "电子邮箱|字符型|100||email", "邮政编码|字符型|6||postcode",
    };

    static final String[] REGIONS = {"酒泉市", "肃州区", "玉门市", "敦煌市", "金塔县", "瓜州县", "肃北县", "阿克塞县"};
    static final String[] QUALIFIERS = {"", "", "", "", "变更", "注销", "年度", "历史", "办结", "异常", "撤销", "新增"};
    static final String[] SUFFIXES = {"信息", "信息", "信息", "明细", "统计", "台账", "数据", "名录", "记录", "汇总"};
    static final String[] PURPOSES = {"政务服务办理", "跨部门业务协同", "事中事后监管", "统计分析和决策支持", "公共信用信息归集", "一网通办"};
    static final String[] COLLECT = {"登记", "归集", "汇总", "采集", "核发", "维护"};
    static final String[] FORMATS = {"数据库", "数据库", "电子表格", "接口", "接口", "电子文件"};
    static final String[] SHARE_MODES = {"接口共享", "库表交换", "文件下载"};
    static final String[] CYCLES = {"实时", "每日", "每日", "每周", "每月", "每月", "每季度", "每年"};
    static final String[] CYCLE_TEXT = {"实时", "按日", "按日", "按周", "按月", "按月", "按季度", "按年"};
    static final String[] BASIC = {"人口", "法人单位", "自然资源和空间地理", "社会信用"};
    static final String[] THEMES = {"营商环境", "社会救助", "医疗健康", "公共安全", "生态环保", "乡村振兴", "城市治理", "文化旅游"};

    static Dept dept(String name, String subjects, String items) {
        return new Dept(name, subjects.split(","), items.split(";"));
    }

    // ------------------------------------------------------------------------------------------ the run

    @Test
    void catalogBenchmark() throws Exception {
        long runStart = System.nanoTime();
        Random random = new Random(20_240_601L);
        report.machine(ENTRIES, postgresVersion());

        // reference data through the API, as the admin
        List<String> deptCodes = new ArrayList<>();
        Map<String, List<String>> itemsByDept = new LinkedHashMap<>();
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            String code = departmentCode(random);
            var answer = put(token("admin"), "/api/departments/" + code,
                    Map.of("name", DEPARTMENTS[d].name(), "regionCode", "620900"));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            deptCodes.add(code);
            List<String> items = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                String itemCode = "11" + code.substring(2, 8) + "-" + String.format("%02d%04d", d + 1, k + 1);
                String itemName = DEPARTMENTS[d].subjects()[k] + (k == 0 ? "办理" : "查询");
                var item = put(token("admin"), "/api/service-items/" + itemCode,
                        Map.of("name", itemName, "category", k == 0 ? "ADMINISTRATIVE_POWER" : "PUBLIC_SERVICE", "departmentCode", code));
                assertThat(item.status()).as(item.body().toString()).isEqualTo(200);
                items.add(itemCode);
            }
            itemsByDept.put(code, items);
        }
        RowFactory rows = new RowFactory(deptCodes, itemsByDept, departmentCode(random));

        // 1. seed through the bulk import API: ENTRIES valid rows in files of 10,000, alternately XLSX and GBK CSV
        List<String> created = new ArrayList<>(ENTRIES);
        Random seedRandom = new Random(1L);
        long seedNanos = 0;
        Map<String, long[]> seedByFormat = new LinkedHashMap<>();
        for (int file = 0; created.size() < ENTRIES; file++) {
            int n = Math.min(SEED_FILE_ROWS, ENTRIES - created.size());
            List<List<String>> table = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                table.add(rows.row(seedRandom, false));
            }
            boolean xlsx = file % 2 == 0;
            byte[] bytes = xlsx ? TabularWriter.xlsx(HEADERS, table) : TabularWriter.csv(HEADERS, table, Charset.forName("GBK"));
            String name = "seed-" + file + (xlsx ? ".xlsx" : ".csv");
            long t0 = System.nanoTime();
            Answer answer = upload(token("admin"), "/api/catalog/entries/import", name, bytes);
            long took = System.nanoTime() - t0;
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            assertThat(answer.body().path("created").asInt()).as(() -> "seed file " + name + ": " + rejectedRows(answer.body()))
                    .isEqualTo(n);
            for (JsonNode r : answer.body().path("rows")) {
                created.add(r.path("key").asText());
            }
            seedNanos += took;
            long[] acc = seedByFormat.computeIfAbsent(xlsx ? "XLSX" : "CSV (GBK)", k -> new long[2]);
            acc[0] += n;
            acc[1] += took;
            log("seeded %,d / %,d entries (%s, %,d rows in %.1f s)", created.size(), ENTRIES, name, n, took / 1e9);
        }
        report.seedImport(created.size(), seedNanos, seedByFormat);

        // 2. the status mix, through the lifecycle services (submit, approve, reject, retire)
        Map<EntryStatus, Integer> intended = new EnumMap<>(EntryStatus.class);
        List<EntryStatus> targets = new ArrayList<>(created.size());
        Random statusRandom = new Random(2L);
        for (int i = 0; i < created.size(); i++) {
            double p = statusRandom.nextDouble();
            EntryStatus s = p < 0.85 ? EntryStatus.PUBLISHED : p < 0.90 ? EntryStatus.SUBMITTED : p < 0.93 ? EntryStatus.REJECTED
                    : p < 0.95 ? EntryStatus.RETIRED : EntryStatus.DRAFT;
            targets.add(s);
            intended.merge(s, 1, Integer::sum);
        }
        long t0 = System.nanoTime();
        long lifecycleStart = t0;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(PUBLISH_THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < PUBLISH_THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < created.size(); i += PUBLISH_THREADS) {
                        String code = created.get(i);
                        EntryStatus target = targets.get(i);
                        if (target == EntryStatus.DRAFT) {
                            continue;
                        }
                        entries.submit(ADMIN, code, null);
                        calls.incrementAndGet();
                        switch (target) {
                            case PUBLISHED -> entries.approve(REVIEWER, code, null);
                            case REJECTED -> entries.reject(REVIEWER, code, null, "信息项描述不完整，请补充数据格式说明");
                            case RETIRED -> {
                                entries.approve(REVIEWER, code, null);
                                entries.retire(ADMIN, code, null, "该资源已整合至新目录");
                                calls.incrementAndGet();
                            }
                            default -> {
                            }
                        }
                        if (target != EntryStatus.SUBMITTED) {
                            calls.incrementAndGet();
                        }
                        int n = done.incrementAndGet();
                        if (n % 10_000 == 0) {
                            log("lifecycle: %,d entries moved, %.0f s", n, (System.nanoTime() - lifecycleStart) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        long lifecycleNanos = System.nanoTime() - t0;
        report.lifecycle(done.get(), calls.get(), lifecycleNanos, intended);

        // the outbox relay publishes every event to Kafka in the background; let it finish before measuring
        t0 = System.nanoTime();
        long pending = outbox.pending();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (pending > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            pending = outbox.pending();
        }
        report.outbox(System.nanoTime() - t0, pending);
        t0 = System.nanoTime();
        vacuumAnalyze();
        report.vacuum(System.nanoTime() - t0);

        // the seeding produced what was intended (counted in the database: search totals stop at a cap)
        Map<String, Long> byStatus = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select status, count(*) from catalog_entry group by status")) {
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (EntryStatus s : List.of(EntryStatus.PUBLISHED, EntryStatus.SUBMITTED, EntryStatus.REJECTED, EntryStatus.RETIRED,
                EntryStatus.DRAFT)) {
            assertThat(byStatus.getOrDefault(s.name(), 0L)).as("entries %s", s).isEqualTo(intended.getOrDefault(s, 0).longValue());
        }
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ENTRIES);

        // 3. search latency
        List<Query> warmup = queries(new Random(7L), WARMUP_QUERIES, deptCodes);
        List<Query> measured = queries(new Random(42L), QUERIES, deptCodes);
        for (Query q : warmup) {
            httpSearch(q);
            inProcess(q);
        }
        long[] httpNanos = new long[measured.size()];
        long[] httpTotals = new long[measured.size()];
        t0 = System.nanoTime();
        for (int i = 0; i < measured.size(); i++) {
            long s = System.nanoTime();
            Answer a = httpSearch(measured.get(i));
            httpNanos[i] = System.nanoTime() - s;
            assertThat(a.status()).as(a.raw()).isEqualTo(200);
            httpTotals[i] = a.body().path("total").asLong();
        }
        long httpWall = System.nanoTime() - t0;
        long[] localNanos = new long[measured.size()];
        long[] localTotals = new long[measured.size()];
        t0 = System.nanoTime();
        for (int i = 0; i < measured.size(); i++) {
            long s = System.nanoTime();
            localTotals[i] = inProcess(measured.get(i));
            localNanos[i] = System.nanoTime() - s;
        }
        long localWall = System.nanoTime() - t0;
        int mismatches = 0;
        for (int i = 0; i < measured.size(); i++) {
            if (httpTotals[i] != localTotals[i]) {
                mismatches++;
            }
        }
        report.search(measured, httpNanos, httpWall, localNanos, localWall, localTotals, mismatches);
        explainSlowest(measured, localNanos, localTotals);

        // 4. bulk import: 10,000 rows with ~5% invalid, as XLSX and as GBK CSV, against parsing alone
        Random importRandom = new Random(3L);
        for (String format : List.of("XLSX", "CSV (GBK)")) {
            List<List<String>> table = new ArrayList<>(IMPORT_FILE_ROWS);
            int invalid = 0;
            for (int i = 0; i < IMPORT_FILE_ROWS; i++) {
                boolean bad = importRandom.nextDouble() < INVALID_SHARE;
                invalid += bad ? 1 : 0;
                table.add(rows.row(importRandom, bad));
            }
            boolean xlsx = format.equals("XLSX");
            byte[] bytes = xlsx ? TabularWriter.xlsx(HEADERS, table) : TabularWriter.csv(HEADERS, table, Charset.forName("GBK"));
            String name = xlsx ? "目录导入.xlsx" : "目录导入.csv";
            long[] parse = new long[4];
            for (int k = 0; k < parse.length; k++) {
                long s = System.nanoTime();
                int parsed = TabularReader.read(name, new ByteArrayInputStream(bytes)).rows().size();
                parse[k] = System.nanoTime() - s;
                assertThat(parsed).isEqualTo(IMPORT_FILE_ROWS);
            }
            long s = System.nanoTime();
            Answer a = upload(token("admin"), "/api/catalog/entries/import", name, bytes);
            long took = System.nanoTime() - s;
            assertThat(a.status()).as(a.raw()).isEqualTo(200);
            int createdRows = a.body().path("created").asInt();
            int rejectedRows = a.body().path("rejected").asInt();
            assertThat(createdRows + rejectedRows).isEqualTo(IMPORT_FILE_ROWS);
            long[] warm = Arrays.copyOfRange(parse, 1, parse.length);
            Arrays.sort(warm);
            report.importRun(format, bytes.length, IMPORT_FILE_ROWS, invalid, createdRows, rejectedRows, took, warm[warm.length / 2]);
            log("import %s: %,d rows in %.2f s", format, IMPORT_FILE_ROWS, took / 1e9);
        }

        report.total(System.nanoTime() - runStart);
        String markdown = report.markdown();
        System.out.println(markdown);
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("catalog-benchmark.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("catalog-explain.md"), explains.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ import rows

    /** Generates import rows: realistic names, abstracts and data items over the departments' subjects. */
    static final class RowFactory {
        private final List<String> deptCodes;
        private final Map<String, List<String>> itemsByDept;
        private final String unknownDepartment;

        RowFactory(List<String> deptCodes, Map<String, List<String>> itemsByDept, String unknownDepartment) {
            this.deptCodes = deptCodes;
            this.itemsByDept = itemsByDept;
            this.unknownDepartment = unknownDepartment;
        }

        List<String> row(Random r, boolean invalid) {
            // departments differ in size: a few catalogue much more than others
            int d = Math.min(DEPARTMENTS.length - 1, (int) (DEPARTMENTS.length * Math.pow(r.nextDouble(), 1.4)));
            Dept dept = DEPARTMENTS[d];
            String deptCode = deptCodes.get(d);
            int s = r.nextInt(dept.subjects().length);
            String subject = dept.subjects()[s];
            String suffix = pick(r, SUFFIXES);
            String name = pick(r, REGIONS) + subject + pick(r, QUALIFIERS) + suffix;

            List<String> items = new ArrayList<>();
            List<String> own = new ArrayList<>(List.of(dept.items()));
            Collections.shuffle(own, r);
            items.addAll(own.subList(0, Math.min(own.size(), 2 + r.nextInt(3))));
            List<String> general = new ArrayList<>(List.of(GENERAL_ITEMS));
            Collections.shuffle(general, r);
            items.addAll(general.subList(0, 2 + r.nextInt(4)));
            List<String> itemNames = items.stream().map(i -> i.substring(0, i.indexOf('|'))).toList();

            int cycle = r.nextInt(CYCLES.length);
            String summary = dept.name() + pick(r, COLLECT) + "的" + subject + suffix + "，包括" + String.join("、", itemNames.subList(0, 3))
                    + "等" + itemNames.size() + "项内容，" + CYCLE_TEXT[cycle] + "更新，用于" + pick(r, PURPOSES) + "。";

            double c = r.nextDouble();
            String category;
            String classification;
            if (c < 0.8) {
                category = "部门";
                classification = String.format("3-%02d-%02d", d + 1, s + 1);
            } else if (c < 0.9) {
                category = "基础";
                classification = String.format("1-%02d-%02d", 1 + r.nextInt(BASIC.length), 1 + r.nextInt(3));
            } else {
                category = "主题";
                classification = String.format("2-%02d-%02d", 1 + r.nextInt(THEMES.length), 1 + r.nextInt(3));
            }
            double share = r.nextDouble();
            String shareType = share < 0.6 ? "无条件共享" : share < 0.9 ? "有条件共享" : "不予共享";
            String conditions = share >= 0.6 && share < 0.9 ? "仅限" + pick(r, PURPOSES) + "使用，不得向第三方提供" : "";
            String legalBasis = share >= 0.9 ? "《中华人民共和国个人信息保护法》第二十八条" : "";
            // the validator lets a NOT_SHARED entry leave 共享方式 blank, but catalog_entry_version.share_mode is NOT NULL
            // (a blank one fails the whole import with a 500), so every row names a share mode
            String shareMode = pick(r, SHARE_MODES);
            double open = r.nextDouble();
            String openType = open < 0.7 ? "不予开放" : open < 0.9 ? "开放" : "有条件开放";
            String openConditions = open >= 0.9 ? "经申请审核后开放" : "";
            String related = r.nextDouble() < 0.3 ? itemsByDept.get(deptCode).get(r.nextInt(2)) : "";
            String format = pick(r, FORMATS);
            String itemCell = String.join(";", items);
            String cycleTerm = CYCLES[cycle];

            if (invalid) {
                switch (r.nextInt(7)) {
                    case 0 -> classification = "3-1-2";
                    case 1 -> itemCell = itemCell.replaceFirst("\\|(\\d+)\\|", "|abc|");
                    case 2 -> {
                        shareType = "有条件共享";
                        conditions = "";
                        shareMode = "接口共享";
                    }
                    case 3 -> deptCode = unknownDepartment;
                    case 4 -> name = "";
                    case 5 -> related = "NO-SUCH-ITEM";
                    default -> cycleTerm = "每两年";
                }
            }
            return List.of(category, classification, name, summary, format, shareType, conditions, legalBasis, shareMode,
                    openType, openConditions, cycleTerm, itemCell, related, deptCode);
        }
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static String departmentCode(Random r) {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder s = new StringBuilder("11620900");
        for (int i = 0; i < 9; i++) {
            s.append(alphabet.charAt(r.nextInt(10, alphabet.length())));
        }
        return s + String.valueOf(UnifiedSocialCreditCode.checkCharacterFor(s.toString()));
    }

    // ------------------------------------------------------------------------------------------ queries

    /** Who searches: a consumer, a reviewer, or an editor of a department (index into the departments). */
    record Query(String kind, String who, SearchCriteria criteria) {
        Actor actor() {
            return switch (who) {
                case "consumer" -> CONSUMER;
                case "reviewer" -> REVIEWER;
                default -> new Actor("bench.editor", Set.of(Role.DEPT_EDITOR), who);
            };
        }
    }

    static final String[] SPECIFIC = {"营业执照", "不动产", "社会保险缴费", "公积金", "出生医学证明", "婚姻登记", "机动车登记", "纳税信用",
            "排污许可", "驾驶证", "医疗费用结算", "食品经营许可", "公积金贷款", "学籍", "残疾人证", "律师执业", "取水许可", "法定代表人",
            "不动产单元号", "纳税人识别号"};
    static final String[] COMMON = {"出生", "登记", "许可", "台账", "统计", "信息", "变更", "社会保险", "企业", "年度"};
    static final String[] SINGLE = {"证", "税", "房", "车", "婚", "照", "人", "医"};
    static final String[] ENGLISH = {"address", "phone", "email", "license"};
    static final String[] NOTHING = {"量子纠缠", "火星基地", "区块链挖矿", "xylophone"};

    static List<Query> queries(Random r, int count, List<String> deptCodes) {
        List<Query> list = new ArrayList<>(count);
        String[] statuses = {"SUBMITTED", "REJECTED", "DRAFT", "RETIRED", "PUBLISHED"};
        String[] shareTypes = {"UNCONDITIONAL", "CONDITIONAL", "NOT_SHARED"};
        for (int i = 0; i < count; i++) {
            int k = r.nextInt(100);
            String dept = deptCodes.get(r.nextInt(deptCodes.size()));
            int d = deptCodes.indexOf(dept);
            String cls = r.nextBoolean() ? String.format("3-%02d", d + 1) : String.format("3-%02d-%02d", d + 1, 1 + r.nextInt(DEPARTMENTS[d].subjects().length));
            Query q;
            if (k < 24) {
                q = new Query("specific term", "consumer", criteria(pick(r, SPECIFIC), null, null, null, null, 0));
            } else if (k < 34) {
                q = new Query("common term", "consumer", criteria(pick(r, COMMON), null, null, null, null, 0));
            } else if (k < 42) {
                q = new Query("single character", "consumer", criteria(pick(r, SINGLE), null, null, null, null, 0));
            } else if (k < 46) {
                q = new Query("English word", "consumer", criteria(pick(r, ENGLISH), null, null, null, null, 0));
            } else if (k < 50) {
                q = new Query("no match", "consumer", criteria(pick(r, NOTHING), null, null, null, null, 0));
            } else if (k < 58) {
                q = new Query("department filter", "consumer", criteria(null, dept, null, null, null, 0));
            } else if (k < 66) {
                q = new Query("term + department", "consumer", criteria(DEPARTMENTS[d].subjects()[r.nextInt(DEPARTMENTS[d].subjects().length)],
                        dept, null, null, null, 0));
            } else if (k < 74) {
                q = new Query("status filter (reviewer)", "reviewer", criteria(r.nextInt(3) == 0 ? pick(r, COMMON) : null, null, null, null,
                        pick(r, statuses), 0));
            } else if (k < 80) {
                q = new Query("classification filter", "consumer", criteria(null, null, cls, null, null, 0));
            } else if (k < 85) {
                q = new Query("term + classification", "consumer", criteria(pick(r, COMMON), null, cls, null, null, 0));
            } else if (k < 89) {
                q = new Query("term + share type", "consumer", criteria(pick(r, SPECIFIC), null, null, pick(r, shareTypes), null, 0));
            } else if (k < 94) {
                q = new Query("editor, own department", dept, criteria(r.nextBoolean() ? pick(r, COMMON) : null, null, null, null, null, 0));
            } else if (k < 98) {
                q = new Query("term, pages 2-5", "consumer", criteria(pick(r, COMMON), null, null, null, null, 1 + r.nextInt(4)));
            } else {
                q = new Query("browse all (no filter)", "consumer", criteria(null, null, null, null, null, r.nextInt(3)));
            }
            list.add(q);
        }
        return list;
    }

    static SearchCriteria criteria(String q, String department, String classification, String shareType, String status, int page) {
        return new SearchCriteria(q, department, classification, shareType, status, page, 20);
    }

    private Answer httpSearch(Query q) {
        SearchCriteria c = q.criteria();
        StringBuilder url = new StringBuilder("/api/catalog/entries?page=").append(c.page()).append("&size=").append(c.size());
        param(url, "q", c.q());
        param(url, "department", c.departmentCode());
        param(url, "classification", c.classificationCode());
        param(url, "shareType", c.shareType());
        param(url, "status", c.status());
        return get(token(q.who()), url.toString());
    }

    private long inProcess(Query q) {
        return search.search(q.actor(), q.criteria()).total();
    }

    private static void param(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    // ------------------------------------------------------------------------------------------ EXPLAIN

    private final StringBuilder explains = new StringBuilder("# Query plans of the slowest benchmark searches\n\n");

    /** EXPLAIN ANALYZE of the statements EntrySearch runs, for the slowest in-process query of each kind. */
    private void explainSlowest(List<Query> measured, long[] nanos, long[] totals) throws Exception {
        Map<String, Integer> slowest = new LinkedHashMap<>();
        for (int i = 0; i < measured.size(); i++) {
            slowest.merge(measured.get(i).kind(), i, (a, b) -> nanos[a] >= nanos[b] ? a : b);
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(slowest.entrySet());
        ranked.sort((a, b) -> Long.compare(nanos[b.getValue()], nanos[a.getValue()]));
        for (var e : ranked) {
            Query q = measured.get(e.getValue());
            explains.append("## ").append(e.getKey()).append(String.format(" — %.1f ms in-process, %,d hits%n%n", nanos[e.getValue()] / 1e6,
                    totals[e.getValue()]));
            explains.append("Actor ").append(q.who()).append(", ").append(q.criteria()).append("\n\n");
            for (String plan : search.explain(q.actor(), q.criteria())) {
                explains.append("```\n").append(plan).append("```\n\n");
            }
        }
    }


    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    // ------------------------------------------------------------------------------------------ database chores

    private String postgresVersion() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /** What autovacuum would do after a bulk load, done now so the planner has statistics for 100,000 rows. */
    private void vacuumAnalyze() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze) catalog_entry, catalog_entry_version, catalog_entry_history, entry_item_link");
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP

    record Answer(int status, JsonNode body, String raw) {
    }

    private String token(String who) {
        return tokens.computeIfAbsent(who, w -> {
            LocalSigningKey key = LocalSigningKey.inDataDir(hub.dataDir());
            return switch (w) {
                case "admin" -> key.issue("bench.admin", List.of("admin"), null, Duration.ofHours(3));
                case "consumer" -> key.issue("bench.consumer", List.of("consumer"), null, Duration.ofHours(3));
                case "reviewer" -> key.issue("bench.reviewer", List.of("reviewer"), null, Duration.ofHours(3));
                default -> key.issue("bench.editor", List.of("dept-editor"), w, Duration.ofHours(3));
            };
        });
    }

    private Answer get(String token, String path) {
        return send(request(token, path).GET());
    }

    private Answer put(String token, String path, Object body) throws IOException {
        return send(request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Answer upload(String token, String path, String fileName, byte[] content) {
        MultipartFile file = MultipartFile.of(fileName, content);
        return send(request(token, path).timeout(Duration.ofMinutes(10)).header("Content-Type", file.contentType()).POST(file.body()));
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body, r.body().length() > 4000 ? r.body().substring(0, 4000) : r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String rejectedRows(JsonNode report) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (JsonNode r : report.path("rows")) {
            if (r.path("outcome").asText().equals("REJECTED") && n++ < 5) {
                s.append(r).append('\n');
            }
        }
        return s.toString();
    }

    static void log(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    // ------------------------------------------------------------------------------------------ the report

    /** Collects the figures and renders them as Markdown. */
    static final class Report {
        private final StringBuilder machine = new StringBuilder();
        private final StringBuilder seeding = new StringBuilder();
        private final StringBuilder searching = new StringBuilder();
        private final StringBuilder kinds = new StringBuilder();
        private final StringBuilder importing = new StringBuilder();
        private String total = "";

        void machine(int entries, String postgres) {
            Runtime rt = Runtime.getRuntime();
            machine.append("| Date | Cores | Max heap | JVM | OS | Database | Entries searched |\n|---|---|---|---|---|---|---|\n")
                    .append(String.format(Locale.ROOT, "| %s | %d | %d MB | %s %s (%s) | %s %s | %s (embedded) | %,d |%n",
                            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
                            rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                            System.getProperty("java.version"), System.getProperty("java.vm.vendor"), System.getProperty("os.name"),
                            System.getProperty("os.arch"), postgres, entries));
        }

        void seedImport(int rows, long nanos, Map<String, long[]> byFormat) {
            seeding.append("| Seeding step | Count | Time | Rate |\n|---|---|---|---|\n");
            for (var e : byFormat.entrySet()) {
                seeding.append(String.format(Locale.ROOT, "| Bulk import API, %s files of %,d valid rows | %,d rows | %.1f s | %,.0f rows/s |%n",
                        e.getKey(), SEED_FILE_ROWS, e.getValue()[0], e.getValue()[1] / 1e9, e.getValue()[0] / (e.getValue()[1] / 1e9)));
            }
            seeding.append(String.format(Locale.ROOT, "| Bulk import API, all seed files | %,d rows | %.1f s | %,.0f rows/s |%n",
                    rows, nanos / 1e9, rows / (nanos / 1e9)));
        }

        void lifecycle(int entries, int calls, long nanos, Map<EntryStatus, Integer> intended) {
            seeding.append(String.format(Locale.ROOT,
                    "| Lifecycle services (submit, approve / reject / retire; %d threads) | %,d entries, %,d calls | %.1f s | %,.0f calls/s |%n",
                    PUBLISH_THREADS, entries, calls, nanos / 1e9, calls / (nanos / 1e9)));
            StringBuilder mix = new StringBuilder();
            intended.forEach((s, n) -> mix.append(mix.isEmpty() ? "" : ", ").append(s).append(' ').append(String.format("%,d", n)));
            seeding.append("| Resulting status mix | ").append(mix).append(" | | |\n");
        }

        void outbox(long nanos, long pending) {
            seeding.append(String.format(Locale.ROOT, "| Wait for the outbox relay to publish every event to Kafka | %s | %.1f s | |%n",
                    pending == 0 ? "0 pending" : String.format("%,d still pending (gave up)", pending), nanos / 1e9));
        }

        void vacuum(long nanos) {
            seeding.append(String.format(Locale.ROOT, "| VACUUM (ANALYZE) of the catalogue tables | | %.1f s | |%n", nanos / 1e9));
        }

        void search(List<Query> queries, long[] http, long httpWall, long[] local, long localWall, long[] totals, int mismatches) {
            searching.append("| Search (one client thread, page size 20) | Queries | p50 | p90 | p99 | Max | Mean | Queries/s |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            searching.append(row("HTTP: GET /api/catalog/entries with a bearer token, JSON parsed", http, httpWall));
            searching.append(row("In-process: EntrySearch.search (baseline)", local, localWall));
            searching.append(String.format(Locale.ROOT, "| Ratio HTTP / in-process | | %.2f | %.2f | %.2f | %.2f | %.2f | |%n",
                    pct(http, 0.5) / pct(local, 0.5), pct(http, 0.9) / pct(local, 0.9), pct(http, 0.99) / pct(local, 0.99),
                    max(http) / max(local), mean(http) / mean(local)));
            if (mismatches > 0) {
                searching.append(String.format("%nWARNING: %d queries returned a different total over HTTP than in-process.%n", mismatches));
            }
            Map<String, List<Integer>> byKind = new LinkedHashMap<>();
            for (int i = 0; i < queries.size(); i++) {
                byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(i);
            }
            kinds.append("| Query kind | Queries | Median hits | HTTP p50 | HTTP p99 | In-process p50 | In-process p99 | In-process max |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            List<Map.Entry<String, List<Integer>>> sorted = new ArrayList<>(byKind.entrySet());
            Function<List<Integer>, Double> p99 = idx -> pct(select(local, idx), 0.99);
            sorted.sort((a, b) -> Double.compare(p99.apply(b.getValue()), p99.apply(a.getValue())));
            for (var e : sorted) {
                long[] h = select(http, e.getValue());
                long[] l = select(local, e.getValue());
                long[] t = select(totals, e.getValue());
                Arrays.sort(t);
                kinds.append(String.format(Locale.ROOT, "| %s | %d | %,d | %s | %s | %s | %s | %s |%n", e.getKey(), e.getValue().size(),
                        t[t.length / 2], ms(pct(h, 0.5)), ms(pct(h, 0.99)), ms(pct(l, 0.5)), ms(pct(l, 0.99)), ms(max(l))));
            }
        }

        void importRun(String format, int bytes, int rows, int invalid, int created, int rejected, long nanos, long parseNanos) {
            if (importing.isEmpty()) {
                importing.append("| Import file | Size | Rows (generated invalid) | Created | Rejected | Request wall time | Import rows/s "
                                + "| Parse only (TabularReader.read) | Parse rows/s | Import / parse time |\n")
                        .append("|---|---|---|---|---|---|---|---|---|---|\n");
            }
            importing.append(String.format(Locale.ROOT, "| %s | %.1f MB | %,d (%,d) | %,d | %,d | %.2f s | %,.0f | %.2f s | %,.0f | %.1f× |%n",
                    format, bytes / 1048576.0, rows, invalid, created, rejected, nanos / 1e9, rows / (nanos / 1e9), parseNanos / 1e9,
                    rows / (parseNanos / 1e9), (double) nanos / parseNanos));
        }

        void total(long nanos) {
            total = String.format(Locale.ROOT, "Whole benchmark (seeding included, application start-up excluded): %.1f min.%n", nanos / 6e10);
        }

        String markdown() {
            return "## Catalogue registry benchmark\n\n" + machine + "\n### Seeding\n\n" + seeding + "\n### Search latency\n\n" + searching
                    + "\nBy query kind (slowest in-process p99 first):\n\n" + kinds + "\n### Bulk import\n\n" + importing + "\n" + total;
        }

        private static String row(String label, long[] nanos, long wall) {
            return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %.0f |%n", label, nanos.length, ms(pct(nanos, 0.5)),
                    ms(pct(nanos, 0.9)), ms(pct(nanos, 0.99)), ms(max(nanos)), ms(mean(nanos)), nanos.length / (wall / 1e9));
        }

        static long[] select(long[] values, List<Integer> idx) {
            long[] out = new long[idx.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[idx.get(i)];
            }
            return out;
        }

        static double pct(long[] values, double q) {
            long[] s = values.clone();
            Arrays.sort(s);
            int i = (int) Math.ceil(q * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, i))];
        }

        static double max(long[] values) {
            return Arrays.stream(values).max().orElse(0);
        }

        static double mean(long[] values) {
            return Arrays.stream(values).average().orElse(0);
        }

        static String ms(double nanos) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
    }
}
