package org.hrmobility.local.masterdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.recruitment.VacancyPublished;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads employees and vacancies from CSV: the demo data shipped in this jar, or a real organisation's export.
 * A file with any invalid row is refused whole, with every problem and its line.
 *
 * <p>Employees: {@code employeeId,name,email,entity,grade,contractType,lineManagerId,jobFamily,competences,language}
 * with competences separated by {@code ;} and language {@code nl} or {@code en} (empty: {@code nl}).
 * Vacancies: {@code vacancyId,recruitmentSystem,title,entity,grade,jobFamily,competences,closesOn}.
 *
 * <p>The CSV itself is Jackson's: RFC 4180 quoting (commas, quotes as {@code ""} and line breaks inside quotes),
 * a header line naming the columns in any order, blank lines skipped, cells beyond the header ignored, and the
 * bytes read as UTF-8 with or without a byte order mark. A row's line is where it starts in the file.
 */
public final class MasterDataFiles {

    static final List<String> EMPLOYEE_COLUMNS = List.of("employeeId", "name", "email", "entity", "grade",
            "contractType", "lineManagerId", "jobFamily", "competences", "language");
    static final List<String> VACANCY_COLUMNS = List.of("vacancyId", "recruitmentSystem", "title", "entity", "grade",
            "jobFamily", "competences", "closesOn");

    private static final ObjectReader CSV = CsvMapper.builder()
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .enable(CsvReadFeature.IGNORE_TRAILING_UNMAPPABLE)
            .build()
            .readerFor(new TypeReference<Map<String, String>>() {
            })
            .with(CsvSchema.emptySchema().withHeader());

    private MasterDataFiles() {
    }

    /** The records of a file, and where it could not be read further (an unclosed quote), if so. */
    record Table(List<Row> rows, Optional<String> unreadable) {
    }

    /** A record of the file, with the line it starts on. */
    record Row(int line, Map<String, String> values) {

        /** The trimmed value, or null when the cell is missing or blank. */
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
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

    static List<EmployeeUpserted> employees(InputStream csv) {
        List<String> problems = new ArrayList<>();
        List<EmployeeUpserted> employees = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Table table = read(csv, EMPLOYEE_COLUMNS);
        for (Row row : table.rows()) {
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
        table.unreadable().ifPresent(problems::add);
        for (EmployeeUpserted e : employees) {
            if (e.lineManagerId() != null && !ids.contains(e.lineManagerId())) {
                problems.add("employee " + e.employeeId() + ": line manager " + e.lineManagerId() + " is not in the file");
            }
        }
        return accepted(employees, problems);
    }

    static List<VacancyPublished> vacancies(InputStream csv) {
        List<String> problems = new ArrayList<>();
        List<VacancyPublished> vacancies = new ArrayList<>();
        Table table = read(csv, VACANCY_COLUMNS);
        for (Row row : table.rows()) {
            try {
                vacancies.add(new VacancyPublished(required(row, "vacancyId"), required(row, "recruitmentSystem"),
                        required(row, "title"), required(row, "entity"), required(row, "grade"),
                        row.get("jobFamily"), list(row.get("competences")), date(row.get("closesOn"))));
            } catch (IllegalArgumentException e) {
                problems.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        table.unreadable().ifPresent(problems::add);
        return accepted(vacancies, problems);
    }

    /**
     * The rows of a file whose header names every required column; a file without such a header is refused at once.
     * A row Jackson cannot read (an unclosed quote) is a problem at the line where reading stopped, and nothing
     * after it is read.
     */
    static Table read(InputStream csv, List<String> requiredColumns) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> values = header(csv, requiredColumns)) {
            while (values.hasNextValue()) {
                // at the row's first token: the parser's line is the one the row starts on
                int line = values.parser().currentLocation().getLineNr();
                rows.add(new Row(line, values.nextValue()));
            }
            return new Table(rows, Optional.empty());
        } catch (JacksonException e) {
            return new Table(rows, Optional.of(at(e) + e.getOriginalMessage()));
        }
    }

    /** Reads the header line and checks its columns. */
    private static MappingIterator<Map<String, String>> header(InputStream csv, List<String> requiredColumns) {
        MappingIterator<Map<String, String>> values;
        try {
            values = CSV.readValues(csv);
            values.hasNextValue();
        } catch (JacksonException e) {
            throw new CsvException(List.of(at(e) + "no header line (" + e.getOriginalMessage() + "); it must name "
                    + requiredColumns));
        }
        CsvSchema header = (CsvSchema) values.parserSchema();
        List<String> missing = requiredColumns.stream().filter(c -> header.column(c) == null).toList();
        if (!missing.isEmpty()) {
            throw new CsvException(List.of("line 1: missing columns " + missing + "; the header must name "
                    + requiredColumns));
        }
        return values;
    }

    private static String at(JacksonException e) {
        TokenStreamLocation where = e.getLocation();
        return where == null ? "" : "line " + where.getLineNr() + ": ";
    }

    private static <T> List<T> accepted(List<T> records, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new CsvException(problems);
        }
        return List.copyOf(records);
    }

    private static String required(Row row, String column) {
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

    private static <T> List<T> classpath(String resource, Function<InputStream, List<T>> parse) {
        try (InputStream csv = MasterDataFiles.class.getResourceAsStream(resource)) {
            return parse.apply(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> file(Path path, Function<InputStream, List<T>> parse) {
        try (InputStream csv = Files.newInputStream(path)) {
            return parse.apply(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Every problem of a file at once, each with its line, so it can be fixed in one go (import-employees: exit 2). */
    static final class CsvException extends IllegalArgumentException {

        private final List<String> problems;

        CsvException(List<String> problems) {
            super(String.join(System.lineSeparator(), problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
