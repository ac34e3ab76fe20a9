package dev.warroom.ui.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.postmortem.PostmortemRenderer;
import dev.warroom.ui.console.ConsoleFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Markdown into JavaFX nodes: the structure and style classes the preview relies on. */
@ExtendWith(ApplicationExtension.class)
class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void render_heading_isATextFlowWithItsLevel() {
        VBox doc = renderer.render("# Postmortem: INC-0001\n\n## Impact\n");
        assertEquals(2, doc.getChildren().size());
        Node h1 = doc.getChildren().get(0);
        assertTrue(h1 instanceof TextFlow);
        assertTrue(h1.getStyleClass().containsAll(List.of("md-heading", "md-h1")), h1.getStyleClass().toString());
        assertEquals("Postmortem: INC-0001", text(h1));
        assertTrue(doc.getChildren().get(1).getStyleClass().contains("md-h2"));
        assertEquals("Impact", text(doc.getChildren().get(1)));
    }

    @Test
    void render_lists_haveMarkersAndNestedItems() {
        VBox doc = renderer.render("- first\n- second\n  1. nested one\n  2. nested two\n\n3. three\n4. four\n");
        Node bullets = doc.getChildren().get(0);
        assertTrue(bullets.getStyleClass().contains("md-bullet-list"));
        assertEquals(List.of("•", "•"), markers(bullets, 1));
        assertEquals("first", text(((Parent) ((Parent) bullets).getChildrenUnmodifiable().get(0))
                .getChildrenUnmodifiable().get(1)));
        Node nested = find(bullets, "md-ordered-list").get(0);
        assertEquals(List.of("1.", "2."), markers(nested, 1));
        assertEquals("nested onenested two", text(nested));

        Node ordered = doc.getChildren().get(1);
        assertTrue(ordered.getStyleClass().contains("md-ordered-list"));
        assertEquals(List.of("3.", "4."), markers(ordered, 1), "an ordered list keeps its start number");
    }

    @Test
    void render_pipeTable_isAGridWithHeaderAndInlineCells() {
        VBox doc = renderer.render("Agreed at the review:\n\n| Action | Owner | Due |\n|---|:---:|--:|\n"
                + "| Fix **paging** | li | 2026-11-25 |\n| Add `canary` \\| check | ana | |\n");
        assertEquals(2, doc.getChildren().size());
        assertEquals("Agreed at the review:", text(doc.getChildren().get(0)));
        GridPane table = table(doc.getChildren().get(1));
        assertTrue(table.getStyleClass().contains("md-table"));
        assertEquals(9, table.getChildren().size(), "3 columns x (header + 2 rows)");
        assertEquals(List.of("Action", "Owner", "Due"), find(table, "md-table-header").stream().map(MarkdownRendererTest::text)
                .toList());
        TextFlow fix = (TextFlow) cellAt(table, 0, 1);
        assertEquals("Fix paging", text(fix));
        assertTrue(texts(fix).stream().anyMatch(t -> t.getText().equals("paging") && t.getStyleClass().contains("md-strong")));
        assertEquals("Add canary | check", text(cellAt(table, 0, 2)), "an escaped pipe stays inside its cell");
        assertEquals(TextAlignment.CENTER, ((TextFlow) cellAt(table, 1, 1)).getTextAlignment());
        assertEquals(TextAlignment.RIGHT, ((TextFlow) cellAt(table, 2, 1)).getTextAlignment());
        assertEquals("", text(cellAt(table, 2, 2)), "a short row gets empty cells");
    }

    @Test
    void render_keyValueTableWithAnEmptyHeader_showsNoHeaderRow() {
        GridPane table = table(renderer.render("| | |\n|---|---|\n| Severity | Sev-1 |\n| Status | mitigating |\n")
                .getChildren().get(0));
        assertTrue(find(table, "md-table-header").isEmpty());
        assertEquals(4, table.getChildren().size());
        assertEquals("Severity", text(cellAt(table, 0, 0)));
        assertEquals("mitigating", text(cellAt(table, 1, 1)));
    }

    @Test
    void render_textWithPipesButNoDelimiterRow_staysAParagraph() {
        VBox doc = renderer.render("burn 14.4x | budget 71%\nstill burning\n");
        assertEquals(1, doc.getChildren().size());
        assertTrue(doc.getChildren().get(0).getStyleClass().contains("md-paragraph"));
        assertEquals("burn 14.4x | budget 71% still burning", text(doc.getChildren().get(0)));
    }

    @Test
    void render_emphasisStrongAndCode_areStyledTextRuns() {
        VBox doc = renderer.render("The *cache* was **off**, see `cache.enabled` and [the runbook](http://x).\n");
        List<Text> runs = texts(doc);
        assertEquals("The cache was off, see cache.enabled and the runbook.", text(doc));
        assertTrue(run(runs, "cache").getStyleClass().contains("md-emphasis"));
        assertTrue(run(runs, "off").getStyleClass().contains("md-strong"));
        assertTrue(run(runs, "cache.enabled").getStyleClass().contains("md-code"));
        assertTrue(run(runs, "the runbook").getStyleClass().contains("md-link"));
        assertFalse(run(runs, "The ").getStyleClass().contains("md-emphasis"));
    }

    @Test
    void render_htmlComments_areHidden_blockAndInline() {
        VBox doc = renderer.render("<!-- warroom:generated section=impact hash=0123456789ab -->\n"
                + "Checkout failed for 25 minutes. <!-- a note to self -->\n"
                + "<!-- /warroom:generated -->\n\n<b>raw</b>\n");
        String all = text(doc);
        assertFalse(all.contains("warroom:generated"), all);
        assertFalse(all.contains("note to self"), all);
        assertTrue(all.contains("Checkout failed for 25 minutes."), all);
        assertTrue(all.contains("<b>raw</b>"), "other HTML is shown as text, never interpreted: " + all);
    }

    @Test
    void render_codeBlock_isMonospacedAndVerbatim() {
        VBox doc = renderer.render("```json\n{\"seed\": 7,\n  \"a\": \"*b*\"}\n```\n");
        Node block = doc.getChildren().get(0);
        assertTrue(block.getStyleClass().contains("md-code-block"));
        assertEquals("{\"seed\": 7,\n  \"a\": \"*b*\"}", text(block));
    }

    @Test
    void render_aWholePostmortem_showsItsTablesAndNoMarkers() {
        ConsoleFixtures fixtures = new ConsoleFixtures();
        String id = fixtures.drillMidway().incidentId().orElseThrow();
        String markdown = new PostmortemRenderer(fixtures.services.severities()).render(fixtures.timeline.require(id),
                fixtures.timeline.events(id));
        VBox doc = renderer.render(markdown);
        String all = text(doc);
        assertFalse(all.contains("<!--") || all.contains("hash="), "the section markers are hidden");
        assertFalse(all.contains("|---|"), "tables are laid out, not shown as pipes");
        assertTrue(find(doc, "md-table").size() >= 2, "summary and action items are tables");
        assertTrue(find(doc, "md-h2").stream().map(MarkdownRendererTest::text).toList().contains("Timeline (UTC)"));
    }

    // ---- helpers

    /** Tables sit in a pane that scrolls sideways when they are wider than the page. */
    private static GridPane table(Node node) {
        assertTrue(node.getStyleClass().contains("md-table-scroll"), node.getStyleClass().toString());
        return (GridPane) ((ScrollPane) node).getContent();
    }

    private static Node cellAt(GridPane grid, int column, int row) {
        return grid.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == column
                && GridPane.getRowIndex(n) == row).findFirst().orElseThrow();
    }

    private static Text run(List<Text> runs, String s) {
        return runs.stream().filter(t -> t.getText().equals(s)).findFirst()
                .orElseThrow(() -> new AssertionError("no run '" + s + "' in " + runs.stream().map(Text::getText).toList()));
    }

    /** The markers of a list's items, {@code depth} levels down (1 = this list only). */
    private static List<String> markers(Node list, int depth) {
        List<String> out = new ArrayList<>();
        for (Node item : ((Parent) list).getChildrenUnmodifiable()) {
            Node marker = ((Parent) item).getChildrenUnmodifiable().get(0);
            out.add(((Label) marker).getText());
        }
        return out;
    }

    static String text(Node node) {
        return texts(node).stream().map(Text::getText).collect(Collectors.joining());
    }

    static List<Text> texts(Node node) {
        List<Text> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<Text> out) {
        if (node instanceof Text t) {
            out.add(t);
        } else if (node instanceof ScrollPane scroll) {
            collect(scroll.getContent(), out);
        } else if (node instanceof Parent p && !(node instanceof Label)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    static List<Node> find(Node node, String styleClass) {
        List<Node> out = new ArrayList<>();
        if (node.getStyleClass().contains(styleClass)) {
            out.add(node);
        }
        if (node instanceof ScrollPane scroll) {
            out.addAll(find(scroll.getContent(), styleClass));
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(find(c, styleClass)));
        }
        return out;
    }
}
