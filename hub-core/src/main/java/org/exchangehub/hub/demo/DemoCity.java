package org.exchangehub.hub.demo;

import java.util.List;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryDraft.DataItemDraft;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;

/**
 * The demo city of shared/SCENARIOS.md (酒泉市, 620900): its departments, service items and catalogue. Department codes
 * are those of the development realm's users (keycloak/exchange-hub-realm.json), so that zhang.san, wang.wu, zhao.liu
 * and li.si see their own department's data. All names, companies and people are made up.
 */
final class DemoCity {

    private DemoCity() {
    }

    static final String REGION = "620900";

    static final String MARKET = "11620900MB00000013";
    static final String NATURAL_RESOURCES = "11620900MB00000026";
    static final String HUMAN_RESOURCES = "11620900MB00000039";
    static final String HEALTH = "11620900MB0000004C";
    static final String DATA_BUREAU = "11620900MB0000005F";

    static final List<Department> DEPARTMENTS = List.of(
            new Department(MARKET, "酒泉市市场监督管理局", REGION),
            new Department(NATURAL_RESOURCES, "酒泉市自然资源局", REGION),
            new Department(HUMAN_RESOURCES, "酒泉市人力资源和社会保障局", REGION),
            new Department(HEALTH, "酒泉市卫生健康委员会", REGION),
            new Department(DATA_BUREAU, "酒泉市数据局", REGION));

    static final String ENTERPRISE_REGISTRATION = MARKET + "400011700001";
    static final String FOOD_LICENCE = MARKET + "400011700002";
    static final String INDIVIDUAL_BUSINESS = MARKET + "400011700003";
    static final String ESTATE_FIRST = NATURAL_RESOURCES + "400011700001";
    static final String ESTATE_TRANSFER = NATURAL_RESOURCES + "400011700002";
    static final String SOCIAL_SECURITY_CARD = HUMAN_RESOURCES + "400011700001";
    static final String UNEMPLOYMENT = HUMAN_RESOURCES + "400011700002";
    static final String BIRTH_CERTIFICATE = HEALTH + "400011700001";
    static final String PHYSICIAN_REGISTRATION = HEALTH + "400011700002";

    /**
     * Nine items; the health commission's two have no entry yet, so coverage shows 2 of 9 uncovered (SCENARIOS.md,
     * the newcomer's walk). The first eight are docs/demo/service-items.csv; 医师执业注册 is the ninth.
     */
    static final List<ServiceItem> ITEMS = List.of(
            new ServiceItem(ENTERPRISE_REGISTRATION, "企业设立登记", ServiceItemCategory.ADMINISTRATIVE_POWER, MARKET),
            new ServiceItem(FOOD_LICENCE, "食品经营许可", ServiceItemCategory.ADMINISTRATIVE_POWER, MARKET),
            new ServiceItem(INDIVIDUAL_BUSINESS, "个体工商户注册登记", ServiceItemCategory.ADMINISTRATIVE_POWER, MARKET),
            new ServiceItem(ESTATE_FIRST, "不动产首次登记", ServiceItemCategory.ADMINISTRATIVE_POWER, NATURAL_RESOURCES),
            new ServiceItem(ESTATE_TRANSFER, "不动产转移登记", ServiceItemCategory.ADMINISTRATIVE_POWER, NATURAL_RESOURCES),
            new ServiceItem(SOCIAL_SECURITY_CARD, "社会保障卡申领", ServiceItemCategory.PUBLIC_SERVICE, HUMAN_RESOURCES),
            new ServiceItem(UNEMPLOYMENT, "失业登记", ServiceItemCategory.PUBLIC_SERVICE, HUMAN_RESOURCES),
            new ServiceItem(BIRTH_CERTIFICATE, "出生医学证明办理", ServiceItemCategory.PUBLIC_SERVICE, HEALTH),
            new ServiceItem(PHYSICIAN_REGISTRATION, "医师执业注册", ServiceItemCategory.ADMINISTRATIVE_POWER, HEALTH));

