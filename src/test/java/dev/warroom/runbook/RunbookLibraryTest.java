package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLibraryTest {

    private static final String OVERRIDE = """
            ---
            id: provider-outage
            title: Our own provider outage runbook
            symptoms: [chat replies fail with 503]
            alerts: [ModelProviderErrors]
            ---

            ## Steps

            1. **Call the provider account manager.**
            2. **Fail over.** `warroomctl flags set llm.provider.primary=fallback`
               - mitigation: fail-over-provider
            3. **Tell support.**
            """;

    private static final String EXTRA = """
            ---
            id: kafka-rebalance-storm
            title: Kafka consumer group rebalance storm
            symptoms: [consumers keep rebalancing]
            ---

            ## Steps

            1. **Check the group.** `kafka-consumer-groups --describe --group orders`
            2. **Raise session.timeout.ms.**
            3. **Restart the stuck consumer.**
            """;

    /** Line 9 is the empty step 2. */
    private static final String BROKEN = """
            ---
            id: half-written
            title: Half written
            symptoms: [something]
            ---

            ## Steps

            1. **Look.**
            2.
            """;

    @Test
    void bundledLibraryLoadsCleanly() {
        RunbookLibrary library = RunbookLibrary.bundled();
        assertEquals(List.of(), library.problems(), "bundled runbooks must all parse");
        assertTrue(library.all().size() >= 20, "bundled runbooks: " + library.all().size());
        Runbook outage = library.byId("provider-outage").orElseThrow();
        assertEquals("runbooks/provider-outage.md", outage.source());
        assertEquals("Model provider outage (5xx / 503 from the LLM API)", outage.title());
        assertTrue(library.byId("no-such-runbook").isEmpty());
    }

    @Test
    void userFileOverridesTheBundledRunbookWithTheSameId(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("my-provider-outage.md");
        Files.writeString(file, OVERRIDE);
        Files.writeString(folder.resolve("notes.txt"), "not a runbook");

        int bundledCount = RunbookLibrary.bundled().all().size();
        RunbookLibrary library = RunbookLibrary.load(folder);

        assertEquals(List.of(), library.problems());
        assertEquals(bundledCount, library.all().size(), "replaced, not added");
        Runbook r = library.byId("provider-outage").orElseThrow();
        assertEquals("Our own provider outage runbook", r.title());
        assertEquals(file.toString(), r.source());
        assertEquals(3, r.steps().size());
        assertEquals(1, library.all().stream().filter(x -> x.id().equals("provider-outage")).count());
    }

    @Test
    void brokenUserFileIsAProblemAndTheOthersStillLoad(@TempDir Path folder) throws IOException {
        Path broken = folder.resolve("half-written.md");
        Path extra = folder.resolve("kafka.md");
        Files.writeString(broken, BROKEN);
        Files.writeString(extra, EXTRA);

        RunbookLibrary library = RunbookLibrary.load(folder);

        assertEquals(1, library.problems().size(), library.problems().toString());
        RunbookFormatException problem = library.problems().get(0);
        assertEquals(broken.toString(), problem.source());
        assertEquals(10, problem.line());
        assertEquals(broken + ":10: step 2 has no text", problem.getMessage());

        assertTrue(library.byId("half-written").isEmpty());
        Runbook kafka = library.byId("kafka-rebalance-storm").orElseThrow();
        assertEquals(extra.toString(), kafka.source());
        assertEquals(3, kafka.steps().size());
        // bundled runbooks are untouched
        assertEquals("runbooks/provider-outage.md", library.byId("provider-outage").orElseThrow().source());
        assertFalse(library.all().isEmpty());
    }

    @Test
    void missingUserFolderIsAProblemNotACrash(@TempDir Path folder) {
        Path missing = folder.resolve("nope");
        RunbookLibrary library = RunbookLibrary.load(missing);
        assertEquals(1, library.problems().size());
        assertEquals(missing.toString(), library.problems().get(0).source());
        assertEquals(RunbookLibrary.bundled().all().size(), library.all().size());
    }
}
