package dev.warroom.postmortem;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.EventPayload.Acknowledged;
import dev.warroom.incident.EventPayload.AlertFired;
import dev.warroom.incident.EventPayload.AlertResolved;
import dev.warroom.incident.EventPayload.Escalated;
import dev.warroom.incident.EventPayload.EscalationExhausted;
import dev.warroom.incident.EventPayload.IncidentDeclared;
import dev.warroom.incident.EventPayload.Mitigated;
import dev.warroom.incident.EventPayload.MitigationApplied;
import dev.warroom.incident.EventPayload.Note;
import dev.warroom.incident.EventPayload.Paged;
import dev.warroom.incident.EventPayload.PostmortemPublished;
import dev.warroom.incident.EventPayload.Resolved;
import dev.warroom.incident.EventPayload.RoleAssigned;
import dev.warroom.incident.EventPayload.RunbookStarted;
import dev.warroom.incident.EventPayload.SeverityChanged;
import dev.warroom.incident.EventPayload.SliObserved;
import dev.warroom.incident.EventPayload.StatusUpdatePosted;
import dev.warroom.incident.EventPayload.StepAcked;
import dev.warroom.incident.EventPayload.StepFailed;
import dev.warroom.incident.EventPayload.StepSkipped;
import dev.warroom.incident.EventPayload.StepVerified;
import dev.warroom.incident.EventPayload.SymptomNamed;
import dev.warroom.incident.EventPayload.TicketOpened;
import dev.warroom.incident.Severity;
import dev.warroom.slo.SloFormat;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * One readable line per timeline event, for the console's timeline and the postmortem: "paged L1 ana (ana@oncall.example)",
 * "SLI 85.1% (objective 99.9%)". Fields the event left empty are left out rather than shown as
 * "null".
 */
public final class EventSummaries {
    private EventSummaries() {
    }

    public static String summarize(EventPayload payload) {
        return oneLine(describe(payload));
    }

    private static String describe(EventPayload payload) {
        if (payload instanceof IncidentDeclared d) {
            // The SLO name already says which service burns; the service is the fallback.
            return "declared " + d.severity().label() + (d.drill() ? " drill" : "") + ": " + d.title()
                    + parenthesized(join(", ", or(d.slo(), d.service()), d.drill() ? d.scenario() : null));
        } else if (payload instanceof AlertFired a) {
            // an Alertmanager alert carries no burn numbers: say where it came from instead of "NaNx"
            boolean burns = !Double.isNaN(a.longBurn()) || !Double.isNaN(a.shortBurn());
            return "alert " + or(a.alert(), "fired") + (a.slo() == null ? "" : " on " + a.slo())
                    + (burns ? String.format(Locale.ROOT, ": burn %.1fx / %.1fx", a.longBurn(), a.shortBurn())
                    + (a.window() == null ? "" : " over " + a.window())
                    + ", budget left " + SloFormat.percent(a.budgetRemaining())
                    : a.fingerprint() == null ? "" : " from Alertmanager")
                    + (a.severity() == null ? "" : " -> " + a.severity().label())
                    + suffix(", runbook ", a.runbookUrl());
        } else if (payload instanceof AlertResolved r) {
            return "alert " + or(r.alert(), "?") + " stopped firing" + suffix(" at ", r.endsAt());
        } else if (payload instanceof SeverityChanged c) {
            return label(c.from()) + " -> " + label(c.to()) + suffix(": ", c.reason());
        } else if (payload instanceof Paged p) {
            return "paged " + join(" ", p.level(), p.target()) + parenthesized(p.contact()) + repeat(p.cycle());
        } else if (payload instanceof Escalated e) {
            return "escalated " + or(e.fromLevel(), "?") + " -> " + join(" ", e.toLevel(), e.target())
                    + repeat(e.cycle()) + suffix(": ", e.reason());
        } else if (payload instanceof EscalationExhausted x) {
            return "nobody acked: ladder exhausted at " + or(x.lastLevel(), "the last level") + " after "
                    + x.cycles() + (x.cycles() == 1 ? " pass" : " passes");
        } else if (payload instanceof Acknowledged a) {
            return "acknowledged by " + or(a.by(), "someone") + parenthesized(a.level())
                    + (a.secondsToAck() > 0 ? ", " + Durations.format(Duration.ofSeconds(a.secondsToAck()))
                    + " after declaration" : "");
        } else if (payload instanceof TicketOpened t) {
            return "ticket " + t.ticket() + suffix(" in ", t.queue()) + suffix(": ", t.summary());
        } else if (payload instanceof RoleAssigned r) {
            return r.person() + " is " + r.role();
        } else if (payload instanceof SymptomNamed s) {
            return "symptom: " + s.text();
        } else if (payload instanceof RunbookStarted r) {
            return "runbook " + r.runbook() + suffix(" ", version(r.version())) + suffix(": ", r.title())
                    + (r.steps() > 0 ? ", " + r.steps() + " steps" : "");
        } else if (payload instanceof StepAcked s) {
            return "step " + s.step() + " done" + suffix(": ", s.title());
        } else if (payload instanceof StepSkipped s) {
            return "step " + s.step() + " skipped" + suffix(": ", s.title()) + suffix(" — ", s.reason());
        } else if (payload instanceof StepFailed s) {
            return "step " + s.step() + " FAILED" + suffix(": ", s.title()) + suffix(" — ", s.reason());
        } else if (payload instanceof StepVerified v) {
            return "step " + v.step() + " check " + (v.passed() ? "passed" : "not yet") + suffix(": ", v.check())
                    + (Double.isNaN(v.observed()) ? " (no data)" : String.format(Locale.ROOT, " (observed %s)",
                    new java.text.DecimalFormat("0.####", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                            .format(v.observed())));
        } else if (payload instanceof MitigationApplied m) {
            return "mitigation " + or(m.title(), m.mitigation())
                    + (m.reversible() ? " (reversible)" : " (one-way)")
                    + (m.step() == null ? "" : ", runbook step " + m.step());
        } else if (payload instanceof SliObserved o) {
            return "SLI " + SloFormat.sli(o.sli()) + " (objective " + SloFormat.objective(o.objective())
                    + suffix(", ", o.window() == null ? null : o.window() + " window") + ")";
        } else if (payload instanceof Mitigated m) {
            return "mitigated at SLI " + SloFormat.sli(m.sli()) + suffix(": ", m.summary());
        } else if (payload instanceof StatusUpdatePosted s) {
            return "status update" + suffix(" to ", s.audience()) + suffix(": ", s.text());
        } else if (payload instanceof Note n) {
            return "note: " + n.text();
        } else if (payload instanceof Resolved r) {
            return "resolved" + suffix(": ", r.summary()) + suffix("; root cause: ", r.rootCause());
        } else if (payload instanceof PostmortemPublished p) {
            return "postmortem published" + suffix(" at ", p.location());
        }
        // A payload type added after this formatter still gets a line instead of breaking the table.
        return payload.type();
    }

    private static String version(String version) {
        return version == null ? null : version.substring(0, Math.min(7, version.length()));
    }

    private static String label(Severity severity) {
        return severity == null ? "?" : severity.label();
    }

    private static String repeat(int cycle) {
        return cycle > 1 ? ", repeat " + (cycle - 1) : "";
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String suffix(String separator, String value) {
        return value == null || value.isBlank() ? "" : separator + value;
    }

    private static String parenthesized(String value) {
        return value == null || value.isBlank() ? "" : " (" + value + ")";
    }

    private static String join(String separator, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (b.length() > 0) {
                    b.append(separator);
                }
                b.append(part);
            }
        }
        return b.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
