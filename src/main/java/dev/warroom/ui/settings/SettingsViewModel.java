package dev.warroom.ui.settings;

import dev.warroom.incident.BusinessHours;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.paging.EscalationLevel;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.time.Durations;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.console.LongAction;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings panel: the data source of the live SLO board ({@link DataSourceViewModel}), where the
 * store is, which runbook folder is loaded (and a check of another one, in the background, with
 * progress and cancel), the escalation ladder and its contacts, the severity targets, and the theme. Policies are read-only here: they are the team's YAML files next
 * to the store. Holds no widgets; call on the FX thread.
 */
public final class SettingsViewModel {
    static final String RESTART_NOTE = "Warroom reads its runbook folder at start: run it with --runbooks DIR"
            + " (or set WARROOM_RUNBOOKS) to use another.";

    /** One rung of the escalation ladder. */
    public record LevelRow(String level, String person, String role, String contact, String escalatesAfter) {
    }

    /** One severity's promises, in words. */
    public record SeverityRow(String severity, String styleClass, String ack, String pages, String statusUpdates,
                              String postmortem, String goodLooksLike) {
    }

    private final ConsoleServices services;
    private final ConsoleState state;
    private final LongAction folderCheck;
    private final DataSourceViewModel dataSource;
    private final ReadOnlyStringWrapper runbookFolder = new ReadOnlyStringWrapper(this, "runbookFolder");
    private final ReadOnlyStringWrapper runbookSummary = new ReadOnlyStringWrapper(this, "runbookSummary");
    private final ReadOnlyStringWrapper folderNote = new ReadOnlyStringWrapper(this, "folderNote", RESTART_NOTE);
    private final ObservableList<LevelRow> levels = FXCollections.observableArrayList();
    private final ObservableList<SeverityRow> severities = FXCollections.observableArrayList();
    private final String escalationSummary;
    private final String businessHours;

    /** @param runbookFolder the folder the console's library was loaded from; null for the bundled library alone */
    public SettingsViewModel(ConsoleServices services, ConsoleState state, Path runbookFolder) {
        this.services = services;
        this.state = state;
        this.folderCheck = new LongAction(services);
        this.dataSource = new DataSourceViewModel(services);
        this.runbookFolder.set(runbookFolder == null ? "bundled library only" : runbookFolder.toString());
        this.runbookSummary.set(summary(services.runbooks()));
        EscalationPolicy policy = services.escalation();
        policy.levels().stream().map(SettingsViewModel::row).forEach(levels::add);
        this.escalationSummary = "Policy \"" + policy.name() + "\": an unacked page climbs to the next level after"
                + " its delay; after " + policy.top().name() + " it starts again at " + policy.first().name()
                + (policy.repeats() == 0 ? " never." : ", " + policy.repeats() + (policy.repeats() == 1
                ? " more time." : " more times."));
        SeverityPolicy sp = services.severities();
        for (Severity s : Severity.values()) {
            severities.add(row(sp.target(s)));
        }
        this.businessHours = hours(sp.businessHours());
    }

    // ---- commands

    /** Dark for night shifts, light for a bright room; the whole console follows. */
    public void toggleTheme() {
        state.themeProperty().set(state.themeProperty().get().other());
    }

    /**
     * Loads the runbooks of {@code folder} in the background (with progress and cancel) and says how
     * many load and what is wrong with the rest; the console keeps its library until a restart.
     */
    public void checkFolder(Path folder) {
        folderCheck.run("Loading runbooks from " + folder, progress -> {
            RunbookLibrary library = RunbookLibrary.load(folder);
            progress.check();
            return library;
        }, library -> folderNote.set(folder + ": " + summary(library) + ". " + RESTART_NOTE),
                e -> folderNote.set("Could not load " + folder + ": " + e.getMessage()));
    }

    // ---- formatting

