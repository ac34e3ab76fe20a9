package dev.warroom.postmortem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.drill.DrillResult;
import dev.warroom.drill.Mitigation;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.time.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An incident turned into a replayable expectation: the failure that caused it must page at the
 * same tier, triage must rank the same runbook first, and that runbook must recover it within as
 * many steps. Written as JSON ({@link #toJson}) by {@code warroom drill}, read back by
 * {@code dev.warroom.regress.RegressionCaseParser} for {@code warroom regress}.
 *
 * <p>The failure's shape (SLO, traffic, failure, mitigations) is copied from the scenario, with the
 * scenario's own YAML keys, rather than referenced by scenario id: editing or deleting a drill
 * scenario must not silently change what an old incident's case replays. {@code scenario} stays as
 * provenance only.
 *
 * @param incident the incident the case came from, or null for a hand-written case
 * @param scenario the drill scenario the shape was copied from, or null
 * @param start    the virtual instant the replay's mock system starts at; null for the default
 */
public record RegressionCase(String id, String incident, String scenario, long seed, Instant start, String title,
                             String service, String symptom, String alert, SloSpec slo, Traffic traffic,
                             Failure failure, List<MitigationSpec> mitigations, Expectation expect) {

    public RegressionCase {
        mitigations = List.copyOf(mitigations);
    }

    public record SloSpec(String name, double objective, Duration period) {
    }

    public record Traffic(double requestsPerSecond, double baselineErrorRatio) {
    }

    public record Failure(Duration startsAfter, Duration ramp, double health) {
    }

    public record MitigationSpec(String id, String title, double restores, Duration takesEffectAfter,
                                 boolean reversible) {
    }

    /**
     * @param severity the tier the burn-rate policy must raise
     * @param action   {@code page} or {@code ticket}: what that tier must do
     * @param runbook  the runbook triage must rank first
     * @param maxSteps runbook steps the recovery may take at most
     * @param minSli   the SLI the recovery must hold at least (the objective)
     */
    public record Expectation(Severity severity, String action, String runbook, int maxSteps, double minSli) {
        public static final String PAGE = "page";
        public static final String TICKET = "ticket";
    }

    /** The case a finished drill leaves behind. */
    public static RegressionCase from(DrillResult result) {
        return from(result.scenario(), result.incident(), result.events(), result.seed(), result.start());
    }

    /**
     * The case an incident of a bundled drill scenario leaves behind; the replay starts at the default
     * instant. Prefer {@link #from(DrillResult)}, which also keeps the drill's start.
     *
     * @throws IllegalArgumentException when the incident did not come from a bundled scenario, whose
     *                                  shape the case needs
     */
    public static RegressionCase from(Incident incident, List<TimelineEvent> events, long seed) {
        if (incident.scenario() == null) {
            throw new IllegalArgumentException(incident.id() + " did not come from a drill scenario, so there is no"
                    + " failure shape to replay");
        }
        Scenario scenario = ScenarioLibrary.bundled().require(incident.scenario());
        return from(scenario, incident, events, seed, null);
    }

    public static RegressionCase from(Scenario scenario, Incident incident, List<TimelineEvent> events, long seed,
                                      Instant start) {
        String runbook = null;
        boolean paged = false;
        boolean ticket = false;
        int lastStep = 0;
        int stepsToRecover = -1;
        for (TimelineEvent e : events) {
            EventPayload p = e.payload();
            if (p instanceof EventPayload.RunbookStarted r && runbook == null) {
                runbook = r.runbook();
            } else if (p instanceof EventPayload.Paged) {
                paged = true;
            } else if (p instanceof EventPayload.TicketOpened) {
                ticket = true;
            } else if (p instanceof EventPayload.StepAcked s) {
                lastStep = Math.max(lastStep, s.step());
            } else if (p instanceof EventPayload.StepSkipped s) {
                lastStep = Math.max(lastStep, s.step());
            } else if (p instanceof EventPayload.StepFailed s) {
                lastStep = Math.max(lastStep, s.step());
            } else if (p instanceof EventPayload.Mitigated && stepsToRecover < 0) {
                stepsToRecover = lastStep;
            }
        }
        String action = paged || !ticket ? Expectation.PAGE : Expectation.TICKET;
        // an incident that never recovered still states the goal: the scenario's own step budget
        int maxSteps = stepsToRecover > 0 ? stepsToRecover : scenario.maxSteps();
        return new RegressionCase(scenario.id() + "-" + incident.id().toLowerCase(Locale.ROOT), incident.id(),
                scenario.id(), seed, start, scenario.title(), scenario.service(), scenario.symptom(), scenario.alert(),
                new SloSpec(scenario.slo().name(), scenario.slo().objective(), scenario.slo().period()),
                new Traffic(scenario.requestsPerSecond(), scenario.baselineErrorRatio()),
                new Failure(scenario.startsAfter(), scenario.ramp(), scenario.health()),
                scenario.mitigations().stream().map(RegressionCase::spec).toList(),
                new Expectation(incident.severity(), action, runbook == null ? scenario.runbook() : runbook, maxSteps,
                        scenario.slo().objective()));
    }

    public RegressionCase withId(String newId) {
        return new RegressionCase(newId, incident, scenario, seed, start, title, service, symptom, alert, slo, traffic,
                failure, mitigations, expect);
    }

    /** The case file's text: pretty JSON, snake_case keys, durations as {@code 30m}, ending in a newline. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build()).enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        if (incident != null) {
            root.put("incident", incident);
        }
        if (scenario != null) {
            root.put("scenario", scenario);
        }
        root.put("seed", seed);
        if (start != null) {
            root.put("start", start.toString());
        }
        if (title != null) {
            root.put("title", title);
        }
        root.put("service", service);
        root.put("symptom", symptom);
        root.put("alert", alert);
        ObjectNode s = root.putObject("slo");
        s.put("name", slo.name());
        s.put("objective", decimal(slo.objective()));
        s.put("period", Durations.format(slo.period()));
        ObjectNode t = root.putObject("traffic");
        t.put("requests_per_second", decimal(traffic.requestsPerSecond()));
        t.put("baseline_error_ratio", decimal(traffic.baselineErrorRatio()));
        ObjectNode f = root.putObject("failure");
        f.put("starts_after", Durations.format(failure.startsAfter()));
        f.put("ramp", Durations.format(failure.ramp()));
        f.put("health", decimal(failure.health()));
        ArrayNode ms = root.putArray("mitigations");
        for (MitigationSpec m : mitigations) {
            ObjectNode n = ms.addObject();
            n.put("id", m.id());
            n.put("title", m.title());
            n.put("restores", decimal(m.restores()));
            n.put("takes_effect_after", Durations.format(m.takesEffectAfter()));
            n.put("reversible", m.reversible());
        }
        ObjectNode e = root.putObject("expect");
        e.put("severity", expect.severity().id());
        e.put("action", expect.action());
        e.put("runbook", expect.runbook());
        e.put("max_steps", expect.maxSteps());
        e.put("min_sli", decimal(expect.minSli()));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write regression case " + id, ex);
        }
    }

    /** As people write it: 0.0002 and 40, not 2.0E-4 and 40.0. */
    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros();
    }

    private static MitigationSpec spec(Mitigation m) {
        return new MitigationSpec(m.id(), m.title(), m.restores(), m.takesEffectAfter(), m.reversible());
    }
}
