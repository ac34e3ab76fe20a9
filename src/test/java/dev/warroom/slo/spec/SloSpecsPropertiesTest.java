package dev.warroom.slo.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever a spec file holds, the importer answers with definitions or a {@link SloSpecException}
 * whose every problem names a line of the file; never with another exception.
 */
class SloSpecsPropertiesTest {
    private static final List<String> REAL = realFiles();

    private static List<String> realFiles() {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/specs"))) {
            return files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readOrTypedError(String text) {
        try {
            for (SloDefinition d : SloSpecs.read(text, "spec.yml")) {
                assertTrue(d.origin().startsWith("spec.yml:"), d.origin());
            }
        } catch (SloSpecException e) {
            long lines = Math.max(1, text.split("\r\n|\n|\r", -1).length) + 1;
            assertFalse(e.problems().isEmpty());
            for (SloSpecException.Problem p : e.problems()) {
                assertTrue(p.line() >= 1 && p.line() <= lines, "line " + p.line() + " of " + lines + ": " + p);
                assertTrue(p.toString().startsWith("spec.yml:" + p.line() + ": "), p.toString());
            }
        }
    }

    @Property(tries = 300)
    void garbageText(@ForAll @StringLength(max = 400) String text) {
        readOrTypedError(text);
    }

    @Property(tries = 300)
    void yamlishGarbage(@ForAll("yamlish") String text) {
        readOrTypedError(text);
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings().withChars("-:{}[]\"' \n\t#&*!|>%@`?,.0123456789abcvrsionpmetheu/{}").ofMaxLength(300);
    }

    @Property(tries = 400)
    void realFileWithALineDeleted(@ForAll @IntRange(min = 0, max = 1000) int file, @ForAll @IntRange(min = 0, max = 10_000) int line) {
        List<String> lines = new ArrayList<>(List.of(REAL.get(file % REAL.size()).split("\n", -1)));
        lines.remove(line % lines.size());
        readOrTypedError(String.join("\n", lines));
    }

    @Property(tries = 400)
    void realFileWithAValueReplaced(@ForAll @IntRange(min = 0, max = 1000) int file, @ForAll @IntRange(min = 0, max = 10_000) int line,
                                    @ForAll("tokens") String token) {
        List<String> lines = new ArrayList<>(List.of(REAL.get(file % REAL.size()).split("\n", -1)));
        int at = line % lines.size();
        String l = lines.get(at);
        int colon = l.indexOf(':');
        lines.set(at, colon < 0 ? token : l.substring(0, colon + 1) + " " + token);
        readOrTypedError(String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", "~", "null", "0", "100", "-1", "1e400", ".nan", "99.9999999999", "[]", "{}", "[1, 2]",
                        "{a: 1}", "\"\"", "Timeslices", "Occurrences", "openslo/v1", "prometheus/v1", "1M", "0d", "30d",
                        "sum(x)", "x[{{.window}}]", "*anchor", "&a [1]", "!!binary AAAA", "| \n", "'unterminated"));
    }

    @Property(tries = 300)
    void realFileWithIndentationSwapped(@ForAll @IntRange(min = 0, max = 1000) int file, @ForAll @IntRange(min = 0, max = 10_000) int line,
                                        @ForAll @IntRange(min = 0, max = 12) int indent) {
        List<String> lines = new ArrayList<>(List.of(REAL.get(file % REAL.size()).split("\n", -1)));
        int at = line % lines.size();
        lines.set(at, " ".repeat(indent) + lines.get(at).stripLeading());
        readOrTypedError(String.join("\n", lines));
    }
}
