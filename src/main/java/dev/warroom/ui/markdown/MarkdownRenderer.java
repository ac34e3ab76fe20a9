package dev.warroom.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown into JavaFX nodes (a {@link VBox} of blocks; text as {@link TextFlow}s of styled
 * {@link Text}s), not HTML in a WebView: no browser engine to load, the theme's tokens apply, and
 * nothing in a document can run.
 *
 * <p>CommonMark via {@code org.commonmark}, plus GitHub pipe tables, which CommonMark itself reads as
 * paragraphs: a paragraph whose lines hold a header row, a delimiter row ({@code |---|:--:|}) and body
 * rows is laid out as a {@link GridPane} (in a sideways-scrolling pane when wider than the page), with
 * the cells' inline Markdown rendered. HTML comments
 * (the postmortem's {@code warroom:generated} markers) are hidden; other raw HTML is shown as
 * literal text, never interpreted.
 *
 * <p>Every node carries a style class ({@code md-h1}, {@code md-paragraph}, {@code md-table}, ...);
 * {@code /styles/postmortem.css} styles them from the theme's tokens. Creates nodes only: call on
 * the FX thread when the result goes into a live scene.
 */
public final class MarkdownRenderer {
    private static final Pattern DELIMITER_CELL = Pattern.compile("\\s*:?-+:?\\s*");
    /** Widest unwrapped cell, in pixels before CSS, of a column that is never wrapped. */
    private static final double SHORT_COLUMN = 130;
    /** Room for the cell padding the stylesheet adds later and the larger font it may set. */
    private static final double CELL_PADDING = 36;
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** The document as a vertical stack of blocks, style class {@code markdown}. */
    public VBox render(String markdown) {
        VBox root = new VBox();
        root.getStyleClass().add("markdown");
        root.setMinWidth(0);
        String source = markdown == null ? "" : markdown.replace("\r\n", "\n");
        List<String> lines = source.lines().toList();
        root.getChildren().setAll(blocks(parser.parse(source), lines));
        return root;
    }

    private List<Node> blocks(org.commonmark.node.Node parent, List<String> lines) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            out.addAll(block(n, lines));
        }
        return out;
    }

    private List<Node> block(org.commonmark.node.Node n, List<String> lines) {
        if (n instanceof Heading h) {
            TextFlow flow = inlines(h, "md-heading", "md-h" + Math.min(h.getLevel(), 6));
            return List.of(flow);
        } else if (n instanceof Paragraph p) {
            return paragraph(p, lines);
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            return List.of(list(n, lines));
        } else if (n instanceof FencedCodeBlock f) {
            return List.of(codeBlock(f.getLiteral()));
        } else if (n instanceof IndentedCodeBlock c) {
            return List.of(codeBlock(c.getLiteral()));
        } else if (n instanceof HtmlBlock html) {
            return isComment(html.getLiteral()) ? List.of() : List.of(literal(html.getLiteral().stripTrailing()));
        } else if (n instanceof BlockQuote) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-blockquote");
            quote.getChildren().setAll(blocks(n, lines));
            return List.of(quote);
        } else if (n instanceof ThematicBreak) {
            Region rule = new Region();
            rule.getStyleClass().add("md-rule");
            return List.of(rule);
        } else if (n instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return blocks(n, lines);
    }

    /** A paragraph, or the pipe tables and prose it is made of. */
    private List<Node> paragraph(Paragraph p, List<String> lines) {
        List<String> raw = rawLines(p, lines);
        if (raw.isEmpty() || raw.stream().noneMatch(l -> l.contains("|"))) {
            return List.of(inlines(p, "md-paragraph"));
        }
        List<Node> out = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        int i = 0;
        while (i < raw.size()) {
            List<String> header = i + 1 < raw.size() ? cells(raw.get(i)) : List.of();
            List<String> delimiter = i + 1 < raw.size() ? cells(raw.get(i + 1)) : List.of();
            boolean table = !header.isEmpty() && raw.get(i).contains("|") && header.size() == delimiter.size()
                    && delimiter.stream().allMatch(c -> DELIMITER_CELL.matcher(c).matches());
            if (!table) {
                prose.add(raw.get(i));
                i++;
                continue;
            }
            flushProse(prose, out);
            int end = i + 2;
            while (end < raw.size() && raw.get(end).contains("|")) {
                end++;
            }
            out.add(scrolling(table(header, delimiter, raw.subList(i + 2, end))));
            i = end;
        }
        flushProse(prose, out);
        return out;
    }

    private void flushProse(List<String> prose, List<Node> out) {
        if (prose.isEmpty()) {
            return;
        }
        org.commonmark.node.Node doc = parser.parse(String.join("\n", prose));
        for (org.commonmark.node.Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                out.add(inlines(p, "md-paragraph"));
            } else {
                out.addAll(block(n, List.of()));
            }
        }
        prose.clear();
    }

    /** The paragraph's source lines, without the indentation or list marker that holds it. */
    private static List<String> rawLines(Paragraph p, List<String> lines) {
        List<String> raw = new ArrayList<>();
        for (SourceSpan span : p.getSourceSpans()) {
            if (span.getLineIndex() >= lines.size()) {
                return List.of();
            }
            String line = lines.get(span.getLineIndex());
            int from = Math.min(span.getColumnIndex(), line.length());
            raw.add(line.substring(from, Math.min(line.length(), from + span.getLength())));
        }
        return raw;
    }

    /** The cells of a pipe-table row: outer pipes optional, {@code \|} is a pipe inside a cell. */
    static List<String> cells(String row) {
        String t = row.strip();
        if (!t.contains("|")) {
            return List.of();
        }
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : UNESCAPED_PIPE.split(t, -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private GridPane table(List<String> header, List<String> delimiter, List<String> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        List<TextAlignment> align = new ArrayList<>();
        for (String d : delimiter) {
            boolean left = d.startsWith(":");
            boolean right = d.endsWith(":");
            align.add(left && right ? TextAlignment.CENTER : right ? TextAlignment.RIGHT : TextAlignment.LEFT);
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.SOMETIMES);
            column.setHalignment(HPos.LEFT);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        // A key-value table is often written with an empty header row ("| | |"): it is not shown.
        int top = header.stream().allMatch(String::isEmpty) ? 0 : 1;
        if (top == 1) {
            for (int c = 0; c < header.size(); c++) {
                grid.add(cell(header.get(c), align.get(c), "md-table-header", c), c, 0);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = cells(rows.get(r));
            for (int c = 0; c < header.size(); c++) {
                String text = c < row.size() ? row.get(c) : "";
                grid.add(cell(text, align.get(c), r % 2 == 0 ? "md-table-row" : "md-table-row-alt", c), c, r + top);
            }
        }
        keepShortColumnsWhole(grid);
        return grid;
    }

    /** A table wider than the preview scrolls sideways on its own, as on GitHub; the prose keeps wrapping. */
    private static ScrollPane scrolling(GridPane table) {
        ScrollPane scroll = new ScrollPane(table);
        scroll.getStyleClass().add("md-table-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        // Fitted: a table wraps its long cells to the page's width and scrolls only below its minimum.
        scroll.setFitToWidth(true);
        scroll.setMinWidth(0);
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        // Scrolled by its bar only: the wheel scrolls the document around it.
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaX() == 0 && scroll.getParent() != null) {
                e.consume();
                scroll.getParent().fireEvent(e.copyFor(scroll.getParent(), scroll.getParent()));
            }
        });
        return scroll;
    }

    /**
     * A column whose every cell is short (a key, a time, a priority) keeps its width, so a narrow
     * preview wraps the long columns and never breaks "Time to mitigate" over two lines.
     */
    private static void keepShortColumnsWhole(GridPane grid) {
        double[] widest = new double[grid.getColumnConstraints().size()];
        for (Node cell : grid.getChildren()) {
            int c = GridPane.getColumnIndex(cell);
            widest[c] = Math.max(widest[c], cell.prefWidth(-1));
        }
        for (int c = 0; c < widest.length; c++) {
            if (widest[c] <= SHORT_COLUMN) {
                grid.getColumnConstraints().get(c).setMinWidth(widest[c] + CELL_PADDING);
            }
        }
    }

    private TextFlow cell(String markdown, TextAlignment alignment, String rowClass, int column) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("md-table-cell", rowClass);
        if (column == 0) {
            flow.getStyleClass().add("md-table-first");
        }
        flow.setTextAlignment(alignment);
        flow.setMaxWidth(Double.MAX_VALUE);
        flow.setMaxHeight(Double.MAX_VALUE);
        org.commonmark.node.Node doc = parser.parse(markdown);
        if (doc.getFirstChild() instanceof Paragraph p) {
            addInlines(flow, p, List.of());
        } else if (!markdown.isBlank()) {
            flow.getChildren().add(text(markdown, List.of()));
        }
        // A cell keeps at least a short word's width, so a narrow window wraps rather than crushes it.
        flow.setMinWidth(Math.min(flow.prefWidth(-1), 90));
        return flow;
    }

    private Node list(org.commonmark.node.Node list, List<String> lines) {
        VBox box = new VBox();
        box.getStyleClass().add(list instanceof OrderedList ? "md-ordered-list" : "md-bullet-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList o && o.getMarkerDelimiter() != null ? o.getMarkerDelimiter() : ".";
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? number++ + delimiter : "•");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(Region.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("md-list-content");
            content.getChildren().setAll(blocks(item, lines));
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(marker, content);
            row.getStyleClass().add("md-list-item");
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Node codeBlock(String literal) {
        Text code = new Text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        code.getStyleClass().addAll("md-text", "md-code");
        TextFlow flow = new TextFlow(code);
        flow.getStyleClass().add("md-code-block");
        return flow;
    }

    private static Node literal(String html) {
        Text text = new Text(html);
        text.getStyleClass().addAll("md-text", "md-html");
        TextFlow flow = new TextFlow(text);
        flow.getStyleClass().add("md-paragraph");
        return flow;
    }

    private static boolean isComment(String html) {
        String t = html.strip();
        return t.startsWith("<!--") && t.endsWith("-->");
    }

    private TextFlow inlines(org.commonmark.node.Node block, String... styleClasses) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll(styleClasses);
        addInlines(flow, block, List.of());
        return flow;
    }

    /** Adds {@code parent}'s inline children, each Text carrying the classes of the spans around it. */
    private static void addInlines(TextFlow flow, org.commonmark.node.Node parent, List<String> classes) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), classes));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), with(classes, "md-code")));
            } else if (n instanceof Emphasis) {
                addInlines(flow, n, with(classes, "md-emphasis"));
            } else if (n instanceof StrongEmphasis) {
                addInlines(flow, n, with(classes, "md-strong"));
            } else if (n instanceof Link) {
                addInlines(flow, n, with(classes, "md-link"));
            } else if (n instanceof Image) {
                addInlines(flow, n, with(classes, "md-image-alt"));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", classes));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", classes));
            } else if (n instanceof HtmlInline html) {
                if (!isComment(html.getLiteral())) {
                    flow.getChildren().add(text(html.getLiteral(), with(classes, "md-html")));
                }
            } else {
                addInlines(flow, n, classes);
            }
        }
    }

    private static Text text(String s, List<String> classes) {
        Text text = new Text(s);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(classes);
        return text;
    }

    private static List<String> with(List<String> classes, String more) {
        List<String> all = new ArrayList<>(classes);
        if (!all.contains(more)) {
            all.add(more);
        }
        return List.copyOf(all);
    }
}