    static final String BUSINESS_LICENCE = "企业营业执照信息";
    static final String FOOD_LICENCE_ENTRY = "食品经营许可证信息";
    static final String ESTATE_ENTRY = "不动产登记信息";
    static final String INSURED_ENTRY = "参保人员信息";
    static final String INDIVIDUAL_BUSINESS_ENTRY = "个体工商户登记信息";
    static final String LAND_SUPPLY_ENTRY = "国有建设用地供应信息";

    /** The operation of the demo provider's licence service (demo/hub-demo.yml, connector demo-market-licence). */
    static final String LICENCE_CONNECTOR = "demo-market-licence";
    static final String LICENCE_OPERATION = "queryByCreditCode";

    /** The natural resources bureau's estate register, a table in the demo provider database (demo/hub-demo.yml). */
    static final String ESTATE_DATASOURCE = "demo-estate-db";
    static final String ESTATE_TABLE = "demo_bdc.bdc_djxx";

    private static DataItemDraft item(String name, String code, String type, Integer length, boolean sensitive, String description) {
        return new DataItemDraft(name, code, type, length, sensitive, description);
    }

    /** Published by the market regulator, mounted as an API of its licence service; unconditional. */
    static EntryDraft businessLicence() {
        return new EntryDraft(MARKET, "DEPARTMENT", "3-01-02", BUSINESS_LICENCE,
                "登记机关核发的企业营业执照主要信息，包括统一社会信用代码、企业名称、法定代表人、住所、成立日期和登记状态，用于企业主体资格核验",
                "INTERFACE", "UNCONDITIONAL", null, null, "INTERFACE", "NOT_OPEN", null, "REAL_TIME",
                List.of(item("统一社会信用代码", "tyshxydm", "STRING", 18, false, "GB 32100"),
                        item("企业名称", "qymc", "STRING", 200, false, null),
                        item("法定代表人", "fddbr", "STRING", 50, false, null),
                        item("法定代表人身份证号", "fddbrsfzh", "STRING", 18, true, "公民身份号码，GB 11643"),
                        item("住所", "zs", "STRING", 300, false, null),
                        item("成立日期", "clrq", "DATE", null, false, null),
                        item("登记状态", "djzt", "STRING", 10, false, "存续、在业、吊销、注销")),
                List.of(ENTERPRISE_REGISTRATION, INDIVIDUAL_BUSINESS), List.of());
    }

    /** Published by the market regulator, conditional; offered as a daily file set. */
    static EntryDraft foodLicence() {
        return new EntryDraft(MARKET, "DEPARTMENT", "3-01-03", FOOD_LICENCE_ENTRY,
                "食品经营许可证的编号、经营者名称、经营场所、主体业态和有效期",
                "DATABASE", "CONDITIONAL", "仅限市场监管、卫生监督、执法和政务服务用途", null, "FILE", "NOT_OPEN", null, "DAILY",
                List.of(item("许可证编号", "xkzbh", "STRING", 30, false, "JY + 14 位数字"),
                        item("经营者名称", "jyzmc", "STRING", 200, false, null),
                        item("统一社会信用代码", "tyshxydm", "STRING", 18, false, null),
                        item("法定代表人（负责人）", "fddbr", "STRING", 50, false, null),
                        item("经营场所", "jycs", "STRING", 300, false, null),
                        item("主体业态", "ztyt", "STRING", 50, false, "食品销售经营者、餐饮服务经营者、单位食堂"),
                        item("有效期至", "yxqz", "DATE", null, false, null)),
                List.of(FOOD_LICENCE), List.of());
    }

