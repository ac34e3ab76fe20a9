package dev.warroom.app;

import dev.warroom.handoff.Checklist;
import dev.warroom.handoff.Handoff;
import dev.warroom.handoff.HandoffMarkdown;
import dev.warroom.handoff.HandoffPrefill;
import dev.warroom.handoff.HandoffTemplate;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import dev.warroom.store.HandoffStore;
import dev.warroom.store.WarroomStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code warroom handoff}: the weekly shift handoff, and the first-day-on-call checklist. */
@Command(name = "handoff", mixinStandardHelpOptions = true,
        description = {
                "Print the weekly shift handoff as Markdown. The handoff is Monday 10:00 UTC; open incidents and"
                        + " incidents resolved in the 7 days before (with their postmortem status) are prefilled"
                        + " from the store as it stood then. Drill incidents are listed, marked [DRILL].",
                "The other sections are typed in with --set and kept with --save; every save is a new version"
                        + " (--history). Without --set the typed sections come from the latest saved version.",
                "Typed sections: active-changes, watchpoints, vacations, anything-else."},
        subcommands = HandoffCommand.ChecklistCommand.class)
public final class HandoffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Picks the default week and stamps saves; tests replace it with a virtual clock. */
    Clock clock = Clock.systemUTC();

    @Option(names = "--week", paramLabel = "YYYY-MM-DD",
            description = "The on-call week containing this date (default: the next handoff, Monday 10:00 UTC at or after now).")
    String week;

    @Option(names = "--set", paramLabel = "SECTION=TEXT",
            description = "Type TEXT (Markdown) into a section: active-changes, watchpoints, vacations or"
                    + " anything-else. Repeatable; an empty TEXT clears the section. Not kept without --save.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--save", description = "Save the typed sections as the week's next version.")
    boolean save;

    @Option(names = "--author", paramLabel = "NAME", description = "Who saves (default: your login name).")
    String author = System.getProperty("user.name");

    @Option(names = "--saved-version", paramLabel = "N",
            description = "Start from saved version N (see --history) instead of the latest; with --save it is restored"
                    + " as a new version.")
    Integer savedVersion;

    @Option(names = "--history", description = "List the week's saved versions: who, when, what changed.")
    boolean history;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the Markdown to FILE instead of printing it.")
    Path out;

    @Option(names = "--no-drills", description = "Leave drill incidents out.")
    boolean noDrills;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        HandoffWeek w = parseWeek(spec, week, HandoffWeek.upcoming(clock.instant()));
        HandoffTemplate template = HandoffTemplate.builtIn();
        if (history && (save || !set.isEmpty() || savedVersion != null || out != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--history only lists the saved versions; leave out --set, --save, --saved-version and --out");
        }
        for (String key : set.keySet()) {
            try {
                template.requireTyped(key);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set: " + e.getMessage());
            }
        }
        if (save) {
            requireName(spec, "--author", author);
        }
        Settings settings = store.settings();
        try (WarroomStore db = store.open()) {
            HandoffStore handoffs = new HandoffStore(db, clock);
            List<HandoffVersion> versions = handoffs.history(w);
            if (history) {
                stdout.print(HandoffMarkdown.history(w, versions));
                return 0;
            }
            Handoff handoff = new HandoffPrefill(db.timeline(clock), settings.severities()).prefill(w, !noDrills);
            HandoffVersion base = base(w, versions);
            if (base != null) {
                handoff = handoff.from(base);
            }
            handoff = handoff.edit(template, set);
            if (save) {
                handoff = handoff.from(handoffs.save(w, author, handoff.typed()));
            }
            String markdown = HandoffMarkdown.render(template, handoff);
            if (out == null) {
                stdout.print(markdown);
                return 0;
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            stdout.println("wrote " + out + (handoff.basedOn() == null ? "" : " (version "
                    + handoff.basedOn().version() + (handoff.unsaved() ? ", with unsaved changes" : "") + ")"));
            return 0;
        }
    }

    private HandoffVersion base(HandoffWeek w, List<HandoffVersion> versions) {
        if (savedVersion == null) {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == savedVersion).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no version " + savedVersion + " of the handoff for the week of " + w.id()
                        + (versions.isEmpty() ? "; nothing was saved for it"
                        : "; saved versions are 1 to " + versions.size())));
    }

    /** {@code --week}, or {@code fallback} when it is not given. */
    static HandoffWeek parseWeek(CommandLine.Model.CommandSpec spec, String text, HandoffWeek fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return HandoffWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--week: " + e.getMessage());
        }
    }

    static void requireName(CommandLine.Model.CommandSpec spec, String option, String name) {
        try {
            HandoffVersion.requireName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** {@code warroom handoff checklist}: tick off the first-day-on-call checklist and see what is left. */
    @Command(name = "checklist", mixinStandardHelpOptions = true,
            description = {"The first-day-on-call checklist for one person and on-call week: tick items off with"
                    + " --ack (acking twice changes nothing) and see what is left.",
                    "Items: ack-rotation, read-handoff, open-dashboards, confirm-access, page-escalation,"
                            + " read-sev1-postmortem, run-drill."})
    static final class ChecklistCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @ParentCommand
        HandoffCommand parent;

        @Option(names = "--week", paramLabel = "YYYY-MM-DD",
                description = "The on-call week containing this date (default: the week under way).")
        String week;

        @Option(names = "--person", paramLabel = "NAME", description = "Whose checklist (default: your login name).")
        String person = System.getProperty("user.name");

        @Option(names = "--ack", paramLabel = "ITEM", description = "Tick ITEM off (repeatable).")
        List<String> ack = new ArrayList<>();

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            // the checklist belongs to the shift under way, not to the next handoff
            HandoffWeek w = parseWeek(spec, week, HandoffWeek.containing(parent.clock.instant()));
            Checklist checklist = Checklist.builtIn();
            requireName(spec, "--person", person);
            for (String item : ack) {
                try {
                    checklist.require(item);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--ack: " + e.getMessage());
                }
            }
            try (WarroomStore db = store.open()) {
                HandoffStore handoffs = new HandoffStore(db, parent.clock);
                for (String item : ack) {
                    stdout.println(handoffs.ack(w, person, item) ? "acked " + item
                            : item + " was already acked; nothing changed");
                }
                stdout.print(HandoffMarkdown.checklist(person, w, checklist.progress(handoffs.acks(w, person))));
                return 0;
            }
        }
    }
}
