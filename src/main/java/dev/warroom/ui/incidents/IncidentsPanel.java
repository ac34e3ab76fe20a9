package dev.warroom.ui.incidents;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;

/**
 * The Incidents tab: the incident list. Choosing an incident here puts it in focus for every panel,
 * and an incident put in focus elsewhere (a drill starting, a page) is selected here.
 */
public final class IncidentsPanel extends ViewModelPanel<IncidentListViewModel> {

    public IncidentsPanel(ConsoleServices services, ConsoleState state) {
        super("Incidents", new IncidentListViewModel(services.timeline(), services.background(), services.fxThread(),
                services.wall()), IncidentListView::load, IncidentListViewModel::refresh);
        IncidentListViewModel list = viewModel();
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
}
