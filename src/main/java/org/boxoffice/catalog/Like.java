package org.boxoffice.catalog;

/** A case-insensitive substring pattern for ILIKE, with the user's own wildcards escaped. */
final class Like {
    private Like() {
    }

    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
