package dev.warroom.runbook;

/** A step action a runbook run cannot take (the run is over, or no step is left); nothing was recorded. */
public class StepRefusedException extends IllegalStateException {
    public StepRefusedException(String message) {
        super(message);
    }
}
