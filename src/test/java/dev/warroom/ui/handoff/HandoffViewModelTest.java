package dev.warroom.ui.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.console.ConsoleServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffViewModelTest {
    private final HandoffFixtures fixtures = new HandoffFixtures();
    private final HandoffViewModel vm = new HandoffViewModel(fixtures.console.services, fixtures.records, "ana");

    @AfterEach
    void stop() {
        fixtures.console.scheduler.shutdownNow();
    }

    @Test
    void load_prefillsTheUpcomingWeek_openWorstFirst_resolvedWithPostmortem_drillsMarked() {
        vm.load();
        assertEquals("Week of 2026-11-23  ·  handoff 2026-11-23 10:00 UTC", vm.weekTitleProperty().get());
        assertEquals(List.of("INC-0003", "INC-0002"), vm.openIncidents().stream().map(HandoffViewModel.IncidentLine::id).toList());
        HandoffViewModel.IncidentLine drill = vm.openIncidents().get(0);
        assertTrue(drill.drill());
        assertEquals("sev-1", drill.severityStyleClass());
        assertTrue(drill.text().startsWith("mitigating, owner li (acked the page): Model provider outage"), drill.text());
        HandoffViewModel.IncidentLine resolved = vm.recentlyResolved().get(0);
        assertEquals("INC-0001", resolved.id());
        assertTrue(resolved.text().endsWith("postmortem due 2026-11-25 02:35 UTC"), resolved.text());
        assertEquals("Nothing typed in or saved for this week yet.", vm.versionLineProperty().get());
        assertEquals(List.of("active-changes", "watchpoints", "vacations", "anything-else"),
                vm.sections().stream().map(HandoffViewModel.Section::key).toList());

        vm.includeDrillsProperty().set(false);
        assertEquals(List.of("INC-0002"), vm.openIncidents().stream().map(HandoffViewModel.IncidentLine::id).toList());
    }

    @Test
    void save_makesVersions_historyNewestFirst_andANewConsoleStartsFromTheLatest() {
        vm.load();
        vm.section("watchpoints").textProperty().set("  The search shard weights: watch p99 after reindexes.  ");
        assertTrue(vm.unsavedProperty().get());
        assertEquals("Draft, not saved yet.", vm.versionLineProperty().get());

        vm.save();
        assertFalse(vm.unsavedProperty().get());
        assertEquals("Version 1, saved by ana at 2026-11-18 02:40 UTC.", vm.versionLineProperty().get());
        assertEquals(List.of(new HandoffViewModel.VersionRow("v1", "2026-11-18 02:40 UTC", "ana", "wrote watchpoints")),
                vm.history());

        vm.authorProperty().set("li");
        vm.section("watchpoints").textProperty().set("");
        vm.section("vacations").textProperty().set("noor out Thursday; li covers.");
        assertTrue(vm.versionLineProperty().get().startsWith("Unsaved changes; based on version 1"));
        vm.save();
        assertEquals(List.of("v2", "v1"), vm.history().stream().map(HandoffViewModel.VersionRow::version).toList());
        assertEquals("wrote vacations; cleared watchpoints", vm.history().get(0).changes());
        assertEquals("li", vm.history().get(0).author());

        HandoffViewModel next = new HandoffViewModel(fixtures.console.services, fixtures.records, "noor");
        next.load();
        assertEquals("noor out Thursday; li covers.", next.section("vacations").textProperty().get());
        assertEquals("", next.section("watchpoints").textProperty().get());
        assertFalse(next.unsavedProperty().get());
    }

    @Test
    void save_withoutAName_saysWhoIsMissing_andKeepsTheDraft() {
        vm.load();
        vm.section("anything-else").textProperty().set("coffee machine on fire");
        vm.authorProperty().set(" ");
        vm.save();
        assertEquals("Who is saving? Type your name next to Save.", vm.messageProperty().get());
        assertTrue(vm.unsavedProperty().get());
        assertTrue(vm.history().isEmpty());
    }

    @Test
    void reload_keepsUnsavedTyping() {
        vm.load();
        vm.section("active-changes").textProperty().set("rag-api 3.8.1 canary Tuesday");
        vm.load();
        assertEquals("rag-api 3.8.1 canary Tuesday", vm.section("active-changes").textProperty().get());
        assertTrue(vm.unsavedProperty().get());
    }

    @Test
    void checklist_acksItemsForAPerson() {
        vm.load();
        assertEquals("0 of 7 done", vm.checklistSummaryProperty().get());
        vm.ack("read-handoff");
        vm.ack("read-handoff");
        assertEquals("1 of 7 done", vm.checklistSummaryProperty().get());
        HandoffViewModel.ChecklistRow row = vm.checklist().stream().filter(r -> r.id().equals("read-handoff"))
                .findFirst().orElseThrow();
        assertTrue(row.done());
        assertEquals("acked 2026-11-18 02:40 UTC", row.ackedAt());

        vm.personProperty().set("li");
        assertEquals("0 of 7 done", vm.checklistSummaryProperty().get(), "each person has their own list");
    }

    @Test
    void export_writesTheMarkdownWithWhatIsTyped(@TempDir Path dir) throws IOException {
        vm.load();
        vm.section("watchpoints").textProperty().set("noisy disk alert on db-2");
        Path file = dir.resolve("handoff.md");
        vm.exportTo(file);
        String md = Files.readString(file);
        assertTrue(md.startsWith("# Shift handoff: week of 2026-11-23"), md);
        assertTrue(md.contains("noisy disk alert on db-2"));
        assertTrue(md.contains("INC-0003 [DRILL] Sev-1"));
        assertFalse(vm.exportAction().isRunning());
        assertTrue(vm.messageProperty().get().startsWith("Exported the handoff to "));
    }

    @Test
    void export_showsProgress_andCancelLeavesNoFile(@TempDir Path dir) throws IOException {
        List<Runnable> queued = new ArrayList<>();
        ConsoleServices s = fixtures.console.services;
        ConsoleServices slow = new ConsoleServices(s.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(),
                s.severities(), s.escalation(), s.alertPolicy(), s.pager(), s.wall(), queued::add, s.fxThread(),
                s.scheduler(), s.storeName());
        HandoffViewModel later = new HandoffViewModel(slow, fixtures.records, "ana");
        later.load();
        queued.remove(0).run();

        Path file = dir.resolve("handoff.md");
        later.exportTo(file);
        assertTrue(later.exportAction().isRunning());
        assertEquals("Exporting to handoff.md…", later.exportAction().messageProperty().get());
        later.exportAction().cancel();
        assertFalse(later.exportAction().isRunning());
        assertEquals("Cancelled.", later.exportAction().messageProperty().get());

        queued.remove(0).run(); // the work notices the cancel between steps
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left behind");
        }
        assertEquals("Cancelled.", later.exportAction().messageProperty().get());
    }
}
