package org.boxoffice.web;

/** Request attributes the authentication filters leave for the web layer, without it knowing the features. */
public final class Callers {
    /** The authenticated partner's id on {@code /v1} requests. */
    public static final String PARTNER_ID = Callers.class.getName() + ".partnerId";

    private Callers() {
    }
}
