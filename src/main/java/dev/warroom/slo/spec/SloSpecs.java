package dev.warroom.slo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports SLO definitions from spec files, whatever wrote them. Each YAML document of a file is
 * recognised by its header:
 * <ul>
 * <li>{@code version: "prometheus/v1"}: a Sloth service spec (several SLOs per document);</li>
 * <li>{@code apiVersion: sloth.slok.dev/v1}, {@code kind: PrometheusServiceLevel}: the same spec as a
 *     Kubernetes resource; {@code kind: AlertWindows} holds alert windows, not SLOs, and yields none;</li>
 * <li>{@code apiVersion: openslo/v1} or {@code openslo/v1alpha}, {@code kind: SLO}: OpenSLO (see
 *     {@link OpenSloSpec} for what is read and what is refused); other OpenSLO kinds (Service,
 *     DataSource, AlertPolicy, ...) yield none, and {@code kind: SLI} serves {@code indicatorRef};</li>
 * <li>{@code warroom: slo/v1}: Warroom's own format (see {@link WarroomSpec}).</li>
 * </ul>
 * A bad document does not hide the problems of the others: every problem is collected, and
 * {@link SloSpecException} lists them all with file, line and field.
 */
public final class SloSpecs {
    /** The placeholder every imported query carries where the window goes, as Sloth writes it. */
    public static final String WINDOW = "{{.window}}";
    /** Far above any real spec file; a larger file is refused before it is parsed. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** What a set of files gave: the definitions of the good documents and every problem found. */
    public record Loaded(List<SloDefinition> definitions, List<SloSpecException.Problem> problems) {
        public Loaded {
            definitions = List.copyOf(definitions);
            problems = List.copyOf(problems);
        }

        /** The definitions, or a {@link SloSpecException} when anything was wrong. */
        public List<SloDefinition> orThrow() {
            if (!problems.isEmpty()) {
                throw new SloSpecException(problems);
            }
            return definitions;
        }
    }

    private SloSpecs() {
    }

    /** Every SLO of one file; any problem throws {@link SloSpecException} naming the file (as given) and line. */
    public static List<SloDefinition> read(Path file) {
        return load(List.of(file)).orThrow();
    }

    /** Every SLO of one file's text; {@code fileName} is how errors and origins name the file. */
    public static List<SloDefinition> read(String text, String fileName) {
        return parse(text, fileName).orThrow();
    }

    /** Every SLO of several files, ids unique across all of them; any problem throws. */
    public static List<SloDefinition> readAll(Collection<Path> files) {
        return load(files).orThrow();
    }

