package org.hrmobility.kit.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps (docs/architecture.md, "One way to keep and decide"), checked on its compiled classes:
 * <ul>
 * <li>domain types import no framework: the aggregates a service keeps, every type they are made of, and every type
 * that decides (returns a {@code Decision}) depend on the JDK, ICU and the kit's own domain package only;</li>
 * <li>feature packages have no cycles, so each can be read (and moved) on its own;</li>
 * <li>a service never reaches into another service's code, or into the kit's internals that its API hides.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private static final String[] FRAMEWORKS = {"org.springframework..", "reactor..", "io.r2dbc..", "tools.jackson..",
            "com.fasterxml.jackson..", "org.apache.kafka..", "jakarta..", "io.micrometer..", "org.slf4j.."};
    private static final String DECISION = "org.hrmobility.kit.domain.Decision";
    private static final String AGGREGATE_TYPE = "org.hrmobility.kit.store.AggregateType";
    private static final String[] SERVICES = {"org.hrmobility.mobility..", "org.hrmobility.redeployment..",
            "org.hrmobility.evaluation..", "org.hrmobility.notification..", "org.hrmobility.gateway.."};

    private final String basePackage;
    private final JavaClasses classes;

    private ArchitectureRules(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ArchitectureRules of(String basePackage) {
        return new ArchitectureRules(basePackage);
    }

    /** The domain types found: aggregates kept by an AggregateType, what they are made of, and deciders. */
    public Set<JavaClass> domainTypes() {
        Deque<JavaClass> toVisit = new ArrayDeque<>();
        for (JavaClass c : classes) {
            c.getFields().stream().filter(f -> f.getRawType().getName().equals(AGGREGATE_TYPE))
                    .map(ArchitectureRules::aggregateOf).filter(t -> t != null).forEach(toVisit::add);
            if (c.getMethods().stream().anyMatch(ArchitectureRules::decides) && !isFrameworkBean(c)) {
                toVisit.add(c);
            }
        }
        Set<JavaClass> found = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            JavaClass next = toVisit.pop();
            if (!next.getPackageName().startsWith(basePackage) || !found.add(next)) {
                continue;
            }
            next.getFields().stream().filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                    .flatMap(f -> typesIn(f.getType()).stream()).forEach(toVisit::add);
            next.getEnclosingClass().ifPresent(toVisit::add);
        }
        return found;
    }

    /** Domain types depend on no framework. */
    public void domainTypesImportNoFramework() {
        Set<String> names = domainTypes().stream().map(JavaClass::getName).collect(Collectors.toSet());
        if (names.isEmpty()) {
            throw new AssertionError("no domain types found under " + basePackage + ": the rule would prove nothing");
        }
        noClasses().that(DescribedPredicate.describe("are domain types " + names, (JavaClass c) -> names.contains(c.getName())))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain types decide; they are tested without a framework and outlive it")
                .check(classes);
    }

    /** Feature packages do not depend on each other in a circle. */
    public void featurePackagesHaveNoCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A service's code names no other service's package. */
    public void servicesAreIndependent() {
        String own = basePackage + "..";
        String[] others = Arrays.stream(SERVICES).filter(s -> !s.equals(own)).toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet through events and the gateway only").check(classes);
    }

    /** Everything above; a service's ArchitectureTest calls this. */
    public void check() {
        domainTypesImportNoFramework();
        featurePackagesHaveNoCycles();
        servicesAreIndependent();
    }

    private static boolean decides(JavaMethod m) {
        return m.getRawReturnType().getName().equals(DECISION);
    }

    /** Services (Spring beans) return decisions they got from the domain; they are not domain types themselves. */
    private static boolean isFrameworkBean(JavaClass c) {
        return c.getAnnotations().stream().anyMatch(a -> a.getRawType().getPackageName().startsWith("org.springframework"))
                || c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("reactor.core"));
    }

    private static JavaClass aggregateOf(JavaField field) {
        if (field.getType() instanceof JavaParameterizedType parameterized
                && parameterized.getActualTypeArguments().get(0) instanceof JavaClass aggregate) {
            return aggregate;
        }
        return null;
    }

    private static Set<JavaClass> typesIn(JavaType type) {
        Set<JavaClass> types = new LinkedHashSet<>();
        types.add(type.toErasure());
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(t -> types.addAll(typesIn(t)));
        }
        if (types.iterator().next().isArray()) {
            types.add(type.toErasure().getBaseComponentType());
        }
        return types;
    }
}
