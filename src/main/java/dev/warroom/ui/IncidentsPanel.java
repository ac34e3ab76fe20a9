package dev.warroom.ui;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/** The incident list as a console tab; choosing an incident puts it in focus for every panel. */
public final class IncidentsPanel implements Panel {
    private final IncidentBoardViewModel board;
    private final Node view;

    public IncidentsPanel(ConsoleServices services, ConsoleState state) {
        this.board = new IncidentBoardViewModel(services.timeline(), services.background(), services.fxThread(),
                services.wall());
        Node boardView = IncidentBoardView.load(board);
        // in the console the incident header above already names the incident; the board's own banner would repeat it
        Node banner = boardView.lookup(".banner");
        if (banner != null) {
            banner.setVisible(false);
            banner.setManaged(false);
        }
        this.view = boardView;
        board.selectedIncidentProperty().addListener((obs, was, row) -> {
            if (row != null) {
                state.setSelectedIncident(row.id());
            }
        });
        state.selectedIncidentProperty().addListener((obs, was, id) -> {
            if (id != null) {
                board.select(id);
            }
        });
    }

    @Override
    public String title() {
        return "Incidents";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
        board.refresh();
    }
}
