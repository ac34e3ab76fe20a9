package dev.warroom.regress;

import dev.warroom.postmortem.RegressionCase;
import dev.warroom.runbook.BundledFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One regression case file: the case, or the problem that keeps it from being replayed. A broken
 * file never stops the other cases of its folder.
 */
public record CaseFile(String source, RegressionCase parsed, CaseFormatException problem) {
    /** The bundled cases, one per bundled drill scenario. */
    public static final String BUNDLED = "runbooks/regressions";

    public static List<CaseFile> bundled() {
        return BundledFiles.list(BUNDLED, ".json").stream().map(e -> read(e.text(), e.name())).toList();
    }

    /** Every {@code *.json} directly inside {@code dir}, sorted by name. */
    public static List<CaseFile> folder(Path dir) {
        List<CaseFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list regression cases in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    static CaseFile read(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > RegressionCaseParser.MAX_CHARS * 4L) {
                return failed(source, "is " + Files.size(file) + " bytes; a regression case is a small JSON object");
            }
            return read(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (MalformedInputException e) {
            return failed(source, "is not UTF-8 text");
        } catch (IOException e) {
            return failed(source, "cannot read: " + e.getMessage());
        }
    }

    static CaseFile read(String text, String source) {
        try {
            return new CaseFile(source, RegressionCaseParser.parse(text, source), null);
        } catch (CaseFormatException e) {
            return new CaseFile(source, null, e);
        }
    }

    private static CaseFile failed(String source, String message) {
        return new CaseFile(source, null, new CaseFormatException(source, 1, "", message));
    }

    /** The case's id, or the file's name when it could not be read. */
    public String name() {
        if (parsed != null) {
            return parsed.id();
        }
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }
}
