package dev.warroom.ui.console;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Dark (the default, for night shifts) or light. AtlantaFX supplies the controls' look; Warroom's own
 * stylesheets add the state tokens (severity, ticket, ok, stale, drill) and the panels' layout.
 */
public enum Theme {
    DARK(new PrimerDark().getUserAgentStylesheet(), "/styles/warroom.css"),
    LIGHT(new PrimerLight().getUserAgentStylesheet(), "/styles/warroom-light.css");

    /** Layout and state rules shared by both themes; they use only tokens. */
    static final List<String> PANEL_STYLESHEETS = List.of("/styles/console.css", "/styles/header.css",
            "/styles/pager.css", "/styles/triage.css", "/styles/runbook.css", "/styles/drill.css",
            "/styles/handoff.css", "/styles/settings.css", "/styles/help.css", "/styles/timeline.css",
            "/styles/postmortem.css");

    private final String userAgentStylesheet;
    private final String tokens;

    Theme(String userAgentStylesheet, String tokens) {
        this.userAgentStylesheet = userAgentStylesheet;
        this.tokens = tokens;
    }

    /** Applies the theme to the whole application and to {@code scene}; call on the FX thread. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        scene.getStylesheets().setAll(stylesheets());
    }

    /** The scene stylesheets, tokens first. */
    public List<String> stylesheets() {
        List<String> urls = new ArrayList<>();
        urls.add(url(tokens));
        PANEL_STYLESHEETS.forEach(s -> urls.add(url(s)));
        return urls;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    private static String url(String resource) {
        URL url = Theme.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return url.toExternalForm();
    }
}
