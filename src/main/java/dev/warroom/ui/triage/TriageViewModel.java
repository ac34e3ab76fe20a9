package dev.warroom.ui.triage;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.runbook.FirstPlaces;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.runbook.Triage;
import dev.warroom.runbook.TriageQuery;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.metrics.AlertSeverity;
import dev.warroom.metrics.AlertmanagerClient;
import dev.warroom.time.Durations;
import dev.warroom.ui.runbook.IncidentRuns;
import dev.warroom.ui.settings.DataSourceSettings;
import dev.warroom.ui.settings.LiveAlerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Triage panel: a symptom in words and the firing alerts in, ranked runbook suggestions with
 * their reasons and the "first place to look" out, and Start runbook for the chosen suggestion.
 * For the selected incident the alerts it fired are filled in, and its symptom once named; free
 * text works with or without an incident. The alerts Alertmanager holds as firing are listed beside
 * the inputs; choosing one fills the alert field with its labels and its {@code runbook_url}, so the
 * runbook that URL names ranks first.
 *
 * <p>All properties live on the FX thread; ranking, reads and writes run through
 * {@link ConsoleServices#inBackground}, and a result that arrives after a newer request is dropped.
 */
public final class TriageViewModel {
    /** The key that starts the selected runbook; shown on the button, installed by the console. */
    public static final String START_KEY = "R";

    /**
     * One ranked suggestion.
     *
     * @param score   triage's score; an alert the runbook lists adds 100
     * @param owner   the owning team from the runbook's front matter, or null
     */
    public record SuggestionRow(int rank, String runbookId, String title, double score, List<String> reasons,
                                String owner, int steps) {
        public SuggestionRow {
            reasons = List.copyOf(reasons);
        }

        public String scoreText() {
            return String.format(Locale.ROOT, "%.1f", score);
        }

        /** The reasons as one line, in triage's order. */
        public String reasonsText() {
            return reasons.isEmpty() ? "no reason given" : String.join(" · ", reasons);
        }
    }

    /**
     * One alert Alertmanager holds as firing.
     *
     * @param severity  the incident severity its labels ask for ("Sev-1"), or "severity ?" when none say
     * @param severityStyle the severity's CSS class ("sev-1"); null when the severity is a guess
     * @param service   its service (or job) label; null when it has none
     * @param runbookUrl its {@code runbook_url} annotation; null when it has none
     * @param alertLine the line the alert field gets when it is chosen
     */
    public record FiringRow(String fingerprint, String name, String severity, String severityStyle, String service,
                            String runbookUrl, String alertLine) {
    }

    /** What the panel knows of the selected incident. */
    private record IncidentFacts(String id, String line, boolean drill, boolean open, String stateWord,
                                 String runBlock, List<String> alerts, String symptom) {
    }

    /** @param top the best runbook, for the hint when no Day-2 category fits; null when nothing matched */
    private record Ranked(List<SuggestionRow> rows, FirstPlaces.Hint hint, Runbook top) {
    }

    private record Started(String runbookId, int steps, boolean symptomNamed, IncidentFacts facts) {
    }

    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\"[^\"]*\"|[^\\s,;]+)");

    private final ConsoleServices services;
    private final ConsoleState state;
    private final IncidentRuns runs;
    private final String actor;
    private volatile Triage triage;

    private final StringProperty symptom = new SimpleStringProperty(this, "symptom", "");
    private final StringProperty alerts = new SimpleStringProperty(this, "alerts", "");
    private final ObservableList<SuggestionRow> suggestions = FXCollections.observableArrayList();
    private final ObjectProperty<SuggestionRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper incidentLine = new ReadOnlyStringWrapper(this, "incidentLine", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill", false);
    private final ReadOnlyStringWrapper firstPlaceTitle = new ReadOnlyStringWrapper(this, "firstPlaceTitle", "");
    private final ReadOnlyStringWrapper firstPlaceText = new ReadOnlyStringWrapper(this, "firstPlaceText", "");
    private final ReadOnlyStringWrapper firstPlaceOwner = new ReadOnlyStringWrapper(this, "firstPlaceOwner", "");
    private final ReadOnlyStringWrapper suggestionsNote = new ReadOnlyStringWrapper(this, "suggestionsNote", "");
    private final ReadOnlyStringWrapper startBlockedReason = new ReadOnlyStringWrapper(this, "startBlockedReason", "");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageError = new ReadOnlyBooleanWrapper(this, "messageError", false);
    private final ReadOnlyObjectWrapper<String> startedOn = new ReadOnlyObjectWrapper<>(this, "startedOn");
    private final ObservableList<FiringRow> firing = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper firingNote = new ReadOnlyStringWrapper(this, "firingNote", "");
    private final ReadOnlyBooleanWrapper firingStale = new ReadOnlyBooleanWrapper(this, "firingStale", false);

    private IncidentFacts facts;
    private String prefilledFor;
    private boolean prefilling;
    private boolean symptomEdited;
    private boolean alertsEdited;
    private long queryGeneration;
    private long contextGeneration;

    /** @param actor who the console acts as on the timeline ("li"); starting a runbook is recorded as them */
    public TriageViewModel(ConsoleServices services, ConsoleState state, String actor) {
        this.services = services;
        this.state = state;
        this.runs = new IncidentRuns(services);
        this.actor = actor;
        symptom.addListener((obs, was, now) -> {
            if (!prefilling) {
                symptomEdited = true;
            }
            requery();
        });
        alerts.addListener((obs, was, now) -> {
            if (!prefilling) {
                alertsEdited = true;
            }
            requery();
        });
        selected.addListener((obs, was, now) -> updateStart());
        state.selectedIncidentProperty().addListener((obs, was, now) -> reloadIncident());
        state.activeDrillProperty().addListener((obs, was, now) -> reloadIncident());
        updateStart();
        reloadIncident();
        refreshFiring();
    }

    // ---- properties

    /** The symptom in the responder's words; edited by the text field. */
    public StringProperty symptomProperty() {
        return symptom;
    }

    /** Firing alerts, one per line: {@code alertname=ModelProviderErrors service=chat-api}. */
    public StringProperty alertsProperty() {
        return alerts;
    }

    /** Best first. */
    public ObservableList<SuggestionRow> suggestions() {
        return suggestions;
    }

    /** The suggestion Start runbook acts on; the first one unless the user picks another. */
    public ObjectProperty<SuggestionRow> selectedProperty() {
        return selected;
    }

    /** "INC-0001 · Sev-1 · Model provider outage (503s) · detected", or what to do without one. */
    public ReadOnlyStringProperty incidentLineProperty() {
        return incidentLine.getReadOnlyProperty();
    }

    /** True when the selected incident is the drill being played. */
    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** "First place to look: Model provider errors", empty when there is no query. */
    public ReadOnlyStringProperty firstPlaceTitleProperty() {
        return firstPlaceTitle.getReadOnlyProperty();
    }

    /** The dashboards, logs and commands to open first, one per line. */
    public ReadOnlyStringProperty firstPlaceTextProperty() {
        return firstPlaceText.getReadOnlyProperty();
    }

    /** "owner: ml-platform · escalation: #ml-platform-oncall → ...". */
    public ReadOnlyStringProperty firstPlaceOwnerProperty() {
        return firstPlaceOwner.getReadOnlyProperty();
    }

    /** What the suggestion list says when it is empty, or how many there are. */
    public ReadOnlyStringProperty suggestionsNoteProperty() {
        return suggestionsNote.getReadOnlyProperty();
    }

    /** Why Start runbook is disabled ("select an incident"), empty when it is enabled. */
    public ReadOnlyStringProperty startBlockedReasonProperty() {
        return startBlockedReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last action, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageErrorProperty() {
        return messageError.getReadOnlyProperty();
    }

    /**
     * The incident a runbook was last started on from this panel; the console may switch to the
     * Runbook tab when it changes.
     */
    public ReadOnlyObjectProperty<String> startedOnProperty() {
        return startedOn.getReadOnlyProperty();
    }

    // ---- commands

    /** Alertmanager's firing alerts, oldest first; the last list read while it is down. */
    public ObservableList<FiringRow> firing() {
        return firing;
    }

    /** "2 firing, oldest first", "Nothing firing in Alertmanager", or why the list is stale or missing. */
    public ReadOnlyStringProperty firingNoteProperty() {
        return firingNote.getReadOnlyProperty();
    }

    /** True when the firing list is not what Alertmanager holds now, or there is none to show. */
    public ReadOnlyBooleanProperty firingStaleProperty() {
        return firingStale.getReadOnlyProperty();
    }

    /**
     * Re-reads the selected incident (its alerts, its symptom, whether a runbook runs) and the firing
     * alerts last polled from Alertmanager.
     */
    public void refresh() {
        reloadIncident();
        refreshFiring();
    }

    /**
     * Puts {@code row}'s labels and {@code runbook_url} in the alert field in place of what was there,
     * as if typed: the incident's own alerts no longer overwrite it.
     */
    public void chooseFiring(FiringRow row) {
        if (row == null) {
            return;
        }
        alerts.set(row.alertLine());
        say("Triaging " + row.name() + " as Alertmanager holds it" + (row.runbookUrl() == null
                ? " (it names no runbook_url)" : ""), false);
    }

    /**
     * Starts the selected suggestion on the selected incident, naming the symptom first when the
     * field has one and the incident has none. Does nothing but say why when it cannot start.
     */
    public void startRunbook() {
        if (!canStart.get()) {
            say(startBlockedReason.get().isEmpty() ? "cannot start a runbook now" : "Cannot start: "
                    + startBlockedReason.get(), true);
            return;
        }
        String id = facts.id();
        SuggestionRow row = selected.get();
        String text = symptom.get() == null ? "" : symptom.get().strip();
        LiveDrill activeDrill = state.getActiveDrill();
        busy.set(true);
        updateStart();
        long generation = ++contextGeneration;
        services.inBackground(() -> {
            IncidentRuns.Context context = runs.load(activeDrill, id);
            IncidentFacts before = facts(context);
            if (!before.open()) {
                throw new IllegalStateException(id + " is " + before.stateWord());
            }
            if (before.runBlock() != null) {
                throw new IllegalStateException(before.runBlock());
            }
            boolean named = false;
            if (!text.isEmpty() && context.incident().symptom() == null) {
                context.timeline().record(id, actor, new EventPayload.SymptomNamed(text));
                named = true;
            }
            RunbookRun run = runs.start(context, row.runbookId(), actor);
            return new Started(run.runbook().id(), run.runbook().steps().size(), named, facts(runs.load(activeDrill, id)));
        }, started -> {
            busy.set(false);
            if (generation == contextGeneration) {
                applyFacts(started.facts());
            }
            say("Started runbook " + started.runbookId() + " on " + id + " (" + started.steps() + " steps)"
                    + (started.symptomNamed() ? "; symptom named" : "") + ". Work it in the Runbook tab.", false);
            startedOn.set(null);
            startedOn.set(id);
            updateStart();
        }, failure -> {
            busy.set(false);
            say("Runbook not started: " + failure.getMessage(), true);
            reloadIncident();
        });
    }

    /** Records the symptom field as the incident's symptom when it has none yet (Enter in the field). */
    public void nameSymptom() {
        String text = symptom.get() == null ? "" : symptom.get().strip();
        if (facts == null) {
            say(state.getSelectedIncident() == null ? "Select an incident to name its symptom; suggestions work without one"
                    : "Still reading the incident", true);
            return;
        }
        if (text.isEmpty()) {
            say("Type the symptom first", true);
            return;
        }
        if (facts.symptom() != null) {
            say(facts.id() + " already has its symptom: " + facts.symptom(), false);
            return;
        }
        String id = facts.id();
        LiveDrill activeDrill = state.getActiveDrill();
        long generation = ++contextGeneration;
        services.inBackground(() -> {
            IncidentRuns.Context context = runs.load(activeDrill, id);
            if (context.incident().symptom() == null) {
                context.timeline().record(id, actor, new EventPayload.SymptomNamed(text));
            }
            return facts(runs.load(activeDrill, id));
        }, after -> {
            if (generation == contextGeneration) {
                applyFacts(after);
            }
            say("Symptom named on " + id, false);
        }, failure -> say("Symptom not recorded: " + failure.getMessage(), true));
    }

    // ---- Alertmanager

    /** Reads the poller's last result; never blocks, the poll itself runs on its own thread. */
    private void refreshFiring() {
        LiveAlerts live = services.dataSource() == null ? null : services.dataSource().alerts();
        LiveAlerts.Firing f = live == null ? null : live.firing();
        List<FiringRow> rows = f == null ? List.of() : f.alerts().stream().map(TriageViewModel::firingRow).toList();
        // replaced only on change: a list set anew every second would lose the person's selection
        if (!rows.equals(firing)) {
            firing.setAll(rows);
        }
        String note;
        boolean stale;
        if (f == null || !f.configured()) {
            // the file may name one whose data source did not connect; both are put right in Settings
            note = "Alertmanager is not connected: give alertmanager: url in " + DataSourceSettings.FILE_NAME
                    + ", then Connect in Settings \u203A Data source";
            stale = true;
        } else if (f.lastError() != null && f.lastGoodAt() == null) {
            note = "Alertmanager unavailable: " + f.lastError();
            stale = true;
        } else if (f.lastError() != null) {
            long age = Math.max(0, Duration.between(f.lastGoodAt(), services.wall().instant()).toSeconds());
            note = "stale " + Durations.format(Duration.ofSeconds(age)) + ": " + f.lastError();
            stale = true;
        } else if (f.lastPollAt() == null) {
            note = "asking Alertmanager\u2026";
            stale = false;
        } else if (rows.isEmpty()) {
            note = "Nothing firing in Alertmanager";
            stale = false;
        } else {
            note = rows.size() + " firing, oldest first \u00B7 choose one to triage it";
            stale = false;
        }
        firingNote.set(note);
        firingStale.set(stale);
    }

    static FiringRow firingRow(AlertmanagerClient.FiringAlert a) {
        AlertSeverity severity = AlertSeverity.of(a.labels());
        String name = a.name() == null || a.name().isBlank() ? a.fingerprint() : a.name();
        String service = first(a.labels(), "service", "sloth_service", "job");
        return new FiringRow(a.fingerprint(), name, severity.guessed() ? "severity ?" : severity.severity().label(),
                severity.guessed() ? null : "sev-" + severity.severity().ordinal(), service, a.runbookUrl(),
                alertLine(a));
    }

    /** {@code alertname=X} first, the other labels by name, then {@code runbook_url}, as {@link #parseAlerts} reads them. */
    static String alertLine(AlertmanagerClient.FiringAlert a) {
        List<String> parts = new ArrayList<>();
        if (a.labels().containsKey("alertname")) {
            parts.add("alertname=" + value(a.labels().get("alertname")));
        }
        a.labels().keySet().stream().filter(k -> !k.equals("alertname")).sorted()
                .forEach(k -> parts.add(k + "=" + value(a.labels().get(k))));
        if (a.runbookUrl() != null) {
            parts.add("runbook_url=" + value(a.runbookUrl()));
        }
        return String.join(" ", parts);
    }

    /** Quoted when it would not read back as one value; the field has no escape for a quote, so those become '. */
    private static String value(String v) {
        String clean = v.replace('"', '\'').replaceAll("\\R", " ");
        return clean.isEmpty() || clean.matches(".*[\\s,;{}].*") ? "\"" + clean + "\"" : clean;
    }

    private static String first(Map<String, String> labels, String... names) {
        for (String n : names) {
            String v = labels.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    // ---- incident

    private void reloadIncident() {
        String id = state.getSelectedIncident();
        LiveDrill activeDrill = state.getActiveDrill();
        long generation = ++contextGeneration;
        if (id == null) {
            applyFacts(null);
            return;
        }
        if (facts != null && !facts.id().equals(id)) {
            facts = null;
            updateStart();
        }
        services.inBackground(() -> facts(runs.load(activeDrill, id)), loaded -> {
            if (generation == contextGeneration && Objects.equals(id, state.getSelectedIncident())) {
                applyFacts(loaded);
            }
        }, failure -> {
            if (generation == contextGeneration) {
                applyFacts(null);
                incidentLine.set(id + ": " + failure.getMessage());
            }
        });
    }

    private static IncidentFacts facts(IncidentRuns.Context context) {
        Incident incident = context.incident();
        String stateWord = incident.state().id();
        String line = incident.id() + " · " + incident.severity().label() + " · " + incident.title() + " · " + stateWord;
        List<String> alertNames = new ArrayList<>(context.firedAlerts());
        if (context.drill() != null && context.drill().scenario().alert() != null
                && !alertNames.contains(context.drill().scenario().alert())) {
            alertNames.add(context.drill().scenario().alert());
        }
        return new IncidentFacts(incident.id(), line, context.drill() != null, incident.isOpen(), stateWord,
                runBlock(context), alertNames, incident.symptom());
    }

    /** Why a new run may not start on the incident, or null when it may. */
    private static String runBlock(IncidentRuns.Context context) {
        RunbookRun run = context.run();
        if (run == null) {
            return null;
        }
        if (context.drill() != null) {
            // a drill plays one run, so its score card can say whether the suggested one was run
            return "a runbook is already running (" + run.runbook().id() + ")";
        }
        RunbookRun.Progress p = run.progress();
        return switch (p.status()) {
            case IN_PROGRESS -> "a runbook is already running (" + run.runbook().id() + ", step " + p.nextStep() + " of "
                    + run.runbook().steps().size() + ")";
            case RECOVERED -> "runbook " + run.runbook().id() + " already recovered the SLI";
            case STEPS_DONE, SUPERSEDED -> null;
        };
    }

    private void applyFacts(IncidentFacts loaded) {
        IncidentFacts previous = facts;
        facts = loaded;
        if (loaded == null) {
            incidentLine.set(state.getSelectedIncident() == null
                    ? "No incident selected: suggestions work on free text; select an incident to start a runbook" : "");
            drill.set(false);
            updateStart();
            return;
        }
        incidentLine.set(loaded.line());
        drill.set(loaded.drill());
        prefill(loaded, previous);
        updateStart();
    }

    /** Fills the fields from the incident: always on switching incidents, later only where untouched. */
    private void prefill(IncidentFacts loaded, IncidentFacts previous) {
        String alertText = loaded.alerts().stream().map(a -> "alertname=" + a).reduce((a, b) -> a + "\n" + b).orElse("");
        String symptomText = loaded.symptom() == null ? "" : loaded.symptom();
        prefilling = true;
        try {
            if (!loaded.id().equals(prefilledFor)) {
                boolean fromNothing = prefilledFor == null;
                if (!(fromNothing && symptomEdited && !symptom.get().isBlank())) {
                    symptom.set(symptomText);
                    symptomEdited = false;
                }
                if (!(fromNothing && alertsEdited && !alerts.get().isBlank())) {
                    alerts.set(alertText);
                    alertsEdited = false;
                }
                prefilledFor = loaded.id();
            } else {
                if (!symptomEdited && symptom.get().isBlank() && !symptomText.isEmpty()) {
                    symptom.set(symptomText);
                }
                if (!alertsEdited && previous != null && !previous.alerts().equals(loaded.alerts())) {
                    alerts.set(alertText);
                }
            }
        } finally {
            prefilling = false;
        }
    }

    private void updateStart() {
        String reason;
        if (state.getSelectedIncident() == null) {
            reason = "select an incident";
        } else if (facts == null) {
            reason = "reading " + state.getSelectedIncident() + "…";
        } else if (!facts.open()) {
            reason = facts.id() + " is " + facts.stateWord();
        } else if (facts.runBlock() != null) {
            reason = facts.runBlock();
        } else if (busy.get()) {
            reason = "starting…";
        } else if (selected.get() == null) {
            reason = suggestions.isEmpty() ? "no runbook matches yet: describe the symptom or add an alert"
                    : "select a runbook suggestion";
        } else {
            reason = "";
        }
        startBlockedReason.set(reason);
        canStart.set(reason.isEmpty());
    }

    // ---- ranking

    private void requery() {
        String text = symptom.get() == null ? "" : symptom.get();
        List<Map<String, String>> alertLabels = parseAlerts(alerts.get());
        long generation = ++queryGeneration;
        if (text.isBlank() && alertLabels.isEmpty()) {
            applyRanked(new Ranked(List.of(), null, null), false);
            return;
        }
        services.inBackground(() -> rank(text, alertLabels), ranked -> {
            if (generation == queryGeneration) {
                applyRanked(ranked, true);
            }
        }, failure -> {
            if (generation == queryGeneration) {
                say("Triage failed: " + failure.getMessage(), true);
            }
        });
    }

    private Triage triage() {
        Triage t = triage;
        if (t == null) {
            // the index is built once, off the FX thread, on the first query
            synchronized (this) {
                if (triage == null) {
                    triage = new Triage(services.runbooks());
                }
                t = triage;
            }
        }
        return t;
    }

    /** Ranks for the text with each alert (or the text alone); a runbook keeps its best score over the alerts. */
    private Ranked rank(String text, List<Map<String, String>> alertLabels) {
        Triage t = triage();
        List<TriageQuery> queries = new ArrayList<>();
        if (alertLabels.isEmpty()) {
            queries.add(new TriageQuery(text, Map.of()));
        } else {
            alertLabels.forEach(labels -> queries.add(new TriageQuery(text, labels)));
        }
        Map<String, Triage.Suggestion> best = new LinkedHashMap<>();
        Map<String, TriageQuery> bestQuery = new LinkedHashMap<>();
        for (TriageQuery q : queries) {
            for (Triage.Suggestion s : t.suggest(q)) {
                Triage.Suggestion had = best.get(s.runbook().id());
                if (had == null || s.score() > had.score()) {
                    best.put(s.runbook().id(), s);
                    bestQuery.put(s.runbook().id(), q);
                }
            }
        }
        List<Triage.Suggestion> ordered = new ArrayList<>(best.values());
        // as triage promises for one alert: a runbook an alert's runbook_url names comes first, whatever the scores
        ordered.sort(Comparator.comparing((Triage.Suggestion s) -> !s.reasons().contains(Triage.NAMED_BY_URL))
                .thenComparing(Comparator.comparingDouble(Triage.Suggestion::score).reversed())
                .thenComparing(s -> s.runbook().id()));
        List<SuggestionRow> rows = new ArrayList<>();
        for (Triage.Suggestion s : ordered) {
            Object team = s.runbook().owners().get("team");
            rows.add(new SuggestionRow(rows.size() + 1, s.runbook().id(), s.runbook().title(), s.score(), s.reasons(),
                    team == null ? null : team.toString(), s.runbook().steps().size()));
        }
        TriageQuery hintQuery = ordered.isEmpty() ? queries.get(0) : bestQuery.get(ordered.get(0).runbook().id());
        return new Ranked(rows, t.firstPlace(hintQuery).orElse(null), ordered.isEmpty() ? null : ordered.get(0).runbook());
    }

    private void applyRanked(Ranked ranked, boolean queried) {
        String keep = selected.get() == null ? null : selected.get().runbookId();
        suggestions.setAll(ranked.rows());
        SuggestionRow again = ranked.rows().stream().filter(r -> r.runbookId().equals(keep)).findFirst()
                .orElse(ranked.rows().isEmpty() ? null : ranked.rows().get(0));
        selected.set(again);
        suggestionsNote.set(!queried ? "Describe the symptom or paste a firing alert to get runbook suggestions"
                : ranked.rows().isEmpty() ? "No runbook matches these words or alerts"
                : ranked.rows().size() + (ranked.rows().size() == 1 ? " runbook matches" : " runbooks match")
                + ", best first");
        FirstPlaces.Hint hint = ranked.hint();
        if (hint == null && ranked.top() != null) {
            // no Day-2 category: the best runbook's first step and owner are the next best place
            Runbook top = ranked.top();
            firstPlaceTitle.set("First place to look: step 1 of " + top.id() + " (no Day-2 category fits these words)");
            firstPlaceText.set(top.steps().isEmpty() ? "" : "• " + top.steps().get(0).title());
            firstPlaceOwner.set(owner(top.owners()));
        } else if (hint == null) {
            firstPlaceTitle.set(queried ? "First place to look: no category fits these words yet" : "");
            firstPlaceText.set("");
            firstPlaceOwner.set("");
        } else {
            FirstPlaces.Category c = hint.category();
            firstPlaceTitle.set("First place to look: " + c.name());
            firstPlaceText.set(c.firstPlaces().stream().map(p -> "• " + p).reduce((a, b) -> a + "\n" + b).orElse(""));
            firstPlaceOwner.set("owner: " + c.team() + (c.escalation().isEmpty() ? ""
                    : " · escalation: " + String.join(" → ", c.escalation())));
        }
        updateStart();
    }

    /** "owner: ml-platform · escalation: a → b" from a runbook's front matter, empty without a team. */
    private static String owner(Map<String, Object> owners) {
        Object team = owners.get("team");
        if (team == null) {
            return "";
        }
        String text = "owner: " + team;
        if (owners.get("escalation") instanceof List<?> ladder && !ladder.isEmpty()) {
            text += " · escalation: " + String.join(" → ", ladder.stream().map(String::valueOf).toList());
        }
        return text;
    }

    /**
     * One alert per line, as {@code name=value} labels separated by spaces or commas; a bare word is
     * the alert's name, so a pasted {@code ModelProviderErrors} works too.
     */
    static List<Map<String, String>> parseAlerts(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher m = LABEL.matcher(l);
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (m.find()) {
                rest.append(l, last, m.start()).append(' ');
                String value = m.group(2);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                labels.put(m.group(1), value);
                last = m.end();
            }
            rest.append(l.substring(last));
            String bare = rest.toString().replaceAll("[,;{}]", " ").strip();
            if (!labels.containsKey("alertname") && !bare.isEmpty() && !bare.contains(" ")) {
                labels.put("alertname", bare);
            }
            if (!labels.isEmpty()) {
                out.add(labels);
            }
        }
        return out;
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageError.set(error);
    }
}
