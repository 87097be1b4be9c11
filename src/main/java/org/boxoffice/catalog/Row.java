package org.boxoffice.catalog;

/** A row of a section; rank 1 is the best (closest to the stage). */
public record Row(String id, String sectionId, String name, String displayName, int rank) {
}
