package org.boxoffice.config.database;

/** The embedded database's data directory belongs to something this server must not stop. */
public final class DataDirectoryInUse extends RuntimeException {
    private final String action;

    DataDirectoryInUse(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
