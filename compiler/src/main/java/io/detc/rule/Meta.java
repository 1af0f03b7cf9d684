package io.detc.rule;

import io.detc.source.Span;
import io.detc.yaml.YamlNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata fields of spec v2.1 shared by rules, correlations and filters. Fields the spec does not define are
 * kept in {@code custom}, in file order, as YAML nodes (detc's own extensions read them from there).
 */
public record Meta(String title, Optional<String> id, Optional<String> name, List<Related> related,
                   Optional<String> taxonomy, Optional<String> status, Optional<String> description,
                   Optional<String> license, List<String> references, Optional<String> author,
                   Optional<LocalDate> date, Optional<LocalDate> modified, List<String> fields,
                   List<String> falsepositives, Optional<String> level, List<String> tags, List<String> scope,
                   Map<String, YamlNode> custom, Span idSpan, Span nameSpan) {
    public Meta {
        related = List.copyOf(related);
        references = List.copyOf(references);
        fields = List.copyOf(fields);
        falsepositives = List.copyOf(falsepositives);
        tags = List.copyOf(tags);
        scope = List.copyOf(scope);
        custom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(custom));
    }

    /** A {@code related} entry: another rule's id and how this one relates to it. */
    public record Related(String id, String type, Span span) {
    }
}
