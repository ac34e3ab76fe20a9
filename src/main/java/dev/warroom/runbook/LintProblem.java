package dev.warroom.runbook;

/**
 * One thing wrong with a runbook or scenario file, at a line a person can jump to.
 *
 * @param file the path as the user gave it (or the classpath name of a bundled file)
 * @param line 1-based
 */
public record LintProblem(String file, int line, Level level, String message) {

    /** Errors fail the lint (and stop a runbook loading); warnings are style advice. */
    public enum Level {
        ERROR, WARNING
    }

    public LintProblem {
        line = Math.max(1, line);
    }

    public static LintProblem error(String file, int line, String message) {
        return new LintProblem(file, line, Level.ERROR, message);
    }

    public static LintProblem warning(String file, int line, String message) {
        return new LintProblem(file, line, Level.WARNING, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line: message}, with {@code warning: } before the message of a warning. */
    public String format() {
        return file + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
    }
}
