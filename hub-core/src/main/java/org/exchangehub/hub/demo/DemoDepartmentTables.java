package org.exchangehub.hub.demo;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables of the demo's fictional department systems, in the hub's own database standing in for theirs (as in
 * docs/return-flow-walkthrough.md): the business system's case table {@code ywxt.ywxt_banjian} that source
 * {@code jq-ywxt} polls, and the natural resources bureau's estate register {@code demo_bdc.bdc_djxx} behind the TABLE
 * mount of 不动产登记信息. The demo plays those departments writing their own tables; the hub's schema (Flyway, the
 * registry's and the return flow's services) is never touched here.
 */
class DemoDepartmentTables {

    static final String CASE_TABLE = "ywxt.ywxt_banjian";

    private final JdbcTemplate jdbc;

    DemoDepartmentTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the tables if missing and fills the estate register once. */
    void create() {
        jdbc.execute("create schema if not exists ywxt");
        jdbc.execute("""
                create table if not exists ywxt.ywxt_banjian (id bigserial primary key, case_no varchar(64) not null,
                  item_code varchar(64), item_name varchar(200), applicant_type char(1), applicant_name varchar(100),
                  id_type varchar(16), id_no varchar(32), dept_code varchar(18), region_code varchar(6), channel char(1),
                  submitted_at timestamp, accepted_at timestamp, decided_at timestamp, completed_at timestamp,
                  promise_days int, legal_days int, status char(1) not null, result varchar(8), updated_at timestamp not null)""");
        jdbc.execute("create schema if not exists demo_bdc");
        jdbc.execute("""
                create table if not exists demo_bdc.bdc_djxx (bdcdyh varchar(28) primary key, bdcqzh varchar(50) not null,
                  qlr varchar(100) not null, qlrzjh varchar(18) not null, zl varchar(300) not null, jzmj numeric(10,2),
                  djsj timestamp not null)""");
        Integer rows = jdbc.queryForObject("select count(*) from demo_bdc.bdc_djxx", Integer.class);
        if (rows != null && rows == 0) {
            Random random = new Random(6209002);
            for (int i = 1; i <= 12; i++) {
                // 不动产单元号 (GB/T 37346): region, cadastral zone and subzone, parcel (GB + number), building (F + number): 28 characters
                String unit = String.format("620902%03d%03dGB%05dF%08d", 1 + random.nextInt(12), 1 + random.nextInt(20),
                        1 + random.nextInt(9000), 10001 + i);
                LocalDateTime registered = LocalDateTime.of(2019, 1, 1, 9, 0).plusDays(random.nextInt(2500)).plusMinutes(random.nextInt(480));
                jdbc.update("insert into demo_bdc.bdc_djxx (bdcdyh, bdcqzh, qlr, qlrzjh, zl, jzmj, djsj) values (?, ?, ?, ?, ?, ?, ?)",
                        unit, "甘(" + registered.getYear() + ")酒泉市不动产权第" + String.format("%07d", 1000 + random.nextInt(9000000)) + "号",
                        DemoPeople.personName(random), DemoPeople.residentId(random), DemoPeople.address(random),
                        new java.math.BigDecimal(60 + random.nextInt(120) + "." + random.nextInt(100)), Timestamp.valueOf(registered));
            }
        }
    }

    /** The business system records cases, as it would in its own database. */
    void insertCases(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            String columns = String.join(", ", row.keySet());
            String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
            jdbc.update("insert into " + CASE_TABLE + " (" + columns + ") values (" + marks + ")", row.values().toArray());
        }
    }
}
