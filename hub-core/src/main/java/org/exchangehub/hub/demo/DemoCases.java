package org.exchangehub.hub.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.item.ServiceItem;

/**
 * Realistic case records of the demo city, in the shapes of its four return-flow sources (shared/SCENARIOS.md):
 * the provincial vertical system's pinyin JSON, the market regulator's approval system's nested JSON, the business
 * system's table rows and the provincial daily CSV. A small share carries one of the faults met in the field. Pure
 * functions of a random generator, so a test can pin them down.
 */
final class DemoCases {

    private DemoCases() {
    }

    /** The faults SCENARIOS.md lists that live in one record (a case sent twice is the sender's, a missing case the manifest's). */
    enum Fault { NONE, WRONG_CHECK_CHARACTER, UNKNOWN_ITEM, COMPLETED_BEFORE_ACCEPTED, COMPLETED_WITHOUT_TIME, SENT_TWICE }

    /** An item code in no item list (SCENARIOS.md's sample record carries it). */
    static final String UNKNOWN_ITEM_CODE = "11620900MB0000000X4000117001";

    enum Stage { ACCEPTED, UNDER_REVIEW, COMPLETED }

    /**
     * One case as the demo city handled it; times in Beijing time.
     *
     * @param completedAt null while open, and for the fault COMPLETED_WITHOUT_TIME
     */
    record DemoCase(String caseNumber, String itemCode, String itemName, String departmentCode, boolean organisation,
                    String applicantName, String idNumber, int channel, LocalDateTime submittedAt, LocalDateTime acceptedAt,
                    LocalDateTime completedAt, Stage stage, int promiseDays, int legalDays, Fault fault) {

        LocalDateTime updatedAt() {
            LocalDateTime last = completedAt != null && completedAt.isAfter(acceptedAt) ? completedAt : acceptedAt;
            return last.plusMinutes(1);
        }

        /** The same case completed at the given time: the update a source sends later, with a newer update time. */
        DemoCase completed(LocalDateTime at) {
            return new DemoCase(caseNumber, itemCode, itemName, departmentCode, organisation, applicantName, idNumber, channel,
                    submittedAt, acceptedAt, at, Stage.COMPLETED, promiseDays, legalDays, Fault.NONE);
        }
    }

    /**
     * A new case of one of the items.
     *
     * @param acceptedAt  when it was accepted
     * @param completedAt when it was completed, or null for a case still open
     */
    static DemoCase next(RandomGenerator random, String caseNumber, List<ServiceItem> items, boolean personsOnly,
                         LocalDateTime acceptedAt, LocalDateTime completedAt, double faultRate) {
        ServiceItem item = items.get(random.nextInt(items.size()));
        boolean organisation = !personsOnly && item.itemCode().startsWith(DemoCity.MARKET)
                && !item.itemCode().equals(DemoCity.INDIVIDUAL_BUSINESS) && random.nextInt(5) > 0;
        DemoCompanies.Company company = organisation ? DemoCompanies.all().get(random.nextInt(DemoCompanies.all().size())) : null;
        String name = organisation ? company.name() : DemoPeople.personName(random);
        String id = organisation ? company.creditCode() : DemoPeople.residentId(random);
        Fault fault = random.nextDouble() < faultRate ? Fault.values()[1 + random.nextInt(Fault.values().length - 1)] : Fault.NONE;
        String itemCode = item.itemCode();
        Stage stage = completedAt == null ? (random.nextBoolean() ? Stage.ACCEPTED : Stage.UNDER_REVIEW) : Stage.COMPLETED;
        switch (fault) {
            case WRONG_CHECK_CHARACTER -> id = organisation ? id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')
                    : DemoPeople.withWrongCheckCharacter(id);
            case UNKNOWN_ITEM -> itemCode = UNKNOWN_ITEM_CODE;
            case COMPLETED_BEFORE_ACCEPTED -> {
                stage = Stage.COMPLETED;
                completedAt = acceptedAt.minusMinutes(10 + random.nextInt(50));
            }
            case COMPLETED_WITHOUT_TIME -> {
                stage = Stage.COMPLETED;
                completedAt = null;
            }
            default -> {
            }
        }
        int promise = item.itemCode().equals(DemoCity.ESTATE_TRANSFER) || item.itemCode().equals(DemoCity.ESTATE_FIRST) ? 5
                : item.category() == org.exchangehub.catalog.item.ServiceItemCategory.PUBLIC_SERVICE ? 3 : 2;
        return new DemoCase(caseNumber, itemCode, item.name(), item.departmentCode(), organisation, name, id,
                1 + random.nextInt(3), acceptedAt.minusMinutes(5 + random.nextInt(90)), acceptedAt, completedAt, stage, promise,
                promise * 4, fault);
    }

    private static final DateTimeFormatter PINYIN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm");

