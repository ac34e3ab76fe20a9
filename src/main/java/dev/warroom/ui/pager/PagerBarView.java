package dev.warroom.ui.pager;

import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.header.Countdown;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Thin controller for {@code /fxml/pager/PagerBarView.fxml}: builds one label per ladder level and
 * per ticket from a {@link PagerBarViewModel}, and sends Ack to it. Layout lives in the FXML, colour
 * and spacing in {@code /styles/pager.css}.
 */
public final class PagerBarView {
    static final String FXML = "/fxml/pager/PagerBarView.fxml";

    private final PagerBarViewModel viewModel;

    @FXML private HBox pager;
    @FXML private Label incidentId;
    @FXML private Label drillBadge;
    @FXML private HBox rungs;
    @FXML private Label escalation;
    @FXML private Label message;
    @FXML private HBox tickets;
    @FXML private StackPane ackHolder;
    @FXML private Button ackButton;

    /** Shown on the holder while Ack is disabled: a disabled button gets no mouse, so no tooltip. */
    private final Tooltip whyNot = new Tooltip();

    private PagerBarView(PagerBarViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the pager bar for {@code viewModel}; call on the FX thread. */
    public static Parent load(PagerBarViewModel viewModel) {
        return Fxml.load(FXML, PagerBarView.class, () -> new PagerBarView(viewModel));
    }

    @FXML
    private void initialize() {
        incidentId.textProperty().bind(viewModel.incidentIdProperty());
        incidentId.visibleProperty().bind(viewModel.incidentIdProperty().isNotEmpty());
        incidentId.managedProperty().bind(incidentId.visibleProperty());
        drillBadge.visibleProperty().bind(viewModel.drillProperty());
        drillBadge.managedProperty().bind(viewModel.drillProperty());
        viewModel.drillProperty().addListener((o, was, now) -> styleClass(pager, "drill", now));
        styleClass(pager, "drill", viewModel.drillProperty().get());

        viewModel.rungs().addListener((ListChangeListener<Rung>) c -> showRungs());
        showRungs();
        viewModel.escalationProperty().addListener((o, was, now) -> showEscalation());
        showEscalation();
        viewModel.tickets().addListener((ListChangeListener<String>) c -> showTickets());
        showTickets();

        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        viewModel.failedProperty().addListener((o, was, now) -> styleClass(message, "failed", now));

        ackButton.textProperty().bind(viewModel.ackTextProperty());
        ackButton.disableProperty().bind(viewModel.ackableProperty().not());
        Tooltip what = new Tooltip();
        what.textProperty().bind(viewModel.ackHelpProperty());
        ackButton.setTooltip(what);
        whyNot.textProperty().bind(viewModel.ackHelpProperty());
        ackButton.disabledProperty().addListener((o, was, now) -> explainDisabled(now));
        explainDisabled(ackButton.isDisabled());
    }

    @FXML
    private void ack() {
        viewModel.ack();
    }

    private void explainDisabled(boolean disabled) {
        if (disabled) {
            Tooltip.install(ackHolder, whyNot);
        } else {
            Tooltip.uninstall(ackHolder, whyNot);
        }
    }

    private void showRungs() {
        List<Node> nodes = new ArrayList<>();
        for (Rung rung : viewModel.rungs()) {
            if (!nodes.isEmpty()) {
                nodes.add(separator());
            }
            Label label = new Label(rung.text());
            label.setId("rung-" + rung.level());
            label.getStyleClass().addAll("rung", rung.styleClass());
            label.setMinWidth(Label.USE_PREF_SIZE);
            nodes.add(label);
        }
        rungs.getChildren().setAll(nodes);
    }

    private void showEscalation() {
        Countdown c = viewModel.escalationProperty().get();
        escalation.setText(c.text());
        escalation.getStyleClass().removeAll(Countdown.styleClasses());
        escalation.getStyleClass().add(c.styleClass());
    }

    private void showTickets() {
        tickets.getChildren().setAll(viewModel.tickets().stream().map(t -> {
            Label label = new Label(t);
            label.getStyleClass().add("ticket");
            // tickets give way to the ladder when the bar is full; the whole line stays in the tooltip
            label.setMinWidth(60);
            label.setTooltip(new Tooltip(t));
            return (Node) label;
        }).toList());
    }

    private static Label separator() {
        Label bar = new Label("|");
        bar.getStyleClass().add("rung-separator");
        return bar;
    }

    private static void styleClass(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
