package org.hrmobility.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hrmobility.console.api.Me;
import org.hrmobility.console.api.Problem;
import org.hrmobility.console.cases.CaseActions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every page template rendered with a sample model, in Dutch and English, plainly and with a refusal on each of its
 * forms: the fragments the pages are built of fit together (a broken one fails only when its page is shown), every page
 * has one main landmark and one h1, every field a label, every id is unique and every reference to one (label for,
 * aria-labelledby, aria-describedby) finds it, and a refusal shows next to one form only.
 */
class TemplatesTest {

    static final Me HANA = new Me("hana", "E-0001", "Hana Claes", List.of("HR_CASE_HANDLER", "LINE_MANAGER"), "DEPT-WSE");
    static final Me EMMA = new Me("emma", "E-0003", "Emma Peeters", List.of("EMPLOYEE"), "DEPT-WSE");
    /** Every field the forms have: the sample refusal names each, so every field shows its error. */
    static final List<String> FIELDS = List.of("from", "to", "actions", "reason", "redeployable", "motivation", "vacancyId", "title",
            "entity", "grade", "jobFamily", "employeeId", "periodFrom", "periodTo", "evaluatedOn", "rating", "action", "dismissed",
            "evaluationId", "effectiveOn", "startsOn", "months", "endsOn", "onBehalfReason", "agreed", "host", "travelCents", "stayCents",
            "travel", "stay", "programme", "opensOn", "closesOn", "eligibleLevels", "maxMonths", "hostType", "annualSalaryCostCents",
            "annualSalaryCost", "hostBearsSalary", "on", "given", "offerId", "skills", "sharePercent", "personName", "origin",
            "monetarySeniorityMonths", "email", "language");

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("\\s(?:for|aria-labelledby|aria-describedby)=\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b[^>]*>");

    /** {@code -Dtemplates.snapshots=DIR} writes every page there, to compare the pages before and after a change. */
    private static final String SNAPSHOTS = System.getProperty("templates.snapshots", "");

    private static SpringTemplateEngine engine;
    private static StaticApplicationContext beans;