    /** The provincial vertical system's message (source provincial-vertical, Kafka). */
    static ObjectNode provincialVertical(DemoCase c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("SBLSH", c.caseNumber());
        n.put("SXBM", c.itemCode());
        n.put("SXMC", c.itemName());
        n.put("SQRLX", c.organisation() ? "2" : "1");
        n.put("SQRMC", c.applicantName());
        n.put("SQRZJLX", c.organisation() ? "01" : "10");
        n.put("SQRZJHM", c.idNumber());
        n.put("SLBMDM", c.departmentCode());
        n.put("XZQHDM", DemoCity.REGION);
        n.put("SBQD", String.valueOf(c.channel()));
        n.put("SQSJ", PINYIN_TIME.format(c.submittedAt()));
        n.put("SLSJ", PINYIN_TIME.format(c.acceptedAt()));
        if (c.completedAt() != null) {
            n.put("BJSJ", PINYIN_TIME.format(c.completedAt()));
        }
        n.put("CNBJSX", String.valueOf(c.promiseDays()));
        n.put("FDBJSX", String.valueOf(c.legalDays()));
        n.put("BLZT", switch (c.stage()) {
            case ACCEPTED -> "2";
            case UNDER_REVIEW -> "3";
            case COMPLETED -> "6";
        });
        if (c.stage() == Stage.COMPLETED) {
            n.put("BJJG", "1");
        }
        n.put("GXSJ", PINYIN_TIME.format(c.updatedAt()));
        return n;
    }

    private static long millis(LocalDateTime t) {
        return t.atZone(BureauCalendar.ZONE).toInstant().toEpochMilli();
    }

    /** The market regulator's approval system's record (source jq-approval, HTTP batches). */
    static ObjectNode approvalSystem(DemoCase c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("caseNo", c.caseNumber());
        n.putObject("item").put("code", c.itemCode()).put("name", c.itemName());
        ObjectNode applicant = n.putObject("applicant");
        applicant.put("kind", c.organisation() ? "org" : "person").put("name", c.applicantName());
        applicant.putObject("id").put("type", c.organisation() ? "USCC" : "IDCARD").put("number", c.idNumber());
        n.put("dept", c.departmentCode());
        n.put("region", Integer.parseInt(DemoCity.REGION));
        n.put("channel", switch (c.channel()) {
            case 1 -> "web";
            case 2 -> "window";
            default -> "app";
        });
        n.put("state", switch (c.stage()) {
            case ACCEPTED -> "A";
            case UNDER_REVIEW -> "R";
            case COMPLETED -> "C";
        });
        if (c.stage() == Stage.COMPLETED) {
            n.put("result", "approved");
        }
        var stages = n.putArray("stages");
        stages.addObject().put("name", "submit").put("time", millis(c.submittedAt()));
        stages.addObject().put("name", "accept").put("time", millis(c.acceptedAt()));
        if (c.completedAt() != null) {
            n.put("completedTime", millis(c.completedAt()));
        }
        n.put("promiseDays", c.promiseDays());
        n.put("legalDays", c.legalDays());
        n.put("rev", c.stage() == Stage.COMPLETED ? 2 : 1);
        n.put("modified", millis(c.updatedAt()));
        return n;
    }

    /** The business system's row of ywxt.ywxt_banjian (source jq-ywxt), as JDBC hands it over (without its id). */
    static Map<String, Object> businessSystemRow(DemoCase c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case_no", c.caseNumber());
        row.put("item_code", c.itemCode());
        row.put("item_name", c.itemName());
        row.put("applicant_type", c.organisation() ? "O" : "P");
        row.put("applicant_name", c.applicantName());
        row.put("id_type", c.organisation() ? "USCC" : "IDCARD");
        row.put("id_no", c.idNumber());
        row.put("dept_code", c.departmentCode());
        row.put("region_code", DemoCity.REGION);
        row.put("channel", switch (c.channel()) {
            case 1 -> "O";
            case 2 -> "W";
            default -> "M";
        });
        row.put("submitted_at", Timestamp.valueOf(c.submittedAt()));
        row.put("accepted_at", Timestamp.valueOf(c.acceptedAt()));
        row.put("decided_at", null);
        row.put("completed_at", c.completedAt() == null ? null : Timestamp.valueOf(c.completedAt()));
        row.put("promise_days", c.promiseDays());
        row.put("legal_days", c.legalDays());
        row.put("status", switch (c.stage()) {
            case ACCEPTED -> "A";
            case UNDER_REVIEW -> "R";
            case COMPLETED -> "C";
        });
        row.put("result", c.stage() == Stage.COMPLETED ? "1" : null);
        row.put("updated_at", Timestamp.valueOf(c.updatedAt()));
        return row;
    }

    static final List<String> DAILY_HEADER = List.of("办件编号", "事项编码", "事项名称", "申请人姓名", "身份证号", "受理部门", "受理时间",
            "办结时间", "办理状态");

    /** The provincial daily file's row (source provincial-daily), by its Chinese headers. */
    static Map<String, Object> dailyFileRow(DemoCase c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("办件编号", c.caseNumber());
        row.put("事项编码", c.itemCode());
        row.put("事项名称", c.itemName());
        row.put("申请人姓名", c.applicantName());
        row.put("身份证号", c.idNumber());
        row.put("受理部门", DemoCity.DEPARTMENTS.stream().filter(d -> d.code().equals(c.departmentCode())).findFirst()
                .orElseThrow().name());
        row.put("受理时间", CSV_TIME.format(c.acceptedAt()));
        row.put("办结时间", c.completedAt() == null ? "" : CSV_TIME.format(c.completedAt()));
        row.put("办理状态", switch (c.stage()) {
            case ACCEPTED -> "已受理";
            case UNDER_REVIEW -> "审查中";
            case COMPLETED -> "已办结";
        });
        return row;
    }

    /** A CSV line of the row; the demo's values hold no commas or quotes. */
    static String csvLine(Map<String, Object> row) {
        return String.join(",", row.values().stream().map(String::valueOf).toList());
    }
}
