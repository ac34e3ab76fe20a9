package dev.warroom.paging;

/**
 * Sends pages somewhere a person will notice them. Implementations may block on the network, so
 * callers invoke them off the FX thread; a failed send throws {@link PagerException} and the
 * ladder records the failure on the timeline rather than losing it.
 */
public interface Pager {

    /** A short name for the timeline: "recording", "pagerduty". */
    String name();

    void send(Page page);

    /** Tells the paging service the page was acknowledged in Warroom, where that means anything. */
    default void acknowledge(Page page) {
    }

    class PagerException extends RuntimeException {
        public PagerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
