package io.detc.testcase;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One declared test of a rule: events (a JSON-lines file or inline events) and the alerts the rule must produce.
 *
 * @param name what the case shows, e.g. "token minted from a new ASN"
 * @param rule the document under test (id, name or title); empty means the rule file's first document
 * @param eventsFile a JSON-lines file (plain or gzip), resolved against the test file's folder
 * @param inline events written in the test file itself, numbered 1, 2, ... as "lines"
 * @param source a forced log source such as {@code okta/okta}, for events whose format is not recognised
 * @param expect how many alerts the rule must produce (0: it must stay quiet)
 * @param lines when given, the events of each alert, by line number, in alert order
 * @param span where the case is written, for failures
 */
public record TestCase(String name, Optional<String> rule, Optional<Path> eventsFile, List<JsonNode> inline,
                       Optional<String> source, int expect, Optional<List<List<Long>>> lines, Span span) {
    public TestCase {
        inline = List.copyOf(inline);
    }
}
