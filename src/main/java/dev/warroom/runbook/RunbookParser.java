package dev.warroom.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Reads a runbook: YAML front matter between {@code ---} lines, free Markdown, and a numbered list of
 * steps under a "Steps" heading. Each step opens with its title in bold; nested bullets of the form
 * {@code - verify: ...} carry its attributes. Errors name the file and line.
 */
public final class RunbookParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Pattern ATTRIBUTE = Pattern.compile("^(mitigation|verify|rollback|reversible|expect)\\s*:\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private RunbookParser() {
    }

    public static Runbook parse(String content, String source) {
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new RunbookFormatException(source, 1, "a runbook starts with YAML front matter between '---' lines");
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            throw new RunbookFormatException(source, 1, "front matter is not closed by a '---' line");
        }
        String yaml = text.substring(4, end + 1);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyFirstLine = (int) text.substring(0, Math.max(bodyStart + 1, 0)).chars().filter(c -> c == '\n').count() + 1;

        YamlSource front;
        try {
            front = YamlSource.parse(yaml, 2);
        } catch (YamlSource.Problem e) {
            throw new RunbookFormatException(source, e.line(), "front matter is " + e.getMessage());
        }
        JsonNode meta = front.tree();
        if (meta == null || !meta.isObject()) {
            throw new RunbookFormatException(source, 2, "front matter must be a YAML mapping (id, title, symptoms, ...)");
        }
        String id = required(meta, "id", source, front);
        if (!ID.matcher(id).matches()) {
            throw new RunbookFormatException(source, front.line("id"), "id '" + id + "' must be lowercase letters, digits and '-'");
        }
        String title = required(meta, "title", source, front);

        List<String> lines = List.of(body.split("\n", -1));
        Node document = MARKDOWN.parse(body);
        Heading stepsHeading = null;
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && plainText(h).trim().toLowerCase(Locale.ROOT).startsWith("steps")) {
                stepsHeading = h;
                break;
            }
        }
        int introEnd = stepsHeading == null ? lines.size() : firstLine(stepsHeading);
        String intro = String.join("\n", lines.subList(0, Math.max(0, introEnd))).strip();

        List<RunbookStep> steps = new ArrayList<>();
        Node start = stepsHeading == null ? document.getFirstChild() : stepsHeading.getNext();
        StringBuilder freeText = null;
        for (Node n = start; n != null; n = n.getNext()) {
            if (n instanceof Heading h && stepsHeading != null && h.getLevel() <= stepsHeading.getLevel()) {
                break;
            }
            if (n instanceof OrderedList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    steps.add(step((ListItem) item, steps.size() + 1, lines, bodyFirstLine, source));
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
            throw new RunbookFormatException(source, bodyFirstLine,
                    "no steps: write them as a numbered list under a '## Steps' heading");
        }
        return new Runbook(id, title, strings(meta, "services"), meta.path("severity").asText(null),
                strings(meta, "symptoms"), strings(meta, "alerts"), owners(meta.get("owners")),
                strings(meta, "side_effects"), intro, steps, source, hash(content));
    }

    private static RunbookStep step(ListItem item, int number, List<String> lines, int bodyFirstLine, String source) {
        int line = bodyFirstLine + firstLine(item);
        String title = null;
        String mitigation = null;
        String verify = null;
        String rollback = null;
        Boolean reversible = null;
        String expect = null;
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
                    String value = m.group(2).strip().replaceAll("\\s*\\n\\s*", " ");
                    int at = bodyFirstLine + firstLine(b);
                    if (value.isEmpty()) {
                        throw new RunbookFormatException(source, at, "step " + number + ": '" + m.group(1) + ":' has no value");
                    }
                    switch (m.group(1)) {
                        case "mitigation" -> mitigation = value;
                        case "verify" -> verify = value;
                        case "rollback" -> rollback = value;
                        case "expect" -> expect = value;
                        case "reversible" -> reversible = switch (value.toLowerCase(Locale.ROOT)) {
                            case "yes", "true" -> Boolean.TRUE;
                            case "no", "false" -> Boolean.FALSE;
                            default -> throw new RunbookFormatException(source, at,
                                    "step " + number + ": reversible must be yes or no, not '" + value + "'");
                        };
                        default -> throw new IllegalStateException(m.group(1));
                    }
                }
                if (!kept.isEmpty()) {
                    appendBlock(text, String.join("\n", kept));
                }
            } else {
                appendBlock(text, dedent(slice(lines, child)));
            }
        }
        if (title == null || title.isBlank()) {
            throw new RunbookFormatException(source, line, "step " + number + " has no text");
        }
        return new RunbookStep(number, title, text.toString().strip(), mitigation, verify, rollback, reversible, expect, line);
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

    private static String required(JsonNode meta, String field, String source, YamlSource front) {
        JsonNode n = meta.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new RunbookFormatException(source, front.line(field), "front matter needs '" + field + ":'");
        }
        return n.asText().strip();
    }

    private static List<String> strings(JsonNode meta, String field) {
        JsonNode n = meta.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private static Map<String, Object> owners(JsonNode n) {
        Map<String, Object> owners = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> owners.put(e.getKey(), e.getValue().isArray()
                    ? YAML.convertValue(e.getValue(), List.class) : e.getValue().asText()));
        }
        return owners;
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
