package dev.warroom.ui.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.ui.console.ConsoleFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Triage panel's view model over the console fixtures; executors are direct, so results are immediate. */
class TriageViewModelTest {
    static final String SYMPTOM = "Chat replies fail with 503 Service Unavailable from the model provider";

    private final ConsoleFixtures fixtures = new ConsoleFixtures();

    /** A provider-outage drill that paged and was acked by li, selected in the console. */
    private LiveDrill pagedDrill() {
        LiveDrill drill = fixtures.drill("provider-outage");
        drill.advance(Duration.ofMinutes(20));
        drill.acknowledge("li");
        fixtures.state.setSelectedIncident(drill.incidentId().orElseThrow());
        return drill;
    }

    @Test
    void suggestions_rankProviderOutageFirstWithReasons_forTheDrillsIncident() {
        LiveDrill drill = pagedDrill();
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");

        assertEquals("alertname=ModelProviderErrors", triage.alertsProperty().get(), "the fired alert is filled in");
        assertEquals("", triage.symptomProperty().get(), "no symptom was named yet");
        assertTrue(triage.drillProperty().get());
        assertTrue(triage.incidentLineProperty().get().startsWith(drill.incidentId().orElseThrow() + " · Sev-1 · "),
                triage.incidentLineProperty().get());

        TriageViewModel.SuggestionRow first = triage.suggestions().get(0);
        assertEquals("provider-outage", first.runbookId());
        assertTrue(first.reasons().contains("alert ModelProviderErrors is listed by this runbook"), first.reasons().toString());
        assertEquals("ml-platform", first.owner());
        assertEquals(first, triage.selectedProperty().get(), "the best suggestion is chosen until the user picks another");
        assertTrue(triage.canStartProperty().get(), triage.startBlockedReasonProperty().get());

        triage.symptomProperty().set(SYMPTOM);
        first = triage.suggestions().get(0);
        assertEquals("provider-outage", first.runbookId());
        assertTrue(first.reasons().stream().anyMatch(r -> r.startsWith("symptom words: ")), first.reasons().toString());
        assertEquals("First place to look: step 1 of provider-outage (no Day-2 category fits these words)",
                triage.firstPlaceTitleProperty().get());
        assertEquals("• Confirm the errors come from the provider, not from us", triage.firstPlaceTextProperty().get());
        assertEquals("owner: ml-platform · escalation: #ml-platform-oncall → ml-platform secondary → head of ML infra",
                triage.firstPlaceOwnerProperty().get());
    }

    @Test
    void startRunbook_isDisabledAndSaysWhy_withoutAnIncident_butFreeTextStillRanks() {
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        assertFalse(triage.canStartProperty().get());
        assertEquals("select an incident", triage.startBlockedReasonProperty().get());
        assertTrue(triage.suggestions().isEmpty());

        triage.symptomProperty().set("chat replies fail with 503 from the model provider");
        assertEquals("provider-outage", triage.suggestions().get(0).runbookId());
        assertEquals("select an incident", triage.startBlockedReasonProperty().get());

        triage.startRunbook();
        assertTrue(triage.messageErrorProperty().get());
        assertEquals("Cannot start: select an incident", triage.messageProperty().get());
    }

    @Test
    void firstPlace_namesTheCategoryAndItsOwner_forAnApiDegradedSymptom() {
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        triage.symptomProperty().set("API degraded: 5xx errors and slow responses on the public API");
        assertEquals("First place to look: API degraded", triage.firstPlaceTitleProperty().get());
        assertTrue(triage.firstPlaceOwnerProperty().get().startsWith("owner: platform-reliability"),
                triage.firstPlaceOwnerProperty().get());
        assertTrue(triage.firstPlaceTextProperty().get().startsWith("• "), triage.firstPlaceTextProperty().get());
    }

    @Test
    void startRunbook_onTheDrill_namesTheSymptomStartsTheRun_andThenSaysARunbookIsRunning() {
        LiveDrill drill = pagedDrill();
        String id = drill.incidentId().orElseThrow();
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        triage.symptomProperty().set(SYMPTOM);

        triage.startRunbook();

        assertFalse(triage.messageErrorProperty().get(), triage.messageProperty().get());
        RunbookRun run = drill.runbookRun().orElseThrow();
        assertEquals("provider-outage", run.runbook().id());
        Incident incident = fixtures.timeline.require(id);
        assertEquals(SYMPTOM, incident.symptom());
        List<String> types = fixtures.timeline.events(id).stream().map(TimelineEvent::type).toList();
        assertTrue(types.indexOf("symptom_named") < types.indexOf("runbook_started"), types.toString());
        TimelineEvent named = fixtures.timeline.events(id).stream().filter(e -> e.type().equals("symptom_named"))
                .findFirst().orElseThrow();
        assertEquals("li", named.actor());
        assertEquals(drill.clock().instant(), named.at(), "a drill's events carry drill time");
        assertEquals(id, triage.startedOnProperty().get());
        assertFalse(triage.canStartProperty().get());
        assertEquals("a runbook is already running (provider-outage)", triage.startBlockedReasonProperty().get());
    }

