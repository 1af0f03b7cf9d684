package io.detc.correlate;

import java.time.Instant;
import java.util.List;

/**
 * One input of a correlation: a rule match (one event) or an alert of a correlation it chains to (its events).
 *
 * @param rule the name under which the correlation refers to the source (the reference as written)
 * @param time when it happened: the event's time, or the last event's time of a chained alert
 * @param seq input order, to break ties between equal times deterministically
 * @param group the group-by values, in the correlation's group-by order
 * @param value the condition field's value for value_* types, or null
 * @param events the events behind it
 */
record Hit(String rule, Instant time, long seq, List<String> group, String value, List<EventRef> events) {
}
