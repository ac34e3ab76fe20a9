package dev.warroom.ui.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SloBoardViewTest {
    /** The console's left slot is about 320 px wide; the board is shown at its real size. */
    static final double WIDTH = 320;
    static final double HEIGHT = 768;

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private SloBoard board;
    private Scene scene;

    @Start
    void start(Stage stage) {
        board = SloBoard.forDrill(fixtures.services, fixtures.state);
        scene = new Scene(board.view(), WIDTH, HEIGHT);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private List<Node> tiles(FxRobot robot) {
        return new ArrayList<>(robot.lookup(".slo-tiles").queryAs(VBox.class).getChildren());
    }

    @Test
    void noDrill_showsThePlaceholder(FxRobot robot) {
        robot.interact(board::refresh);
        Label placeholder = robot.lookup(".slo-placeholder").queryAs(Label.class);
        assertTrue(placeholder.isVisible());
        assertEquals("No SLOs: start a drill or add a data source", placeholder.getText());
        assertFalse(robot.lookup(".slo-scroller").query().isVisible());
        assertFalse(robot.lookup(".slo-drill-badge").query().isVisible());
    }

    @Test
    void drillMidway_showsChatAvailabilityAsSev1_andSaysDrill(FxRobot robot) {
        robot.interact(() -> {
            fixtures.drillMidway();
            board.refresh();
        });
        SloTile tile = robot.lookup("#slo-chat-availability").queryAs(SloTile.class);
        assertEquals(TileState.SEV1, tile.getState());
        assertEquals("SEV-1", robot.from(tile).lookup(".slo-state").queryAs(Label.class).getText());
        assertTrue(tile.getStyleClass().contains("slo-sev1"));
        assertTrue(robot.lookup(".slo-drill-badge").query().isVisible());
        assertFalse(robot.lookup(".slo-placeholder").query().isVisible());
    }

    @Test
    void refresh_reusesTilesByName_andReordersWorstFirst(FxRobot robot) {
        SloBoardViewModel vm = board.viewModel();
        robot.interact(() -> vm.publish(SloBoardViewModel.sorted(SloFixtures.board()), false));
        List<Node> before = tiles(robot);
        assertEquals(5, before.size());
        assertEquals("slo-chat-availability", before.get(0).getId());
        SloTile search = (SloTile) before.get(4);
        robot.interact(() -> search.setExpanded(true));

        // search-latency starts burning: same tile object, moved to the top, still expanded
        List<SloReading> next = new ArrayList<>(SloFixtures.board());
        next.removeIf(r -> r.slo().equals("search-latency"));
        SloReading burning = SloFixtures.sev1();
        next.add(new SloReading("search-latency", SloFixtures.decision("search-latency",
                java.util.Map.of("1h", 30.0, "5m", 30.0), 0.5), burning.objective(), burning.sparkline(),
                burning.span(), burning.at(), burning.age(), null));
        robot.interact(() -> vm.publish(SloBoardViewModel.sorted(next), false));
        List<Node> after = tiles(robot);
        assertEquals(5, after.size());
        assertEquals("slo-search-latency", after.get(1).getId(), "two Sev-1s, by name: chat before search");
        assertSame(search, after.get(1));
        assertTrue(search.isExpanded());
        assertEquals(TileState.SEV1, search.getState());
        for (Node tile : before) {
            assertTrue(after.contains(tile), "no tile rebuilt: " + tile.getId());
        }

        robot.interact(() -> vm.publish(List.of(SloFixtures.ok()), false));
        assertEquals(1, tiles(robot).size());
    }

    @Test
    void offscreenTile_getsNewNumbersWhenScrolledIntoView_butNewStatesAtOnce(FxRobot robot) {
        SloBoardViewModel vm = board.viewModel();
        List<SloReading> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(renamed(SloFixtures.ok(), String.format("svc-%02d", i)));
        }
        robot.interact(() -> vm.publish(SloBoardViewModel.sorted(many), false));
        SloTile last = robot.lookup("#slo-svc-29").queryAs(SloTile.class);
        SloReading first = last.getReading();

        List<SloReading> numbersMoved = new ArrayList<>(many);
        numbersMoved.set(29, new SloReading("svc-29", SloFixtures.ok().decision(), 0.999, List.of(0.5), first.span(), first.at(),
                first.age(), null));
        robot.interact(() -> vm.publish(SloBoardViewModel.sorted(numbersMoved), false));
        assertSame(first, last.getReading(), "out of sight, same shape: deferred");
        robot.interact(() -> robot.lookup(".slo-scroller").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        assertEquals(List.of(0.5), last.getReading().sparkline(), "scrolled into view: shown");

        robot.interact(() -> robot.lookup(".slo-scroller").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        SloTile middle = robot.lookup("#slo-svc-20").queryAs(SloTile.class);
        List<SloReading> stateMoved = new ArrayList<>(numbersMoved);
        stateMoved.set(20, renamed(SloFixtures.ticket(), "svc-20"));
        robot.interact(() -> vm.publish(SloBoardViewModel.sorted(stateMoved), false));
        assertEquals(TileState.TICKET, middle.getState(), "a new state is shown at once, wherever the tile is");
        assertSame(middle, tiles(robot).get(0));
    }

    private static SloReading renamed(SloReading r, String name) {
        return new SloReading(name, r.decision(), r.objective(), r.sparkline(), r.span(), r.at(), r.age(), r.staleReason());
    }

    @Test
    void screenshots_bothThemes(FxRobot robot) throws Exception {
        SloBoardViewModel vm = board.viewModel();
        robot.interact(() -> {
            vm.publish(SloBoardViewModel.sorted(SloFixtures.board()), true);
            robot.lookup("#slo-chat-availability").queryAs(SloTile.class).setExpanded(true);
        });
        Screenshots.write(robot, scene, "slo-board-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Screenshots.write(robot, scene, "slo-board-light.png");
        robot.interact(() -> Theme.DARK.apply(scene));
    }
}