    /**
     * Reads what can be read: good documents give their SLOs, bad ones a problem each, so one broken
     * file does not take the whole board down. Of two definitions with the same id the first stays
     * and the second is a problem naming both places.
     */
    public static Loaded load(Collection<Path> files) {
        List<SloDefinition> definitions = new ArrayList<>();
        List<SloSpecException.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            Loaded one = parse(file);
            definitions.addAll(one.definitions());
            problems.addAll(one.problems());
        }
        return dedupe(definitions, problems);
    }

    private static Loaded parse(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new Loaded(List.of(), List.of(new SloSpecException.Problem(name, 1, "",
                        "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB; refused as no SLO spec is that big")));
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text, name);
        } catch (CharacterCodingException e) {
            return new Loaded(List.of(), List.of(new SloSpecException.Problem(name, 1, "", "is not UTF-8 text")));
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(new SloSpecException.Problem(name, 1, "",
                    "cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))));
        }
    }

    private static Loaded parse(String text, String fileName) {
        List<SloDefinition> definitions = new ArrayList<>();
        List<SloSpecException.Problem> problems = new ArrayList<>();
        List<SpecDocument> documents = new ArrayList<>();
        for (Chunk chunk : split(text)) {
            YamlSource yaml;
            try {
                yaml = YamlSource.parse(chunk.text(), chunk.firstLine());
            } catch (YamlSource.Problem e) {
                problems.add(new SloSpecException.Problem(fileName, e.line(), "", e.getMessage()));
                continue;
            } catch (RuntimeException e) {
                // the YAML libraries are third-party code fed untrusted text: a surprise is a refusal, not a crash
                problems.add(new SloSpecException.Problem(fileName, chunk.firstLine(), "",
                        "not valid YAML: " + SpecDocument.shorten(String.valueOf(e.getMessage()))));
                continue;
            }
            if (yaml.tree() == null || yaml.tree().isMissingNode()) {
                continue;
            }
            documents.add(new SpecDocument(fileName, yaml));
        }

        Map<SpecDocument, Format> formats = new LinkedHashMap<>();
        for (SpecDocument doc : documents) {
            try {
                formats.put(doc, format(doc));
            } catch (SpecDocument.Invalid e) {
                problems.add(doc.problem(e));
            }
        }
        // OpenSLO SLOs may point at a kind: SLI anywhere in the same file, so those come first
        Map<String, OpenSloSpec.NamedSli> slis = new LinkedHashMap<>();
        formats.forEach((doc, format) -> {
            if (format == Format.OPENSLO_V1_SLI) {
                try {
                    slis.putIfAbsent(OpenSloSpec.sliName(doc), OpenSloSpec.sliDocument(doc));
                } catch (SpecDocument.Invalid e) {
                    problems.add(doc.problem(e));
                }
            }
        });
        formats.forEach((doc, format) -> {
            try {
                definitions.addAll(switch (format) {
                    case SLOTH -> SlothSpec.readPrometheusV1(doc);
                    case SLOTH_KUBERNETES -> SlothSpec.readKubernetes(doc);
                    case OPENSLO_V1 -> OpenSloSpec.readV1(doc, slis);
                    case OPENSLO_V1ALPHA -> OpenSloSpec.readV1Alpha(doc);
                    case WARROOM -> WarroomSpec.read(doc);
                    case NOT_AN_SLO, OPENSLO_V1_SLI -> List.of();
                });
            } catch (SpecDocument.Invalid e) {
                problems.add(doc.problem(e));
            }
        });
        return dedupe(definitions, problems);
    }

    private enum Format {
        SLOTH, SLOTH_KUBERNETES, OPENSLO_V1, OPENSLO_V1_SLI, OPENSLO_V1ALPHA, WARROOM, NOT_AN_SLO
    }

    private static Format format(SpecDocument doc) {
        JsonNode root = doc.root;
        if (!root.isObject()) {
            throw new SpecDocument.Invalid("", "not an SLO spec: a document is a mapping starting with"
                    + " version: prometheus/v1 (Sloth), apiVersion: openslo/v1 (OpenSLO) or warroom: slo/v1");
        }
        String version = scalar(root, "version");
        String apiVersion = scalar(root, "apiVersion");
        String kind = scalar(root, "kind");
        if (version != null) {
            if (version.equals("prometheus/v1")) {
                return Format.SLOTH;
            }
            throw SpecDocument.Invalid.unsupported("version", SpecDocument.shorten(version),
                    "Warroom reads Sloth's prometheus/v1 service specs");
        }
        if (root.has("warroom")) {
            return Format.WARROOM;
        }
        if (apiVersion == null) {
            throw new SpecDocument.Invalid("", "not an SLO spec: expected version: prometheus/v1 (Sloth), apiVersion:"
                    + " openslo/v1 or openslo/v1alpha (OpenSLO), or warroom: slo/v1");
        }
        switch (apiVersion) {
            case "sloth.slok.dev/v1" -> {
                if ("PrometheusServiceLevel".equals(kind)) {
                    return Format.SLOTH_KUBERNETES;
                }
                if ("AlertWindows".equals(kind)) {
                    return Format.NOT_AN_SLO;
                }
                throw SpecDocument.Invalid.unsupported("kind", kind == null ? "(none)" : SpecDocument.shorten(kind),
                        "of sloth.slok.dev/v1 Warroom reads PrometheusServiceLevel (SLOs) and skips AlertWindows");
            }
            case "openslo/v1" -> {
                if ("SLO".equals(kind)) {
                    return Format.OPENSLO_V1;
                }
                if (kind == null) {
                    throw SpecDocument.Invalid.at("kind", "is required (SLO, SLI, Service, ...)");
                }
                return "SLI".equals(kind) ? Format.OPENSLO_V1_SLI : Format.NOT_AN_SLO;
            }
            case "openslo/v1alpha" -> {
                if (kind == null) {
                    throw SpecDocument.Invalid.at("kind", "is required (SLO, Service)");
                }
                return "SLO".equals(kind) ? Format.OPENSLO_V1ALPHA : Format.NOT_AN_SLO;
            }
            default -> throw SpecDocument.Invalid.unsupported("apiVersion", SpecDocument.shorten(apiVersion),
                    "Warroom reads openslo/v1, openslo/v1alpha and sloth.slok.dev/v1");
        }
    }

    private static String scalar(JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText().strip();
    }

    private static Loaded dedupe(List<SloDefinition> definitions, List<SloSpecException.Problem> problems) {
        Map<String, SloDefinition> byId = new LinkedHashMap<>();
        List<SloSpecException.Problem> all = new ArrayList<>(problems);
        for (SloDefinition d : definitions) {
            SloDefinition first = byId.putIfAbsent(d.slothId(), d);
            if (first != null) {
                int colon = d.origin().lastIndexOf(':');
                all.add(new SloSpecException.Problem(d.origin().substring(0, colon),
                        Integer.parseInt(d.origin().substring(colon + 1)), "name",
                        "SLO " + d.name() + " of service " + d.slo().service() + " (id " + d.slothId()
                                + ") is already defined at " + first.origin() + "; ids must be unique across all files"));
            }
        }
        return new Loaded(new ArrayList<>(byId.values()), all);
    }

    /** One YAML document of a file and the file line it starts on. */
    private record Chunk(String text, int firstLine) {
    }

    /**
     * Splits a multi-document file at its {@code ---} lines, so each document is parsed with its own
     * file line numbers. A {@code ---} at column 0 always starts a document in YAML, even after a block
     * scalar, so cutting there never splits a document.
     */
    private static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 1;
        int lineNo = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            lineNo++;
            boolean marker = line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
            if (marker && lineNo > 1) {
                chunks.add(new Chunk(current.toString(), start));
                current.setLength(0);
                start = lineNo;
            }
            current.append(line).append('\n');
        }
        chunks.add(new Chunk(current.toString(), start));
        return chunks;
    }
}
