package dev.warroom.ui.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.console.Theme;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SloTileTest {
    private SloTile tile;

    @Start
    void start(Stage stage) {
        tile = new SloTile(SloFixtures.sev1());
        VBox root = new VBox(tile);
        Scene scene = new Scene(root, 320, 400);
        Theme.DARK.apply(scene);
        scene.getStylesheets().add(SloTile.class.getResource(SloTile.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private Label stateWord(FxRobot robot) {
        return robot.from(tile).lookup(".slo-state").queryAs(Label.class);
    }

    private List<String> stateClasses() {
        return tile.getStyleClass().stream()
                .filter(c -> Arrays.stream(TileState.values()).anyMatch(s -> s.styleClass().equals(c)))
                .collect(Collectors.toList());
    }

    @Test
    void setReading_showsEachStateAsWordAndOneStyleClass(FxRobot robot) {
        List<SloReading> readings = List.of(SloFixtures.ok(), SloFixtures.ticket(), SloFixtures.sev2(),
                SloFixtures.sev1(), SloFixtures.noData());
        List<String> words = List.of("OK", "TICKET", "SEV-2", "SEV-1", "NO DATA");
        List<String> classes = List.of("slo-ok", "slo-ticket", "slo-sev2", "slo-sev1", "slo-no-data");
        for (int i = 0; i < readings.size(); i++) {
            SloReading r = readings.get(i);
            robot.interact(() -> tile.setReading(r));
            assertEquals(words.get(i), stateWord(robot).getText(), r.slo());
            assertEquals(List.of(classes.get(i)), stateClasses(), r.slo());
            assertTrue(tile.getStyleClass().contains(SloTile.STYLE_CLASS));
        }
        robot.interact(() -> tile.setReading(null));
        assertEquals("NO DATA", stateWord(robot).getText());
        assertEquals(List.of("slo-no-data"), stateClasses());
    }

    @Test
    void sev1Tile_showsBudgetAndEveryPairWithItsBurnAndWord(FxRobot robot) {
        assertEquals("chat-availability", robot.from(tile).lookup(".slo-name").queryAs(Label.class).getText());
        assertEquals("71%", robot.from(tile).lookup(".slo-budget-value").queryAs(Label.class).getText());
        SloTileSkin skin = (SloTileSkin) tile.getSkin();
        assertEquals(4, skin.rows().size());
        SloTileSkin.PairRow fastest = skin.rows().get(0);
        assertEquals("1h/5m", fastest.label.getText());
        assertEquals("16.2x", fastest.burn.getText());
        assertEquals("SEV-1", fastest.status.getText());
        assertTrue(fastest.status.getStyleClass().contains("slo-sev1"));
        assertEquals("over", skin.rows().get(1).status.getText(), "6h/30m is over 6x but Sev-1 wins");
        assertEquals("ok", skin.rows().get(3).status.getText());
        assertTrue(robot.from(tile).lookup(".slo-pairs").query().isVisible(), "an alerting tile shows its pairs");
    }

    @Test
    void gauge_hasMarksAt1_3_6_and14point4_onALogScale_andTheBarReachesTheBurn(FxRobot robot) {
        SloTileSkin skin = (SloTileSkin) tile.getSkin();
        BurnGauge gauge = skin.rows().get(0).gauge;
        assertEquals(List.of(1.0, 3.0, 6.0, 14.4), gauge.marks().stream().map(m -> (Double) m.getUserData()).toList());
        double x0 = gauge.snappedLeftInset();
        double w = gauge.getWidth() - x0 - gauge.snappedRightInset();
        assertTrue(w > 40, "gauge width " + w);
        double previous = -1;
        for (Region mark : gauge.marks()) {
            double expected = x0 + BurnGauge.position((Double) mark.getUserData()) * w;
            assertEquals(expected, mark.getLayoutX(), 1.0, "mark " + mark.getUserData());
            assertTrue(mark.getLayoutX() > previous);
            previous = mark.getLayoutX();
        }
        assertEquals(Math.log(2) / Math.log(50), BurnGauge.position(1.0), 1e-9, "log scale from 0.5x to 25x");
        assertEquals(x0 + BurnGauge.position(14.4) * w, gauge.threshold().getLayoutX() + 1, 1.0,
                "the 1h/5m pair's own threshold is 14.4x");
        assertEquals(BurnGauge.position(16.2) * w, gauge.fill().getWidth(), 1.0);
        assertTrue(gauge.fill().getStyleClass().contains("slo-sev1"));
        List<String> scale = robot.from(tile).lookup(".slo-scale-label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(List.of("1", "3", "6", "14.4"), scale);
    }

    @Test
    void staleReading_showsBadgeWithAgeAndReason_andFadesTheNumbers(FxRobot robot) {
        Label badge = robot.from(tile).lookup(".slo-stale-badge").queryAs(Label.class);
        assertFalse(badge.isVisible());
        robot.interact(() -> tile.setReading(SloFixtures.staleTicket()));
        assertTrue(badge.isVisible());
        assertEquals("stale 2m: 503 from prom", badge.getText());
        assertTrue(tile.getPseudoClassStates().contains(SloTile.STALE));
        assertEquals("TICKET", stateWord(robot).getText(), "stale data keeps its last state, with the badge beside it");
        robot.interact(() -> tile.setReading(SloFixtures.ticket()));
        assertFalse(badge.isVisible());
        assertFalse(tile.getPseudoClassStates().contains(SloTile.STALE));
    }

    @Test
    void shortAge_usesTheLargestWholeUnit() {
        assertEquals("45s", SloReading.shortAge(Duration.ofSeconds(45)));
        assertEquals("2m", SloReading.shortAge(Duration.ofSeconds(135)));
        assertEquals("3h", SloReading.shortAge(Duration.ofMinutes(200)));
        assertEquals("2d", SloReading.shortAge(Duration.ofHours(50)));
    }

    @Test
    void click_showsThePlainLanguageExplanation_andClickAgainHidesIt(FxRobot robot) {
        Label explanation = robot.from(tile).lookup(".slo-explanation").queryAs(Label.class);
        assertFalse(explanation.isVisible());
        robot.clickOn(tile.lookup(".slo-name"));
        assertTrue(tile.isExpanded());
        assertTrue(explanation.isVisible());
        assertTrue(explanation.getText().startsWith("Sev-1 page: burning 16.2x over 1h (threshold 14.4x)"),
                explanation.getText());
        assertTrue(tile.getPseudoClassStates().contains(SloTile.EXPANDED));
        robot.clickOn(tile.lookup(".slo-name"));
        assertFalse(explanation.isVisible());
    }

    @Test
    void enterKey_togglesTheExplanation(FxRobot robot) {
        robot.interact(tile::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertTrue(tile.isExpanded());
    }

    @Test
    void okTile_isCompact_untilClicked(FxRobot robot) {
        robot.interact(() -> tile.setReading(SloFixtures.ok()));
        assertFalse(robot.from(tile).lookup(".slo-pairs").query().isVisible(), "a quiet SLO hides its pairs");
        robot.interact(tile::toggle);
        assertTrue(robot.from(tile).lookup(".slo-pairs").query().isVisible());
    }

    @Test
    void newReading_updatesTheSameNodes_neverRebuilds(FxRobot robot) {
        SloTileSkin skin = (SloTileSkin) tile.getSkin();
        Label word = skin.stateWord();
        SloTileSkin.PairRow row = skin.rows().get(0);
        robot.interact(() -> tile.setReading(SloFixtures.sev2()));
        assertSame(word, skin.stateWord());
        assertSame(row, skin.rows().get(0));
        assertEquals("7.5x", row.burn.getText());
        assertEquals("SEV-2", word.getText());
    }
}
