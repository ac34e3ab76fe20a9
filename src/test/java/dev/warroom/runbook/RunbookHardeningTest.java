package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and careless input: each gives one clear {@code file:line: message} and harms nothing else. */
class RunbookHardeningTest {

    static final String GOOD = """
            ---
            id: kafka-rebalance-storm
            title: Kafka consumer group rebalance storm
            symptoms: [consumers keep rebalancing]
            ---

            ## Steps

            1. **Check the group.** `kafka-consumer-groups --describe --group orders`
               - expect: one member joins and leaves every few seconds
            """;

    private static final String STEPS = "---\n\n## Steps\n\n1. **Look.**\n   - expect: something\n";

    private static RunbookFormatException error(String text) {
        return assertThrows(RunbookFormatException.class, () -> RunbookParser.parse(text, "bad.md"));
    }

    /** Classic billion laughs: nine levels of nine aliases, a billion strings if expanded. */
    static String billionLaughs() {
        StringBuilder b = new StringBuilder("id: lol\ntitle: Lol\nsymptoms: [lol]\nservices: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "*l" + (i - 1);
            b.append("alerts").append(i == 9 ? "" : String.valueOf(i)).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return "---\n" + b + STEPS;
    }

    /** Under the alias-count limit (48 aliases) yet 2^25 values when walked. */
    static String narrowDeepBomb() {
        StringBuilder b = new StringBuilder("id: lol\ntitle: Lol\nsymptoms: [lol]\na0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        return "---\n" + b + STEPS;
    }

    @Test
    void yamlBomb_manyAliases_isRefusedFast() {
        RunbookFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> error(billionLaughs()));
        assertTrue(e.getMessage().startsWith("bad.md:"), e.getMessage());
        assertTrue(e.getMessage().contains("YAML bomb"), e.getMessage());
        assertTrue(e.line() >= 2, e.getMessage());
    }

    @Test
    void yamlBomb_fewAliasesExpandingExponentially_isRefusedFastAtTheLineItGoesOff() {
        RunbookFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> error(narrowDeepBomb()));
        // a11 (line 16) is where the running total passes 10,000 values: each level doubles it
        assertEquals("bad.md:16: front matter expands through aliases to more than 10000 values; refused as a YAML bomb",
                e.getMessage());
    }

