package org.boxoffice.catalog;

public record Venue(String id, String name, String city, String state, String country, String timezone) {
}
