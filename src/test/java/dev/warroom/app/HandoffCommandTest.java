package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.handoff.Checklist;
import dev.warroom.handoff.HandoffMarkdown;
import dev.warroom.handoff.HandoffTemplate;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.store.WarroomStore;
import dev.warroom.time.VirtualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class HandoffCommandTest {
    private static final HandoffTemplate TEMPLATE = HandoffTemplate.builtIn();

    @TempDir
    Path tmp;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-16T09:30:00Z"));

    private String db() {
        return tmp.resolve("store/warroom").toString();
    }

    /** Runs {@code warroom ARGS} with the handoff commands on the test's clock. */
    private CommandLineTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ((HandoffCommand) cmd.getSubcommands().get("handoff").getCommand()).clock = clock;
        int exit = cmd.execute(args);
        return new CommandLineTest.Result(exit, out.toString(), err.toString());
    }

    /** The lines under "## TITLE", up to the next heading. */
    private static List<String> section(String markdown, String title) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf("## " + title);
        assertTrue(start >= 0, "no section " + title + " in\n" + markdown);
        return lines.stream().skip(start + 1).takeWhile(l -> !l.startsWith("## ")).filter(l -> !l.isBlank()).toList();
    }

    @Test
    void handoff_afterAnAutoDrill_listsItsIncidentAndAnOpenOne() {
        CommandLineTest.Result drill = run("drill", "--scenario", "provider-outage", "--auto", "--seed", "5",
                "--start", "2026-11-16T02:00:00Z", "--db", db(), "--out", tmp.resolve("drill").toString());
        assertEquals(0, drill.exit(), drill.err());
        Incident drilled;
        Incident open;
        try (WarroomStore store = WarroomStore.openH2(Path.of(db()))) {
            Timeline timeline = store.timeline(new VirtualClock(Instant.parse("2026-11-16T08:00:00Z")));
            drilled = timeline.require("INC-0001");
            open = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared("Checkout p95 latency drift",
                    Severity.SEV2, "checkout", "latency", false, null, null));
            timeline.recordAll(open.id(), "noor", List.of(new EventPayload.RoleAssigned("incident_commander", "noor"),
                    new EventPayload.SymptomNamed("p95 above 800 ms")));
        }
        assertTrue(drilled.resolvedAt().isBefore(Instant.parse("2026-11-16T10:00:00Z")), "resolved before the handoff");

        CommandLineTest.Result r = run("handoff", "--week", "2026-11-18", "--db", db());

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("# Shift handoff: week of 2026-11-16\n"), r.out());
        assertEquals(TEMPLATE.sections().stream().map(s -> "## " + s.title()).toList(),
                r.out().lines().filter(l -> l.startsWith("## ")).toList(), "every section, in order");
        assertEquals(List.of("- " + open.id() + " Sev-2, triaged, owner noor (incident commander): Checkout p95 latency"
                + " drift (declared 2026-11-16 08:00 UTC)"), section(r.out(), "Open incidents"));
        List<String> resolved = section(r.out(), "Recently resolved (last 7 days)");
        assertEquals(1, resolved.size(), r.out());
        assertTrue(resolved.get(0).startsWith("- INC-0001 [DRILL] Sev-1: " + drilled.title() + ", resolved "
                + HandoffMarkdown.time(drilled.resolvedAt())), resolved.get(0));
        assertTrue(resolved.get(0).endsWith("; postmortem due "
                + HandoffMarkdown.time(drilled.resolvedAt().plus(Duration.ofHours(24)))), resolved.get(0));
        for (HandoffTemplate.Section s : TEMPLATE.typedSections()) {
            assertEquals(List.of("_Not written yet: " + s.hint() + "_"), section(r.out(), s.title()));
        }

        CommandLineTest.Result noDrills = run("handoff", "--week", "2026-11-16", "--no-drills", "--db", db());
        assertEquals(List.of("Nothing resolved in the last 7 days."),
                section(noDrills.out(), "Recently resolved (last 7 days)"));
        CommandLineTest.Result weekLater = run("handoff", "--week", "2026-11-23", "--db", db());
        assertEquals(List.of("Nothing resolved in the last 7 days."),
                section(weekLater.out(), "Recently resolved (last 7 days)"), "a week on, the drill is history");
        assertEquals(1, section(weekLater.out(), "Open incidents").size(), weekLater.out());
    }

    @Test
    void setSaveHistory_everySaveIsANewVersion() throws Exception {
        CommandLineTest.Result draft = run("handoff", "--db", db(), "--set", "watchpoints=payments-db replica lag");
        assertEquals(0, draft.exit(), draft.err());
        assertTrue(draft.out().contains("Draft, not saved."), draft.out());
        assertEquals(List.of("payments-db replica lag"), section(draft.out(), "Watchpoints"));
        assertTrue(run("handoff", "--db", db()).out().contains("Nothing typed in or saved for this week yet."),
                "a draft is not kept");

        CommandLineTest.Result v1 = run("handoff", "--db", db(), "--save", "--author", "noor",
                "--set", "watchpoints=payments-db replica lag", "--set", "vacations=kai out Friday; lee covers");
        assertEquals(0, v1.exit(), v1.err());
        assertTrue(v1.out().contains("Version 1, saved by noor at 2026-11-16 09:30 UTC."), v1.out());

        clock.advance(Duration.ofMinutes(15));
        CommandLineTest.Result v2 = run("handoff", "--db", db(), "--save", "--author", "kai",
                "--set", "vacations=", "--set", "active-changes=- api v2.14 deploy Tue 14:00 (owner: lee)");
        assertEquals(0, v2.exit(), v2.err());

        CommandLineTest.Result latest = run("handoff", "--db", db());
        assertTrue(latest.out().contains("Version 2, saved by kai at 2026-11-16 09:45 UTC."), latest.out());
        assertEquals(List.of("payments-db replica lag"), section(latest.out(), "Watchpoints"), "carried over");
        assertEquals(List.of("- api v2.14 deploy Tue 14:00 (owner: lee)"), section(latest.out(), "Active changes"));
        assertTrue(section(latest.out(), "Vacations / known-out").get(0).startsWith("_Not written yet: "));

        CommandLineTest.Result history = run("handoff", "--db", db(), "--history");
        assertEquals("""
                Handoff for the week of 2026-11-16: 2 versions
                v1  2026-11-16 09:30 UTC  noor: wrote vacations, watchpoints
                v2  2026-11-16 09:45 UTC  kai: wrote active-changes; cleared vacations
                """, history.out());

        CommandLineTest.Result old = run("handoff", "--db", db(), "--saved-version", "1");
        assertEquals(List.of("kai out Friday; lee covers"), section(old.out(), "Vacations / known-out"));

        CommandLineTest.Result restored = run("handoff", "--db", db(), "--saved-version", "1", "--save", "--author", "noor");
        assertTrue(restored.out().contains("Version 3, saved by noor"), restored.out());
        assertTrue(run("handoff", "--db", db(), "--history").out().endsWith(
                "v3  2026-11-16 09:45 UTC  noor: wrote vacations; cleared active-changes\n"));

        Path file = tmp.resolve("export/handoff.md");
        CommandLineTest.Result export = run("handoff", "--db", db(), "--out", file.toString());
        assertEquals("wrote " + file + " (version 3)\n", export.out());
        assertEquals(restored.out(), Files.readString(file));
    }

    @Test
    void defaultWeek_isTheNextHandoff_soSundayEveningPreparesMondays() {
        clock.set(Instant.parse("2026-11-22T23:00:00Z"));
        CommandLineTest.Result r = run("handoff", "--db", db());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("# Shift handoff: week of 2026-11-23\n"), r.out());
        assertTrue(r.out().contains("Handoff at 2026-11-23 10:00 UTC."), r.out());
    }

    @Test
    void checklist_ackTwiceIsHarmless_andProgressIsPerPerson() {
        CommandLineTest.Result first = run("handoff", "checklist", "--db", db(), "--person", "noor",
                "--ack", "read-handoff", "--ack", "run-drill");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("acked read-handoff\nacked run-drill\n"
                + "First-day-on-call checklist for noor, week of 2026-11-16: 2 of 7 done\n"), first.out());

        clock.advance(Duration.ofHours(2));
        CommandLineTest.Result again = run("handoff", "checklist", "--db", db(), "--person", "noor", "--ack", "read-handoff");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("read-handoff was already acked; nothing changed\n"), again.out());
        assertTrue(again.out().contains("- [x] read-handoff: Read the last handoff (warroom handoff). (acked 2026-11-16 09:30 UTC)"),
                again.out());

        CommandLineTest.Result kai = run("handoff", "checklist", "--db", db(), "--person", "kai");
        assertTrue(kai.out().startsWith("First-day-on-call checklist for kai, week of 2026-11-16: 0 of 7 done\n"), kai.out());
        assertFalse(kai.out().contains("[x]"), kai.out());

        List<String> everyItem = Checklist.builtIn().items().stream().map(Checklist.Item::id).toList();
        String[] args = Stream.concat(Stream.of("handoff", "checklist", "--db", db(), "--person", "kai"),
                everyItem.stream().flatMap(i -> Stream.of("--ack", i))).toArray(String[]::new);
        assertTrue(run(args).out().contains(": 7 of 7 done, all set\n"));
    }

    static Stream<List<String>> badArguments() {
        return Stream.of(
                List.of("handoff", "--week", "next-monday"),
                List.of("handoff", "--set", "open-incidents=all fine"),
                List.of("handoff", "--set", "weather=sunny"),
                List.of("handoff", "--set", "watchpoints"),
                List.of("handoff", "--history", "--save"),
                List.of("handoff", "--save", "--author", " "),
                List.of("handoff", "checklist", "--ack", "make-coffee"),
                List.of("handoff", "checklist", "--week", "2026-13-01"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArguments_giveOneLineAndExitCode2(List<String> args) {
        String[] withDb = Stream.concat(args.stream(), Stream.of("--db", db())).toArray(String[]::new);
        CommandLineTest.Result r = run(withDb);
        assertEquals(2, r.exit(), args + " -> " + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("warroom: "), r.err());
        assertFalse(Files.exists(tmp.resolve("store/warroom.mv.db")), "refused before the store is opened");
    }

    @Test
    void unknownChecklistItem_namesTheItemAndTheChoices() {
        CommandLineTest.Result r = run("handoff", "checklist", "--db", db(), "--person", "noor", "--ack", "make-coffee");
        assertTrue(r.err().startsWith("warroom: --ack: unknown checklist item 'make-coffee' (items: ack-rotation, "),
                r.err());
    }

    @Test
    void unknownVersion_isAnErrorSayingWhichExist() {
        assertEquals(0, run("handoff", "--db", db(), "--save", "--author", "noor").exit());
        CommandLineTest.Result r = run("handoff", "--db", db(), "--saved-version", "4");
        assertEquals(1, r.exit());
        assertEquals("warroom: no version 4 of the handoff for the week of 2026-11-16; saved versions are 1 to 1\n",
                r.err());
    }

    @Test
    void help_namesEveryTypedSectionAndChecklistItem() {
        CommandLineTest.Result help = run("handoff", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: warroom handoff"), help.out());
        String flat = help.out().replaceAll("\\s+", " ");
        TEMPLATE.typedSections().forEach(s -> assertTrue(flat.contains(s.key()), s.key() + " missing from\n" + help.out()));
        String checklistHelp = run("handoff", "checklist", "--help").out().replaceAll("\\s+", " ");
        Checklist.builtIn().items().forEach(i -> assertTrue(checklistHelp.contains(i.id()), i.id()));
    }
}
