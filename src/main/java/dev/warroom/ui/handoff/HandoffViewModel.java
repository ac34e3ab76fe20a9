package dev.warroom.ui.handoff;

import dev.warroom.ui.console.LongAction;
import dev.warroom.handoff.Checklist;
import dev.warroom.handoff.ChecklistAck;
import dev.warroom.handoff.Handoff;
import dev.warroom.handoff.HandoffMarkdown;
import dev.warroom.handoff.HandoffPrefill;
import dev.warroom.handoff.HandoffTemplate;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import dev.warroom.handoff.OpenIncident;
import dev.warroom.handoff.ResolvedIncident;
import dev.warroom.ui.console.ConsoleServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Handoff panel: the upcoming week's handoff, prefilled from the timeline; the typed-in
 * sections editable and saved as versions; the history; export to Markdown; the first-day-on-call
 * checklist of one person. Holds no widgets; call everything on the FX thread. Reads and writes
 * run through {@link ConsoleServices#inBackground}, the export through a cancellable {@link LongAction}.
 */
public final class HandoffViewModel {
    /** The prefilled sections follow the timeline; rereading them more often than this is waste. */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);

    /** A typed section as an editor shows it. */
    public static final class Section {
        private final String key;
        private final String title;
        private final String hint;
        private final StringProperty text = new SimpleStringProperty(this, "text", "");

        Section(HandoffTemplate.Section s) {
            this.key = s.key();
            this.title = s.title();
            this.hint = s.hint();
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        /** What to write here; shown as the empty editor's prompt. */
        public String hint() {
            return hint;
        }

        public StringProperty textProperty() {
            return text;
        }
    }

    /** One prefilled line; {@code severityStyleClass} ("sev-1") colours the severity word. */
    public record IncidentLine(String id, String severity, String severityStyleClass, boolean drill, String text) {
    }

    /** One saved version: "v2", when, who, what it changed. */
    public record VersionRow(String version, String savedAt, String author, String changes) {
    }

    /** One checklist item and whether this person has done it this week. */
    public record ChecklistRow(String id, String text, boolean done, String ackedAt) {
    }

    private final ConsoleServices services;
    private final HandoffRecords records;
    private final HandoffTemplate template = HandoffTemplate.builtIn();
    private final Checklist checklist = Checklist.builtIn();
    private final LongAction export;

    private final ReadOnlyStringWrapper weekTitle = new ReadOnlyStringWrapper(this, "weekTitle", "");
    private final BooleanProperty includeDrills = new SimpleBooleanProperty(this, "includeDrills", true);
    private final ObservableList<IncidentLine> open = FXCollections.observableArrayList();
    private final ObservableList<IncidentLine> resolved = FXCollections.observableArrayList();
    private final List<Section> sections;
    private final StringProperty author = new SimpleStringProperty(this, "author");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyStringWrapper versionLine = new ReadOnlyStringWrapper(this, "versionLine", "");
    private final ObservableList<VersionRow> history = FXCollections.observableArrayList();
    private final StringProperty person = new SimpleStringProperty(this, "person");
    private final ObservableList<ChecklistRow> checklistRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper checklistSummary = new ReadOnlyStringWrapper(this, "checklistSummary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private HandoffWeek week;
    private Handoff prefilled;
    private HandoffVersion basedOn;
    private Instant loadedAt;
    /** True while the view model itself fills the editors, so that is not taken for typing. */
    private boolean filling;

    /**
     * @param person who saves and whose checklist it is, until changed (the login name in the app)
     */
    public HandoffViewModel(ConsoleServices services, HandoffRecords records, String person) {
        this.services = services;
        this.records = records;
        this.export = new LongAction(services);
        this.sections = template.typedSections().stream().map(Section::new).toList();
        this.author.set(person);
        this.person.set(person);
        sections.forEach(s -> s.textProperty().addListener((obs, was, now) -> {
            if (!filling) {
                updateUnsaved();
            }
        }));
        includeDrills.addListener((obs, was, now) -> load());
        this.person.addListener((obs, was, now) -> load());
        week = HandoffWeek.upcoming(services.wall().instant());
        weekTitle.set(title(week));
    }

    // ---- commands

    /** Rereads the prefill, the history and the checklist; keeps what is typed and not saved. */
    public void load() {
        HandoffWeek w = HandoffWeek.upcoming(services.wall().instant());
        boolean drills = includeDrills.get();
        String who = person.get();
        loadedAt = services.wall().instant();
        services.inBackground(() -> new Loaded(w, new HandoffPrefill(services.timeline(), services.severities())
                        .prefill(w, drills), records.history(w), who == null || who.isBlank() ? List.of()
                        : records.acks(w, who)),
                this::apply, e -> message.set("Could not read the handoff: " + e.getMessage()));
    }

    /** Called by the console once a second; rereads at most every {@link #REFRESH_EVERY}. */
    public void refresh() {
        if (loadedAt == null || !services.wall().instant().isBefore(loadedAt.plus(REFRESH_EVERY))) {
            load();
        }
    }

    /** Saves the typed sections as the week's next version, by {@link #authorProperty() author}. */
    public void save() {
        String who = author.get();
        try {
            HandoffVersion.requireName(who);
        } catch (IllegalArgumentException e) {
            message.set("Who is saving? Type your name next to Save.");
            return;
        }
        HandoffWeek w = week;
        Map<String, String> typed = typed();
        busy.set(true);
        services.inBackground(() -> {
            HandoffVersion saved = records.save(w, who.strip(), typed);
            return new Saved(saved, records.history(w));
        }, s -> {
            busy.set(false);
            basedOn = s.version();
            history.setAll(rows(s.history()));
            updateUnsaved();
            message.set("Saved version " + s.version().version() + " by " + s.version().author() + " at "
                    + HandoffMarkdown.time(s.version().savedAt()) + ".");
        }, e -> {
            busy.set(false);
            message.set("Not saved: " + e.getMessage());
        });
    }

    /** Ticks checklist item {@code itemId} for {@link #personProperty() person}; acks stay, there is no un-ack. */
    public void ack(String itemId) {
        String who = person.get();
        try {
            HandoffVersion.requireName(who);
        } catch (IllegalArgumentException e) {
            message.set("Whose checklist is it? Type a name first.");
            return;
        }
        HandoffWeek w = week;
        services.inBackground(() -> {
            records.ack(w, who.strip(), itemId);
            return records.acks(w, who.strip());
        }, this::showChecklist, e -> message.set("Could not record the ack: " + e.getMessage()));
    }

    /**
     * Writes the handoff as it reads now (typed text included, saved or not) to {@code file}, in the
     * background; cancel with {@link #exportAction()}. A cancelled export leaves no file behind.
     */
    public void exportTo(Path file) {
        if (prefilled == null) {
            message.set("The handoff is still loading.");
            return;
        }
        Handoff current = current();
        export.run("Exporting to " + file.getFileName(), progress -> {
            String markdown = HandoffMarkdown.render(template, current);
            progress.update(0.3, "Writing " + file.getFileName() + "…");
            progress.check();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".handoff-", ".md.tmp");
            try {
                Files.writeString(temp, markdown, StandardCharsets.UTF_8);
                progress.update(0.8, null);
                progress.check();
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        }, f -> message.set("Exported the handoff to " + f + "."), e -> message.set("Export failed: " + e.getMessage()));
    }

    // ---- state

    private void apply(Loaded loaded) {
        week = loaded.week();
        weekTitle.set(title(week));
        prefilled = loaded.handoff();
        open.setAll(loaded.handoff().open().stream().map(HandoffViewModel::line).toList());
        resolved.setAll(loaded.handoff().resolved().stream().map(HandoffViewModel::line).toList());
        history.setAll(rows(loaded.history()));
        HandoffVersion latest = loaded.history().isEmpty() ? null : loaded.history().get(loaded.history().size() - 1);
        boolean edited = unsaved.get();
        if (basedOn == null || !basedOn.week().equals(week) || !edited) {
            basedOn = latest;
            if (!edited) {
                fill(latest == null ? Map.of() : latest.sections());
            }
        }
        showChecklist(loaded.acks());
        updateUnsaved();
    }

    private void fill(Map<String, String> texts) {
        filling = true;
        try {
            sections.forEach(s -> s.textProperty().set(texts.getOrDefault(s.key(), "")));
        } finally {
            filling = false;
        }
    }

    private void showChecklist(List<ChecklistAck> acks) {
        Checklist.Progress progress = checklist.progress(acks);
        checklistRows.setAll(progress.entries().stream().map(e -> new ChecklistRow(e.item().id(), e.item().text(),
                e.done(), e.done() ? "acked " + HandoffMarkdown.time(e.ack().at()) : "")).toList());
        checklistSummary.set(progress.done() + " of " + progress.total() + " done" + (progress.complete()
                ? ", all set" : ""));
    }

    private void updateUnsaved() {
        Map<String, String> saved = basedOn == null ? Map.of() : basedOn.sections();
        unsaved.set(!typed().equals(saved));
        String savedText = basedOn == null ? null : "Version " + basedOn.version() + ", saved by " + basedOn.author()
                + " at " + HandoffMarkdown.time(basedOn.savedAt());
        if (unsaved.get()) {
            versionLine.set(savedText == null ? "Draft, not saved yet." : "Unsaved changes; based on "
                    + savedText.toLowerCase(Locale.ROOT).charAt(0) + savedText.substring(1) + ".");
        } else {
            versionLine.set(savedText == null ? "Nothing typed in or saved for this week yet." : savedText + ".");
        }
    }

    /** The typed sections as they would be saved: stripped, blank ones left out. */
    private Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        sections.forEach(s -> {
            String text = s.textProperty().get();
            if (text != null && !text.isBlank()) {
                typed.put(s.key(), text.strip());
            }
        });
        return typed;
    }

    private Handoff current() {
        Handoff base = basedOn != null && basedOn.week().equals(prefilled.week()) ? prefilled.from(basedOn) : prefilled;
        Map<String, String> changes = new LinkedHashMap<>();
        sections.forEach(s -> changes.put(s.key(), s.textProperty().get()));
        return base.edit(template, changes);
    }

    private static List<VersionRow> rows(List<HandoffVersion> versions) {
        // newest first: the list answers "who changed it last"
        List<VersionRow> rows = new java.util.ArrayList<>();
        Map<String, String> before = Map.of();
        for (HandoffVersion v : versions) {
            rows.add(0, new VersionRow("v" + v.version(), HandoffMarkdown.time(v.savedAt()), v.author(),
                    changes(before, v.sections())));
            before = v.sections();
        }
        return rows;
    }

    static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> wrote = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).sorted().toList();
        List<String> cleared = before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().toList();
        List<String> parts = new java.util.ArrayList<>();
        if (!wrote.isEmpty()) {
            parts.add("wrote " + String.join(", ", wrote));
        }
        if (!cleared.isEmpty()) {
            parts.add("cleared " + String.join(", ", cleared));
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static IncidentLine line(OpenIncident i) {
        return new IncidentLine(i.id(), i.severity().label(), i.severity().label().toLowerCase(Locale.ROOT), i.drill(),
                i.status() + ", owner " + i.owner().text() + ": " + i.title() + " (declared "
                        + HandoffMarkdown.time(i.declaredAt()) + ")");
    }

    private static IncidentLine line(ResolvedIncident i) {
        return new IncidentLine(i.id(), i.severity().label(), i.severity().label().toLowerCase(Locale.ROOT), i.drill(),
                i.title() + ", resolved " + HandoffMarkdown.time(i.resolvedAt()) + "; " + i.postmortem().text());
    }

    private static String title(HandoffWeek w) {
        return "Week of " + w.id() + "  ·  handoff " + HandoffMarkdown.time(w.handoffAt());
    }

    private record Loaded(HandoffWeek week, Handoff handoff, List<HandoffVersion> history, List<ChecklistAck> acks) {
    }

    private record Saved(HandoffVersion version, List<HandoffVersion> history) {
    }

    // ---- properties

    public HandoffTemplate template() {
        return template;
    }

    public ReadOnlyStringProperty weekTitleProperty() {
        return weekTitle.getReadOnlyProperty();
    }

    /** False leaves drill incidents out of the prefilled sections. */
    public BooleanProperty includeDrillsProperty() {
        return includeDrills;
    }

    public ObservableList<IncidentLine> openIncidents() {
        return open;
    }

    public ObservableList<IncidentLine> recentlyResolved() {
        return resolved;
    }

    /** What the open-incidents section says when there are none (the template's words). */
    public String emptyText(String sectionKey) {
        return template.section(sectionKey).map(HandoffTemplate.Section::empty).orElse("");
    }

    public String sectionTitle(String sectionKey) {
        return template.section(sectionKey).map(HandoffTemplate.Section::title).orElse(sectionKey);
    }

    /** The typed-in sections, in the template's order. */
    public List<Section> sections() {
        return sections;
    }

    public Section section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    public StringProperty authorProperty() {
        return author;
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** "Version 2, saved by ana at ...", or that there are unsaved changes. */
    public ReadOnlyStringProperty versionLineProperty() {
        return versionLine.getReadOnlyProperty();
    }

    /** Saved versions, newest first. */
    public ObservableList<VersionRow> history() {
        return history;
    }

    /** Whose first-day checklist is shown and ticked. */
    public StringProperty personProperty() {
        return person;
    }

    public ObservableList<ChecklistRow> checklist() {
        return checklistRows;
    }

    public ReadOnlyStringProperty checklistSummaryProperty() {
        return checklistSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The export under way: progress, message, cancel. */
    public LongAction exportAction() {
        return export;
    }
}
