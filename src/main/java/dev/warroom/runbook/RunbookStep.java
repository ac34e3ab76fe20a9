package dev.warroom.runbook;

/**
 * One numbered step of a runbook.
 *
 * @param number     1-based
 * @param text       the step's Markdown without its attribute lines
 * @param mitigation the drill mitigation this step applies to the mock system, or null
 * @param verify     how to tell it worked ({@code sli >= 0.85} or a PromQL comparison), or null
 * @param reversible null when the runbook does not say
 * @param line       where the step starts in its file, for error messages
 */
public record RunbookStep(int number, String title, String text, String mitigation, String verify, String rollback,
                          Boolean reversible, String expect, int line) {
}
