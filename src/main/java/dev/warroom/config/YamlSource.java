package dev.warroom.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document read for people who will have to fix it: the tree, plus the line of every field
 * by its path ({@code slo.period}, {@code mitigations[1].restores}), so an error names the line of
 * the very value that is wrong. Used for scenarios, runbook front matter and settings.
 */
public final class YamlSource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode tree;
    private final Map<String, Integer> lines;
    private final int firstLine;

    private YamlSource(JsonNode tree, Map<String, Integer> lines, int firstLine) {
        this.tree = tree;
        this.lines = lines;
        this.firstLine = firstLine;
    }

    /**
     * Parses {@code text}, whose first line is line {@code firstLine} of its file.
     *
     * @throws Problem with the file line of the syntax error
     */
    public static YamlSource parse(String text, int firstLine) {
        // aliases expand when walked: refuse billion-laughs documents before anything walks them
        YamlGuard.Checked checked = YamlGuard.check(text, firstLine);
        if (checked.refusal() != null) {
            throw new Problem(checked.refusal().line(), checked.refusal().message().replaceFirst("^is ", ""));
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Problem(firstLine + errorLine(e), "not valid YAML: " + firstSentence(e));
        }
        Map<String, Integer> lines = new HashMap<>();
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root != null) {
                index(root, "", lines, firstLine);
            }
        } catch (RuntimeException e) {
            // Jackson accepted it; without line numbers errors fall back to the document's first line
        }
        return new YamlSource(tree, lines, firstLine);
    }

    /** The document; null for an empty one. */
    public JsonNode tree() {
        return tree;
    }

    /** The file line of the field at {@code path}, or of its nearest parent that exists. */
    public int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return firstLine;
    }

    private static void index(Node node, String path, Map<String, Integer> lines, int firstLine) {
        if (!path.isEmpty()) {
            lines.putIfAbsent(path, firstLine + node.getStartMark().getLine());
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.put(child, firstLine + key.getStartMark().getLine());
                    index(t.getValueNode(), child, lines, firstLine);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                index(sequence.getValue().get(i), path + "[" + i + "]", lines, firstLine);
            }
        }
    }

    /** 0-based line of a syntax error: the YAML engine's mark, not the last good token Jackson saw. */
    private static int errorLine(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return marked.getProblemMark().getLine();
            }
        }
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr() - 1);
    }

    private static String firstSentence(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                return marked.getProblem();
            }
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A syntax error at a file line. */
    public static final class Problem extends RuntimeException {
        private final int line;

        Problem(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
