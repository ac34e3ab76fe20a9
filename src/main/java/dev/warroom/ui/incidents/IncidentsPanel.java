package dev.warroom.ui.incidents;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/**
 * The Incidents tab: the incident list. Choosing an incident here puts it in focus for every panel,
 * and an incident put in focus elsewhere (a drill starting, a page) is selected here.
 */
public final class IncidentsPanel implements Panel {
    private final IncidentListViewModel list;
    private final Node view;

    public IncidentsPanel(ConsoleServices services, ConsoleState state) {
        this.list = new IncidentListViewModel(services.timeline(), services.background(), services.fxThread(),
                services.wall());
        this.view = IncidentListView.load(list);
        list.selectedIncidentProperty().addListener((obs, was, row) -> {
            if (row != null) {
                state.setSelectedIncident(row.id());
            }
        });
        state.selectedIncidentProperty().addListener((obs, was, id) -> {
            if (id != null) {
                list.select(id);
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
        list.refresh();
    }
}
