package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Severity;
import dev.warroom.time.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Incident milestones reach Grafana as annotations; Grafana being down never touches the incident. */
class AnnotatedTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private final VirtualClock clock = new VirtualClock(T0);

    @Test
    void declaredPagedMitigatedResolved_areMilestones_othersAreNot() {
        List<GrafanaAnnotations.Milestone> posted = new ArrayList<>();
        AnnotatedTimeline timeline = new AnnotatedTimeline(new InMemoryTimeline(clock), posted::add);
        String id = timeline.declare("policy", new EventPayload.IncidentDeclared("Checkout 503s", Severity.SEV1,
                "checkout", "checkout-availability", false, null, "half of checkout fails")).id();
        timeline.record(id, "escalation", new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, id + "/L1/1", "log"));
        timeline.record(id, "li", new EventPayload.Note("looking at the provider dashboard"));
        timeline.record(id, "li", new EventPayload.SymptomNamed("checkout 503s from the model provider"));
        timeline.record(id, "li", new EventPayload.MitigationApplied("fail-over-provider", "Fail over", true, null, null));
        clock.advance(Duration.ofMinutes(20));
        timeline.record(id, "li", new EventPayload.Mitigated("failed over to the second provider", 0.999));
        timeline.record(id, "li", new EventPayload.Resolved("provider fixed", "provider outage"));

        assertEquals(List.of("declared", "paged", "mitigated", "resolved"), posted.stream().map(GrafanaAnnotations.Milestone::kind).toList());
        assertTrue(posted.stream().allMatch(m -> m.incidentId().equals(id) && m.severity().equals("sev1")), posted.toString());
        assertEquals(T0.plus(Duration.ofMinutes(20)), posted.get(2).at());
        assertEquals(id + " declared: Checkout 503s", posted.get(0).text());
    }

    @Test
    void grafanaDown_theIncidentIsRecordedAnyway_andTheMarkArrivesWhenItIsBack() throws Exception {
        try (MockWebServer grafana = new MockWebServer()) {
            grafana.enqueue(new MockResponse().setResponseCode(503).setBody("down"));
            grafana.enqueue(new MockResponse().setResponseCode(200).setBody("{\"id\":1,\"message\":\"Annotation added\"}"));
            grafana.start();
            try (GrafanaAnnotations annotations = new GrafanaAnnotations(SourceConfig.of("grafana", grafana.url("/").toString()),
                    Duration.ofMillis(50), Duration.ofMillis(200))) {
                AnnotatedTimeline timeline = new AnnotatedTimeline(new InMemoryTimeline(clock), annotations::post);
                String id = timeline.declare("policy", new EventPayload.IncidentDeclared("Checkout 503s", Severity.SEV2,
                        "checkout", null, false, null, null)).id();
                assertEquals(1, timeline.incidents().size(), "recorded while Grafana answers 503");

                grafana.takeRequest(5, TimeUnit.SECONDS);
                RecordedRequest retried = grafana.takeRequest(5, TimeUnit.SECONDS);
                String body = retried.getBody().readUtf8();
                assertEquals("/api/annotations", retried.getPath());
                assertTrue(body.contains("\"" + id + "\"") && body.contains("\"sev2\"") && body.contains("\"declared\""), body);
            }
        } catch (IOException e) {
            throw e;
        }
    }

    @Test
    void anAnnotationSinkThatThrows_neverFailsTheRecording() {
        AnnotatedTimeline timeline = new AnnotatedTimeline(new InMemoryTimeline(clock), m -> {
            throw new IllegalStateException("queue full");
        });
        String id = timeline.declare("policy", new EventPayload.IncidentDeclared("x", Severity.SEV3, null, null, false, null, null)).id();
        timeline.record(id, "escalation", new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, id + "/L1/1", "log"));
        assertEquals(2, timeline.events(id).size());
    }
}
