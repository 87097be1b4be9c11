package org.boxoffice.catalog;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

/** Facts of the form "there is no such X": unknown event, venue, performer or section. */
public final class CatalogNotFound extends ApiException {
    private CatalogNotFound(ErrorCode code, String message) {
        super(code, message);
    }

    public static CatalogNotFound event(String id) {
        return new CatalogNotFound(ErrorCode.EVENT_NOT_FOUND, "No event " + id);
    }

    public static CatalogNotFound venue(String id) {
        return new CatalogNotFound(ErrorCode.VENUE_NOT_FOUND, "No venue " + id);
    }

    public static CatalogNotFound performer(String id) {
        return new CatalogNotFound(ErrorCode.PERFORMER_NOT_FOUND, "No performer " + id);
    }

    public static CatalogNotFound section(String eventId, String name) {
        return new CatalogNotFound(ErrorCode.SECTION_NOT_FOUND, "Event " + eventId + " has no section " + name);
    }

    public static CatalogNotFound row(String section, String row) {
        return new CatalogNotFound(ErrorCode.ROW_NOT_FOUND, "Section " + section + " has no row " + row);
    }
}
