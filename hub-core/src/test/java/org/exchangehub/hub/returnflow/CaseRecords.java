package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.catalog.code.ResidentIdNumber;

/** Realistic case records of the demo city's sources (shared/SCENARIOS.md), valid unless a test breaks them. */
public final class CaseRecords {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private CaseRecords() {
    }

    public static String residentId() {
        String first17 = "620902" + (1960 + ThreadLocalRandom.current().nextInt(40)) + "0307" + (100 + ThreadLocalRandom.current().nextInt(900));
        return first17 + ResidentIdNumber.checkCharacterFor(first17);
    }

    public static String withWrongCheckCharacter(String id) {
        char c = id.charAt(17);
        return id.substring(0, 17) + (c == '1' ? '2' : '1');
    }

    /**
     * The self-built approval system's nested JSON (jq-approval, HTTP): accepted yesterday morning, completed an hour
     * later, revision {@code rev}.
     */
    static ObjectNode selfBuilt(String caseNo, String item, String department, int rev) {
        return selfBuilt(caseNo, item, department, rev, residentId());
    }

    /** The same with the applicant's ID number given (a wrong one, or one a test looks for masked). */
    public static ObjectNode selfBuilt(String caseNo, String item, String department, int rev, String idNumber) {
        long accepted = LocalDateTime.now(BEIJING).minusDays(1).withHour(9).withMinute(30).withSecond(0).withNano(0)
                .atZone(BEIJING).toInstant().toEpochMilli();
        ObjectNode r = JSON.createObjectNode();
        r.put("caseNo", caseNo);
        r.putObject("item").put("code", item).put("name", "测试事项");
        ObjectNode applicant = r.putObject("applicant").put("kind", "person").put("name", "张三");
        applicant.putObject("id").put("type", "IDCARD").put("number", idNumber);
        r.put("dept", department);
        r.put("region", 620900);
        r.put("channel", "window");
        r.put("state", "C");
        r.put("result", "approved");
        r.putArray("stages").add(JSON.createObjectNode().put("name", "submit").put("time", accepted - 900_000))
                .add(JSON.createObjectNode().put("name", "accept").put("time", accepted));
        r.put("completedTime", accepted + 3_600_000);
        r.put("promiseDays", 3);
        r.put("legalDays", 15);
        r.put("rev", rev);
        r.put("modified", accepted + 3_600_000 + rev * 1000L);
        return r;
    }

    /** The provincial vertical system's flat JSON (provincial-vertical, Kafka), completed yesterday. */
    static ObjectNode provincial(String caseNo, String item, String department) {
        LocalDateTime accepted = LocalDateTime.now(BEIJING).minusDays(1).withHour(9).withMinute(30).withSecond(11).withNano(0);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        ObjectNode r = JSON.createObjectNode();
        r.put("SBLSH", caseNo);
        r.put("SXBM", item);
        r.put("SXMC", "测试事项");
        r.put("SQRLX", "1");
        r.put("SQRMC", "李四");
        r.put("SQRZJLX", "10");
        r.put("SQRZJHM", residentId());
        r.put("SLBMDM", department);
        r.put("XZQHDM", "620900");
        r.put("SBQD", "1");
        r.put("SQSJ", accepted.minusMinutes(15).format(f));
        r.put("SLSJ", accepted.format(f));
        r.put("BJSJ", accepted.plusMinutes(45).format(f));
        r.put("CNBJSX", "3");
        r.put("FDBJSX", "15");
        r.put("BLZT", "6");
        r.put("BJJG", "1");
        r.put("GXSJ", accepted.plusMinutes(46).format(f));
        return r;
    }
}
