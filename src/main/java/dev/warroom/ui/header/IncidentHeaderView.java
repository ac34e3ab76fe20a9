package dev.warroom.ui.header;

import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.header.IncidentHeaderViewModel.Role;
import java.net.URL;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Thin controller for {@code /fxml/header/IncidentHeaderView.fxml}: binds the labels to an
 * {@link IncidentHeaderViewModel}, swaps state style classes, and turns menu picks into the view
 * model's commands. Layout lives in the FXML, colour and spacing in {@code /styles/header.css}.
 */
public final class IncidentHeaderView {
    static final String FXML = "/fxml/header/IncidentHeaderView.fxml";

    private final IncidentHeaderViewModel viewModel;

    @FXML private VBox header;
    @FXML private Label severityBadge;
    @FXML private Label incidentId;
    @FXML private Label title;
    @FXML private Label stateBadge;
    @FXML private Label elapsed;
    @FXML private Label drillBadge;
    @FXML private HBox roles;
    @FXML private MenuButton commanderMenu;
    @FXML private MenuButton scribeMenu;
    @FXML private MenuButton commsMenu;
    @FXML private HBox dueRow;
    @FXML private Label ack;
    @FXML private Label statusUpdate;
    @FXML private MenuButton postUpdateMenu;
    @FXML private Label message;
    @FXML private Label goodTitle;
    @FXML private HBox marks;

    private IncidentHeaderView(IncidentHeaderViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the header for {@code viewModel}; call on the FX thread. */
    public static Parent load(IncidentHeaderViewModel viewModel) {
        return Fxml.load(FXML, IncidentHeaderView.class, () -> new IncidentHeaderView(viewModel));
    }

    @FXML
    private void initialize() {
        severityBadge.textProperty().bind(viewModel.severityTextProperty());
        swapStyleClass(severityBadge, viewModel.severityStyleClassProperty());
        incidentId.textProperty().bind(viewModel.incidentIdProperty());
        title.textProperty().bind(viewModel.titleProperty());
        stateBadge.textProperty().bind(viewModel.stateTextProperty());
        swapStyleClass(stateBadge, viewModel.stateStyleClassProperty());
        elapsed.textProperty().bind(viewModel.elapsedProperty());
        showWhen(drillBadge, viewModel.drillProperty());
        viewModel.drillProperty().addListener((o, was, now) -> styleClass(header, "drill", now));
        styleClass(header, "drill", viewModel.drillProperty().get());
        viewModel.selectedProperty().addListener((o, was, now) -> styleClass(header, "quiet", !now));
        styleClass(header, "quiet", !viewModel.selectedProperty().get());
        for (Node n : List.of(severityBadge, incidentId, stateBadge, elapsed, roles, postUpdateMenu, dueRow)) {
            n.visibleProperty().bind(viewModel.selectedProperty());
        }
        for (Node n : List.of(severityBadge, incidentId, stateBadge, elapsed, roles, postUpdateMenu)) {
            n.managedProperty().bind(n.visibleProperty());
        }

        roleMenu(commanderMenu, Role.COMMANDER);
        roleMenu(scribeMenu, Role.SCRIBE);
        roleMenu(commsMenu, Role.COMMS);

        countdown(ack, viewModel.ackProperty());
        countdown(statusUpdate, viewModel.statusUpdateProperty());
        postUpdateMenu.disableProperty().bind(viewModel.openProperty().not());
        postUpdateMenu.getItems().setAll(updateEditor());
        postUpdateMenu.setOnShowing(e -> postUpdateMenu.getItems().setAll(updateEditor()));

        message.textProperty().bind(viewModel.messageProperty());
        viewModel.failedProperty().addListener((o, was, now) -> styleClass(message, "failed", now));
        // only failures take room here; what went right shows in the countdowns and roles themselves
        showWhen(message, viewModel.failedProperty());

        viewModel.goodLooksLike().addListener((ListChangeListener<Countdown>) c -> showMarks());
        showMarks();
    }

    /** A role's menu: the ladder's people, and a field for anyone else (Enter assigns). */
    private void roleMenu(MenuButton menu, Role role) {
        menu.setId("role-" + role.id());
        menu.textProperty().bind(viewModel.roleProperty(role));
        menu.disableProperty().bind(viewModel.openProperty().not());
        fillRoleMenu(menu, role);
        menu.setOnShowing(e -> fillRoleMenu(menu, role));
    }

    private void fillRoleMenu(MenuButton menu, Role role) {
        {
            menu.getItems().clear();
            for (String person : viewModel.people()) {
                MenuItem item = new MenuItem(person);
                item.setOnAction(a -> viewModel.assignRole(role, person));
                menu.getItems().add(item);
            }
            TextField other = new TextField();
            other.setPromptText("someone else, Enter");
            other.getStyleClass().add("role-other");
            other.setOnAction(a -> {
                viewModel.assignRole(role, other.getText());
                menu.hide();
            });
            CustomMenuItem field = new CustomMenuItem(other, false);
            menu.getItems().addAll(new SeparatorMenuItem(), field);
        }
    }

    /** The update editor: a draft the IC edits; Enter posts it to the status page. */
    private MenuItem updateEditor() {
        Label label = new Label("Status update for " + IncidentHeaderViewModel.AUDIENCE + " (Enter posts)");
        label.getStyleClass().add("update-label");
        TextField text = new TextField(viewModel.draftUpdate());
        text.setId("updateText");
        text.setPrefColumnCount(48);
        text.getStyleClass().add("update-text");
        text.setOnAction(a -> {
            viewModel.postUpdate(text.getText());
            postUpdateMenu.hide();
        });
        VBox box = new VBox(label, text);
        box.getStyleClass().add("update-editor");
        return new CustomMenuItem(box, false);
    }

    private void showMarks() {
        List<Countdown> all = viewModel.goodLooksLike();
        marks.getChildren().setAll(all.stream().map(c -> {
            Label l = new Label(c.text());
            l.getStyleClass().addAll("mark", c.styleClass());
            l.setMinWidth(Label.USE_PREF_SIZE);
            return (Node) l;
        }).toList());
        goodTitle.setVisible(!all.isEmpty());
        goodTitle.setManaged(!all.isEmpty());
    }

    private static void countdown(Label label, ObservableValue<Countdown> value) {
        Runnable apply = () -> {
            Countdown c = value.getValue() == null ? Countdown.NONE : value.getValue();
            label.setText(c.text());
            label.getStyleClass().removeAll(Countdown.styleClasses());
            label.getStyleClass().add(c.styleClass());
        };
        value.addListener((o, was, now) -> apply.run());
        apply.run();
    }

    private static void swapStyleClass(Node node, ObservableValue<String> styleClass) {
        styleClass.addListener((o, was, now) -> {
            if (was != null && !was.isEmpty()) {
                node.getStyleClass().remove(was);
            }
            if (now != null && !now.isEmpty()) {
                node.getStyleClass().add(now);
            }
        });
        String now = styleClass.getValue();
        if (now != null && !now.isEmpty()) {
            node.getStyleClass().add(now);
        }
    }

    private static void showWhen(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static void styleClass(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
