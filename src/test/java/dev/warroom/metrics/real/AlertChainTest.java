package dev.warroom.metrics.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.metrics.AlertmanagerClient;
import dev.warroom.metrics.WebhookIntake;
import dev.warroom.metrics.WebhookReceiver;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.Triage;
import dev.warroom.runbook.TriageQuery;
import dev.warroom.store.StoreException;
import dev.warroom.store.WarroomStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with real servers: the mock burns its error budget, Prometheus (Sloth-style rules)
 * fires the burn-rate alert, Alertmanager posts it with the shared secret, and Warroom's webhook
 * opens the incident in an H2 store. Skipped when Prometheus is not installed, unless
 * {@code WARROOM_REQUIRE_PROMETHEUS=1}.
 */
class AlertChainTest {
    private static final String SECRET = "alert-chain-secret";
    private static final String RUNBOOK_URL = "https://runbooks.example.com/runbooks/provider-outage.md";
    /** Startup, two scrapes, one evaluation and one notification take seconds; this is the slow-machine margin. */
    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(40);
    private static final Clock WALL = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void burnRateAlert_travelsPrometheusToAlertmanagerToWarroom_andOpensOneSev1IncidentWithItsRunbook()
            throws Exception {
        ServerProcess.binary(PrometheusProcess.BINARY, "prometheus");
        ServerProcess.binary(AlertmanagerProcess.BINARY, "prometheus-alertmanager");
        try (WarroomStore store = WarroomStore.openH2(dir.resolve("store/warroom"));
             WebhookReceiver receiver = WebhookReceiver.start(store.timeline(WALL), new WebhookReceiver.Config(0, SECRET));
             AlertChain chain = AlertChain.start(dir, receiver.url(), SECRET)) {
            Timeline timeline = store.timeline(WALL);
            chain.await("the burn-rate alert to open an incident", ALERT_DEADLINE, () -> alertFired(timeline).isPresent());
            // Alertmanager re-sends on every group change; give a duplicate the time to show up
            ServerProcess.sleep(2500);

            assertEquals(1, timeline.incidents().size(), "exactly one incident: " + timeline.incidents());
            Incident incident = timeline.incidents().get(0);
            assertEquals(Severity.SEV1, incident.severity(), "severity=critical pages as Sev-1");
            assertEquals("chat-api", incident.service());
            assertEquals("chat-availability", incident.slo());
            assertFalse(incident.drill());
            assertEquals("chat-api chat-availability SLO error budget burn rate is over the page threshold",
                    incident.title());

            List<TimelineEvent> events = timeline.events(incident.id());
            assertEquals(List.of("incident_declared", "alert_fired"), events.stream().map(TimelineEvent::type).toList(),
                    "nothing recorded twice");
            assertEquals(WebhookIntake.ACTOR, events.get(0).actor());
            EventPayload.AlertFired fired = (EventPayload.AlertFired) events.get(1).payload();
            assertEquals("ModelProviderErrors", fired.alert());
            assertEquals(RUNBOOK_URL, fired.runbookUrl());
            assertEquals(Severity.SEV1, fired.severity());
            assertNotNull(fired.fingerprint());

            // Alertmanager's own API agrees on the alert Warroom holds
            try (AlertmanagerClient alertmanager = new AlertmanagerClient(chain.alertmanager().url())) {
                List<AlertmanagerClient.FiringAlert> firing = alertmanager.firingAlerts();
                assertEquals(1, firing.size(), firing.toString());
                assertEquals(fired.fingerprint(), firing.get(0).fingerprint());
                assertEquals(RUNBOOK_URL, firing.get(0).runbookUrl());
                assertEquals("active", firing.get(0).status());
            }

            // and triage puts the runbook the alert names first
            Triage triage = new Triage(RunbookLibrary.bundled());
            Triage.Suggestion first = triage.suggest(new TriageQuery(null, Map.of("alertname", fired.alert(),
                    "runbook_url", fired.runbookUrl()))).get(0);
            assertEquals("provider-outage", first.runbook().id());
            assertEquals("named by the alert's runbook_url", first.reasons().get(0));
        }
    }

    @Test
    void storeDown_webhookAnswers503_andAlertmanagersRetryRecordsTheIncidentOnceTheStoreIsBack() throws Exception {
        ServerProcess.binary(PrometheusProcess.BINARY, "prometheus");
        ServerProcess.binary(AlertmanagerProcess.BINARY, "prometheus-alertmanager");
        Path file = dir.resolve("store/warroom");
        WarroomStore broken = WarroomStore.openH2(file);
        broken.close();
        CountingTimeline timeline = new CountingTimeline(broken.timeline(WALL));
        try (WebhookReceiver receiver = WebhookReceiver.start(timeline, new WebhookReceiver.Config(0, SECRET));
             AlertChain chain = AlertChain.start(dir, receiver.url(), SECRET)) {
            chain.await("Alertmanager to be refused twice (a delivery and a retry)", ALERT_DEADLINE,
                    () -> timeline.failures.get() >= 2);
            try (WarroomStore store = WarroomStore.openH2(file)) {
                assertEquals(List.of(), store.timeline(WALL).incidents(), "a 503 left nothing behind");
                timeline.use(store.timeline(WALL));
                chain.await("Alertmanager's retry to open the incident", ALERT_DEADLINE,
                        () -> alertFired(store.timeline(WALL)).isPresent());
                ServerProcess.sleep(2500);
                Timeline recovered = store.timeline(WALL);
                assertEquals(1, recovered.incidents().size(), "one incident after all the retries");
                assertEquals(List.of("incident_declared", "alert_fired"), recovered.events(
                        recovered.incidents().get(0).id()).stream().map(TimelineEvent::type).toList());
                assertTrue(timeline.failures.get() >= 2);
            }
        }
    }

    private static Optional<EventPayload.AlertFired> alertFired(Timeline timeline) {
        return timeline.incidents().stream().flatMap(i -> timeline.events(i.id()).stream())
                .map(TimelineEvent::payload)
                .filter(EventPayload.AlertFired.class::isInstance).map(EventPayload.AlertFired.class::cast)
                .findFirst();
    }

    /** The receiver's timeline, swappable while it runs, counting the store failures it passed on. */
    private static final class CountingTimeline implements Timeline {
        private final AtomicReference<Timeline> delegate;
        final AtomicInteger failures = new AtomicInteger();

        CountingTimeline(Timeline first) {
            this.delegate = new AtomicReference<>(first);
        }

        void use(Timeline next) {
            delegate.set(next);
        }

        private <T> T counted(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (StoreException e) {
                failures.incrementAndGet();
                throw e;
            }
        }

        @Override
        public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
            return counted(() -> delegate.get().declare(actor, declared));
        }

        @Override
        public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
            return counted(() -> delegate.get().record(incidentId, actor, payload));
        }

        @Override
        public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
            return counted(() -> delegate.get().recordAll(incidentId, actor, payloads));
        }

        @Override
        public List<TimelineEvent> events(String incidentId) {
            return counted(() -> delegate.get().events(incidentId));
        }

        @Override
        public Optional<Incident> incident(String incidentId) {
            return counted(() -> delegate.get().incident(incidentId));
        }

        @Override
        public List<Incident> incidents() {
            return counted(() -> delegate.get().incidents());
        }
    }
}