    /** Published by the natural resources bureau, conditional, mounted as a table of its register. */
    static EntryDraft estate() {
        return new EntryDraft(NATURAL_RESOURCES, "DEPARTMENT", "3-02-01", ESTATE_ENTRY,
                "不动产单元、权利人、坐落、面积和登记簿信息，供不动产交易、司法查控和金融监管核验",
                "DATABASE", "CONDITIONAL", "仅限不动产交易、司法和金融监管用途", null, "TABLE_EXCHANGE", "NOT_OPEN", null, "REAL_TIME",
                List.of(item("不动产单元号", "bdcdyh", "STRING", 28, false, "GB/T 37346"),
                        item("不动产权证书号", "bdcqzh", "STRING", 50, false, null),
                        item("权利人", "qlr", "STRING", 100, false, null),
                        item("权利人证件号", "qlrzjh", "STRING", 18, true, "公民身份号码或统一社会信用代码"),
                        item("坐落", "zl", "STRING", 300, false, null),
                        item("建筑面积", "jzmj", "DECIMAL", null, false, "平方米"),
                        item("登记时间", "djsj", "DATETIME", null, false, null)),
                List.of(ESTATE_FIRST, ESTATE_TRANSFER), List.of());
    }

    /** Published by the human resources bureau, conditional; ID numbers sensitive. Not mounted yet (应挂尽挂 shows it). */
    static EntryDraft insuredPersons() {
        return new EntryDraft(HUMAN_RESOURCES, "DEPARTMENT", "3-03-01", INSURED_ENTRY,
                "参保人员的身份信息、参保险种、参保状态和缴费情况",
                "INTERFACE", "CONDITIONAL", "仅限社会保障、就业服务和社会救助用途，须经本人授权或依法定职责", null,
                "INTERFACE", "NOT_OPEN", null, "MONTHLY",
                List.of(item("姓名", "xm", "STRING", 50, false, null),
                        item("公民身份号码", "gmsfhm", "STRING", 18, true, "GB 11643"),
                        item("社会保障卡号", "sbkh", "STRING", 20, true, null),
                        item("参保险种", "cbxz", "STRING", 20, false, "企业职工基本养老保险、失业保险、工伤保险"),
                        item("参保状态", "cbzt", "STRING", 2, false, "1 正常参保 / 2 暂停缴费 / 3 终止参保"),
                        item("参保日期", "cbrq", "DATE", null, false, null),
                        item("单位名称", "dwmc", "STRING", 200, false, null)),
                List.of(SOCIAL_SECURITY_CARD, UNEMPLOYMENT), List.of());
    }

    /** Submitted by zhang.san, waiting in the reviewers' queue. */
    static EntryDraft individualBusiness() {
        return new EntryDraft(MARKET, "DEPARTMENT", "3-01-04", INDIVIDUAL_BUSINESS_ENTRY,
                "个体工商户的注册号、字号名称、经营者、经营场所和经营范围",
                "SPREADSHEET", "UNCONDITIONAL", null, null, "FILE", "NOT_OPEN", null, "WEEKLY",
                List.of(item("统一社会信用代码", "tyshxydm", "STRING", 18, false, null),
                        item("字号名称", "zhmc", "STRING", 200, false, null),
                        item("经营者姓名", "jyzxm", "STRING", 50, false, null),
                        item("经营者身份证号", "jyzsfzh", "STRING", 18, true, null),
                        item("经营场所", "jycs", "STRING", 300, false, null),
                        item("经营范围", "jyfw", "STRING", 1000, false, null)),
                List.of(INDIVIDUAL_BUSINESS), List.of());
    }

    /** A draft zhao.liu is still writing. */
    static EntryDraft landSupply() {
        return new EntryDraft(NATURAL_RESOURCES, "DEPARTMENT", "3-02-02", LAND_SUPPLY_ENTRY,
                "国有建设用地使用权出让、划拨的宗地位置、面积、用途和成交信息",
                "SPREADSHEET", "UNCONDITIONAL", null, null, "FILE", "OPEN", null, "MONTHLY",
                List.of(item("电子监管号", "dzjgh", "STRING", 30, false, null),
                        item("宗地位置", "zdwz", "STRING", 300, false, null),
                        item("面积（公顷）", "mj", "DECIMAL", null, false, null),
                        item("土地用途", "tdyt", "STRING", 50, false, null),
                        item("供地方式", "gdfs", "STRING", 20, false, "出让、划拨"),
                        item("成交价格（万元）", "cjjg", "DECIMAL", null, false, null)),
                List.of(), List.of());
    }
}
