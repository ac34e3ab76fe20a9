package dev.warroom.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final SettingsViewModel vm = new SettingsViewModel(fixtures.services, fixtures.state, null);

    @AfterEach
    void stop() {
        fixtures.scheduler.shutdownNow();
    }

    @Test
    void toggleTheme_switchesTheConsoleThemeBothWays() {
        assertEquals(Theme.DARK, vm.themeProperty().get());
        vm.toggleTheme();
        assertEquals(Theme.LIGHT, fixtures.state.themeProperty().get());
        vm.toggleTheme();
        assertEquals(Theme.DARK, fixtures.state.themeProperty().get());
        vm.themeProperty().set(Theme.LIGHT);
        assertEquals(Theme.LIGHT, fixtures.state.themeProperty().get(), "the same property as the console's");
    }

    @Test
    void shows_store_folder_ladder_andSeverityTargets() {
        assertEquals("in-memory test store", vm.storePath());
        assertEquals("bundled library only", vm.runbookFolderProperty().get());
        assertTrue(vm.runbookSummaryProperty().get().endsWith("runbooks, no problems"), vm.runbookSummaryProperty().get());
        assertEquals(List.of(new SettingsViewModel.LevelRow("L1", "ana", "primary", "ana@oncall.example", "5m"),
                new SettingsViewModel.LevelRow("L2", "li", "secondary", "li@oncall.example", "5m"),
                new SettingsViewModel.LevelRow("L3", "sam", "manager", "sam@oncall.example", "5m")), vm.levels());
        assertEquals("Policy \"default\": an unacked page climbs to the next level after its delay; after L3 it starts"
                + " again at L1, 1 more time.", vm.escalationSummary());
        assertEquals(new SettingsViewModel.SeverityRow("Sev-1", "sev-1", "15m (p95, 24/7)", "yes", "every 30m",
                "24h after resolve", "ack 10m, status page 30m, resolve 1h"), vm.severities().get(1));
        assertEquals("whole ladder", vm.severities().get(0).pages());
        assertEquals(new SettingsViewModel.SeverityRow("Sev-2", "sev-2", "1h in hours, 2h overnight (p95)", "yes",
                "every 1h", "5 business days", "—"), vm.severities().get(2));
        assertEquals("by the next business day", vm.severities().get(3).ack());
        assertEquals("no: a ticket", vm.severities().get(3).pages());
        assertEquals("Business hours 09:00–18:00 UTC, Mon–Fri", vm.businessHours());
    }

    @Test
    void checkFolder_loadsItInTheBackground_andSaysItAppliesOnRestart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.md"), "no front matter here\n");
        vm.checkFolder(dir);
        assertFalse(vm.folderCheck().isRunning());
        assertTrue(vm.folderNoteProperty().get().startsWith(dir + ": "), vm.folderNoteProperty().get());
        assertTrue(vm.folderNoteProperty().get().contains("1 file with a problem"), vm.folderNoteProperty().get());
        assertTrue(vm.folderNoteProperty().get().endsWith(SettingsViewModel.RESTART_NOTE));
        assertEquals("bundled library only", vm.runbookFolderProperty().get(), "the console keeps its library");
    }

    @Test
    void checkFolder_canBeCancelled(@TempDir Path dir) {
        List<Runnable> queued = new ArrayList<>();
        ConsoleServices s = fixtures.services;
        ConsoleServices slow = new ConsoleServices(s.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(),
                s.severities(), s.escalation(), s.alertPolicy(), s.pager(), s.wall(), queued::add, s.fxThread(),
                s.scheduler(), s.storeName());
        SettingsViewModel later = new SettingsViewModel(slow, fixtures.state, null);
        later.checkFolder(dir);
        assertTrue(later.folderCheck().isRunning());
        assertEquals(-1, later.folderCheck().progressProperty().get(), "indeterminate while loading");
        later.folderCheck().cancel();
        assertFalse(later.folderCheck().isRunning());
        queued.remove(0).run();
        assertEquals(SettingsViewModel.RESTART_NOTE, later.folderNoteProperty().get(), "a cancelled check reports nothing");
    }
}
