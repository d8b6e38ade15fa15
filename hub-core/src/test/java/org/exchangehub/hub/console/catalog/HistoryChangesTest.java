package org.exchangehub.hub.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.hub.console.catalog.HistoryChanges.Change;
import org.junit.jupiter.api.Test;

class HistoryChangesTest {

    @Test
    void plainFieldsBecomeOneRowEachWithListsJoined() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", Map.of("from", "企业登记信息", "to", "企业登记与变更信息"));
        changes.put("relatedItemCodes", Map.of("from", List.of(), "to", List.of("A-1", "A-2")));
        HashMap<String, Object> cleared = new HashMap<>();
        cleared.put("from", "仅限监管用途");
        cleared.put("to", null);
        changes.put("shareConditions", cleared);

        assertThat(HistoryChanges.of(changes)).containsExactly(
                new Change("name", null, "企业登记信息", "企业登记与变更信息"),
                new Change("relatedItemCodes", null, "—", "A-1, A-2"),
                new Change("shareConditions", null, "仅限监管用途", "—"));
    }

    @Test
    void dataItemsAreComparedItemByItemByName() {
        Map<String, Object> code = item("统一社会信用代码", 18, false);
        Map<String, Object> idBefore = item("法定代表人身份证号", 18, false);
        Map<String, Object> idAfter = item("法定代表人身份证号", 18, true);
        Map<String, Object> removed = item("注册资本", null, false);
        Map<String, Object> added = item("经营范围", 2000, false);
        Map<String, Object> changes = Map.of("dataItems", Map.of(
                "from", List.of(code, idBefore, removed),
                "to", List.of(code, idAfter, added)));

        assertThat(HistoryChanges.of(changes)).containsExactly(
                new Change("dataItems", "法定代表人身份证号", "STRING(18)", "STRING(18) ⚠"),
                new Change("dataItems", "注册资本", "STRING", "—"),
                new Change("dataItems", "经营范围", "—", "STRING(2000)"));
    }

    @Test
    void noChangesRecordedMeansNoRows() {
        assertThat(HistoryChanges.of(null)).isEmpty();
    }

    private static Map<String, Object> item(String name, Integer length, boolean sensitive) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("code", null);
        m.put("type", "STRING");
        m.put("length", length);
        m.put("sensitive", sensitive);
        m.put("description", null);
        return m;
    }
}
