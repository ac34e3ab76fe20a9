package dev.warroom.ui.console;

import dev.warroom.ui.console.ConsoleServices;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One slow action at a time (an export, a runbook folder load) with its progress and a cancel, as
 * properties a view binds a progress bar and a Cancel button to. The work runs through
 * {@link ConsoleServices#inBackground}; progress reaches the properties through
 * {@link ConsoleServices#fxThread}. No {@code javafx.concurrent.Task}: a view model using this stays
 * testable without a toolkit and with direct executors.
 *
 * <p>Threading: call {@link #run} and {@link #cancel} on the FX thread; the work calls its
 * {@link Progress} from the background.
 */
public final class LongAction {
    /** A progress of -1 means "under way, amount unknown" (an indeterminate bar). */
    public static final double UNKNOWN = -1;

    /** What the work sees: report how far it is, and stop when the person cancels. */
    public interface Progress {
        /** {@code fraction} from 0 to 1, or {@link #UNKNOWN}. */
        void update(double fraction, String message);

        boolean cancelled();

        /** Throws {@link CancellationException} once the person cancelled: call between steps. */
        default void check() {
            if (cancelled()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    /** The slow part; runs in the background. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final ConsoleServices services;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Run current;

    public LongAction(ConsoleServices services) {
        this.services = services;
    }

    /**
     * Starts {@code work}, unless another action is under way (then says so and returns false).
     * {@code done} and {@code failed} run on the FX thread, and never after a cancel.
     */
    public <T> boolean run(String what, Work<T> work, Consumer<T> done, Consumer<Exception> failed) {
        if (running.get()) {
            message.set("Still busy: " + message.get());
            return false;
        }
        Run run = new Run();
        current = run;
        running.set(true);
        progress.set(UNKNOWN);
        message.set(what + "…");
        services.inBackground(() -> work.call(run), result -> {
            if (finish(run)) {
                done.accept(result);
            }
        }, e -> {
            if (finish(run)) {
                if (e instanceof CancellationException) {
                    message.set("Cancelled.");
                } else {
                    failed.accept(e);
                }
            }
        });
        return true;
    }

    /** Stops waiting for the action at once; the work sees {@link Progress#cancelled()} and its result is dropped. */
    public void cancel() {
        Run run = current;
        if (run == null) {
            return;
        }
        run.cancelled = true;
        current = null;
        running.set(false);
        progress.set(0);
        message.set("Cancelled.");
    }

    private boolean finish(Run run) {
        if (run != current || run.cancelled) {
            return false;
        }
        current = null;
        running.set(false);
        progress.set(1);
        message.set("");
        return true;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** 0 to 1, or {@link #UNKNOWN} while the amount is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is under way ("Exporting…"), "Cancelled.", or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private final class Run implements Progress {
        private volatile boolean cancelled;

        @Override
        public void update(double fraction, String text) {
            services.fxThread().accept(() -> {
                if (current == this && !cancelled) {
                    progress.set(fraction);
                    if (text != null) {
                        message.set(text);
                    }
                }
            });
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
