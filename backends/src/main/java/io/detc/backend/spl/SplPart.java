package io.detc.backend.spl;

import java.util.Optional;

/**
 * One rendered test, in up to three SPL forms:
 * <ul>
 *   <li>{@code eval}: an exact where/eval boolean expression that is never NULL (Splunk's NOT of a NULL test is
 *       NULL, not true, so every leaf is written to be TRUE or FALSE on every event);</li>
 *   <li>{@code search}: an exact search-command expression, when the search command can say the test;</li>
 *   <li>{@code prefilter}: a search-command expression every matching event satisfies (wider than the test), used
 *       to let Splunk's index narrow the events before {@code | where} decides exactly.</li>
 * </ul>
 * {@code atomic} says whether a form needs no parentheses inside AND/OR. {@code inField}/{@code inValue} are set for a
 * plain {@code field="value"} search test, so an OR of them on one field can become {@code field IN (...)}.
 */
record SplPart(String eval, Optional<String> search, Optional<String> prefilter, boolean atomic,
               Optional<String> inField, Optional<String> inValue) {
    static SplPart evalOnly(String eval) {
        return new SplPart(eval, Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty());
    }

    static SplPart withPrefilter(String eval, Optional<String> prefilter) {
        return new SplPart(eval, Optional.empty(), prefilter, true, Optional.empty(), Optional.empty());
    }

    static SplPart both(String eval, String search) {
        return new SplPart(eval, Optional.of(search), Optional.of(search), true, Optional.empty(), Optional.empty());
    }

    static SplPart fieldEquals(String eval, String field, String value) {
        String search = field + "=" + value;
        return new SplPart(eval, Optional.of(search), Optional.of(search), true, Optional.of(field),
                Optional.of(value));
    }

    /** The search form, or else the prefilter: what the search command can use. */
    Optional<String> filter() {
        return search.isPresent() ? search : prefilter;
    }
}
