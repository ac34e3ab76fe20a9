package dev.warroom.app;

import dev.warroom.incident.Incident;
import dev.warroom.incident.TimelineJson;
import dev.warroom.store.WarroomStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warroom incidents}: what the store holds, without opening the console. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "List the incidents in the store, or print one incident's timeline as JSON.")
public final class IncidentsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "INCIDENT", description = "Incident id (INC-0001) whose timeline to print.")
    String incident;

    @Option(names = "--open", description = "Only incidents that are not resolved yet.")
    boolean openOnly;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (WarroomStore db = store.open()) {
            var timeline = db.timeline(Clock.systemUTC());
            if (incident != null) {
                Incident i = timeline.require(incident.toUpperCase(Locale.ROOT));
                out.print(TimelineJson.toJson(timeline.events(i.id())));
                return 0;
            }
            for (Incident i : openOnly ? timeline.openIncidents() : timeline.incidents()) {
                out.printf(Locale.ROOT, "%s  %-5s %-10s %s%s%n", i.id(), i.severity().label(), i.state().id(),
                        i.title(), i.drill() ? "  [drill]" : "");
            }
            return 0;
        }
    }
}
