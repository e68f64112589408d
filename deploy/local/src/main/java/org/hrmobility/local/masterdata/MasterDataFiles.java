package org.hrmobility.local.masterdata;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.recruitment.VacancyPublished;

/**
 * Reads employees and vacancies from CSV: the demo data shipped in this jar, or a real organisation's export.
 * A file with any invalid row is refused whole, with every problem and its line.
 *
 * <p>Employees: {@code employeeId,name,email,entity,grade,contractType,lineManagerId,jobFamily,competences,language}
 * with competences separated by {@code ;} and language {@code nl} or {@code en} (empty: {@code nl}).
 * Vacancies: {@code vacancyId,recruitmentSystem,title,entity,grade,jobFamily,competences,closesOn}.
 */
public final class MasterDataFiles {

    static final List<String> EMPLOYEE_COLUMNS = List.of("employeeId", "name", "email", "entity", "grade",
            "contractType", "lineManagerId", "jobFamily", "competences", "language");
    static final List<String> VACANCY_COLUMNS = List.of("vacancyId", "recruitmentSystem", "title", "entity", "grade",
            "jobFamily", "competences", "closesOn");

    private MasterDataFiles() {
    }

    public static List<EmployeeUpserted> demoEmployees() {
        return classpath("/demo/employees.csv", MasterDataFiles::employees);
    }

    public static List<VacancyPublished> demoVacancies() {
        return classpath("/demo/vacancies.csv", MasterDataFiles::vacancies);
    }

    public static List<EmployeeUpserted> employees(Path file) {
        return file(file, MasterDataFiles::employees);
    }

    static List<EmployeeUpserted> employees(Reader reader) {
        List<String> problems = new ArrayList<>();
        List<EmployeeUpserted> employees = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : rows(reader, EMPLOYEE_COLUMNS)) {
            try {
                String id = required(row, "employeeId");
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("employee " + id + " appears twice");
                }
                employees.add(new EmployeeUpserted(id, required(row, "name"), row.get("email"),
                        required(row, "entity"), required(row, "grade"), contractType(row.get("contractType")),
                        row.get("lineManagerId"), row.get("jobFamily"), list(row.get("competences")),
                        language(row.get("language"))));
            } catch (IllegalArgumentException e) {
                problems.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        for (EmployeeUpserted e : employees) {
            if (e.lineManagerId() != null && !ids.contains(e.lineManagerId())) {
                problems.add("employee " + e.employeeId() + ": line manager " + e.lineManagerId() + " is not in the file");
            }
        }
        return accepted(employees, problems);
    }

    static List<VacancyPublished> vacancies(Reader reader) {
        List<String> problems = new ArrayList<>();
        List<VacancyPublished> vacancies = new ArrayList<>();
        for (CsvTable.Row row : rows(reader, VACANCY_COLUMNS)) {
            try {
                vacancies.add(new VacancyPublished(required(row, "vacancyId"), required(row, "recruitmentSystem"),
                        required(row, "title"), required(row, "entity"), required(row, "grade"),
                        row.get("jobFamily"), list(row.get("competences")), date(row.get("closesOn"))));
            } catch (IllegalArgumentException e) {
                problems.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        return accepted(vacancies, problems);
    }

    private static <T> List<T> accepted(List<T> records, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new CsvTable.CsvException(problems);
        }
        return List.copyOf(records);
    }

    private static String required(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    private static ContractType contractType(String value) {
        if (value == null) {
            throw new IllegalArgumentException("contractType is empty (STATUTORY or CONTRACTUAL)");
        }
        try {
            return ContractType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("contractType must be STATUTORY or CONTRACTUAL, not " + value);
        }
    }

    private static String language(String value) {
        if (value == null) {
            return "nl";
        }
        if (!value.equals("nl") && !value.equals("en")) {
            throw new IllegalArgumentException("language must be nl or en, not " + value);
        }
        return value;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("closesOn must be a date like 2026-12-31, not " + value);
        }
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<CsvTable.Row> rows(Reader reader, List<String> columns) {
        try {
            return CsvTable.read(reader, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> classpath(String resource, Function<Reader, List<T>> parse) {
        try (Reader reader = new InputStreamReader(MasterDataFiles.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> file(Path path, Function<Reader, List<T>> parse) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
