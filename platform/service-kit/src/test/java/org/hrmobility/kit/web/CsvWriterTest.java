package org.hrmobility.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class CsvWriterTest {

    record Person(String name, String entity) {
    }

    record Row(String id, String title, int refusals, LocalDate dueOn, Person employee, List<String> skills) {
    }

    private final CsvWriter writer = new CsvWriter(JsonMapper.builder().build());

    private String render(Object body) {
        byte[] bytes = writer.render(body);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a page's items as rows under a header, nested fields as a.b, lists joined, quotes and line breaks quoted, UTF-8 with a BOM")
    void pageAsRows() {
        Page<Row> page = new Page<>(List.of(
                new Row("1", "Beleidsadviseur \"senior\", A2", 2, LocalDate.of(2026, 12, 11), new Person("Zoë Maes", "DEPT-WSE"),
                        List.of("gis", "data")),
                new Row("2", "two\nlines", -1, null, null, List.of())), 0, 20, 2);

        String csv = render(page);
        assertThat(csv).startsWith("id,title,refusals,dueOn,employee.name,employee.entity,skills\n");
        List<Map<String, String>> rows = read(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("title", "Beleidsadviseur \"senior\", A2").containsEntry("refusals", "2")
                .containsEntry("dueOn", "2026-12-11").containsEntry("employee.name", "Zoë Maes").containsEntry("skills", "gis; data");
        assertThat(rows.get(1)).containsEntry("title", "two\nlines").containsEntry("refusals", "-1").containsEntry("dueOn", "");
    }

    private static List<Map<String, String>> read(String csv) {
        tools.jackson.dataformat.csv.CsvMapper mapper = new tools.jackson.dataformat.csv.CsvMapper();
        try (tools.jackson.databind.MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(tools.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    @DisplayName("a cell a spreadsheet would run as a formula is written as text; negative numbers stay numbers")
    void formulasDefused() {
        String csv = render(List.of(Map.of("name", "=HYPERLINK(\"http://evil\")", "note", "@SUM(A1)", "amount", -5)));
        assertThat(csv).contains("'=HYPERLINK").contains("'@SUM(A1)").contains("-5").doesNotContain("'-5");
    }

    @Test
    @DisplayName("figures (an object, not a list) as field,value rows")
    void objectAsFieldValueRows() {
        assertThat(render(Map.of("entity", "DEPT-WSE", "pool", Map.of("size", 3)))).contains("field,value").contains("pool.size,3");
    }
}
