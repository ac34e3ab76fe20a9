package dev.warroom.app;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.postmortem.BlameCheck;
import dev.warroom.postmortem.Postmortem;
import dev.warroom.postmortem.PostmortemDocument;
import dev.warroom.postmortem.PostmortemRenderer;
import dev.warroom.store.PostmortemStore;
import dev.warroom.store.WarroomStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warroom postmortem}: the incident's blameless postmortem, kept in step with its timeline. */
@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = {
                "Render the blameless postmortem of an incident from its timeline, store it as a new version when"
                        + " its text changed (every version is kept), and write it to FILE.",
                "",
                "Your writing is never overwritten. If FILE exists it is taken as your latest text, edits included;"
                        + " only when it is exactly an older stored version (someone stored a newer one since) is the"
                        + " newest stored version used instead. Without FILE the newest stored version is the base."
                        + " Only the parts between warroom:generated markers that nobody edited are refreshed;"
                        + " delete hash=... from a marker to have an edited part regenerated.",
                "",
                "Sentences that make a person the cause are reported on stderr as FILE:line: blame: ...",
                "Exit codes: 0 written (warnings or not), 1 the incident or store is wrong, 2 bad arguments."})
public final class PostmortemCommand implements Callable<Integer> {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INCIDENT", description = "Incident id, e.g. INC-0001.")
    String incident;

    @Option(names = "--out", paramLabel = "FILE", description = "Markdown file to read your edits from and write to (default: postmortem-<INCIDENT>.md).")
    Path out;

    @Option(names = "--author", paramLabel = "NAME", description = "Who this version is by (default: the user name, ${sys:user.name}).")
    String author;

    @Option(names = "--publish", description = "Record postmortem_published (FILE and version) on the timeline, which closes a resolved incident. Refused while the incident is open.")
    boolean publish;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String id = incident.strip().toUpperCase(Locale.ROOT);
        Path file = out != null ? out : Path.of("postmortem-" + id + ".md");
        String by = author != null && !author.isBlank() ? author.strip() : System.getProperty("user.name", "unknown");
        Settings settings = store.settings();
        Clock clock = Clock.systemUTC();
        try (WarroomStore db = store.open()) {
            Timeline timeline = db.timeline(clock);
            Incident found = timeline.require(id);
            if (publish && found.isOpen()) {
                throw new IllegalArgumentException(id + " is " + found.state().id() + ", not resolved: resolve it before"
                        + " publishing its postmortem");
            }
            List<TimelineEvent> events = timeline.events(id);
            PostmortemStore versions = new PostmortemStore(db, clock);
            Optional<PostmortemStore.Version> latest = versions.latest(id);
            String base = base(file, id, versions, latest, stderr);

            Postmortem postmortem = new PostmortemRenderer(settings.severities()).render(found, events, base);
            boolean changed = latest.isEmpty() || !latest.get().markdown().equals(postmortem.markdown());
            PostmortemStore.Version version = changed ? versions.save(id, by, postmortem.markdown()) : latest.get();
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(postmortem.markdown())) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, postmortem.markdown(), StandardCharsets.UTF_8);
            }

            for (PostmortemDocument.Kept kept : postmortem.kept()) {
                stderr.println(file + ":" + kept.line() + ": kept: section '" + kept.section() + "' was edited by hand,"
                        + " so it was not refreshed from the timeline (delete hash=... from its marker to regenerate it)");
            }
            List<BlameCheck.Warning> warnings = BlameCheck.forTimeline(events).check(postmortem.markdown());
            warnings.forEach(w -> stderr.println(w.format(file.toString())));

            String published = "";
            if (publish) {
                timeline.record(id, by, new EventPayload.PostmortemPublished(file.toAbsolutePath().toString(),
                        String.valueOf(version.version())));
                Incident after = timeline.require(id);
                published = "; published, " + id + " is " + after.state().id();
            }
            stdout.printf(Locale.ROOT, "%s: postmortem version %d %s in %s; due %s; %d blame warning%s%s%n", id,
                    version.version(), changed ? "stored" : "unchanged", file, due(postmortem, settings, found),
                    warnings.size(), warnings.size() == 1 ? "" : "s", published);
            return 0;
        }
    }

    /** The text a person last had: FILE, unless FILE is an outdated stored version. */
    private static String base(Path file, String id, PostmortemStore versions, Optional<PostmortemStore.Version> latest,
                               PrintWriter stderr) throws IOException {
        if (!Files.exists(file)) {
            return latest.map(PostmortemStore.Version::markdown).orElse(null);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains("# Postmortem: " + id + " ")) {
            throw new IllegalArgumentException(file + " is not the postmortem of " + id + " (it has no '# Postmortem: "
                    + id + "' title); choose another --out");
        }
        if (latest.isEmpty() || text.equals(latest.get().markdown())) {
            return text;
        }
        Optional<PostmortemStore.Version> older = versions.versions(id).stream()
                .filter(v -> v.markdown().equals(text)).findFirst();
        if (older.isPresent()) {
            stderr.println(file + ":1: note: this is version " + older.get().version() + "; version "
                    + latest.get().version() + " by " + latest.get().author() + " is newer and is used instead");
            return latest.get().markdown();
        }
        return text;
    }

    private static String due(Postmortem postmortem, Settings settings, Incident incident) {
        SeverityTarget target = settings.severities().target(incident.severity());
        if (!target.postmortemRequired()) {
            return "none (" + incident.severity().label() + ")";
        }
        return postmortem.dueDate().map(DUE::format).orElse("after resolution");
    }
}
