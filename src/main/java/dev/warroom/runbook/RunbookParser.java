package dev.warroom.runbook;

import dev.warroom.config.YamlGuard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a runbook: YAML front matter between {@code ---} lines, free Markdown, and a numbered list of
 * steps under a "Steps" heading. Each step opens with its title in bold; nested bullets of the form
 * {@code - verify: ...} carry its attributes. Errors name the file and line.
 *
 * <p>The text is untrusted (a user's folder, a Git checkout): whatever it holds, the result is a
 * {@link Runbook} or a {@link RunbookFormatException} with a line, never another exception.
 */
public final class RunbookParser {
    /** The front matter fields a runbook may have, in the order the docs list them. */
    static final List<String> FIELDS = List.of("id", "title", "services", "severity", "symptoms", "alerts", "owners",
            "side_effects");
    private static final Set<String> LIST_FIELDS = Set.of("services", "symptoms", "alerts", "side_effects");
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Pattern ATTRIBUTE = Pattern.compile("^(mitigation|verify|rollback|reversible|expect)\\s*:\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern CLOSING = Pattern.compile("---[ \\t]*");

    private RunbookParser() {
    }

    /** The runbook in {@code content}, or the first error in it. */
    public static Runbook parse(String content, String source) {
        Result result = read(content, source);
        for (LintProblem p : result.problems()) {
            if (p.isError()) {
                throw new RunbookFormatException(source, p.line(), p.message());
            }
        }
        return result.runbook();
    }

    /**
     * Everything a lint wants from one file: every problem found (errors first-found first, then the
     * warnings), and the runbook when there is no error.
     *
     * @param id              the id when the front matter has a valid one, even if other parts are broken
     * @param idLine          the line of {@code id:}
     * @param steps           the steps that could be read, even when the file has errors
     * @param mitigationLines step number to the line of its {@code mitigation:}
     */
    record Result(Runbook runbook, String id, int idLine, List<RunbookStep> steps, Map<Integer, Integer> mitigationLines,
                  List<LintProblem> problems) {
    }

    static Result read(String content, String source) {
        return new Reader(content, source).read();
    }

    /** Parsing state for one file; problems are collected so a lint can report them all at once. */
    private static final class Reader {
        private final String content;
        private final String source;
        private final List<LintProblem> errors = new ArrayList<>();
        private final List<LintProblem> warnings = new ArrayList<>();
        private final Map<Integer, Integer> mitigationLines = new LinkedHashMap<>();
        private final List<RunbookStep> steps = new ArrayList<>();
        private String id;
        private int idLine = 1;

        Reader(String content, String source) {
            this.content = content;
            this.source = source;
        }

        Result read() {
            Runbook runbook = null;
            try {
                runbook = runbook();
            } catch (Stop stop) {
                // the problem that made the rest unreadable is already recorded
            }
            List<LintProblem> problems = new ArrayList<>(errors);
            problems.addAll(warnings);
            return new Result(errors.isEmpty() ? runbook : null, id, idLine, List.copyOf(steps), Map.copyOf(mitigationLines),
                    problems);
        }

        private void error(int line, String message) {
            errors.add(LintProblem.error(source, line, message));
        }

        private Stop fatal(int line, String message) {
            error(line, message);
            return new Stop();
        }

        private Runbook runbook() {
            // a BOM is invisible in editors; a lone CR is a line break to Markdown and YAML, so to us too
            String text = content.replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.startsWith("---\n")) {
                throw fatal(1, "a runbook starts with YAML front matter between '---' lines");
            }
            List<String> all = List.of(text.split("\n", -1));
            int closing = -1;
            for (int i = 1; i < all.size(); i++) {
                if (CLOSING.matcher(all.get(i)).matches()) {
                    closing = i;
                    break;
                }
            }
            if (closing < 0) {
                throw fatal(1, "front matter is not closed by a '---' line");
            }
            String yaml = String.join("\n", all.subList(1, closing)) + "\n";
            String body = closing + 1 < all.size() ? String.join("\n", all.subList(closing + 1, all.size())) : "";
            int bodyFirstLine = Math.min(closing + 2, all.size());

            FrontMatter front = frontMatter(yaml);
            Node document = MARKDOWN.parse(body);
            List<String> lines = List.of(body.split("\n", -1));
            Heading stepsHeading = null;
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && plainText(h).trim().toLowerCase(Locale.ROOT).startsWith("steps")) {
                    stepsHeading = h;
                    break;
                }
            }
            int introEnd = stepsHeading == null ? lines.size() : firstLine(stepsHeading);
            String intro = String.join("\n", lines.subList(0, Math.min(lines.size(), Math.max(0, introEnd)))).strip();

            Node start = stepsHeading == null ? document.getFirstChild() : stepsHeading.getNext();
            StringBuilder freeText = null;
            for (Node n = start; n != null; n = n.getNext()) {
                if (n instanceof Heading h && stepsHeading != null && h.getLevel() <= stepsHeading.getLevel()) {
                    break;
                }
                if (n instanceof OrderedList list) {
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        steps.add(step((ListItem) item, steps.size() + 1, lines, bodyFirstLine));
                    }
                    freeText = null;
                } else if (!steps.isEmpty()) {
                    // free Markdown between steps belongs to the step above it and is shown with it
                    RunbookStep last = steps.remove(steps.size() - 1);
                    String extra = slice(lines, n).strip();
                    if (freeText == null) {
                        freeText = new StringBuilder(last.text());
                    }
                    freeText.append("\n\n").append(extra);
                    steps.add(new RunbookStep(last.number(), last.title(), freeText.toString(), last.mitigation(),
                            last.verify(), last.rollback(), last.reversible(), last.expect(), last.line()));
                }
            }
            if (steps.isEmpty()) {
                error(bodyFirstLine, "no steps: write them as a numbered list under a '## Steps' heading");
            }
            if (!errors.isEmpty() || front == null) {
                return null;
            }
            return new Runbook(id, front.title, front.lists.get("services"), front.severity, front.lists.get("symptoms"),
                    front.lists.get("alerts"), front.owners, front.lists.get("side_effects"), intro, steps, source,
                    hash(content));
        }

        /** The checked front matter fields; null when a field is wrong (the errors say which). */
        private FrontMatter frontMatter(String yaml) {
            YamlGuard.Checked checked = YamlGuard.check(yaml, 2);
            if (checked.refusal() != null) {
                throw fatal(checked.refusal().line(), "front matter " + checked.refusal().message());
            }
            YamlSource front;
            try {
                front = YamlSource.parse(yaml, 2);
            } catch (YamlSource.Problem e) {
                throw fatal(e.line(), "front matter is " + e.getMessage());
            }
            JsonNode meta = front.tree();
            if (meta == null || !meta.isObject()) {
                throw fatal(2, "front matter must be a YAML mapping (id, title, symptoms, ...)");
            }
            int before = errors.size();
            FrontMatter f = new FrontMatter();
            id = required(meta, "id", front);
            idLine = front.line("id");
            if (id != null && !ID.matcher(id).matches()) {
                error(idLine, "id '" + id + "' must be lowercase letters, digits and '-'");
                id = null;
            }
            f.title = required(meta, "title", front);
            if (meta.get("symptoms") == null || meta.get("symptoms").isNull()) {
                error(front.line("symptoms"), "front matter needs 'symptoms:' (phrases a responder would say or see)");
            }
            duplicateKeys(checked.root());
            for (Iterator<String> names = meta.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = meta.get(name);
                int line = front.line(name);
                if (!FIELDS.contains(name)) {
                    error(line, "unknown field '" + name + "'" + Suggest.didYouMean(name, FIELDS)
                            + "; known fields: " + String.join(", ", FIELDS));
                } else if (LIST_FIELDS.contains(name)) {
                    f.lists.put(name, strings(name, value, front));
                } else if (name.equals("severity")) {
                    f.severity = severity(value, line);
                } else if (name.equals("owners")) {
                    f.owners = owners(value, front);
                }
            }
            for (String list : LIST_FIELDS) {
                f.lists.putIfAbsent(list, List.of());
            }
            return errors.size() == before ? f : null;
        }

        private String required(JsonNode meta, String field, YamlSource front) {
            JsonNode n = meta.get(field);
            if (n != null && (n.isContainerNode())) {
                error(front.line(field), "'" + field + ":' must be text, not a " + (n.isArray() ? "list" : "mapping"));
                return null;
            }
            if (n == null || n.isNull() || n.asText().isBlank()) {
                error(front.line(field), "front matter needs '" + field + ":'");
                return null;
            }
            return n.asText().strip();
        }

        private List<String> strings(String field, JsonNode n, YamlSource front) {
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                if (field.equals("symptoms")) {
                    return out;
                }
                error(front.line(field), "'" + field + ":' is empty: give a list or leave the field out");
                return out;
            }
            if (!n.isArray()) {
                error(front.line(field), "'" + field + ":' must be a list of strings, e.g. [a, b], not "
                        + (n.isObject() ? "a mapping" : "'" + n.asText() + "'"));
                return out;
            }
            if (n.isEmpty() && field.equals("symptoms")) {
                error(front.line(field), "'symptoms:' needs at least one phrase a responder would say or see");
            }
            for (int i = 0; i < n.size(); i++) {
                JsonNode v = n.get(i);
                String at = field + "[" + i + "]";
                if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
                    error(front.line(at), "'" + field + ":' item " + (i + 1) + " must be a non-empty string, not "
                            + describe(v));
                } else {
                    out.add(v.asText());
                }
            }
            return out;
        }

        private String severity(JsonNode n, int line) {
            if (n == null || n.isNull()) {
                return null;
            }
            try {
                if (!n.isValueNode()) {
                    throw new IllegalArgumentException("unknown severity " + describe(n)
                            + " (expected sev0, sev1, sev2 or sev3)");
                }
                Severity.parse(n.asText());
                return n.asText();
            } catch (IllegalArgumentException e) {
                error(line, "severity: " + e.getMessage());
                return null;
            }
        }

        private Map<String, Object> owners(JsonNode n, YamlSource front) {
            Map<String, Object> owners = new LinkedHashMap<>();
            if (n == null || n.isNull()) {
                return owners;
            }
            if (!n.isObject()) {
                error(front.line("owners"), "'owners:' must be a mapping, e.g. {team: payments, escalation: [...]}");
                return owners;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                String at = "owners." + e.getKey();
                if (v.isArray()) {
                    List<String> contacts = new ArrayList<>();
                    for (JsonNode c : v) {
                        if (!c.isValueNode() || c.isNull()) {
                            error(front.line(at), "'" + at + "' must list strings, not " + describe(c));
                        } else {
                            contacts.add(c.asText());
                        }
                    }
                    owners.put(e.getKey(), contacts);
                } else if (v.isValueNode() && !v.isNull()) {
                    owners.put(e.getKey(), v.asText());
                } else {
                    error(front.line(at), "'" + at + "' must be a string or a list of strings, not " + describe(v));
                }
            }
            return owners;
        }

        private void duplicateKeys(org.yaml.snakeyaml.nodes.Node root) {
            if (!(root instanceof MappingNode mapping)) {
                return;
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    int line = 2 + key.getStartMark().getLine();
                    Integer first = seen.putIfAbsent(key.getValue(), line);
                    if (first != null) {
                        error(line, "field '" + key.getValue() + "' is given twice (first at line " + first + ")");
                    }
                }
            }
        }

        private RunbookStep step(ListItem item, int number, List<String> lines, int bodyFirstLine) {
            int line = bodyFirstLine + firstLine(item);
            String title = null;
            Map<String, String> attributes = new LinkedHashMap<>();
            StringBuilder text = new StringBuilder();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph p && title == null) {
                    title = title(p);
                }
                if (child instanceof BulletList bullets) {
                    List<String> kept = new ArrayList<>();
                    for (Node b = bullets.getFirstChild(); b != null; b = b.getNext()) {
                        String raw = slice(lines, b).strip().replaceFirst("^[-*+]\\s+", "");
                        Matcher m = ATTRIBUTE.matcher(raw);
                        if (!m.matches()) {
                            kept.add(slice(lines, b).strip());
                            continue;
                        }
                        attribute(m.group(1), m.group(2).strip().replaceAll("\\s*\\n\\s*", " "),
                                bodyFirstLine + firstLine(b), number, attributes);
                    }
                    if (!kept.isEmpty()) {
                        appendBlock(text, String.join("\n", kept));
                    }
                } else {
                    appendBlock(text, dedent(slice(lines, child)));
                }
            }
            if (title == null || title.isBlank()) {
                error(line, "step " + number + " has no text");
            }
            if (!attributes.containsKey("expect")) {
                warnings.add(LintProblem.warning(source, line, "step " + number
                        + " has no 'expect:' (what should change when it works)"));
            }
            String reversible = attributes.get("reversible");
            return new RunbookStep(number, title == null ? "" : title, text.toString().strip(), attributes.get("mitigation"),
                    attributes.get("verify"), attributes.get("rollback"),
                    reversible == null ? null : reversible.equals("yes"), attributes.get("expect"), line);
        }

        /** Records a step attribute; reversible is stored as "yes" or "no". */
        private void attribute(String name, String value, int at, int number, Map<String, String> attributes) {
            if (value.isEmpty()) {
                error(at, "step " + number + ": '" + name + ":' has no value");
                return;
            }
            if (attributes.containsKey(name)) {
                error(at, "step " + number + ": '" + name + ":' is given twice");
                return;
            }
            switch (name) {
                case "reversible" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "yes", "true" -> value = "yes";
                        case "no", "false" -> value = "no";
                        default -> {
                            error(at, "step " + number + ": reversible must be yes or no, not '" + value + "'");
                            return;
                        }
                    }
                }
                case "verify" -> {
                    try {
                        VerifyCheck.parse(value);
                    } catch (IllegalArgumentException e) {
                        error(at, "step " + number + ": " + e.getMessage());
                        return;
                    }
                }
                case "mitigation" -> mitigationLines.put(number, at);
                default -> {
                }
            }
            attributes.put(name, value);
        }
    }

    /** Front matter that passed every check. */
    private static final class FrontMatter {
        private String title;
        private String severity;
        private Map<String, Object> owners = Map.of();
        private final Map<String, List<String>> lists = new LinkedHashMap<>();
    }

    /** Stops reading a file whose structure makes the rest meaningless. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        return n.isArray() ? "a list" : n.isObject() ? "a mapping" : "'" + n.asText() + "'";
    }

    private static void appendBlock(StringBuilder text, String block) {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(block.strip());
    }

    /** The bold lead-in of the step, or its first sentence. */
    private static String title(Paragraph p) {
        if (p.getFirstChild() instanceof StrongEmphasis strong) {
            return plainText(strong).strip().replaceAll("[.:]$", "");
        }
        String all = plainText(p).strip();
        int dot = all.indexOf(". ");
        return (dot > 0 ? all.substring(0, dot) : all).replaceAll("[.:]$", "");
    }

    private static String plainText(Node node) {
        StringBuilder b = new StringBuilder();
        collect(node, b);
        return b.toString().replaceAll("\\s+", " ");
    }

    private static void collect(Node node, StringBuilder b) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else {
                collect(n, b);
                if (!(n instanceof StrongEmphasis) && n.getFirstChild() == null) {
                    b.append(' ');
                }
            }
        }
    }

    private static int firstLine(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    private static String slice(List<String> lines, Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (SourceSpan s : spans) {
            String line = lines.get(s.getLineIndex());
            int from = Math.min(s.getColumnIndex(), line.length());
            b.append(line, from, Math.min(line.length(), from + s.getLength())).append('\n');
        }
        return b.toString();
    }

    private static String dedent(String block) {
        return block.lines().map(String::strip).reduce((a, c) -> a + "\n" + c).orElse("");
    }

    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
