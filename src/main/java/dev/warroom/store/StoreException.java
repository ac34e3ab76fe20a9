package dev.warroom.store;

/**
 * The store could not be opened, read or written. The message names the store's location and is
 * meant to be shown to the user as it is.
 */
public class StoreException extends RuntimeException {
    private final String location;

    public StoreException(String location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** The store file or JDBC URL (without credentials) the failure is about. */
    public String location() {
        return location;
    }
}
