package dev.warroom.drill;

/** A drill that cannot go on, with the reason in words. */
public class DrillException extends RuntimeException {
    public DrillException(String message) {
        super(message);
    }
}
