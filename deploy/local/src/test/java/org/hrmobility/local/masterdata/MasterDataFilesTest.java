package org.hrmobility.local.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDataFilesTest {

    private static final String HEADER = "employeeId,name,email,entity,grade,contractType,lineManagerId,jobFamily,competences,language\n";

    private static InputStream utf8(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the demo data: the five demo users and some 60 more across three entities, grades D1 to N, both contract types")
    void demoData() {
        List<EmployeeUpserted> employees = MasterDataFiles.demoEmployees();
        Map<String, EmployeeUpserted> byId = employees.stream()
                .collect(Collectors.toMap(EmployeeUpserted::employeeId, Function.identity()));

        assertThat(employees).hasSizeGreaterThanOrEqualTo(65);
        assertThat(employees).extracting(EmployeeUpserted::entity).containsOnly("DEPT-WSE", "DEPT-FIN", "AG-INFRA");
        assertThat(employees).extracting(EmployeeUpserted::grade).contains("D1", "N");
        assertThat(employees).extracting(EmployeeUpserted::contractType)
                .contains(ContractType.STATUTORY, ContractType.CONTRACTUAL);
        assertThat(byId.get("E-0003").name()).isEqualTo("Emma Peeters");
        assertThat(byId.get("E-0003").lineManagerId()).isEqualTo("E-0002");
        assertThat(byId.get("E-0004").lineManagerId()).isEqualTo("E-0002");
        assertThat(byId.get("E-0004").language()).isEqualTo("en");
        assertThat(byId.get("E-0001").competences()).containsExactly("labour-law", "coaching", "recruitment");
        assertThat(employees.stream().map(EmployeeUpserted::parsedGrade).max(Grade::compareTo)).contains(Grade.parse("N"));
        List<VacancyPublished> vacancies = MasterDataFiles.demoVacancies();
        assertThat(vacancies).hasSizeGreaterThanOrEqualTo(3);
        assertThat(vacancies.get(0).vacancyId()).isEqualTo("JP-2026-0401");
        // R-RED-6: the README's tour offers this vacancy, so it stays open until filled rather than closing on a demo date
        assertThat(vacancies.get(0).closesOn()).isNull();
    }

    @Test
    @DisplayName("quoted fields may hold commas and quotes; competences split on ';'; language defaults to nl")
    void quoting() {
        List<EmployeeUpserted> employees = MasterDataFiles.employees(utf8(HEADER
                + "E-1,\"Peeters, Emma \"\"Em\"\"\",e@x.org,DEPT-A,B2,statutory,,policy,a; b ;,\n"));

        assertThat(employees).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Peeters, Emma \"Em\"");
            assertThat(e.competences()).containsExactly("a", "b");
            assertThat(e.language()).isEqualTo("nl");
            assertThat(e.lineManagerId()).isNull();
        });
    }

    @Test
    @DisplayName("a quoted field may hold line breaks (also CRLF); the rows after it keep their own line numbers")
    void quotedNewlines() {
        String csv = HEADER
                + "E-1,\"Emma\nPeeters\",,DEPT-A,B2,STATUTORY,,,\"a;\r\nb\",\r\n"
                + "E-2,Ezra,,DEPT-A,B2,STATUTORY,E-1,,,\n"
                + "E-3,Bea,,DEPT-A,B2,STATUTORY,E-1,,,fr\n";

        assertThatThrownBy(() -> MasterDataFiles.employees(utf8(csv)))
                .isInstanceOfSatisfying(MasterDataFiles.CsvException.class, e -> assertThat(e.problems())
                        .containsExactly("line 6: language must be nl or en, not fr"));
        List<EmployeeUpserted> employees = MasterDataFiles.employees(utf8(csv.replace(",fr\n", ",en\n")));
        assertThat(employees).hasSize(3);
        assertThat(employees.get(0).name()).isEqualTo("Emma\nPeeters");
        assertThat(employees.get(0).competences()).containsExactly("a", "b");
        assertThat(MasterDataFiles.read(utf8(csv), MasterDataFiles.EMPLOYEE_COLUMNS).rows()).extracting(MasterDataFiles.Row::line).containsExactly(2, 5, 6);
    }

    @Test
    @DisplayName("a UTF-8 byte order mark (as spreadsheets write) is not part of the first column's name")
    void byteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("employees.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = (HEADER + "E-1,Zoë Müller,,DEPT-A,B2,STATUTORY,,,,\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(csv, 0, both, bom.length, csv.length);
        Files.write(file, both);

        assertThat(MasterDataFiles.employees(file)).singleElement().satisfies(e -> {
            assertThat(e.employeeId()).isEqualTo("E-1");
            assertThat(e.name()).isEqualTo("Zoë Müller");
        });
    }

    @Test
    @DisplayName("a file with invalid rows is refused whole, naming every problem with its line")
    void invalidRows() {
        String csv = HEADER
                + "E-1,Emma,,DEPT-A,B2,STATUTORY,,,,\n"
                + "E-2,Ezra,,DEPT-A,E7,STATUTORY,E-1,,,\n"
                + "\n"
                + "E-3,Bea,,DEPT-A,A1,TEMPORARY,E-1,,,fr\n"
                + "E-1,Emma again,,DEPT-A,B2,STATUTORY,,,,\n"
                + "E-4,Nele,,DEPT-A,C1,CONTRACTUAL,E-99,,,\n"
                + "E-5,,,DEPT-A\n";

        assertThatThrownBy(() -> MasterDataFiles.employees(utf8(csv)))
                .isInstanceOfSatisfying(MasterDataFiles.CsvException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 3: not a grade (level N, A, B, C or D and a rank, e.g. A2): E7",
                        "line 5: contractType must be STATUTORY or CONTRACTUAL, not TEMPORARY",
                        "line 6: employee E-1 appears twice",
                        "line 8: name is empty",
                        "employee E-4: line manager E-99 is not in the file"));
    }

    @Test
    @DisplayName("an invalid vacancy is refused with its line")
    void invalidVacancy() {
        String csv = "vacancyId,recruitmentSystem,title,entity,grade,jobFamily,competences,closesOn\n"
                + "V-1,jobpunt,\"Adviser,\nlabour market\",DEPT-A,B2,policy,,2026-12-31\n"
                + "V-2,jobpunt,Controller,DEPT-A,B1,finance,,31/12/2026\n";

        assertThatThrownBy(() -> MasterDataFiles.vacancies(utf8(csv)))
                .isInstanceOfSatisfying(MasterDataFiles.CsvException.class, e -> assertThat(e.problems())
                        .containsExactly("line 4: closesOn must be a date like 2026-12-31, not 31/12/2026"));
    }

    @Test
    @DisplayName("a file without the expected header is refused with the columns it needs; an empty one too (exit 2: IllegalArgumentException)")
    void missingColumns() {
        assertThatThrownBy(() -> MasterDataFiles.employees(utf8("id,name\nE-1,Emma\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: missing columns").hasMessageContaining("employeeId");
        assertThatThrownBy(() -> MasterDataFiles.employees(utf8("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 1: no header line")
                .hasMessageContaining("employeeId");
    }

    @Test
    @DisplayName("a quote left open is refused at the line where Jackson gives up, with the problems before it")
    void unclosedQuote() {
        String csv = HEADER
                + "E-1,Emma,,DEPT-A,E7,STATUTORY,,,,\n"
                + "E-2,\"Ezra,,DEPT-A,B2,STATUTORY,,,,\n"
                + "E-3,Bea,,DEPT-A,B2,STATUTORY,,,,\n";

        assertThatThrownBy(() -> MasterDataFiles.employees(utf8(csv)))
                .isInstanceOfSatisfying(MasterDataFiles.CsvException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).startsWith("line 2: not a grade");
                    assertThat(e.problems().get(1)).startsWith("line 5: ").contains("closing quote");
                });
    }
}
