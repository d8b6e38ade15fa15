package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSearchIT extends HubIntegrationTest {

    @Test
    void chineseQueryFindsEntriesByNameAbstractAndDataItemsBestMatchFirst() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String byName = publish(officer, licenceEntry("企业营业执照信息", List.of()));
        Map<String, Object> inItems = new HashMap<>(licenceEntry("市场主体年报信息", List.of()));
        inItems.put("abstract", "企业年度报告公示信息");
        inItems.put("dataItems", List.of(Map.of("name", "营业执照注册号", "type", "STRING", "length", 15)));
        String byItem = publish(officer, inItems);
        Map<String, Object> unrelated = new HashMap<>(licenceEntry("食品经营许可证信息", List.of()));
        unrelated.put("abstract", "食品经营许可证的编号、经营者名称和有效期");
        unrelated.put("dataItems", List.of(Map.of("name", "许可证编号", "type", "STRING", "length", 30)));
        publish(officer, unrelated);

        var hits = officer.get("/api/catalog/entries?q=营业执照&department=" + dept).body();
        assertThat(hits.path("items").findValuesAsText("resourceCode")).containsExactly(byName, byItem);
        assertThat(hits.path("items").get(0).path("score").asDouble())
                .isGreaterThan(hits.path("items").get(1).path("score").asDouble());
        assertThat(hits.path("total").asLong()).isEqualTo(2);

        assertThat(officer.get("/api/catalog/entries?q=许可&department=" + dept).body().path("items").findValuesAsText("name"))
                .containsExactly("食品经营许可证信息");
        assertThat(officer.get("/api/catalog/entries?q=照&department=" + dept).body().path("total").asLong())
                .as("a single character matches too").isEqualTo(2);
    }

    @Test
    void filtersAndPagesNarrowTheHits() {
        String dept = createDepartment("酒泉市自然资源局");
        HubApi officer = as("officer", "dept-editor", dept);
        for (int i = 1; i <= 5; i++) {
            publish(officer, licenceEntry("不动产登记信息" + i, List.of()));
        }
        Map<String, Object> conditional = new HashMap<>(licenceEntry("不动产抵押信息", List.of()));
        conditional.put("shareType", "CONDITIONAL");
        conditional.put("shareConditions", "仅限不动产登记和金融监管用途");
        conditional.put("classificationCode", "3-02-01");
        publish(officer, conditional);
        officer.post("/api/catalog/entries", licenceEntry("不动产草稿", List.of()));

        var page0 = officer.get("/api/catalog/entries?q=不动产&department=" + dept + "&status=PUBLISHED&size=4&page=0").body();
        var page1 = officer.get("/api/catalog/entries?q=不动产&department=" + dept + "&status=PUBLISHED&size=4&page=1").body();
        assertThat(page0.path("total").asLong()).isEqualTo(6);
        assertThat(page0.path("items")).hasSize(4);
        assertThat(page1.path("items")).hasSize(2);
        assertThat(officer.get("/api/catalog/entries?department=" + dept + "&shareType=CONDITIONAL").body()
                .path("items").findValuesAsText("name")).containsExactly("不动产抵押信息");
        assertThat(officer.get("/api/catalog/entries?department=" + dept + "&classification=3-02").body()
                .path("items").findValuesAsText("name")).containsExactly("不动产抵押信息");
        assertThat(officer.get("/api/catalog/entries?department=" + dept + "&status=DRAFT").body()
                .path("items").findValuesAsText("name")).containsExactly("不动产草稿");
    }

    @Test
    void hitsSortByNameResourceCodeOrUpdateTimeWhenAsked() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String yi = publish(officer, licenceEntry("乙类营业执照信息", List.of()));
        String jia = publish(officer, licenceEntry("甲类营业执照信息", List.of()));
        // matches by its abstract only
        String bing = publish(officer, licenceEntry("丙类企业登记信息", List.of()));
        String query = "/api/catalog/entries?q=营业执照&department=" + dept;

        assertThat(codes(officer, query)).as("best match first by default").containsExactly(yi, jia, bing);
        // by pinyin: 丙 bǐng < 甲 jiǎ < 乙 yǐ (by code point it would be 丙 < 乙 < 甲)
        var byName = officer.get(query + "&sort=name").body();
        assertThat(byName.path("items").findValuesAsText("resourceCode")).containsExactly(bing, jia, yi);
        assertThat(byName.path("items").get(0).path("score").asDouble()).as("still scored as the match it is").isEqualTo(0.5);
        assertThat(byName.path("items").get(1).path("score").asDouble()).isEqualTo(1.0);
        assertThat(codes(officer, query + "&sort=name&dir=desc")).containsExactly(yi, jia, bing);
        assertThat(codes(officer, query + "&sort=resourceCode")).containsExactly(yi, jia, bing);
        assertThat(codes(officer, query + "&sort=updated")).as("newest first").containsExactly(bing, jia, yi);
        assertThat(codes(officer, query + "&sort=name&size=2&page=1")).containsExactly(yi);
        assertThat(codes(officer, "/api/catalog/entries?department=" + dept + "&sort=name")).as("without text too")
                .containsExactly(bing, jia, yi);
        assertThat(officer.get(query + "&sort=popularity").errorFields()).containsExactly("sort");
    }

    private static List<String> codes(HubApi api, String path) {
        return api.get(path).body().path("items").findValuesAsText("resourceCode");
    }

    @Test
    void badSearchParametersAreNamed() {
        var answer = reviewer().get("/api/catalog/entries?q=!!!&shareType=SOMETIMES&size=1000");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("q", "shareType", "size");
        assertThat(reviewer().get("/api/catalog/entries?classification=3-01%25").errorFields()).containsExactly("classification");
        assertThat(reviewer().get("/api/catalog/entries?page=x").errorFields()).containsExactly("page");
    }

}
