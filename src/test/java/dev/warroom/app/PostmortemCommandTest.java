package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.store.PostmortemStore;
import dev.warroom.store.WarroomStore;
import dev.warroom.time.VirtualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemCommandTest {
    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String db() {
        return tmp.resolve("store/warroom").toString();
    }

    private void drill() {
        Result r = run("drill", "--scenario", "provider-outage", "--auto", "--seed", "5", "--out",
                tmp.resolve("drill").toString(), "--db", db(), "--start", "2026-11-18T02:00:00Z");
        assertEquals(0, r.exit(), r.err());
    }

    private List<PostmortemStore.Version> versions(String id) {
        try (WarroomStore store = WarroomStore.openH2(Path.of(db()))) {
            return new PostmortemStore(store, Clock.systemUTC()).versions(id);
        }
    }

    private List<TimelineEvent> events(String id) {
        try (WarroomStore store = WarroomStore.openH2(Path.of(db()))) {
            return store.timeline(Clock.systemUTC()).events(id);
        }
    }

    @Test
    void postmortem_storesAVersionWritesTheFileAndSaysSoInOneLine() throws Exception {
        drill();
        Path file = tmp.resolve("pm.md");

        Result r = run("postmortem", "inc-0001", "--db", db(), "--out", file.toString(), "--author", "ana");

        assertEquals(0, r.exit(), r.err());
        Instant resolved = events("INC-0001").stream().filter(e -> e.payload() instanceof EventPayload.Resolved)
                .map(TimelineEvent::at).findFirst().orElseThrow();
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(resolved.plus(Duration.ofHours(24)));
        assertEquals("INC-0001: postmortem version 1 stored in " + file + "; due " + due + "; 0 blame warnings\n",
                r.out(), "Sev-1: due 24h after resolution");
        assertEquals("", r.err());
        String md = Files.readString(file);
        assertTrue(md.startsWith("# Postmortem: INC-0001 ") && md.contains("## Regression case"), md);
        List<PostmortemStore.Version> versions = versions("INC-0001");
        assertEquals(1, versions.size());
        assertEquals("ana", versions.get(0).author());
        assertEquals(md, versions.get(0).markdown());

        Result again = run("postmortem", "INC-0001", "--db", db(), "--out", file.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("INC-0001: postmortem version 1 unchanged"), again.out());
        assertEquals(1, versions("INC-0001").size(), "same text, no new version");
    }

    @Test
    void postmortem_keepsEditsInTheFile_andReportsBlameAsFileLine() throws Exception {
        drill();
        Path file = tmp.resolve("pm.md");
        assertEquals(0, run("postmortem", "INC-0001", "--db", db(), "--out", file.toString()).exit());
        String edited = Files.readString(file).replace("_What the responders saw go poorly: to be written._",
                "The fallback quota was sized for 10% of traffic.\nAna forgot to raise it after the launch.");
        Files.writeString(file, edited);
        int blameLine = edited.lines().toList().indexOf("Ana forgot to raise it after the launch.") + 1;

        Result r = run("postmortem", "INC-0001", "--db", db(), "--out", file.toString(), "--author", "li");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("INC-0001: postmortem version 2 stored") && r.out().contains("; 1 blame warning\n"),
                r.out());
        assertTrue(r.err().startsWith(file + ":" + blameLine + ": blame: 'Ana forgot' makes ana the cause"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.readString(file).contains("Ana forgot to raise it after the launch."));
        List<PostmortemStore.Version> versions = versions("INC-0001");
        assertEquals(List.of(1, 2), versions.stream().map(PostmortemStore.Version::version).toList());
        assertFalse(versions.get(0).markdown().contains("Ana forgot"), "version 1 is kept as it was");
        assertTrue(versions.get(1).markdown().contains("Ana forgot"));
    }

    @Test
    void postmortem_withoutFile_buildsOnTheLatestStoredVersion() throws Exception {
        drill();
        Path file = tmp.resolve("pm.md");
        assertEquals(0, run("postmortem", "INC-0001", "--db", db(), "--out", file.toString()).exit());
        Files.writeString(file, Files.readString(file).replace("_Where luck, not design, kept it from being worse: to be"
                + " written._", "The provider recovered on its own at 03:00."));
        assertEquals(0, run("postmortem", "INC-0001", "--db", db(), "--out", file.toString()).exit());
        Path other = tmp.resolve("elsewhere/pm.md");

        Result r = run("postmortem", "INC-0001", "--db", db(), "--out", other.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("INC-0001: postmortem version 2 unchanged"), r.out());
        assertTrue(Files.readString(other).contains("The provider recovered on its own at 03:00."));
    }

    @Test
    void postmortem_staleFileOfAnOlderVersion_givesWayToTheNewestStoredOne() throws Exception {
        drill();
        Path mine = tmp.resolve("mine.md");
        Path theirs = tmp.resolve("theirs.md");
        assertEquals(0, run("postmortem", "INC-0001", "--db", db(), "--out", mine.toString()).exit());
        Files.copy(mine, theirs);
        Files.writeString(theirs, Files.readString(theirs).replace("_What the responders saw go well: to be written._",
                "Failover took one flag flip."));
        assertEquals(0, run("postmortem", "INC-0001", "--db", db(), "--out", theirs.toString(), "--author", "li").exit());

        Result r = run("postmortem", "INC-0001", "--db", db(), "--out", mine.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(mine + ":1: note: this is version 1; version 2 by li is newer"), r.err());
        assertTrue(Files.readString(mine).contains("Failover took one flag flip."));
        assertEquals(2, versions("INC-0001").size());
    }

    @Test
    void publish_recordsTheEventAndClosesTheResolvedIncident() throws Exception {
        drill();
        Path file = tmp.resolve("pm.md");

        Result r = run("postmortem", "INC-0001", "--db", db(), "--out", file.toString(), "--publish", "--author", "li");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().endsWith("; published, INC-0001 is closed"), r.out());
        List<TimelineEvent> events = events("INC-0001");
        TimelineEvent last = events.get(events.size() - 1);
        assertEquals(new EventPayload.PostmortemPublished(file.toAbsolutePath().toString(), "1"), last.payload());
        assertEquals("li", last.actor());
        Result list = run("incidents", "--db", db());
        assertTrue(list.out().contains(IncidentState.CLOSED.id()), list.out());
    }

    @Test
    void publish_refusedWhileTheIncidentIsOpen_andNothingIsStored() throws Exception {
        try (WarroomStore store = WarroomStore.openH2(Path.of(db()))) {
            store.timeline(new VirtualClock(Instant.parse("2026-11-18T02:00:00Z"))).declare("warroom/slo-policy",
                    new EventPayload.IncidentDeclared("Disk full", Severity.SEV2, "db", null, false, null, null));
        }
        Path file = tmp.resolve("pm.md");

        Result r = run("postmortem", "INC-0001", "--db", db(), "--out", file.toString(), "--publish");

        assertEquals(1, r.exit());
        assertEquals("warroom: INC-0001 is detected, not resolved: resolve it before publishing its postmortem",
                r.err().strip());
        assertFalse(Files.exists(file));
        assertEquals(List.of(), versions("INC-0001"));
        assertEquals(1, events("INC-0001").size());

        Result draft = run("postmortem", "INC-0001", "--db", db(), "--out", file.toString());
        assertEquals(0, draft.exit(), draft.err());
        assertTrue(draft.out().contains("; due after resolution;"), draft.out());
    }

    @Test
    void unknownIncident_andSomeoneElsesFile_areOneLineErrors() throws Exception {
        drill();
        Result missing = run("postmortem", "INC-0042", "--db", db());
        assertEquals(1, missing.exit());
        assertEquals("warroom: no incident INC-0042", missing.err().strip());

        Path notes = tmp.resolve("notes.md");
        Files.writeString(notes, "# My notes\n");
        Result wrong = run("postmortem", "INC-0001", "--db", db(), "--out", notes.toString());
        assertEquals(1, wrong.exit());
        assertEquals("warroom: " + notes + " is not the postmortem of INC-0001 (it has no '# Postmortem: INC-0001' title);"
                + " choose another --out", wrong.err().strip());
        assertEquals("# My notes\n", Files.readString(notes));

        Result noArg = run("postmortem", "--db", db());
        assertEquals(2, noArg.exit());
        assertEquals(1, noArg.err().lines().count(), noArg.err());
    }

    @Test
    void help_saysWhichTextIsKept() {
        Result r = run("postmortem", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: warroom postmortem"), r.out());
        assertTrue(r.out().contains("If FILE exists it is taken as your latest text"), r.out());
    }
}
