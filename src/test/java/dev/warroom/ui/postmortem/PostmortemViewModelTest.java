package dev.warroom.ui.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import dev.warroom.postmortem.BlameCheck;
import dev.warroom.store.PostmortemStore;
import dev.warroom.ui.console.ConsoleFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The postmortem editor's view model over an in-memory console: direct executors, results at once. */
class PostmortemViewModelTest {
    static final String POORLY_PLACEHOLDER = "_What the responders saw go poorly: to be written._";

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final InMemoryPostmortemVersions versions = new InMemoryPostmortemVersions(fixtures.wall);
    private PostmortemViewModel editor;
    private LiveDrill drill;
    private String id;

    @BeforeEach
    void setUp() {
        drill = fixtures.drillMidway();
        id = drill.incidentId().orElseThrow();
        editor = new PostmortemViewModel(fixtures.services, fixtures.state, versions);
        editor.authorProperty().set("li");
        editor.refresh();
    }

    @Test
    void open_withoutSavedVersion_generatesFromTheTimeline_notSavedYet() {
        assertTrue(editor.loadedProperty().get());
        assertTrue(editor.textProperty().get().startsWith("# Postmortem: " + id + " Model provider outage (503s) (DRILL)"));
        assertTrue(editor.dirtyProperty().get());
        assertEquals("Not saved yet", editor.saveStateProperty().get());
        assertTrue(editor.incidentProperty().get().startsWith(id + "  "));
        assertTrue(editor.drillProperty().get());
        assertTrue(editor.statusProperty().get().startsWith("Generated from the timeline"), editor.statusProperty().get());
    }

    @Test
    void regenerate_keepsWhatAPersonWrote_andRefreshesUntouchedSections() {
        String mine = "The fallback provider's quota was sized for a tenth of our traffic.";
        edit(POORLY_PLACEHOLDER, mine);
        drill.advance(Duration.ofMinutes(1));
        fixtures.timeline.on(drill.clock()).record(id, "ana", new EventPayload.Note("provider confirms the outage"));
        editor.refresh();
        assertTrue(editor.newEventsProperty().get() >= 1, "the editor notices the timeline moved on");

        editor.regenerate();

        String text = editor.textProperty().get();
        assertTrue(text.contains(mine), "the hand-written paragraph survives");
        assertFalse(text.contains(POORLY_PLACEHOLDER));
        assertTrue(text.contains("note: provider confirms the outage"), "the timeline section has the new note");
        assertEquals(0, editor.newEventsProperty().get());
        assertTrue(editor.statusProperty().get().startsWith("Regenerated from the timeline"), editor.statusProperty().get());
    }

    @Test
    void regenerate_keepsAnEditedGeneratedSection_andSaysSo() {
        String text = editor.textProperty().get();
        int start = text.indexOf("section=root-cause");
        int body = text.indexOf('\n', start) + 1;
        int end = text.indexOf("<!-- /warroom:generated -->", body);
        String cause = "The provider's regional outage; our client had no circuit breaker.\n";
        editor.textProperty().set(text.substring(0, body) + cause + text.substring(end));

        editor.regenerate();

        assertTrue(editor.textProperty().get().contains(cause));
        assertTrue(editor.statusProperty().get().contains("kept as edited by hand: root-cause (line "),
                editor.statusProperty().get());
    }

    @Test
    void blameCheck_warnsAboutLiForgot_withItsLine() {
        edit(POORLY_PLACEHOLDER, "li forgot to renew the provider API key before the weekend.");
        int line = lineOf("li forgot to renew");

        assertEquals(1, editor.warnings().size(), editor.warnings().toString());
        BlameCheck.Warning warning = editor.warnings().get(0);
        assertEquals(line, warning.line());
        assertEquals("li", warning.person());
        assertEquals("li forgot", warning.trigger());
        assertEquals(editor.textProperty().get().indexOf("li forgot"), editor.offsetOfLine(line));

        edit("li forgot to renew the provider API key", "The provider API key expired unnoticed");
        assertTrue(editor.warnings().isEmpty(), "rewritten without blame, the warning goes");
    }

