package io.detc.opensearch;

import io.detc.backend.Fidelity;
import io.detc.engine.property.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The reasons the OpenSearch backend declares (W402 approximated, E401 unsupported) that a generated scenario can
 * reach, each by a fragment of its text. A document with one of them is counted, not compared, when the scenario
 * can show the difference ({@link OsTriggers}); a reason that is not listed here fails the property test, so a
 * new declaration is looked at before it hides differences.
 */
final class OsReasons {
    /** {@code trigger}: whether the scenario can show the difference (an unsupported document is never run). */
    record Known(String label, String fragment, boolean unsupported, BiPredicate<Scenario, String> trigger) {
        Known(String label, String fragment, boolean unsupported) {
            this(label, fragment, unsupported, (s, key) -> true);
        }

        boolean mayDiffer(Scenario s, String key) {
            return unsupported || trigger.test(s, key);
        }
    }

    static final List<Known> ALL = List.of(
            // single-event queries (OsQuery, OsRegex)
            new Known("exists on null, [] or {}", "exists: OpenSearch's exists query is false", false,
                    OsTriggers::emptyValue),
            new Known("null vs {}", "null: an empty object {} counts as no value", false,
                    OsTriggers::emptyObject),
            new Known("number text", "a JSON number in an event is tested as", false,
                    OsTriggers::fractionalNumber),
            new Known("numbers as doubles", "numbers are compared as doubles on the .num sub-field", false,
                    OsTriggers::looseNumber),
            new Known("fieldref number text", "fieldref compares the values as OpenSearch indexed their text", false,
                    OsTriggers::fractionalNumber),
            new Known("fieldref case tables", "fieldref ignores case with the OpenSearch node's Java case tables",
                    false, OsTriggers::nonAscii),
            new Known("cidr zone ids", "cidr reads addresses with OpenSearch's ip parser", false,
                    OsTriggers::percent),
            new Known("cidr mapped IPv4", "cidr: OpenSearch stores IPv4 addresses as ::ffff:", false,
                    OsTriggers::ipv4Text),
            new Known("keywords copy_to", "keywords search ", false, OsTriggers::mixedKinds),
            new Known("|element", "|element (one array element meeting several conditions)", true),
            // correlations (OsCorrelation)
            new Known("fixed windows", "counts in fixed windows of the timespan aligned at the epoch", false),
            new Known("cardinality", "value_count counts distinct values with the cardinality aggregation", false),
            new Known("temporal_ordered milliseconds", "temporal_ordered compares the rules' times in milliseconds",
                    false),
            new Known("absence or silence", "the correlation type ", true),
            new Known("temporal_ordered over 3+", "temporal_ordered over ", true),
            new Known("filter document", "a filter on its own", true));

    /** What OsRegex cannot translate to a Lucene regexp: every one is E401, and the generator writes a few. */
    private static final List<String> REGEX = List.of("the regular expression construct",
            "whose ^ or $ applies to one branch of a top-level |", "a malformed group name", "inline regex flags",
            "an unbalanced group", "an anchor (^ or $) inside a regular expression",
            "a repetition with nothing to repeat", "a case-insensitive regular expression with non-ASCII letters",
            "a trailing backslash", "a negated class escape inside a character class", "the regex escape \\",
            "a POSIX character class", "a Unicode class \\p", "a negated case-insensitive character class",
            "a character class range ending in a class escape", "an unterminated character class",
            "a case-insensitive character class with non-ASCII letters");

    private OsReasons() {
    }

    /** The known reason {@code why} is, for the kind of fidelity it came with. */
    static Optional<Known> find(Fidelity f, String why) {
        boolean unsupported = f instanceof Fidelity.Unsupported;
        if (unsupported) {
            Optional<String> re = REGEX.stream().filter(why::contains).findFirst();
            if (re.isPresent()) {
                return Optional.of(new Known("regex: " + re.get(), re.get(), true));
            }
        }
        return ALL.stream().filter(k -> k.unsupported() == unsupported && why.contains(k.fragment())).findFirst();
    }
}
