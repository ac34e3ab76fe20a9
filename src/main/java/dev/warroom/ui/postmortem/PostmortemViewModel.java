package dev.warroom.ui.postmortem;

import dev.warroom.incident.Incident;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.postmortem.BlameCheck;
import dev.warroom.postmortem.Postmortem;
import dev.warroom.postmortem.PostmortemDocument;
import dev.warroom.postmortem.PostmortemRenderer;
import dev.warroom.store.PostmortemStore;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The postmortem of the selected incident as editable Markdown: opened from its newest saved version
 * (or generated from the timeline when none was saved), regenerated from the timeline keeping what a
 * person wrote ({@link PostmortemRenderer#render(Incident, List, String)}), blame-checked as it is
 * typed, saved as a new version and exported to a {@code .md} file. Unsaved text survives switching
 * to another incident and back. Holds no widgets; reads and writes run through
 * {@link ConsoleServices#inBackground}.
 */
public final class PostmortemViewModel {
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ConsoleServices services;
    private final ConsoleState state;
    private final PostmortemVersions versions;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    /** The text as last saved or opened from a saved version; null while it was never saved. */
    private final ObjectProperty<String> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final BooleanBinding dirty;
    private final StringBinding saveState;
    private final ReadOnlyStringWrapper savedInfo = new ReadOnlyStringWrapper(this, "savedInfo", "");
    private final ReadOnlyStringWrapper incident = new ReadOnlyStringWrapper(this, "incident", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusError = new ReadOnlyBooleanWrapper(this, "statusError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper newEvents = new ReadOnlyIntegerWrapper(this, "newEvents");
    private final ObservableList<BlameCheck.Warning> warnings = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call holds its listeners weakly and may lose them. */
    private final ObservableList<BlameCheck.Warning> readOnlyWarnings = FXCollections.unmodifiableObservableList(warnings);
    private final StringProperty author = new SimpleStringProperty(this, "author", defaultAuthor());

    private final Map<String, Draft> drafts = new HashMap<>();
    private BlameCheck blame = new BlameCheck(List.of());
    private String current;
    /** The timeline's last event when the text was last generated from it, for the "new events" hint. */
    private long generatedSeq;
    private long generation;
    private boolean polling;

    /** What an incident's editor held when the person switched to another incident. */
    private record Draft(String text, String baseline, String savedInfo, String incident, boolean drill,
                         BlameCheck blame, long generatedSeq) {
    }

    private record Opened(Optional<PostmortemStore.Version> latest, Incident incident, List<TimelineEvent> events) {
    }

    private record Read(Incident incident, List<TimelineEvent> events) {
    }

    public PostmortemViewModel(ConsoleServices services, ConsoleState state, PostmortemVersions versions) {
        this.services = services;
        this.state = state;
        this.versions = versions;
        this.dirty = Bindings.createBooleanBinding(() -> loaded.get() && !Objects.equals(text.get(), baseline.get()),
                loaded, text, baseline);
        this.saveState = Bindings.createStringBinding(this::saveStateText, loaded, dirty, baseline, savedInfo);
        text.addListener((obs, was, now) -> checkBlame());
        state.selectedIncidentProperty().addListener((obs, was, now) -> refresh());
    }

    /** The OS user, as the author of saved versions until someone says otherwise. */
    public static String defaultAuthor() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "scribe" : user.strip();
    }

    // ---- what the panel shows

    /** The Markdown being edited. */
    public StringProperty textProperty() {
        return text;
    }

    /** True when an incident's postmortem is open. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True when the text differs from the last saved version (or none was saved). */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** "Unsaved changes", "Not saved yet" or "Version 3 saved 2026-11-18 02:25 UTC by li". */
    public StringBinding saveStateProperty() {
        return saveState;
    }

    /** "INC-0001  Checkout 503s from model provider"; empty when none is selected. */
    public ReadOnlyStringProperty incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    /** True while a read, save or export runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Events recorded on the timeline since the text was generated from it. */
    public ReadOnlyIntegerProperty newEventsProperty() {
        return newEvents.getReadOnlyProperty();
    }

    /** Sentences that make a responder the cause, in line order. */
    public ObservableList<BlameCheck.Warning> warnings() {
        return readOnlyWarnings;
    }

    /** Who saved versions are by; the OS user by default. */
    public StringProperty authorProperty() {
        return author;
    }

    /** "postmortem-INC-0001.md", as {@code warroom postmortem} names it. */
    public String suggestedFileName() {
        return "postmortem-" + (current == null ? "incident" : current) + ".md";
    }

    /** Where 1-based {@code line} starts in the text, for moving the caret to a warning. */
    public int offsetOfLine(int line) {
        String s = text.get() == null ? "" : text.get();
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = s.indexOf('\n', offset);
            if (next < 0) {
                return s.length();
            }
            offset = next + 1;
        }
        return offset;
    }

    // ---- commands

    /** Follows the selected incident; while it stays the same, counts the events the text does not have yet. */
    public void refresh() {
        String id = state.getSelectedIncident();
        if (!Objects.equals(id, current)) {
            open(id);
            return;
        }
        if (id == null || !loaded.get() || polling) {
            return;
        }
        polling = true;
        long asked = generation;
        services.inBackground(() -> services.timeline().incident(id).map(Incident::lastSeq).orElse(0L), seq -> {
            polling = false;
            if (asked == generation) {
                newEvents.set((int) Math.max(0, seq - generatedSeq));
            }
        }, failure -> polling = false);
    }

    /**
     * Renders the timeline again over the text as it is now: generated sections nobody touched are
     * refreshed, everything written by hand (and any generated section edited) stays.
     */
    public void regenerate() {
        if (!loaded.get() || busy.get()) {
            return;
        }
        String id = current;
        long asked = generation;
        start("Reading the timeline of " + id + "…");
        services.inBackground(() -> read(id), read -> {
            busy.set(false);
            if (asked != generation) {
                return;
            }
            // Merged here, on the FX thread, over the text as it is now: nothing typed meanwhile is lost.
            Postmortem merged = renderer(id).render(read.incident(), read.events(), text.get());
            useTimeline(read);
            text.set(merged.markdown());
            checkBlame();
            say("Regenerated from the timeline (" + read.events().size() + " events)" + kept(merged.kept()) + ".");
        }, failure -> fail("Cannot regenerate from the timeline: " + message(failure)));
    }

    /** Stores the text as the incident's next version. */
    public void saveVersion() {
        if (!loaded.get() || busy.get()) {
            return;
        }
        String id = current;
        String snapshot = text.get();
        String by = author.get() == null || author.get().isBlank() ? defaultAuthor() : author.get().strip();
        start("Saving…");
        services.inBackground(() -> versions.save(id, by, snapshot), version -> {
            busy.set(false);
            String info = info(version);
            if (Objects.equals(id, current)) {
                baseline.set(snapshot);
                savedInfo.set(info);
                say("Saved version " + version.version() + ".");
            } else if (drafts.containsKey(id)) {
                Draft d = drafts.get(id);
                drafts.put(id, new Draft(d.text(), snapshot, info, d.incident(), d.drill(), d.blame(), d.generatedSeq()));
            }
        }, failure -> fail("Version not saved: " + message(failure) + ". Your text is still here."));
    }

    /** Writes the text to {@code file} (replacing it), in the background. */
    public void export(Path file) {
        if (!loaded.get() || busy.get() || file == null) {
            return;
        }
        String snapshot = text.get();
        start("Exporting to " + file + "…");
        services.inBackground(() -> write(file, snapshot), written -> {
            busy.set(false);
            say("Exported to " + written + ".");
        }, failure -> fail("Export failed: " + message(failure)));
    }

    // ---- internals

    private void open(String id) {
        if (current != null && loaded.get()) {
            drafts.put(current, new Draft(text.get(), baseline.get(), savedInfo.get(), incident.get(), drill.get(),
                    blame, generatedSeq));
        }
        current = id;
        generation++;
        polling = false;
        busy.set(false);
        newEvents.set(0);
        statusError.set(false);
        status.set("");
        if (id == null) {
            show(new Draft("", null, "", "", false, new BlameCheck(List.of()), 0), false);
            return;
        }
        Draft draft = drafts.remove(id);
        if (draft != null) {
            show(draft, true);
            return;
        }
        show(new Draft("", null, "", id, false, new BlameCheck(List.of()), 0), false);
        long asked = generation;
        start("Opening the postmortem of " + id + "…");
        services.inBackground(() -> {
            Read read = read(id);
            return new Opened(versions.latest(id), read.incident(), read.events());
        }, opened -> {
            busy.set(false);
            if (asked != generation) {
                return;
            }
            Read read = new Read(opened.incident(), opened.events());
            useTimeline(read);
            if (opened.latest().isPresent()) {
                PostmortemStore.Version v = opened.latest().get();
                baseline.set(v.markdown());
                savedInfo.set(info(v));
                text.set(v.markdown());
                say("Opened version " + v.version() + ".");
            } else {
                baseline.set(null);
                savedInfo.set("");
                text.set(renderer(id).render(opened.incident(), opened.events(), null).markdown());
                say("Generated from the timeline (" + opened.events().size() + " events); not saved yet.");
            }
            loaded.set(true);
            checkBlame();
        }, failure -> {
            if (asked == generation) {
                fail("Cannot open the postmortem of " + id + ": " + message(failure));
            }
        });
    }

    private void show(Draft draft, boolean isLoaded) {
        loaded.set(false);
        blame = draft.blame();
        generatedSeq = draft.generatedSeq();
        incident.set(draft.incident());
        drill.set(draft.drill());
        baseline.set(draft.baseline());
        savedInfo.set(draft.savedInfo());
        text.set(draft.text());
        loaded.set(isLoaded);
        checkBlame();
    }

    private Read read(String id) {
        return new Read(services.timeline().require(id), services.timeline().events(id));
    }

    private void useTimeline(Read read) {
        blame = BlameCheck.forTimeline(read.events());
        generatedSeq = read.incident().lastSeq();
        newEvents.set(0);
        incident.set(read.incident().id() + "  " + read.incident().title());
        drill.set(read.incident().drill());
    }

    /** A drill's regression case carries the seed that replays it. */
    private PostmortemRenderer renderer(String id) {
        PostmortemRenderer renderer = new PostmortemRenderer(services.severities());
        return state.isActiveDrill(id) ? renderer.withSeed(state.getActiveDrill().seed()) : renderer;
    }

    private void checkBlame() {
        String s = text.get();
        warnings.setAll(s == null || s.isBlank() ? List.of() : blame.check(s));
    }

    private static Path write(Path file, String markdown) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // Written beside the target and moved over it, so a crash never leaves half a postmortem.
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, markdown, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private String saveStateText() {
        if (!loaded.get()) {
            return "";
        }
        if (dirty.get()) {
            return baseline.get() == null ? "Not saved yet" : "Unsaved changes";
        }
        return savedInfo.get();
    }

    private static String info(PostmortemStore.Version v) {
        return "Version " + v.version() + " saved " + SAVED_AT.format(v.createdAt()) + " UTC by " + v.author();
    }

    private static String kept(List<PostmortemDocument.Kept> kept) {
        if (kept.isEmpty()) {
            return "";
        }
        return "; kept as edited by hand: " + kept.stream().map(k -> k.section() + " (line " + k.line() + ")")
                .collect(Collectors.joining(", "));
    }

    private void start(String message) {
        busy.set(true);
        statusError.set(false);
        status.set(message);
    }

    private void say(String message) {
        statusError.set(false);
        status.set(message);
    }

    private void fail(String message) {
        busy.set(false);
        statusError.set(true);
        status.set(message);
    }

    private static String message(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
