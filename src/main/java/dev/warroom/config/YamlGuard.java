package dev.warroom.config;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Collections;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks that a YAML document from a file is safe to hand to the tree and line readers. Aliases are
 * shared nodes: anything that walks the document (line indexing, conversion) visits an aliased
 * collection once per use, so ten aliases of ten aliases are a billion values ("billion laughs"),
 * and an alias inside its own anchor never ends. This composes the document once with tight limits
 * and counts what a walk would visit, without walking it.
 */
public final class YamlGuard {
    /** Far above any real front matter or scenario (a few hundred values). */
    public static final long MAX_VALUES = 10_000;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 50;
    /** The same bound as runbook files: a YAML document a person wrote is far smaller. */
    public static final int MAX_CODE_POINTS = 1_000_000;

    /** Why a document is refused, at a file line; the message reads after "front matter" or "scenario". */
    public record Refusal(int line, String message) {
    }

    /** The composed document (null when empty), or why it was refused. */
    public record Checked(Node root, Refusal refusal) {
    }

    private YamlGuard() {
    }

    /** {@code firstLine} is the file line of the text's first line. */
    public static Checked check(String text, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = firstLine + (mark == null ? 0 : mark.getLine());
            return refused(line, "is not valid YAML: " + (e.getProblem() != null ? e.getProblem() : firstLineOf(e.getMessage())));
        } catch (YAMLException e) {
            return refused(firstLine, limitMessage(e.getMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML is third-party code fed untrusted text: whatever it throws is a refusal, not a crash
            return refused(firstLine, "is not valid YAML: " + firstLineOf(String.valueOf(e.getMessage())));
        }
        if (root == null) {
            return new Checked(null, null);
        }
        Counter counter = new Counter();
        try {
            counter.count(root, firstLine);
        } catch (Refused r) {
            return refused(r.refusal.line(), r.refusal.message());
        }
        return new Checked(root, null);
    }

    private static Checked refused(int line, String message) {
        return new Checked(null, new Refusal(line, message));
    }

    private static String limitMessage(String message) {
        String m = String.valueOf(message);
        if (m.contains("aliases")) {
            return "uses more than " + MAX_ALIASES + " aliases for collections; refused so it cannot expand"
                    + " exponentially (a YAML bomb)";
        }
        if (m.contains("Nesting Depth")) {
            return "is nested more than " + MAX_DEPTH + " levels deep";
        }
        if (m.contains("code points")) {
            return "is longer than " + MAX_CODE_POINTS + " characters";
        }
        return "is not valid YAML: " + firstLineOf(m);
    }

    private static String firstLineOf(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Counts the values a full walk would visit, memoised per shared node, and finds cycles. */
    private static final class Counter {
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private long total;

        void count(Node root, int firstLine) {
            if (root instanceof MappingNode mapping) {
                // per top-level entry, so the refusal names the line where the bomb goes off
                for (NodeTuple t : mapping.getValue()) {
                    total += size(t.getKeyNode(), firstLine) + size(t.getValueNode(), firstLine);
                    if (total > MAX_VALUES) {
                        throw tooBig(firstLine + t.getKeyNode().getStartMark().getLine());
                    }
                }
            } else if (size(root, firstLine) > MAX_VALUES) {
                throw tooBig(firstLine + root.getStartMark().getLine());
            }
        }

        private long size(Node node, int firstLine) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            if (!open.add(node)) {
                throw new Refused(new Refusal(firstLine + node.getStartMark().getLine(),
                        "has an alias inside its own anchor (a value that contains itself)"));
            }
            long size = 1;
            if (node instanceof MappingNode mapping) {
                for (NodeTuple t : mapping.getValue()) {
                    size = Math.addExact(size, Math.addExact(size(t.getKeyNode(), firstLine), size(t.getValueNode(), firstLine)));
                    size = Math.min(size, MAX_VALUES + 1);
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node child : sequence.getValue()) {
                    size = Math.min(Math.addExact(size, size(child, firstLine)), MAX_VALUES + 1);
                }
            }
            open.remove(node);
            sizes.put(node, size);
            if (size > MAX_VALUES) {
                throw tooBig(firstLine + node.getStartMark().getLine());
            }
            return size;
        }

        private static Refused tooBig(int line) {
            return new Refused(new Refusal(line, "expands through aliases to more than " + MAX_VALUES
                    + " values; refused as a YAML bomb"));
        }
    }

    private static final class Refused extends RuntimeException {
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }
}
