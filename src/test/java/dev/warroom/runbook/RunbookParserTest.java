package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunbookParserTest {

    /** Line numbers used below are 1-based lines of this text. */
    static final String RUNBOOK = """
            ---
            id: payments-queue-backlog
            title: Payment queue backlog (jobs stuck in pending)
            services: [payments-api, payments-worker]
            severity: sev2
            symptoms:
              - payments stuck in pending for more than 5 minutes
              - worker consumer lag keeps growing
            alerts: [PaymentsQueueLag, PaymentsWorkerErrors]
            owners:
              team: payments
              escalation: ["#payments-oncall", "payments secondary"]
            side_effects:
              - customers may receive duplicate receipt emails while workers catch up
            ---

            # Payment queue backlog

            Use this when payment jobs pile up in the queue while the database is healthy.

            ## Steps

            1. **Check the consumer lag.** Open the "Payments queue" dashboard.
               - expect: lag above 10k messages on every partition
               - look at the per-partition view first
            2. **Scale the workers:** `kubectl scale deploy/payments-worker --replicas=12`.
               - mitigation: scale-workers
               - verify: sli >= 0.95
               - rollback: `kubectl scale deploy/payments-worker --replicas=4`
               - reversible: yes

            Watch the database connection pool while the workers scale up.

            3. **Pause the retry cron.** Retries double the load on a backed-up queue.
               - mitigation: pause-retries
               - reversible: no
               - verify: sli >= 0.99
               - expect: queue drains within 15 minutes

            ## Afterwards

            Write up the incident in the payments channel.
            """;

    private static Runbook parse(String text) {
        return RunbookParser.parse(text, "test.md");
    }

    private static RunbookFormatException error(String text) {
        return assertThrows(RunbookFormatException.class, () -> RunbookParser.parse(text, "broken.md"));
    }

    @Test
    void frontMatter() {
        Runbook r = parse(RUNBOOK);
        assertEquals("payments-queue-backlog", r.id());
        assertEquals("Payment queue backlog (jobs stuck in pending)", r.title());
        assertEquals(List.of("payments-api", "payments-worker"), r.services());
        assertEquals("sev2", r.severity());
        assertEquals(List.of("payments stuck in pending for more than 5 minutes", "worker consumer lag keeps growing"),
                r.symptoms());
        assertEquals(List.of("PaymentsQueueLag", "PaymentsWorkerErrors"), r.alerts());
        assertEquals(Map.of("team", "payments", "escalation", List.of("#payments-oncall", "payments secondary")),
                r.owners());
        assertEquals(List.of("customers may receive duplicate receipt emails while workers catch up"), r.sideEffects());
        assertEquals("test.md", r.source());
    }

    @Test
    void introIsTheMarkdownBeforeTheStepsHeading() {
        Runbook r = parse(RUNBOOK);
        assertEquals("# Payment queue backlog\n\n"
                + "Use this when payment jobs pile up in the queue while the database is healthy.", r.intro());
    }

    @Test
    void steps() {
        List<RunbookStep> steps = parse(RUNBOOK).steps();
        assertEquals(3, steps.size());

        RunbookStep one = steps.get(0);
        RunbookStep two = steps.get(1);
        RunbookStep three = steps.get(2);
        assertAll("step 1",
                () -> assertEquals(1, one.number()),
                () -> assertEquals("Check the consumer lag", one.title()),
                () -> assertNull(one.mitigation()),
                () -> assertNull(one.verify()),
                () -> assertNull(one.rollback()),
                () -> assertNull(one.reversible()),
                () -> assertEquals("lag above 10k messages on every partition", one.expect()),
                () -> assertEquals(23, one.line()));
        assertAll("step 2",
                () -> assertEquals(2, two.number()),
                () -> assertEquals("Scale the workers", two.title()),
                () -> assertEquals("scale-workers", two.mitigation()),
                () -> assertEquals("sli >= 0.95", two.verify()),
                () -> assertEquals("`kubectl scale deploy/payments-worker --replicas=4`", two.rollback()),
                () -> assertEquals(Boolean.TRUE, two.reversible()),
                () -> assertNull(two.expect()),
                () -> assertEquals(26, two.line()));
        assertAll("step 3",
                () -> assertEquals(3, three.number()),
                () -> assertEquals("Pause the retry cron", three.title()),
                () -> assertEquals("pause-retries", three.mitigation()),
                () -> assertEquals("sli >= 0.99", three.verify()),
                () -> assertNull(three.rollback()),
                () -> assertEquals(Boolean.FALSE, three.reversible()),
                () -> assertEquals("queue drains within 15 minutes", three.expect()),
                () -> assertEquals(34, three.line()));
    }

    @Test
    void stepTextKeepsOrdinaryBulletsAndFreeParagraphsButNotAttributes() {
        List<RunbookStep> steps = parse(RUNBOOK).steps();
        String one = steps.get(0).text();
        String two = steps.get(1).text();
        String three = steps.get(2).text();

        assertTrue(one.contains("**Check the consumer lag.** Open the \"Payments queue\" dashboard."), one);
        assertTrue(one.contains("- look at the per-partition view first"), one);
        assertFalse(one.contains("expect:"), one);
        assertFalse(one.contains("lag above 10k"), one);

        assertTrue(two.contains("`kubectl scale deploy/payments-worker --replicas=12`"), two);
        assertTrue(two.contains("Watch the database connection pool while the workers scale up."),
                "free paragraph between steps 2 and 3 belongs to step 2: " + two);
        for (String attribute : List.of("mitigation:", "verify:", "rollback:", "reversible:", "replicas=4")) {
            assertFalse(two.contains(attribute), attribute + " leaked into the step text: " + two);
        }

        assertTrue(three.startsWith("**Pause the retry cron.** Retries double the load"), three);
        assertFalse(three.contains("Watch the database"), three);
        assertFalse(three.contains("Afterwards"), "a following level-2 heading ends the steps: " + three);
        assertFalse(three.contains("Write up the incident"), three);
        for (String attribute : List.of("mitigation:", "verify:", "reversible:", "expect:")) {
            assertFalse(three.contains(attribute), attribute + " leaked into the step text: " + three);
        }
    }

    @Test
    void windowsLineEndingsGiveTheSameSteps() {
        Runbook unix = parse(RUNBOOK);
        Runbook windows = parse(RUNBOOK.replace("\n", "\r\n"));
        assertEquals(unix.steps(), windows.steps());
        assertEquals(unix.intro(), windows.intro());
    }

    @Test
    void versionIsATwelveHexContentHash() {
        Runbook r = parse(RUNBOOK);
        assertTrue(r.version().matches("[0-9a-f]{12}"), r.version());
        assertEquals(r.version(), parse(RUNBOOK).version(), "same text, same version");
        assertEquals(r.version(), RunbookParser.parse(RUNBOOK, "elsewhere.md").version(), "the source is not hashed");

        String oneCharChanged = RUNBOOK.replace("--replicas=12", "--replicas=13");
        assertNotEquals(RUNBOOK, oneCharChanged);
        assertNotEquals(r.version(), parse(oneCharChanged).version());
    }

    // ---- errors: each names the file and the line to fix ----

    @Test
    void noFrontMatter() {
        RunbookFormatException e = error("""
                # Disk full

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(1, e.line());
        assertEquals("broken.md", e.source());
        assertTrue(e.getMessage().startsWith("broken.md:1: "), e.getMessage());
        assertTrue(e.getMessage().contains("front matter"), e.getMessage());
    }

    @Test
    void unclosedFrontMatter() {
        RunbookFormatException e = error("""
                ---
                id: disk-full
                title: Disk full
                symptoms: [disk full]

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("broken.md:1: "), e.getMessage());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLineOfTheYamlError() {
        RunbookFormatException e = error("""
                ---
                id: disk-full
                symptoms: [disk full]
                title: Disk full: the node ran out of space
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.md:4: "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void invalidYamlTabIndentation() {
        RunbookFormatException e = error("---\nid: disk-full\ntitle: Disk full\nsymptoms:\n\t- disk full\n---\n\n"
                + "## Steps\n\n1. **Free space.**\n");
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void missingId() {
        RunbookFormatException e = error("""
                ---
                title: Disk full
                symptoms: [disk full]
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(2, e.line());
        assertEquals("broken.md:2: front matter needs 'id:'", e.getMessage());
    }

    @Test
    void uppercaseIdNamesTheIdLine() {
        RunbookFormatException e = error("""
                ---
                title: Disk full
                id: Disk-Full
                symptoms: [disk full]
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("broken.md:3: id 'Disk-Full'"), e.getMessage());
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
    }

    @Test
    void idWithASpace() {
        RunbookFormatException e = error("""
                ---
                title: Disk full
                symptoms: [disk full]
                id: disk full
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("broken.md:4: id 'disk full'"), e.getMessage());
    }

    @Test
    void missingTitle() {
        RunbookFormatException e = error("""
                ---
                id: disk-full
                symptoms: [disk full]
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(2, e.line());
        assertEquals("broken.md:2: front matter needs 'title:'", e.getMessage());
    }

    @Test
    void blankTitleNamesTheTitleLine() {
        RunbookFormatException e = error("""
                ---
                id: disk-full
                symptoms: [disk full]
                title: ""
                ---

                ## Steps

                1. **Free space.** Delete old logs.
                """);
        assertEquals(4, e.line());
        assertEquals("broken.md:4: front matter needs 'title:'", e.getMessage());
    }

    @Test
    void noSteps() {
        RunbookFormatException e = error("""
                ---
                id: disk-full
                title: Disk full
                symptoms: [disk full]
                ---

                # Disk full

                Delete old logs, then check again.
                """);
        assertEquals(6, e.line(), "first line after the front matter");
        assertTrue(e.getMessage().startsWith("broken.md:6: no steps"), e.getMessage());
        assertTrue(e.getMessage().contains("numbered list"), e.getMessage());
    }

    /** A valid front matter and "## Steps" heading followed by {@code steps}; the first step is on line 9. */
    private static String withSteps(String steps) {
        return """
                ---
                id: disk-full
                title: Disk full
                symptoms: [disk full]
                ---

                ## Steps

                """ + steps;
    }

    static Stream<Arguments> brokenSteps() {
        return Stream.of(
                Arguments.of("stepWithNoText", withSteps("""
                        1. **Free space.** Delete old logs.
                        2.
                        3. **Check again.** `df -h`
                        """), 10, "broken.md:10: step 2 has no text"),
                Arguments.of("stepWithOnlyAttributesHasNoText", withSteps("""
                        1. **Free space.** Delete old logs.
                        2. - verify: sli >= 0.9
                        """), 10, "broken.md:10: step 2 has no text"),
                Arguments.of("reversibleMustBeYesOrNo", withSteps("""
                        1. **Free space.** Delete old logs.
                           - mitigation: delete-logs
                           - reversible: maybe
                        """), 11, "broken.md:11: step 1: reversible must be yes or no, not 'maybe'"),
                Arguments.of("attributeWithoutValue", withSteps("""
                        1. **Free space.** Delete old logs.
                        2. **Expand the volume.**
                           - mitigation: expand-volume
                           - verify:
                           - reversible: no
                        """), 12, "broken.md:12: step 2: 'verify:' has no value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSteps")
    void brokenStepNamesTheLine(String name, String text, int line, String message) {
        RunbookFormatException e = error(text);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    // ---- the bundled library ----

    static Stream<BundledFiles.Entry> bundledRunbooks() {
        return BundledFiles.list("runbooks", ".md").stream().filter(e -> !e.name().endsWith("README.md"));
    }

    @Test
    void thereAreBundledRunbooks() {
        assertTrue(bundledRunbooks().count() >= 20, "bundled runbooks: " + bundledRunbooks().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledRunbooks")
    void everyBundledRunbookParses(BundledFiles.Entry entry) {
        Runbook r = RunbookParser.parse(entry.text(), entry.name());
        assertEquals(entry.name(), r.source());
        assertEquals("runbooks/" + r.id() + ".md", entry.name(), "file name matches id");
        assertFalse(r.title().isBlank());
        assertFalse(r.symptoms().isEmpty(), "symptoms");
        assertTrue(r.steps().size() >= 3, "steps: " + r.steps().size());
        for (RunbookStep s : r.steps()) {
            assertFalse(s.title().isBlank(), "step " + s.number() + " title");
            assertTrue(s.line() > 1, "step " + s.number() + " line " + s.line());
        }
    }

    @Test
    void bundledProviderOutage() {
        BundledFiles.Entry entry = bundledRunbooks().filter(e -> e.name().equals("runbooks/provider-outage.md"))
                .findFirst().orElseThrow();
        Runbook r = RunbookParser.parse(entry.text(), entry.name());
        assertEquals(6, r.steps().size());
        RunbookStep two = r.steps().get(1);
        assertEquals("Fail over to the fallback provider", two.title());
        assertEquals("fail-over-provider", two.mitigation());
        assertEquals("sli >= 0.82", two.verify());
        assertEquals(Boolean.TRUE, two.reversible());
        assertEquals(41, two.line());
        assertTrue(two.text().contains("The fallback runs on a shared on-demand quota"), two.text());
        assertFalse(two.text().contains("verify:"), two.text());
        assertEquals(List.of("fail-over-provider", "raise-fallback-quota", "enable-model-alias-map", "shed-low-priority"),
                r.steps().stream().map(RunbookStep::mitigation).filter(m -> m != null).toList());
    }
}
