package dev.warroom.runbook;

/** A runbook file that cannot be used, with the file and line to fix. */
public class RunbookFormatException extends RuntimeException {
    private final String source;
    private final int line;

    public RunbookFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