    /** One page to render: its template (or a fragment of it, as htmx asks for), its model, who looks at it. */
    record Sample(String name, String template, String fragment, Map<String, Object> model, Me me, Locale locale) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void engine() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        // links as the console writes them, without a servlet or reactive request to take a context path from
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        beans = new StaticApplicationContext();
        beans.registerSingleton("fmt", Fmt.class);
        beans.registerSingleton("html", Html.class);
        beans.refresh();
    }

    static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        samples(samples);
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void renders(Sample sample) throws IOException {
        String html = render(sample);
        if (!SNAPSHOTS.isBlank()) {
            Path file = Path.of(SNAPSHOTS, sample.name().replaceAll("[^A-Za-z0-9.-]+", "_") + ".html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, html);
        }

        List<String> ids = all(ID, html);
        assertThat(ids).as("ids").doesNotHaveDuplicates();
        Set<String> known = new HashSet<>(ids);
        for (String reference : all(REFERENCE, html)) {
            assertThat(known).as("what label for, aria-labelledby and aria-describedby name").contains(reference.split("\\s+"));
        }
        Matcher field = FIELD.matcher(html);
        while (field.find()) {
            if (!field.group().contains("type=\"hidden\"")) {
                Matcher id = ID.matcher(field.group());
                assertThat(id.find() && html.contains("for=\"" + id.group(1) + "\"")).as("a label for " + field.group()).isTrue();
            }
        }
        if (sample.fragment() == null) {
            assertThat(html).contains("<html lang=\"" + sample.locale().getLanguage() + "\">");
            assertThat(html.split("<main id=\"main\"", -1)).as("one main landmark").hasSize(2);
            assertThat(html.split("<h1", -1)).as("one h1").hasSize(2);
        }
        Object failed = sample.model().get("failed");
        if (failed instanceof String form && !form.isEmpty()) {
            assertThat(html.split("role=\"alert\"", -1)).as("the refusal, next to form " + form + " only").hasSize(2);
        }
    }

    @Test
    @DisplayName("R-MOB-8: an assigned offer is a link for HR only; the request's owner, who may not read the offer, sees its id")
    void assignedOfferLinkedForHrOnly() {
        Map<String, Object> assigned = m("id", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "title", "Open data map", "status", "ASSIGNED",
                "skills", List.of("gis"), "sharePercent", 20, "neededFrom", "2026-01-01", "neededTo", "2026-06-01", "assignedOffer",
                "99999999-9999-9999-9999-999999999999");
        Map<String, Object> model = m("r", assigned, "matches", List.of(), "assign", false, "withdraw", false, "cancelAssignment", true,
                "failed", "", "problem", null, "values", Map.of());
        String offerLink = "href=\"/console/mobility/talent-offers/99999999-9999-9999-9999-999999999999\"";

        assertThat(render(new Sample("hr", "mobility/talent-request", null, model, HANA, Locale.ENGLISH))).contains(offerLink);
        assertThat(render(new Sample("owner", "mobility/talent-request", null, model, EMMA, Locale.ENGLISH)))
                .doesNotContain(offerLink).contains("99999999-9999-9999-9999-999999999999");
    }

    private static String render(Sample sample) {
        Context context = new Context(sample.locale());
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, DefaultConversionService.getSharedInstance()));
        if (sample.me() != null) {
            context.setVariable("me", sample.me());
            context.setVariable("csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token"));
            context.setVariable("htmxHeaders", "{\"X-CSRF-TOKEN\":\"token\"}");
            context.setVariable("flash", "done.closed");
        }
        context.setVariable("path", "/console/somewhere");
        sample.model().forEach(context::setVariable);
        return sample.fragment() == null ? engine.process(sample.template(), context)
                : engine.process(sample.template(), Set.of(sample.fragment()), context);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void samples(List<Sample> samples) {
        Builder s = new Builder(samples);
        // error pages and signed-out
        for (String e : List.of("error/403", "error/404", "error/5xx", "error/problem")) {
            s.page(e, "", Map.of("problem", problem()), HANA);
            s.page(e, "-anon", Map.of(), null);
        }
        s.page("signed-out", "-ok", Map.of("failed", false), null);
        s.page("signed-out", "-failed", Map.of("failed", true), null);

        Map<String, Object> item = m("title", "Offer to answer", "kind", "OFFER_TO_ANSWER", "employeeName", "Emma", "employeeId", "E-0003",
                "expected", "Answer", "dueOn", "2026-12-11", "overdue", true, "link", "http://x/console/cases/1");
        s.page("worklist", "", m("worklist", m("items", List.of(item), "total", 1), "available", true, "kinds", List.of("OFFER_TO_ANSWER",
                "EVALUATION_DUE"), "kind", "OFFER_TO_ANSWER", "overdue", true), HANA);
        s.page("worklist", "-empty", m("worklist", m("items", List.of(), "total", 0), "available", false, "kinds", List.of("OFFER_TO_ANSWER"),
                "kind", null, "overdue", null), HANA);
        s.fragment("worklist", "results", m("worklist", m("items", List.of(item), "total", 1), "available", true, "kinds", List.of(),
                "kind", null, "overdue", false), HANA);

        Map<String, Object> caseRow = m("id", "11111111-1111-1111-1111-111111111111", "employeeName", "Emma", "employeeId", "E-0003",
                "entity", "DEPT-WSE", "status", "IN_POOL", "openedAt", "2026-01-02T10:00:00Z", "refusals", 1);
        for (int page : List.of(0, 1, 2)) {
            s.forms("cases/list", "-p" + page, m("cases", m("items", List.of(caseRow), "total", 45), "statuses", List.of("OPENED", "IN_POOL"),
                    "status", "IN_POOL", "entity", "DEPT A", "employeeId", "E-0003", "page", page), HANA, "open");
        }
        s.page("cases/list", "-none", m("cases", m("items", List.of(), "total", 0), "statuses", List.of("OPENED"), "status", null,
                "entity", null, "employeeId", null, "page", 0, "failed", "", "values", Map.of()), EMMA);
        s.fragment("cases/list", "results", m("cases", m("items", List.of(caseRow), "total", 3), "statuses", List.of(), "status", null,
                "entity", null, "employeeId", null, "page", 0, "failed", "", "values", Map.of()), HANA);

        List<Object> history = List.of(
                m("at", "2026-01-02T10:00:00Z", "action", "case opened", "actor", "HANA", "capacity", "OWN", "onBehalfOf", null, "detail", null),
                m("at", "2026-01-03T10:00:00Z", "action", "guidance", "actor", "lars", "capacity", "DEPUTY", "onBehalfOf", "bea", "detail", "why"),
                m("at", "2026-01-04T10:00:00Z", "action", "offer", "actor", "HANA", "capacity", "ON_BEHALF", "onBehalfOf", "emma", "detail", null));
        Map<String, Object> offer = m("id", "22222222-2222-2222-2222-222222222222", "number", 1, "title", "Adviser", "entity", "DEPT-X",
                "vacancyId", "JP-1", "grade", "B2", "respondBy", "2026-02-01", "status", "OPEN", "reason", "too far");
        Map<String, Object> c = m("id", "11111111-1111-1111-1111-111111111111", "status", "IN_POOL", "refusals", 1,
                "employee", m("name", "Emma Peeters", "employeeId", "E-0003", "grade", "B1", "entity", "DEPT-WSE"),
                "guidance", m("from", "2026-01-01", "to", "2026-03-01", "actions", List.of("coaching", "training")),
                "placement", m("exOfficio", true), "offers", List.of(offer));
        CaseActions all = new CaseActions("CASE_HANDLER", true, true, "2026-03-01", true, true, true, true, true, true, true);
        s.forms("cases/detail", "", m("c", c, "history", history, "actions", all, "openOffer", offer, "vacancies",
                        List.of(m("vacancyId", "JP-2", "title", "Analyst", "entity", "DEPT-Y", "grade", "A1")), "today", "2026-01-10"), HANA,
                "guidance", "admissibility", "offer-vacancy", "offer-free", "answer", "accept", "cancel", "close", "reopen");
        Map<String, Object> bare = new HashMap<>(c);
        bare.put("guidance", null);
        bare.put("placement", null);
        bare.put("offers", List.of());
        s.page("cases/detail", "-bare", m("c", bare, "history", List.of(), "actions",
                new CaseActions("SELF", false, false, null, false, false, false, false, false, false, false), "openOffer", null,
                "vacancies", List.of(), "today", "2026-01-10", "failed", "", "problem", null, "values", Map.of()), EMMA);

        // evaluations
        Map<String, Object> followUp = m("employeeId", "E-0004", "entity", "DEPT-WSE", "state", "FOLLOW_UP_OPEN", "earliestNext", "2026-05-01",
                "evaluationsSoFar", 1, "evaluationsWatched", 4, "openedOn", "2026-01-01", "proposal", "PENDING",
                "guidanceActions", List.of("talk", "course"));
        for (boolean proposals : List.of(true, false)) {
            s.page("evaluations/list", "-" + proposals, m("followUps", m("items", List.of(followUp), "total", 1), "states",
                    List.of("FOLLOW_UP_OPEN", "DISMISSED"), "state", "DISMISSED", "proposals", proposals), HANA);
        }
        s.page("evaluations/list", "-none", m("followUps", m("items", List.of(), "total", 0), "states", List.of(), "state", null,
                "proposals", false), HANA);
        Map<String, Object> probation = m("employeeId", "E-0002", "startsOn", "2026-01-01", "endsOn", "2026-07-01", "outcome", null);
        s.forms("evaluations/probations", "", m("probations", m("items", List.of(probation, m("employeeId", "E-0005", "startsOn",
                "2026-01-01", "endsOn", "2026-07-01", "outcome", "PASSED")))), HANA, "probation");
        s.page("evaluations/probations", "-none", m("probations", m("items", List.of()), "failed", "", "values", Map.of()), EMMA);
        List<Object> evaluations = List.of(m("id", "33333333-3333-3333-3333-333333333333", "periodFrom", "2025-01-01", "periodTo",
                "2025-12-31", "evaluatedOn", "2026-01-05", "rating", "GOOD"));
        Object fileActions = fileActions(true);
        s.forms("evaluations/file", "", m("employeeId", "E-0004", "file", followUp, "evaluations", evaluations, "history", history,
                        "actions", fileActions, "ratings", List.of("INSUFFICIENT", "GOOD"), "today", "2026-01-10"), HANA,
                "evaluation", "guidance", "decision", "correction", "contractual");
        Map<String, Object> bareFile = m("employeeId", "E-0004", "entity", "DEPT-WSE", "state", "FOLLOW_UP_CLOSED", "earliestNext", null,
                "openedOn", null, "proposal", null, "guidanceActions", List.of());
        s.page("evaluations/file", "-bare", m("employeeId", "E-0004", "file", bareFile, "evaluations", List.of(), "history", List.of(),
                "actions", fileActions(false), "ratings", List.of("GOOD"), "today", "2026-01-10", "failed", "", "values", Map.of()), EMMA);

        s.page("me/mine", "", m("offers", List.of(m("caseId", "1", "offer", offer)), "cases", List.of(caseRow), "applications",
                List.of(m("id", "4", "host", "Utrecht", "status", "SUBMITTED"))), EMMA);
        s.page("me/mine", "-none", m("offers", List.of(), "cases", List.of(), "applications", List.of()), HANA);
        s.page("figures/figures", "", m("charts", List.of(), "redeployment", List.of(m("entity", "D", "poolSize", 1,
                "internalTrajectories", 0, "placedAccepted", 0, "placedExOfficio", 1, "medianDaysToPlacement", 3.5, "refusals", 2)),
                "evaluation", List.of(m("entity", "D", "followUpsOpen", 1, "dismissalProposalsPending", 0, "dismissalsMandated", 0)),
                "mobility", List.of(m("entity", "D", "kind", "application", "status", "APPROVED", "count", 1, "centralFundsCents", 1500))), HANA);
        s.page("notifications/inbox", "", m("items", List.of("<li>one</li>")), HANA);
        s.page("notifications/inbox", "-none", m("items", List.of()), HANA);
        s.forms("notifications/preferences", "", m("preferences", m("email", "DAILY_DIGEST", "language", "en"), "emailModes",
                List.of("IMMEDIATE", "DAILY_DIGEST", "OFF")), HANA, "preferences");

        // mobility
        Map<String, Object> call = m("id", "55555555-5555-5555-5555-555555555555", "title", "Exchange NL", "programme", "EXCHANGE",
                "opensOn", "2026-01-01", "closesOn", "2026-02-01", "eligibleLevels", List.of("A", "B"), "status", "OPEN");
        Map<String, Object> application = m("id", "66666666-6666-6666-6666-666666666666", "employeeId", "E-0003", "status", "SUBMITTED",
                "programme", "EXCHANGE", "host", "Utrecht", "startsOn", "2026-03-01", "endsOn", "2026-04-01", "travelCents", 10000,
                "stayCents", 20000, "centralShareCents", 15000, "refusalReason", "no");
        Map<String, Object> secondment = m("id", "77777777-7777-7777-7777-777777777777", "employeeId", "E-0003", "status", "REQUESTED",
                "host", "City", "hostType", "LOCAL_GOVERNMENT", "startsOn", "2026-03-01", "endsOn", "2027-03-01",
                "annualSalaryCostCents", 5000000, "centralShareCents", 100);
        Map<String, Object> allowance = m("id", "88888888-8888-8888-8888-888888888888", "employeeId", "E-0003", "reason", "heavy",
                "startsOn", "2026-01-01", "endsOn", "2027-01-01", "extensions", 1, "endedEarlyOn", "2026-06-01", "endReason", "done");
        s.forms("mobility/overview", "", m("calls", m("items", List.of(call)), "applications", m("items", List.of(application)),
                "secondments", m("items", List.of(secondment)), "allowances", m("items", List.of(allowance)), "programmes",
                List.of("EXCHANGE", "WORK_VISIT"), "today", "2026-01-10"), HANA, "call");
        s.page("mobility/overview", "-none", m("calls", m("items", List.of()), "applications", m("items", List.of()), "secondments",
                m("items", List.of()), "allowances", m("items", List.of()), "programmes", List.of(), "today", "2026-01-10", "failed", "",
                "values", Map.of()), EMMA);
        s.forms("mobility/call", "", m("call", call, "applications", m("items", List.of(application)), "today", "2026-01-10",
                "mayApply", true), EMMA, "apply");
        s.page("mobility/call", "-none", m("call", call, "applications", m("items", List.of()), "today", "2026-01-10", "mayApply", false,
                "failed", "", "values", Map.of()), HANA);
        s.forms("mobility/application", "", m("a", application, "lineManagerDecides", true, "onBehalf", true, "hostDecides", true,
                "withdraw", true), HANA, "lineManager", "host", "withdraw");
        Map<String, Object> plainApplication = new HashMap<>(application);
        plainApplication.put("refusalReason", null);
        s.page("mobility/application", "-none", m("a", plainApplication, "lineManagerDecides", false, "onBehalf", false, "hostDecides",
                false, "withdraw", false, "failed", "", "values", Map.of()), EMMA);
        s.forms("mobility/secondments", "", m("secondments", m("items", List.of(secondment)), "register", List.of(m("host", "City",
                "hostType", "LOCAL_GOVERNMENT", "secondments", 2, "centralShareCents", 300)), "hostTypes", List.of("LOCAL_GOVERNMENT",
                "OTHER_ADMINISTRATION"), "reasons", List.of("REGULAR", "UNION_LEAVE")), HANA, "secondment");
        s.page("mobility/secondments", "-none", m("secondments", m("items", List.of()), "register", List.of(), "hostTypes", List.of(),
                "reasons", List.of(), "failed", "", "values", Map.of()), EMMA);
        s.forms("mobility/secondment", "", m("s", secondment, "lineManagerDecides", true, "onBehalf", true, "hostDecides", true,
                "endEarly", true, "withdraw", true, "today", "2026-01-10"), HANA, "line-manager-decision", "host-confirmation", "end",
                "withdrawal");
        s.page("mobility/secondment", "-none", m("s", secondment, "lineManagerDecides", false, "onBehalf", false, "hostDecides", false,
                "endEarly", false, "withdraw", false, "today", "2026-01-10", "failed", "", "values", Map.of()), EMMA);
        s.forms("mobility/allowances", "", m("allowances", m("items", List.of(allowance))), HANA, "allowance");
        s.page("mobility/allowances", "-none", m("allowances", m("items", List.of()), "failed", "", "values", Map.of()), EMMA);
        s.forms("mobility/allowance", "", m("a", allowance, "decides", true), HANA, "extensions", "end");
        Map<String, Object> running = new HashMap<>(allowance);
        running.put("endedEarlyOn", null);
        s.page("mobility/allowance", "-none", m("a", running, "decides", false, "failed", "", "values", Map.of()), EMMA);
        Map<String, Object> talentOffer = m("id", "99999999-9999-9999-9999-999999999999", "employeeId", "E-0003", "status",
                "AWAITING_CONSENT", "skills", List.of("GIS", "SQL"), "sharePercent", 20, "availableFrom", "2026-01-01", "availableTo",
                "2026-06-01");
        Map<String, Object> talentRequest = m("id", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "title", "Open data map", "status", "OPEN",
                "skills", List.of("gis"), "sharePercent", 20, "neededFrom", "2026-01-01", "neededTo", "2026-06-01");
        s.forms("mobility/talent", "", m("offers", m("items", List.of(talentOffer)), "requests", m("items", List.of(talentRequest))),
                HANA, "talent-offers", "talent-requests");
        s.page("mobility/talent", "-none", m("offers", m("items", List.of()), "requests", m("items", List.of()), "failed", "", "values",
                Map.of()), EMMA);
        s.forms("mobility/talent-offer", "", m("o", talentOffer, "consent", true, "onBehalf", true, "withdraw", true), HANA, "consent",
                "withdrawal");
        s.page("mobility/talent-offer", "-none", m("o", talentOffer, "consent", false, "onBehalf", false, "withdraw", false, "failed", "",
                "values", Map.of()), EMMA);
        s.forms("mobility/talent-request", "", m("r", talentRequest, "matches", List.of(m("rank", 1, "employeeId", "E-0003", "score",
                0.85, "explanation", "Shares GIS", "skillOverlap", 0.5, "availability", 1, "periodOverlap", 0.9, "offerId", "o1")),
                "assign", true, "withdraw", true), HANA, "assign", "withdrawal");
        s.page("mobility/talent-request", "-none", m("r", talentRequest, "matches", List.of(), "assign", false, "withdraw", false,
                "failed", "", "values", Map.of()), EMMA);
        Map<String, Object> assigned = new HashMap<>(talentRequest);
        assigned.put("status", "ASSIGNED");
        assigned.put("assignedOffer", "99999999-9999-9999-9999-999999999999");
        s.forms("mobility/talent-request", "-assigned", m("r", assigned, "matches", List.of(), "assign", false, "withdraw", false,
                "cancelAssignment", true), HANA, "unassign");
        s.forms("mobility/transfers", "", m("transfers", m("items", List.of(m("personName", "Jan", "origin", "EDUCATION", "entity", "D",
                "grade", "B1", "monetarySeniorityMonths", 12, "startsOn", "2026-02-01"))), "origins", List.of("EDUCATION", "PARLIAMENT")),
                HANA, "transfer");
        s.page("mobility/transfers", "-none", m("transfers", m("items", List.of()), "origins", List.of(), "failed", "", "values",
                Map.of()), HANA);
    }

    static Object fileActions(boolean all) {
        try {
            // FileActions is its package's own; the templates only read it
            var constructor = Class.forName("org.hrmobility.console.evaluations.FileActions").getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return constructor.newInstance(all, all, all, all, all, all);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Problem problem() {
        List<Problem.FieldError> errors = new ArrayList<>();
        FIELDS.forEach(f -> errors.add(new Problem.FieldError(f, "bad " + f)));
        errors.add(new Problem.FieldError(null, "across fields"));
        return new Problem(400, "about:blank", "Refused", "Because", "R-RED-3", errors);
    }

    static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, "typed " + f));
        values.putAll(Map.of("agreed", "true", "redeployable", "false", "dismissed", "true", "given", "false", "hostBearsSalary", "true",
                "specialCircumstances", "on", "rating", "INSUFFICIENT", "programme", "WORK_VISIT"));
        return values;
    }

    static Map<String, Object> m(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Adds a page's samples in both languages: plain, and once per form with a refusal on that form. */
    private record Builder(List<Sample> samples) {

        void page(String template, String suffix, Map<String, Object> model, Me me) {
            for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("en"))) {
                samples.add(new Sample(template + suffix + " (" + locale + ")", template, null, model, me, locale));
            }
        }

        void fragment(String template, String fragment, Map<String, Object> model, Me me) {
            Map<String, Object> all = new HashMap<>(model);
            all.putIfAbsent("failed", "");
            all.putIfAbsent("values", Map.of());
            for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("en"))) {
                samples.add(new Sample(template + " :: " + fragment + " (" + locale + ")", template, fragment, all, me, locale));
            }
        }

        void forms(String template, String suffix, Map<String, Object> model, Me me, String... forms) {
            Map<String, Object> plain = new HashMap<>(model);
            plain.put("failed", "");
            plain.put("problem", null);
            plain.put("values", Map.of());
            page(template, suffix, plain, me);
            for (String form : forms) {
                Map<String, Object> failed = new HashMap<>(model);
                failed.put("failed", form);
                failed.put("problem", problem());
                failed.put("values", values());
                page(template, suffix + ", refused on " + form, failed, me);
            }
        }
    }
}