    @Test
    void recursiveAlias_isAnErrorNotAStackOverflow() {
        RunbookFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> error("---\nid: x\ntitle: X\nsymptoms: &r [*r]\n" + STEPS));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("alias inside its own anchor"), e.getMessage());
    }

    @Test
    void deepNesting_isRefused() {
        RunbookFormatException e = error("---\nid: x\ntitle: X\nsymptoms: " + "[".repeat(500) + "]".repeat(500) + "\n" + STEPS);
        assertTrue(e.getMessage().contains("nested more than 50 levels"), e.getMessage());
    }

    @Test
    void loneCarriageReturns_areLineBreaks() {
        Runbook r = RunbookParser.parse(GOOD.replace("\n", "\r"), "old-mac.md");
        assertEquals(1, r.steps().size());
        assertEquals(9, r.steps().get(0).line());
        assertEquals("one member joins and leaves every few seconds", r.steps().get(0).expect());
    }

    @Test
    void byteOrderMark_isIgnored() {
        assertEquals("kafka-rebalance-storm", RunbookParser.parse("\uFEFF" + GOOD, "bom.md").id());
    }

    @Test
    void unknownField_namesTheFieldItsLineAndTheNearMiss() {
        RunbookFormatException e = error(GOOD.replace("symptoms: [consumers keep rebalancing]",
                "symptoms: [consumers keep rebalancing]\nescalation: ops"));
        assertEquals("bad.md:5: unknown field 'escalation'; known fields: id, title, services, severity, symptoms,"
                + " alerts, owners, side_effects", e.getMessage());

        e = error(GOOD.replace("title:", "service: api\ntitle:"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown field 'service' (did you mean 'services'?)"), e.getMessage());

        e = error(GOOD.replace("symptoms: [consumers", "side-effects: [slower]\nsymptoms: [consumers"));
        assertTrue(e.getMessage().startsWith("bad.md:4: unknown field 'side-effects' (did you mean 'side_effects'?)"),
                e.getMessage());
    }

    @Test
    void listFieldsMustBeListsOfStrings() {
        assertEquals("bad.md:4: 'symptoms:' must be a list of strings, e.g. [a, b], not 'consumers keep rebalancing'",
                error(GOOD.replace("[consumers keep rebalancing]", "consumers keep rebalancing")).getMessage());
        assertEquals("bad.md:4: 'symptoms:' needs at least one phrase a responder would say or see",
                error(GOOD.replace("[consumers keep rebalancing]", "[]")).getMessage());
        assertEquals("bad.md:6: 'symptoms:' item 2 must be a non-empty string, not a mapping",
                error(GOOD.replace("symptoms: [consumers keep rebalancing]",
                        "symptoms:\n  - consumers keep rebalancing\n  - {lag: high}")).getMessage());
        assertEquals("bad.md:2: 'id:' must be text, not a list", error(GOOD.replace("id: kafka-rebalance-storm",
                "id: [kafka]")).getMessage());
    }

    @Test
    void missingSymptoms_andBadSeverity_andDuplicateField() {
        assertEquals("bad.md:2: front matter needs 'symptoms:' (phrases a responder would say or see)",
                error(GOOD.replace("symptoms: [consumers keep rebalancing]\n", "")).getMessage());
        assertEquals("bad.md:4: severity: unknown severity 'high' (expected sev0, sev1, sev2 or sev3)",
                error(GOOD.replace("symptoms:", "severity: high\nsymptoms:")).getMessage());
        assertEquals("bad.md:4: field 'id' is given twice (first at line 2)",
                error(GOOD.replace("symptoms:", "id: other\nsymptoms:")).getMessage());
    }

    @Test
    void verifyLineThatDoesNotParse_namesItsLine() {
        RunbookFormatException e = error(GOOD + "2. **Scale up.**\n   - verify: latency is fine\n");
        assertEquals(12, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.md:12: step 2: verify 'latency is fine' has no comparison"), e.getMessage());
    }

    @Test
    void closingLineMustBeExactlyThreeDashes() {
        RunbookFormatException e = error("---\nid: x\ntitle: X\nsymptoms: [y]\n----\n## Steps\n1. **a**\n");
        assertEquals("bad.md:1: front matter is not closed by a '---' line", e.getMessage());
    }

    // ---- files ----

    @Test
    void tenMegabyteFile_isRefusedBySizeWithoutBeingRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.md");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(10L * 1024 * 1024);
        }
        RunbookFormatException e = assertThrows(RunbookFormatException.class, () -> RunbookFiles.read(dir, big));
        assertEquals(big + ":1: file is 10.0 MB (10485760 bytes); runbook files are limited to 1 MB", e.getMessage());
    }

    @Test
    void binaryFiles_areNotTextFiles_atTheLineOfTheFirstBadByte(@TempDir Path dir) throws IOException {
        Path nul = dir.resolve("nul.md");
        Files.write(nul, "---\nid: x\n\0\0\0".getBytes(StandardCharsets.UTF_8));
        assertEquals(nul + ":3: not a text file (NUL byte)",
                assertThrows(RunbookFormatException.class, () -> RunbookFiles.read(dir, nul)).getMessage());

        Path latin1 = dir.resolve("latin1.md");
        Files.write(latin1, "---\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ":2: not a text file (invalid UTF-8)",
                assertThrows(RunbookFormatException.class, () -> RunbookFiles.read(dir, latin1)).getMessage());

        Path utf8 = dir.resolve("utf8.md");
        Files.writeString(utf8, "---\ntitle: Caf\u00e9 \u2014 \uD83D\uDD25\n");
        assertEquals("---\ntitle: Caf\u00e9 \u2014 \uD83D\uDD25\n", RunbookFiles.read(dir, utf8));
    }

    @Test
    void symlinkOutOfTheFolder_isRefusedNamingLinkAndTarget(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("runbooks"));
        Path secret = Files.writeString(tmp.resolve("secret.md"), GOOD);
        Path link = Files.createSymbolicLink(folder.resolve("secret.md"), secret);
        RunbookFormatException e = assertThrows(RunbookFormatException.class, () -> RunbookFiles.read(folder, link));
        assertEquals(link + ":1: symlink points outside the runbook folder: " + link + " -> " + secret
                + "; copy the file into " + folder + " instead", e.getMessage());

        Path relative = Files.createSymbolicLink(folder.resolve("up.md"), Path.of("../secret.md"));
        e = assertThrows(RunbookFormatException.class, () -> RunbookFiles.read(folder, relative));
        assertTrue(e.getMessage().contains(relative + " -> ../secret.md (" + secret.toRealPath() + ")"), e.getMessage());

        Path inside = Files.createSymbolicLink(folder.resolve("alias.md"), Path.of("kafka.md"));
        Files.writeString(folder.resolve("kafka.md"), GOOD);
        assertEquals(GOOD, RunbookFiles.read(folder, inside), "a symlink inside the folder is fine");
    }

    @Test
    void libraryLoad_everyBadFileIsOneProblem_andTheGoodOneLoads(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(folder.resolve("good.md"), GOOD);
        Files.writeString(folder.resolve("unclosed.md"), "---\nid: x\ntitle: X\n\n## Steps\n1. a\n");
        Files.writeString(folder.resolve("unknown-field.md"), GOOD.replace("id: kafka-rebalance-storm", "id: other\nrunbook_owner: me"));
        Files.writeString(folder.resolve("no-text.md"), GOOD.replace("id: kafka-rebalance-storm", "id: third") + "2.\n");
        Files.writeString(folder.resolve("bomb.md"), billionLaughs());
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve("huge.md").toFile(), "rw")) {
            f.setLength(10L * 1024 * 1024);
        }
        Files.write(folder.resolve("binary.md"), new byte[] {'-', '-', '-', '\n', 0, 1, 2, 3});
        Path outside = Files.writeString(tmp.resolve("outside.md"), GOOD.replace("kafka-rebalance-storm", "outside"));
        Files.createSymbolicLink(folder.resolve("link.md"), outside);

        RunbookLibrary library = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RunbookLibrary.load(folder));

        Map<String, String> problems = new TreeMap<>();
        library.problems().forEach(p -> problems.put(Path.of(p.source()).getFileName().toString(),
                p.getMessage().substring(p.source().length() + 1)));
        assertEquals(List.of("binary.md", "bomb.md", "huge.md", "link.md", "no-text.md", "unclosed.md", "unknown-field.md"),
                List.copyOf(problems.keySet()), problems.toString());
        assertEquals("2: not a text file (NUL byte)", problems.get("binary.md"));
        assertTrue(problems.get("bomb.md").contains("YAML bomb"), problems.get("bomb.md"));
        assertTrue(problems.get("huge.md").startsWith("1: file is 10.0 MB"), problems.get("huge.md"));
        assertTrue(problems.get("link.md").startsWith("1: symlink points outside the runbook folder"), problems.get("link.md"));
        assertEquals("11: step 2 has no text", problems.get("no-text.md"));
        assertEquals("1: front matter is not closed by a '---' line", problems.get("unclosed.md"));
        assertTrue(problems.get("unknown-field.md").startsWith("3: unknown field 'runbook_owner'"), problems.get("unknown-field.md"));

        assertEquals(folder.resolve("good.md").toString(), library.byId("kafka-rebalance-storm").orElseThrow().source());
        assertTrue(library.byId("outside").isEmpty(), "nothing is read through the outside link");
        assertEquals(RunbookLibrary.bundled().all().size() + 1, library.all().size(), "bundled runbooks are unaffected");
    }
}
