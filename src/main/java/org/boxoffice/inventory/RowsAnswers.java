package org.boxoffice.inventory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The JSON of each section's rows answer that this node made last, served again while the database says the
 * section's stock lines are still the very ones it was made from and none of its holds has expired
 * ({@link AvailabilityService#rowsChangedSince}, asked on every read: the answer stays exact at every call, on any
 * number of nodes). A read of an unchanged section then costs one small statement and a copy of bytes instead of
 * the section's lines, their rows and the JSON of each (most of a read's time on the node). An answer that counts
 * an expired hold is not kept: it changes with the clock alone.
 */
final class RowsAnswers {
    /** Kept answers' bytes, counted twice (the text and its UTF-8). A 200-row section's answer is some 38 KB. */
    private static final long MAX_BYTES = 64L << 20;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private record Key(String eventId, String sectionName) {
    }

    private record Answer(String tag, RawValue json, int weight) {
    }

    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key key, Answer answer) -> answer.weight()).expireAfterAccess(IDLE).build();
    private final AvailabilityService availability;
    private final JsonMapper json;
    private final Function<List<AvailabilityService.RowAvailability>, ?> view;

    /** Answers that show a section's rows as {@code view} does, each instance with answers of its own. */
    RowsAnswers(AvailabilityService availability, JsonMapper json,
                Function<List<AvailabilityService.RowAvailability>, ?> view) {
        this.availability = availability;
        this.json = json;
        this.view = view;
    }

    /** The section's rows as raw JSON, for the response's {@code data}. */
    RawValue rows(String eventId, String sectionName) {
        Key key = new Key(eventId, sectionName);
        Answer kept = answers.getIfPresent(key);
        AvailabilityService.SectionRows now = availability.rowsChangedSince(eventId, sectionName,
                kept == null ? null : kept.tag());
        if (now.rows() == null) {
            return kept.json();
        }
        String text = json.writeValueAsString(view.apply(now.rows()));
        Answer answer = new Answer(now.tag(), new RawValue(new SerializedString(text)), 2 * text.length());
        if (now.lasting()) {
            answers.put(key, answer);
        }
        return answer.json();
    }
}
