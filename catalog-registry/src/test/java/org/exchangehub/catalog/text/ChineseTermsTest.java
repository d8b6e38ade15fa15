package org.exchangehub.catalog.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseTermsTest {

    @Test
    void indexesEveryCharacterAndEveryPairOfAChineseRun() {
        assertThat(terms(ChineseTerms.forIndex("营业执照"))).containsExactly("营", "业", "执", "照", "营业", "业执", "执照");
    }

    @Test
    void queryPairsAreAllContainedInTheIndexOfALongerName() {
        List<String> index = terms(ChineseTerms.forIndex("企业营业执照信息"));
        assertThat(index).containsAll(terms(ChineseTerms.forQuery("营业执照")));
        assertThat(terms(ChineseTerms.forQuery("营业执照"))).containsExactly("营业", "业执", "执照");
    }

    @Test
    void singleCharacterQueryStaysItself() {
        assertThat(ChineseTerms.forQuery("照")).isEqualTo("照");
    }

    @Test
    void latinWordsAndDigitsAreLowerCasedWholeWordsAndPunctuationSplits() {
        assertThat(terms(ChineseTerms.forQuery("API 接口，ＧＢ32100"))).containsExactly("api", "接口", "gb32100");
    }

    @Test
    void nothingSearchableGivesNoTerms() {
        assertThat(ChineseTerms.forQuery("!!! ，。")).isEmpty();
        assertThat(ChineseTerms.forIndex(null)).isEmpty();
    }

    private static List<String> terms(String s) {
        return Arrays.asList(s.split(" "));
    }
}
