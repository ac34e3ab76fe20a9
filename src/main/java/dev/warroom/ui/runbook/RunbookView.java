package dev.warroom.ui.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Thin controller for {@code fxml/runbook/RunbookView.fxml}: binds the widgets to {@link RunbookViewModel}. */
public final class RunbookView {
    @FXML
    private VBox root;
    @FXML
    private Label header;
    @FXML
    private Label runbookTitle;
    @FXML
    private Label drillTag;
    @FXML
    private Label banner;
    @FXML
    private Label placeholder;
    @FXML
    private HBox body;
    @FXML
    private ScrollPane stepsScroll;
    /** The current step's card, scrolled into view once the list has a size. */
    private Node scrollTarget;
    @FXML
    private VBox checklist;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressText;
    @FXML
    private Label sliFigure;
    @FXML
    private Label sliCompare;
    @FXML
    private Label recoveryText;
    @FXML
    private VBox sideEffectsBox;
    @FXML
    private HBox actions;
    @FXML
    private Button ackButton;
    @FXML
    private TextField reasonField;
    @FXML
    private Button skipButton;
    @FXML
    private Button failButton;
    @FXML
    private Label blockedReason;
    @FXML
    private Label message;

    /** Loads the panel around {@code viewModel}; call on the FX thread. */
    public static Parent load(RunbookViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(RunbookView.class.getResource("/fxml/runbook/RunbookView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/runbook/RunbookView.fxml", e);
        }
        RunbookView view = loader.getController();
        view.bind(viewModel);
        return root;
    }

    private void bind(RunbookViewModel vm) {
        stepsScroll.viewportBoundsProperty().addListener((obs, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                scrollTo(scrollTarget);
            }
        });
        header.textProperty().bind(vm.headerProperty());
        runbookTitle.textProperty().bind(vm.titleProperty());
        drillTag.visibleProperty().bind(vm.drillProperty());
        drillTag.managedProperty().bind(vm.drillProperty());
        vm.drillProperty().addListener((obs, was, now) -> mark(root, "drill", now));
        mark(root, "drill", vm.drillProperty().get());

        banner.textProperty().bind(vm.bannerProperty());
        showWhen(banner, vm.recoveredProperty().get());
        vm.recoveredProperty().addListener((obs, was, now) -> showWhen(banner, now));

        placeholder.textProperty().bind(vm.placeholderProperty());
        showWhen(placeholder, !vm.hasRunProperty().get());
        showWhen(body, vm.hasRunProperty().get());
        vm.hasRunProperty().addListener((obs, was, now) -> {
            showWhen(placeholder, !now);
            showWhen(body, now);
        });

        vm.steps().addListener((ListChangeListener<StepRow>) change -> drawSteps(vm.steps()));
        drawSteps(vm.steps());
        vm.sideEffects().addListener((ListChangeListener<String>) change -> drawSideEffects(vm.sideEffects()));
        drawSideEffects(vm.sideEffects());

