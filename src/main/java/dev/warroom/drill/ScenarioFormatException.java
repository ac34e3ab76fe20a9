package dev.warroom.drill;

/** A scenario file that cannot be played, with the file, line and field to fix. */
public class ScenarioFormatException extends RuntimeException {
    public ScenarioFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }
}