    @Test
    void startRunbook_doesNotNameTheSymptomAgain_whenTheIncidentHasOne() {
        LiveDrill drill = pagedDrill();
        String id = drill.incidentId().orElseThrow();
        fixtures.timeline.on(drill.clock()).record(id, "ana", new EventPayload.SymptomNamed("chat is down"));
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        assertEquals("chat is down", triage.symptomProperty().get(), "a named symptom is filled in");

        triage.symptomProperty().set(SYMPTOM);
        triage.startRunbook();

        assertEquals(1, fixtures.timeline.events(id).stream().filter(e -> e.type().equals("symptom_named")).count());
        assertTrue(drill.runbookRun().isPresent());
    }

    @Test
    void startRunbook_onALiveIncident_startsARunWhoseChecksSayNoData() {
        Incident live = fixtures.timeline.declare("alertmanager", new EventPayload.IncidentDeclared("Chat 503s",
                Severity.SEV2, "chat-api", "chat-availability", false, null, "half of all chat replies fail"));
        fixtures.state.setSelectedIncident(live.id());
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "ana");
        assertFalse(triage.drillProperty().get());
        triage.alertsProperty().set("alertname=ModelProviderErrors service=chat-api");

        triage.startRunbook();

        Incident after = fixtures.timeline.require(live.id());
        assertEquals("provider-outage", after.runbook());
        assertNull(after.symptom(), "no symptom typed, none named");
        assertEquals("a runbook is already running (provider-outage, step 1 of 6)",
                triage.startBlockedReasonProperty().get());
    }

    @Test
    void aRunbookNamedByOneAlertsRunbookUrl_ranksFirst_evenWhenAnotherAlertScoresHigher() {
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        triage.symptomProperty().set(SYMPTOM);
        // provider-outage lists the first alert and matches the symptom: well over a URL match alone
        triage.alertsProperty().set("alertname=ModelProviderErrors\n"
                + "alertname=DiskAlmostFull runbook_url=https://runbooks.example.com/disk-full.md");

        TriageViewModel.SuggestionRow first = triage.suggestions().get(0);
        TriageViewModel.SuggestionRow second = triage.suggestions().get(1);
        assertEquals("disk-full", first.runbookId());
        assertTrue(first.reasons().contains("named by the alert's runbook_url"), first.reasonsText());
        assertEquals("provider-outage", second.runbookId());
        assertTrue(second.score() > first.score(), "the order is the URL's, not the score's");
    }

    @Test
    void alertLine_readsBackAsTheAlertsLabelsAndRunbookUrl() {
        var alert = new dev.warroom.metrics.AlertmanagerClient.FiringAlert("c4b1a0f3d2e5a6b7", "ModelProviderErrors",
                Map.of("alertname", "ModelProviderErrors", "severity", "page", "summary_hint", "503s, upstream down"),
                Map.of("runbook_url", "https://runbooks.example.com/provider-outage.md"), null, "active");

        String line = TriageViewModel.alertLine(alert);

        assertEquals("alertname=ModelProviderErrors severity=page summary_hint=\"503s, upstream down\""
                + " runbook_url=https://runbooks.example.com/provider-outage.md", line);
        assertEquals(List.of(Map.of("alertname", "ModelProviderErrors", "severity", "page",
                "summary_hint", "503s, upstream down", "runbook_url", "https://runbooks.example.com/provider-outage.md")),
                TriageViewModel.parseAlerts(line));
        TriageViewModel.FiringRow row = TriageViewModel.firingRow(alert);
        assertEquals("Sev-1", row.severity());
        assertEquals("sev-1", row.severityStyle());
        assertNull(row.service(), "no service, sloth_service or job label");
    }

    @Test
    void parseAlerts_readsLabelsPerLine_andABareNameAsTheAlertName() {
        assertEquals(List.of(Map.of("alertname", "ModelProviderErrors", "service", "chat-api"),
                        Map.of("alertname", "LlmGatewayUpstream5xx"), Map.of("alertname", "X", "summary", "two words")),
                TriageViewModel.parseAlerts("alertname=ModelProviderErrors, service=chat-api\n\n  LlmGatewayUpstream5xx\n"
                        + "alertname=X summary=\"two words\""));
        assertTrue(TriageViewModel.parseAlerts("  \n").isEmpty());
    }
}
