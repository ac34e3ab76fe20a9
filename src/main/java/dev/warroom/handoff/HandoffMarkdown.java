package dev.warroom.handoff;

import dev.warroom.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a handoff as Markdown: what the command prints and what {@code --out} exports. */
public final class HandoffMarkdown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String DRILL = "[DRILL]";

    private HandoffMarkdown() {
    }

    /** "2026-11-16 10:00 UTC": minutes are precise enough for a handoff, and every line uses UTC. */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    public static String render(HandoffTemplate template, Handoff h) {
        StringBuilder b = new StringBuilder();
        b.append("# Shift handoff: week of ").append(h.week().id()).append("\n\n");
        b.append("Handoff at ").append(time(h.week().handoffAt())).append(". Incidents as the store stood then;")
                .append(" recently resolved means since ").append(time(h.week().recentSince())).append(".\n");
        b.append(versionLine(h)).append('\n');
        for (HandoffTemplate.Section s : template.sections()) {
            b.append("\n## ").append(s.title()).append("\n\n");
            switch (s.prefill()) {
                case OPEN_INCIDENTS -> {
                    if (h.open().isEmpty()) {
                        b.append(s.empty()).append('\n');
                    }
                    h.open().forEach(i -> b.append(line(i)).append('\n'));
                }
                case RECENTLY_RESOLVED -> {
                    if (h.resolved().isEmpty()) {
                        b.append(s.empty()).append('\n');
                    }
                    h.resolved().forEach(i -> b.append(line(i)).append('\n'));
                }
                case TYPED -> {
                    String text = h.typed().get(s.key());
                    b.append(text != null ? text : "_Not written yet: " + s.hint() + "_").append('\n');
                }
            }
        }
        return b.toString();
    }

    /** "- INC-0002 Sev-2, triaged, owner noor (incident commander): Checkout slow (declared ...)". */
    static String line(OpenIncident i) {
        return "- " + i.id() + (i.drill() ? " " + DRILL : "") + " " + i.severity().label() + ", " + i.status()
                + ", owner " + i.owner().text() + ": " + i.title() + " (declared " + time(i.declaredAt()) + ")";
    }

    /** "- INC-0001 Sev-1: Provider 503s, resolved ... after 1h12m; postmortem due ...". */
    static String line(ResolvedIncident i) {
        return "- " + i.id() + (i.drill() ? " " + DRILL : "") + " " + i.severity().label() + ": " + i.title()
                + ", resolved " + time(i.resolvedAt()) + " after "
                + roughly(i.timeToResolve()) + "; " + i.postmortem().text();
    }

    /** Minutes, or seconds for what took less than one. */
    private static String roughly(Duration d) {
        Duration minutes = d.truncatedTo(ChronoUnit.MINUTES);
        return Durations.format(minutes.isZero() ? d.truncatedTo(ChronoUnit.SECONDS) : minutes);
    }

    /** The checklist as a Markdown task list under a line saying how far along {@code person} is. */
    public static String checklist(String person, HandoffWeek week, Checklist.Progress progress) {
        StringBuilder b = new StringBuilder();
        b.append("First-day-on-call checklist for ").append(person).append(", week of ").append(week.id()).append(": ")
                .append(progress.done()).append(" of ").append(progress.total()).append(" done")
                .append(progress.complete() ? ", all set" : "").append('\n');
        for (Checklist.Entry e : progress.entries()) {
            b.append("- [").append(e.done() ? 'x' : ' ').append("] ").append(e.item().id()).append(": ")
                    .append(e.item().text());
            if (e.done()) {
                b.append(" (acked ").append(time(e.ack().at())).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** One line per saved version, oldest first, each saying what it changed. */
    public static String history(HandoffWeek week, List<HandoffVersion> versions) {
        if (versions.isEmpty()) {
            return "No saved handoff for the week of " + week.id() + ".\n";
        }
        StringBuilder b = new StringBuilder();
        b.append("Handoff for the week of ").append(week.id()).append(": ").append(versions.size())
                .append(versions.size() == 1 ? " version" : " versions").append('\n');
        Map<String, String> before = Map.of();
        for (HandoffVersion v : versions) {
            b.append(String.format(Locale.ROOT, "v%d  %s  %s: %s%n", v.version(), time(v.savedAt()), v.author(),
                    changes(before, v.sections())));
            before = v.sections();
        }
        return b.toString();
    }

    /** "wrote watchpoints; cleared vacations", or "no changes" for a save of the same text. */
    static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> wrote = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).sorted().toList();
        List<String> cleared = before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().toList();
        List<String> parts = new ArrayList<>();
        if (!wrote.isEmpty()) {
            parts.add("wrote " + String.join(", ", wrote));
        }
        if (!cleared.isEmpty()) {
            parts.add("cleared " + String.join(", ", cleared));
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static String versionLine(Handoff h) {
        HandoffVersion v = h.basedOn();
        String saved = v == null ? null : "version " + v.version() + ", saved by " + v.author() + " at "
                + time(v.savedAt());
        if (!h.unsaved()) {
            return saved == null ? "Nothing typed in or saved for this week yet." : capitalised(saved) + ".";
        }
        return "Draft, not saved" + (saved == null ? "." : "; based on " + saved + ".");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
