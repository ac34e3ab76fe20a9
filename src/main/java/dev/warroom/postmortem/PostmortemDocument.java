package dev.warroom.postmortem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postmortem as Markdown split into what Warroom generated and what a person wrote.
 *
 * <p>Generated content sits between marker lines that Markdown viewers do not show:
 * <pre>
 * &lt;!-- warroom:generated section=timeline hash=0123456789ab --&gt;
 * ...
 * &lt;!-- /warroom:generated --&gt;
 * </pre>
 * The hash is of the content as last generated. When a newer rendering is {@linkplain #merge merged}
 * into a document, a section whose content still matches its hash is replaced; one a person edited
 * (the content no longer matches) is kept as it is, and so is everything outside the markers. A
 * person who wants an edited section regenerated deletes {@code hash=...} from its marker (or
 * empties it); a section whose markers were deleted stays deleted.
 */
public final class PostmortemDocument {
    private static final Pattern OPEN = Pattern.compile(
            "<!--\\s*warroom:generated\\s+section=([A-Za-z0-9_-]+)(?:\\s+hash=([0-9a-fA-F]*))?\\s*-->");
    private static final Pattern CLOSE = Pattern.compile("<!--\\s*/warroom:generated\\s*-->");

    /** One run of the document: hand-written text, or a generated section. */
    public sealed interface Part {
    }

    /** Lines a person owns, each ending in a newline. */
    public record Text(String text) implements Part {
    }

    /**
     * A generated section.
     *
     * @param hash    the hash written in its marker; null when the marker has none
     * @param content the lines between the markers, each ending in a newline
     * @param line    1-based line of the opening marker in the parsed text (0 for a fresh rendering)
     */
    public record Generated(String section, String hash, String content, int line) implements Part {

        /** True when a person changed the content since Warroom last wrote it. */
        public boolean edited() {
            return hash != null && !content.isBlank() && !hash.equalsIgnoreCase(PostmortemDocument.hash(content));
        }
    }

    /** A generated section kept as a person left it, where the merged document has it. */
    public record Kept(String section, int line) {
    }

    /** The result of {@link #merge}: the text to store and the sections it did not regenerate. */
    public record Merged(String markdown, List<Kept> kept) {
        public Merged {
            kept = List.copyOf(kept);
        }
    }

    private final List<Part> parts;

    private PostmortemDocument(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    /** Builds documents part by part, for the renderer. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Builder text(String s) {
            text.append(s);
            return this;
        }

        Builder generated(String section, String content) {
            flush();
            String body = content.endsWith("\n") ? content : content + "\n";
            parts.add(new Generated(section, hash(body), body, 0));
            return this;
        }

        PostmortemDocument build() {
            flush();
            return new PostmortemDocument(parts);
        }

        private void flush() {
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
        }
    }

    /**
     * Reads a document. A marker without its partner is not a marker: the line is kept as text, so a
     * half-deleted section is never mistaken for generated content and never overwritten.
     */
    public static PostmortemDocument parse(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = OPEN.matcher(lines.get(i).strip());
            int close = open.matches() ? closingLine(lines, i + 1) : -1;
            if (close < 0) {
                text.append(lines.get(i)).append('\n');
                i++;
                continue;
            }
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            StringBuilder content = new StringBuilder();
            for (int j = i + 1; j < close; j++) {
                content.append(lines.get(j)).append('\n');
            }
            String hash = open.group(2) == null || open.group(2).isEmpty() ? null : open.group(2);
            parts.add(new Generated(open.group(1), hash, content.toString(), i + 1));
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new PostmortemDocument(parts);
    }

    /** The closing marker for an opening one, or -1 when another opening marker or the end comes first. */
    private static int closingLine(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            String line = lines.get(j).strip();
            if (CLOSE.matcher(line).matches()) {
                return j;
            }
            if (OPEN.matcher(line).matches()) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Carries a person's document forward to a fresher rendering: this document's text and edited
     * sections are kept, its untouched generated sections take their content from {@code fresh}.
     * Sections {@code fresh} does not have are kept too.
     */
    public Merged merge(PostmortemDocument fresh) {
        Map<String, Generated> latest = new LinkedHashMap<>();
        for (Part p : fresh.parts) {
            if (p instanceof Generated g) {
                latest.putIfAbsent(g.section(), g);
            }
        }
        List<Part> merged = new ArrayList<>();
        List<String> keptSections = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Generated g && latest.containsKey(g.section()) && !g.edited()) {
                merged.add(latest.get(g.section()));
            } else {
                merged.add(p);
                if (p instanceof Generated g && g.edited()) {
                    keptSections.add(g.section());
                }
            }
        }
        PostmortemDocument out = new PostmortemDocument(merged);
        String markdown = out.toMarkdown();
        List<Kept> kept = new ArrayList<>();
        for (Part p : parse(markdown).parts) {
            if (p instanceof Generated g && keptSections.contains(g.section()) && g.edited()) {
                kept.add(new Kept(g.section(), g.line()));
            }
        }
        return new Merged(markdown, kept);
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                md.append(t.text());
            } else if (p instanceof Generated g) {
                md.append("<!-- warroom:generated section=").append(g.section());
                if (g.hash() != null) {
                    md.append(" hash=").append(g.hash());
                }
                md.append(" -->\n").append(g.content()).append("<!-- /warroom:generated -->\n");
            }
        }
        return md.toString();
    }

    /**
     * The hash a marker carries: of the content with line endings, trailing spaces and surrounding
     * blank lines normalised, so an editor that only reflows whitespace does not freeze a section.
     */
    public static String hash(String content) {
        String normal = content.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
