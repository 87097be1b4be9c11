package org.boxoffice.catalog;

public record Performer(String id, String name) {
}