    @Test
    void saveVersion_storesTheText_andClearsTheUnsavedMark() {
        edit(POORLY_PLACEHOLDER, "Failover took two minutes to find.");
        editor.saveVersion();

        Optional<PostmortemStore.Version> saved = versions.latest(id);
        assertTrue(saved.isPresent());
        assertEquals(1, saved.get().version());
        assertEquals("li", saved.get().author());
        assertEquals(editor.textProperty().get(), saved.get().markdown());
        assertFalse(editor.dirtyProperty().get());
        assertEquals("Version 1 saved 2026-11-18 02:00 UTC by li", editor.saveStateProperty().get());

        editor.textProperty().set(editor.textProperty().get() + "\nmore\n");
        assertTrue(editor.dirtyProperty().get());
        assertEquals("Unsaved changes", editor.saveStateProperty().get());
        editor.saveVersion();
        assertEquals(2, versions.versions(id).size());
    }

    @Test
    void saveVersion_failed_isShown_andTheTextKept() {
        PostmortemViewModel failing = new PostmortemViewModel(fixtures.services, fixtures.state, new PostmortemVersions() {
            @Override
            public PostmortemStore.Version save(String incidentId, String author, String markdown) {
                throw new IllegalStateException("store is read-only");
            }

            @Override
            public Optional<PostmortemStore.Version> latest(String incidentId) {
                return Optional.empty();
            }
        });
        failing.refresh();
        failing.textProperty().set("# mine\n");
        failing.saveVersion();
        assertEquals("# mine\n", failing.textProperty().get());
        assertTrue(failing.statusErrorProperty().get());
        assertEquals("Version not saved: store is read-only. Your text is still here.", failing.statusProperty().get());
        assertTrue(failing.dirtyProperty().get());
    }

    @Test
    void open_withASavedVersion_showsIt() {
        versions.save(id, "ana", "# Postmortem: " + id + " as ana left it\n");
        PostmortemViewModel reopened = new PostmortemViewModel(fixtures.services, fixtures.state, versions);
        reopened.refresh();
        assertEquals("# Postmortem: " + id + " as ana left it\n", reopened.textProperty().get());
        assertFalse(reopened.dirtyProperty().get());
        assertEquals("Version 1 saved 2026-11-18 02:00 UTC by ana", reopened.saveStateProperty().get());
    }

    @Test
    void export_writesTheMarkdownToTheChosenFile(@TempDir Path dir) throws IOException {
        edit(POORLY_PLACEHOLDER, "Exported by hand.");
        Path file = dir.resolve("out").resolve(editor.suggestedFileName());
        editor.export(file);

        assertEquals(editor.textProperty().get(), Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("Exported to " + file.toAbsolutePath() + ".", editor.statusProperty().get());
        assertEquals("postmortem-" + id + ".md", file.getFileName().toString());
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void switchingIncidents_keepsTheUnsavedDraft() {
        fixtures.timeline.declare("ana", new EventPayload.IncidentDeclared("Search latency", Severity.SEV3, "search",
                "search-latency", false, null, "p99 over 2 s"));
        edit(POORLY_PLACEHOLDER, "Draft not saved yet.");
        String draft = editor.textProperty().get();

        fixtures.state.setSelectedIncident("INC-0002");
        assertTrue(editor.textProperty().get().startsWith("# Postmortem: INC-0002 Search latency"));
        assertFalse(editor.drillProperty().get());

        fixtures.state.setSelectedIncident(id);
        assertEquals(draft, editor.textProperty().get());
        assertTrue(editor.dirtyProperty().get());

        fixtures.state.setSelectedIncident(null);
        assertFalse(editor.loadedProperty().get());
        assertEquals("", editor.textProperty().get());
    }

    private void edit(String from, String to) {
        String text = editor.textProperty().get();
        assertTrue(text.contains(from), "no '" + from + "' in the text");
        editor.textProperty().set(text.replace(from, to));
    }

    private int lineOf(String s) {
        String[] lines = editor.textProperty().get().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(s)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + s);
    }
}
