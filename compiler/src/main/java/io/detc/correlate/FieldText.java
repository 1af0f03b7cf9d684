package io.detc.correlate;

import io.detc.event.Event;
import java.util.Optional;

/**
 * Reads a rule-level field of an event as text (through the event source's field mapping), for group-by and
 * condition fields. Empty when the field is missing or null; the first value when the path crosses an array.
 */
@FunctionalInterface
public interface FieldText {
    Optional<String> first(Event event, String ruleField);
}
