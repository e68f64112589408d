package org.hrmobility.local.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.employee.Grade;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MasterDataFilesTest {

    private static final String HEADER = "employeeId,name,email,entity,grade,contractType,lineManagerId,jobFamily,competences,language\n";

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
        assertThat(employees.stream().map(EmployeeUpserted::parsedGrade).max(Grade::compareTo)).contains(Grade.parse("N"));
        assertThat(MasterDataFiles.demoVacancies()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("quoted fields may hold commas and quotes; competences split on ';'; language defaults to nl")
    void quoting() {
        List<EmployeeUpserted> employees = MasterDataFiles.employees(new StringReader(HEADER
                + "E-1,\"Peeters, Emma \"\"Em\"\"\",e@x.org,DEPT-A,B2,statutory,,policy,a; b ;,\n"));

        assertThat(employees).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Peeters, Emma \"Em\"");
            assertThat(e.competences()).containsExactly("a", "b");
            assertThat(e.language()).isEqualTo("nl");
            assertThat(e.lineManagerId()).isNull();
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
                + "E-4,Nele,,DEPT-A,C1,CONTRACTUAL,E-99,,,\n";

        assertThatThrownBy(() -> MasterDataFiles.employees(new StringReader(csv)))
                .isInstanceOfSatisfying(CsvTable.CsvException.class, e -> assertThat(e.problems()).containsExactly(
                        "line 3: not a grade (level N, A, B, C or D and a rank, e.g. A2): E7",
                        "line 5: contractType must be STATUTORY or CONTRACTUAL, not TEMPORARY",
                        "line 6: employee E-1 appears twice",
                        "employee E-4: line manager E-99 is not in the file"));
    }

    @Test
    @DisplayName("a file without the expected header is refused with the columns it needs")
    void missingColumns() {
        assertThatThrownBy(() -> MasterDataFiles.employees(new StringReader("id,name\nE-1,Emma\n")))
                .hasMessageContaining("missing columns").hasMessageContaining("employeeId");
    }
}