    static String summary(RunbookLibrary library) {
        int n = library.all().size();
        int problems = library.problems().size();
        return n + (n == 1 ? " runbook" : " runbooks") + ", " + (problems == 0 ? "no problems"
                : problems + (problems == 1 ? " file with a problem" : " files with problems"));
    }

    private static LevelRow row(EscalationLevel l) {
        return new LevelRow(l.name(), l.person(), Objects.requireNonNullElse(l.role(), ""),
                Objects.requireNonNullElse(l.contact(), ""), Durations.format(l.delay()));
    }

    static SeverityRow row(SeverityTarget t) {
        String ack;
        if (t.ackNextBusinessDay()) {
            ack = "by the next business day";
        } else if (t.ackBusinessHours().equals(t.ackOvernight())) {
            ack = Durations.format(t.ackBusinessHours()) + " (p" + t.ackPercentile() + ", 24/7)";
        } else {
            ack = Durations.format(t.ackBusinessHours()) + " in hours, " + Durations.format(t.ackOvernight())
                    + " overnight (p" + t.ackPercentile() + ")";
        }
        String pages = !t.pages() ? "no: a ticket" : t.pageWholeLadder() ? "whole ladder" : "yes";
        String status = t.statusUpdateEvery() == null ? "—" : "every " + Durations.format(t.statusUpdateEvery());
        String postmortem = t.postmortemWithin() != null ? hoursOrMore(t.postmortemWithin()) + " after resolve"
                : t.postmortemBusinessDays() > 0 ? t.postmortemBusinessDays() + " business days" : "not required";
        SeverityTarget.GoodLooksLike g = t.goodLooksLike();
        String good = g == null ? "—" : List.of(part("ack", g.ack()), part("status page", g.statusPage()),
                part("resolve", g.resolve())).stream().filter(p -> !p.isEmpty()).collect(Collectors.joining(", "));
        return new SeverityRow(t.severity().label(), t.severity().label().toLowerCase(Locale.ROOT), ack, pages, status,
                postmortem, good);
    }

    /** "24h" as the policy says it, not "1d"; days only past three of them. */
    private static String hoursOrMore(Duration d) {
        return d.toHours() < 72 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + "h"
                : Durations.format(d);
    }

    private static String part(String what, Duration d) {
        return d == null ? "" : what + " " + Durations.format(d);
    }

    private static String hours(BusinessHours h) {
        List<DayOfWeek> days = h.days().stream().sorted().toList();
        String dayText = days.size() > 1 && days.get(days.size() - 1).getValue() - days.get(0).getValue()
                == days.size() - 1 ? abbr(days.get(0)) + "–" + abbr(days.get(days.size() - 1))
                : days.stream().map(SettingsViewModel::abbr).collect(Collectors.joining(", "));
        return "Business hours " + h.start() + "–" + h.end() + " " + h.zone() + ", " + dayText;
    }

    private static String abbr(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    // ---- properties

    public String storePath() {
        return services.storeName();
    }

    public ReadOnlyStringProperty runbookFolderProperty() {
        return runbookFolder.getReadOnlyProperty();
    }

    /** "24 runbooks, no problems": the library the console runs with. */
    public ReadOnlyStringProperty runbookSummaryProperty() {
        return runbookSummary.getReadOnlyProperty();
    }

    /** What a folder check found, and that it applies on restart. */
    public ReadOnlyStringProperty folderNoteProperty() {
        return folderNote.getReadOnlyProperty();
    }

    /** The "Data source" section: where the live SLO board reads from, and how that source is doing. */
    public DataSourceViewModel dataSource() {
        return dataSource;
    }

    public LongAction folderCheck() {
        return folderCheck;
    }

    public String escalationSummary() {
        return escalationSummary;
    }

    public ObservableList<LevelRow> levels() {
        return levels;
    }

    public ObservableList<SeverityRow> severities() {
        return severities;
    }

    public String businessHours() {
        return businessHours;
    }

    /** The console's theme itself: a toggle bound to it switches the whole window. */
    public ObjectProperty<Theme> themeProperty() {
        return state.themeProperty();
    }
}