        progressBar.progressProperty().bind(vm.progressProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        sliFigure.textProperty().bind(vm.sliFigureProperty());
        sliCompare.textProperty().bind(vm.sliCompareProperty());
        vm.sliStateProperty().addListener((obs, was, now) -> {
            restyle(sliFigure, was, now);
            restyle(sliCompare, was, now);
        });
        restyle(sliFigure, null, vm.sliStateProperty().get());
        restyle(sliCompare, null, vm.sliStateProperty().get());
        recoveryText.textProperty().bind(vm.recoveryTextProperty());
        vm.recoveredProperty().addListener((obs, was, now) -> mark(recoveryText, "recovered", now));
        mark(recoveryText, "recovered", vm.recoveredProperty().get());

        ackButton.disableProperty().bind(vm.canActProperty().not());
        skipButton.disableProperty().bind(vm.canActProperty().not());
        failButton.disableProperty().bind(vm.canActProperty().not());
        reasonField.disableProperty().bind(vm.canActProperty().not());
        ackButton.setOnAction(e -> vm.ackStep());
        skipButton.setOnAction(e -> vm.skipStep());
        failButton.setOnAction(e -> vm.failStep());
        reasonField.textProperty().bindBidirectional(vm.reasonProperty());
        reasonField.promptTextProperty().bind(vm.reasonPromptProperty());
        reasonField.setOnAction(e -> vm.submitReason());
        vm.reasonWantedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                reasonField.requestFocus();
            }
        });

        blockedReason.textProperty().bind(Bindings.when(vm.blockedReasonProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("actions off: ", vm.blockedReasonProperty())));
        message.textProperty().bind(vm.messageProperty());
        vm.messageErrorProperty().addListener((obs, was, now) -> mark(message, "error", now));
    }

    private void drawSteps(List<StepRow> rows) {
        Node current = null;
        checklist.getChildren().clear();
        for (StepRow row : rows) {
            Node card = card(row);
            checklist.getChildren().add(card);
            if (row.state() == StepRow.State.CURRENT) {
                current = card;
            }
        }
        scrollTarget = current;
        if (current != null) {
            Node target = current;
            Platform.runLater(() -> scrollTo(target));
        }
    }

    /**
     * Brings the current step into view. The list is laid out first, so the card has its place
     * whether or not a pulse has run since it was drawn; a tab shown later scrolls when its
     * viewport gets a size (see {@link #bind}).
     */
    private void scrollTo(Node card) {
        if (card == null || card.getParent() != checklist) {
            return;
        }
        stepsScroll.applyCss();
        stepsScroll.layout();
        double contentHeight = checklist.getHeight();
        double viewport = stepsScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double y = card.getBoundsInParent().getMinY();
        stepsScroll.setVvalue(Math.min(1, Math.max(0, (y - 8) / (contentHeight - viewport))));
    }

    /** One step: box, number, title, state word and when; then the lines that apply to its state. */
    private static Node card(StepRow row) {
        Label box = label(row.state().box(), "step-box");
        Label number = label(String.valueOf(row.number()), "step-number");
        Label title = label(row.title(), "step-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label state = label(row.state().word(), "step-state");
        HBox line = new HBox(box, number, title, state);
        line.getStyleClass().add("step-line");
        line.setAlignment(Pos.BASELINE_LEFT);
        if (row.when() != null) {
            line.getChildren().add(label(row.when(), "step-when"));
        }
        VBox card = new VBox(line);
        card.getStyleClass().addAll("step-card", row.state().styleClass());
        boolean current = row.state() == StepRow.State.CURRENT;
        boolean done = row.state() == StepRow.State.ACKED;
        if (row.reason() != null) {
            card.getChildren().add(detail("reason: " + row.reason(), "step-reason"));
        }
        if (row.text() != null) {
            card.getChildren().add(detail(row.text(), "step-text"));
        }
        if (row.verify() != null) {
            Label verify = detail(row.verify(), "step-verify");
            verify.getStyleClass().add(row.verifyState());
            card.getChildren().add(verify);
        }
        if (row.expect() != null && (current || row.state() == StepRow.State.PENDING)) {
            card.getChildren().add(detail(row.expect(), "step-expect"));
        }
        if (row.rollback() != null && (current || done)) {
            card.getChildren().add(detail(row.rollback(), "step-rollback"));
        }
        return card;
    }

    private void drawSideEffects(List<String> effects) {
        sideEffectsBox.getChildren().setAll(effects.isEmpty()
                ? List.of(wrapped("none listed by the runbook", "side-effect"))
                : effects.stream().map(e -> (Node) wrapped("• " + e, "side-effect")).toList());
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label detail(String text, String styleClass) {
        Label l = wrapped(text, styleClass);
        l.getStyleClass().add("step-detail");
        return l;
    }

    /** A label that wraps and is never squeezed into an ellipsis: the list scrolls instead. */
    private static Label wrapped(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static void showWhen(Node node, boolean show) {
        node.setVisible(show);
        node.setManaged(show);
    }

    private static void restyle(Node node, String was, String now) {
        if (was != null) {
            node.getStyleClass().remove(was);
        }
        if (now != null && !node.getStyleClass().contains(now)) {
            node.getStyleClass().add(now);
        }
    }

    private static void mark(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
