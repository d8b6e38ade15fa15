package org.exchangehub.catalog.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class PinyinOrderTest {

    @Test
    void sortsChineseNamesByPinyinNotByCodePoint() {
        List<String> names = new ArrayList<>(List.of("张掖市", "酒泉市自然资源局", "阿克塞哈萨克族自治县", "北京", "敦煌市", "安徽", "肃州区"));
        names.sort(PinyinOrder.names());
        assertThat(names).containsExactly("阿克塞哈萨克族自治县", "安徽", "北京", "敦煌市", "酒泉市自然资源局", "肃州区", "张掖市");
    }

    @Test
    void sortsAColumnThroughThePinyinCollation() {
        var name = DSL.field(DSL.name("name"), String.class);
        String sql = DSL.using(SQLDialect.POSTGRES).render(DSL.select(name).from(DSL.table(DSL.name("department")))
                .orderBy(PinyinOrder.of(name)));
        // quoted as created by migration V5 (unquoted, so lower case)
        assertThat(sql).endsWith("order by ((\"name\") collate \"pinyin\")");
    }
}
