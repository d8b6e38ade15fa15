package org.exchangehub.catalog.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularWriterTest {

    @Test
    void writesRfc4180CsvWithCrLfAndMinimalQuoting() {
        byte[] csv = TabularWriter.csv(List.of("a", "b"), List.of(List.of("1", "x,y"), List.of("\"q\"", "")),
                StandardCharsets.UTF_8);

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,\"x,y\"\r\n\"\"\"q\"\"\",\r\n");
    }

    @Test
    void writesGbkBytes() {
        byte[] csv = TabularWriter.csv(List.of("名称"), List.of(List.of("甘肃")), Charset.forName("GBK"));

        assertThat(csv).isEqualTo("名称\r\n甘肃\r\n".getBytes(Charset.forName("GBK")));
    }

    @Test
    void rejectsValueNotEncodableInCharset() {
        assertThatThrownBy(() -> TabularWriter.csv(List.of("名称"), List.of(List.of("😀")), Charset.forName("GBK")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GBK");
    }

    @Test
    void writesBomOnlyForUtf8() {
        byte[] csv = TabularWriter.csv(List.of("a"), List.of(), StandardCharsets.UTF_8, true);

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThatThrownBy(() -> TabularWriter.csv(List.of("a"), List.of(), Charset.forName("GBK"), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesXlsxZipWithManyRows() {
        List<List<String>> rows = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> List.of(String.valueOf(i), "值" + i)).toList();

        byte[] xlsx = TabularWriter.xlsx(List.of("序号", "值"), rows);

        assertThat(xlsx).startsWith(0x50, 0x4B);
        Table table = TabularReader.read("big.xlsx", new java.io.ByteArrayInputStream(xlsx));
        assertThat(table.rows()).hasSize(1000);
        assertThat(table.rows().get(999).rowNumber()).isEqualTo(1001);
        assertThat(table.rows().get(999).value("值")).isEqualTo("值999");
    }
}
