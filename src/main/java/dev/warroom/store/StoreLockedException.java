package dev.warroom.store;

/** Another process already has the embedded store file open; H2 allows one process per file. */
public class StoreLockedException extends StoreException {

    public StoreLockedException(String location, Throwable cause) {
        super(location, "the Warroom store " + location + " is already open in another process (another Warroom"
                + " window or drill); close it, or use --db PATH / WARROOM_DB for a separate store", cause);
    }
}
