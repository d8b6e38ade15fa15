package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePathTest {

    private static final JsonNode RECORD = Configs.json("""
            {"applicant":{"name":"张某","id":{"number":"620902198001011234"}},
             "stages":[{"time":"a"},{"time":"b"},{"time":"c"}],
             "a.b":{"c":"quoted"},
             "empty":null}""");

    private static Object at(String path, Object record) {
        Object found = SourcePath.parse(path).resolve(record);
        return found instanceof JsonNode node ? node.asText() : found;
    }

    @Test
    void followsNestedObjectNames() {
        assertThat(at("applicant.id.number", RECORD)).isEqualTo("620902198001011234");
        assertThat(at("applicant.name", RECORD)).isEqualTo("张某");
    }

    @Test
    void followsArrayIndexesCountingNegativeOnesFromTheEnd() {
        assertThat(at("stages[0].time", RECORD)).isEqualTo("a");
        assertThat(at("stages[-1].time", RECORD)).isEqualTo("c");
        assertThat(at("stages[3].time", RECORD)).isSameAs(SourcePath.MISSING);
    }

    @Test
    void readsQuotedNamesThatContainDots() {
        assertThat(at("['a.b'].c", RECORD)).isEqualTo("quoted");
        assertThat(at("[\"a.b\"].c", RECORD)).isEqualTo("quoted");
    }

    @Test
    void treatsAbsentAndNullAlikeAsMissing() {
        assertThat(at("applicant.age", RECORD)).isSameAs(SourcePath.MISSING);
        assertThat(at("empty", RECORD)).isSameAs(SourcePath.MISSING);
        assertThat(at("empty.deeper", RECORD)).isSameAs(SourcePath.MISSING);
    }

    @Test
    void reportsAPathThatRunsThroughAValueAsWrongShape() {
        SourcePath path = SourcePath.parse("applicant.name.first");
        assertThat(path.resolve(RECORD)).isSameAs(SourcePath.WRONG_SHAPE);
        assertThat(path.whereShapeDiffers(RECORD)).isEqualTo("'applicant.name' is text, not an object");
        assertThat(SourcePath.parse("applicant[0]").whereShapeDiffers(RECORD)).isEqualTo("'applicant' is an object, not an array");
    }

    @Test
    void followsMapsAndListsLikeJson() {
        Map<String, Object> row = Map.of("办件编号", "62090020261123000123",
                "stages", List.of(Map.of("time", "x"), Map.of("time", "y")));
        assertThat(at("办件编号", row)).isEqualTo("62090020261123000123");
        assertThat(at("stages[-1].time", row)).isEqualTo("y");
        assertThat(at("办件编号.x", row)).isSameAs(SourcePath.WRONG_SHAPE);
    }

    @Test
    void takesColumnNamesWithSpacesAndChineseAsTheyAre() {
        assertThat(at("Case No", Map.of("Case No", "1"))).isEqualTo("1");
    }

    @Test
    void rejectsMalformedPathsSayingWhere() {
        assertThatThrownBy(() -> SourcePath.parse("a..b")).hasMessage("empty name at character 3");
        assertThatThrownBy(() -> SourcePath.parse("a.")).hasMessage("the path ends with '.'");
        assertThatThrownBy(() -> SourcePath.parse("stages[0")).hasMessage("'[' at character 7 is not closed");
        assertThatThrownBy(() -> SourcePath.parse("stages[x]"))
                .hasMessage("'[x]' at character 7 is neither an index such as [0] or [-1] nor a quoted name such as ['a.b']");
        assertThatThrownBy(() -> SourcePath.parse("stages[0]time")).hasMessage("'t' at character 10 follows ']'; expected '.' or '['");
        assertThatThrownBy(() -> SourcePath.parse("a]")).hasMessage("']' at character 2 has no '['");
    }
}
