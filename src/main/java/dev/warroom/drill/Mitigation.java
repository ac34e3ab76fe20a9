package dev.warroom.drill;

import java.time.Duration;

/**
 * A reversible action the mock system understands.
 *
 * @param restores health added (capped at 1.0) once it takes effect
 */
public record Mitigation(String id, String title, double restores, Duration takesEffectAfter, boolean reversible) {
}
