package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Garbage in, typed error out: whatever the text, {@link RunbookParser#parse} returns a runbook or
 * throws a {@link RunbookFormatException} with a line a person can go to, never anything else.
 */
class RunbookParserProperties {

    private static final String REAL = RunbookParserTest.RUNBOOK;
    private static final List<String> KEYS = List.of("id", "title", "services", "severity", "symptoms", "alerts",
            "owners", "side_effects", "symptom", "steps", "verify", "&a", "*a", "<<", "? ", "- ", "---", "...");
    private static final List<String> VALUES = List.of("disk-full", "Disk full", "[a, b]", "[]", "{}", "null", "~",
            "sev1", "sev9", "&x [1, 2]", "*x", "*undefined", "!!binary aGk=", "!!python/object x", "\"unclosed",
            "'single'", "|", ">-", "[[[[", "}", "{a: [b, {c: d}]}", "1e999", "0x1F", "yes", "\t- tab", "- item",
            "\u0000", "\uFEFF", "\u2028", "\r", "&r [*r]", "&m {k: *m}", "&b [*a, *a, *a]");

    @Property(tries = 400)
    void randomStrings(@ForAll @Size(max = 400) String text) {
        parsesOrFailsWithALine(text);
    }

    @Property(tries = 300)
    void randomStringsAfterAFrontMatterOpening(@ForAll @Size(max = 300) String text) {
        parsesOrFailsWithALine("---\n" + text);
        parsesOrFailsWithALine("---\n" + text + "\n---\n## Steps\n1. " + text);
    }

    @Property(tries = 300)
    void randomBytesDecoded(@ForAll @Size(max = 600) byte[] bytes) {
        parsesOrFailsWithALine(new String(bytes, StandardCharsets.UTF_8));
        parsesOrFailsWithALine(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 400)
    void mutationsOfARealRunbook(@ForAll("mutated") String text) {
        parsesOrFailsWithALine(text);
    }

    @Property(tries = 400)
    void yamlishFrontMatter(@ForAll("yamlish") String frontMatter) {
        parsesOrFailsWithALine("---\n" + frontMatter + "---\n\n## Steps\n\n1. **Look.**\n   - verify: sli >= 0.9\n");
    }

    @Property(tries = 200)
    void markdownishSteps(@ForAll("stepsBody") String body) {
        parsesOrFailsWithALine("---\nid: x\ntitle: X\nsymptoms: [y]\n---\n" + body);
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>(List.of(REAL.split("\n", -1)));
            int edits = 1 + random.nextInt(6);
            for (int i = 0; i < edits && !lines.isEmpty(); i++) {
                int at = random.nextInt(lines.size());
                switch (random.nextInt(7)) {
                    case 0 -> lines.remove(at);
                    case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                    case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                    case 3 -> Collections.shuffle(lines.subList(at, Math.min(lines.size(), at + 1 + random.nextInt(8))), random);
                    case 4 -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
                    case 5 -> lines.set(at, "  ".repeat(random.nextInt(3)) + lines.get(at));
                    default -> lines.set(at, lines.get(at) + VALUES.get(random.nextInt(VALUES.size())));
                }
            }
            return String.join(random.nextInt(5) == 0 ? "\r\n" : "\n", lines);
        });
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> line = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(KEYS),
                Arbitraries.of(":", ": ", "", " :"),
                Arbitraries.of(VALUES)).as((indent, key, colon, value) -> "  ".repeat(indent) + key + colon + value);
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<String> stepsBody() {
        Arbitrary<String> line = Arbitraries.of("## Steps", "# Steps", "### steps", "1.", "1. **Bold.**", "2) x", "10. y",
                "   - verify: sli >= 0.9", "   - verify: promql: sum(rate(x[5m])) < 0.1", "   - verify: nonsense",
                "   - reversible: maybe", "   - reversible: yes", "   - mitigation:", "   - expect: it drops",
                "- mitigation: a", "   ```", "```", "> quote", "", "    indented code", "* bullet", "<div>", "|a|b|",
                "---", "\t1. tab", "1. **", "**", "   1. nested", "## Afterwards", "\u0000");
        return line.list().ofMaxSize(20).map(lines -> String.join("\n", lines));
    }

    private static void parsesOrFailsWithALine(String text) {
        try {
            Runbook r = RunbookParser.parse(text, "fuzz.md");
            assertFalse(r.steps().isEmpty(), "a runbook always has steps");
        } catch (RunbookFormatException e) {
            assertTrue(e.line() >= 1, "line " + e.line() + " in " + e.getMessage());
            assertTrue(e.getMessage().startsWith("fuzz.md:" + e.line() + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }
}
