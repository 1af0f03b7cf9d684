package io.detc.testcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.yaml.YamlNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a test file. The format, documented in the README:
 * <pre>
 * tests:
 *   - name: admin mints an API token from a new ASN
 *     rule: okta_api_token_created      # optional: id, name or title; default: the rule file's first document
 *     events: ../events/token.jsonl     # a JSON-lines file, relative to this file ...
 *     inline:                           # ... or events written here, numbered 1, 2, ...
 *       - {eventType: system.api_token.create, published: '2026-05-01T10:00:00.000Z'}
 *     source: okta/okta                 # optional: force the log source
 *     expect: 1                         # alerts the rule must produce (0: stays quiet)
 *     lines: [[1]]                      # optional: the events of each alert
 * </pre>
 */
public final class TestFileReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TestFileReader() {
    }

    public static Optional<TestFile> read(Path path, SourceFile file, List<YamlNode> docs, Diagnostics diags) {
        Path ruleFile = ruleFileOf(path);
        if (!Files.exists(ruleFile)) {
            diags.report(Code.TEST_INVALID, io.detc.source.Span.startOf(file), "test file has no rule file beside it"
                    + " (expected " + ruleFile.getFileName() + ")");
            return Optional.empty();
        }
        List<TestCase> cases = new ArrayList<>();
        for (YamlNode doc : docs) {
            if (!(doc instanceof YamlNode.Mapping m) || m.get("tests").isEmpty()
                    || !(m.get("tests").get() instanceof YamlNode.Seq list)) {
                diags.report(Code.TEST_INVALID, doc.span(), "a test file is a mapping with a 'tests' list");
                continue;
            }
            for (YamlNode item : list.items()) {
                testCase(item, path, diags).ifPresent(cases::add);
            }
        }
        return Optional.of(new TestFile(path, ruleFile, cases));
    }

    static Path ruleFileOf(Path testFile) {
        String n = testFile.getFileName().toString();
        String stem = n.substring(0, n.lastIndexOf(".tests."));
        Path yml = testFile.resolveSibling(stem + ".yml");
        return Files.exists(yml) ? yml : testFile.resolveSibling(stem + ".yaml");
    }

    private static Optional<TestCase> testCase(YamlNode item, Path path, Diagnostics diags) {
        if (!(item instanceof YamlNode.Mapping m)) {
            diags.report(Code.TEST_INVALID, item.span(), "each test is a mapping with name, events or inline, expect");
            return Optional.empty();
        }
        Optional<String> name = text(m, "name");
        Optional<String> events = text(m, "events");
        Optional<YamlNode> inlineNode = m.get("inline");
        Optional<YamlNode> expectNode = m.get("expect");
        if (name.isEmpty()) {
            diags.report(Code.TEST_INVALID, m.span(), "a test needs a 'name'");
            return Optional.empty();
        }
        if (events.isPresent() == inlineNode.isPresent()) {
            diags.report(Code.TEST_INVALID, m.span(), "test '" + name.get() + "' needs exactly one of 'events'"
                    + " (a JSON-lines file) and 'inline' (a list of events)");
            return Optional.empty();
        }
        if (expectNode.isEmpty() || !(expectNode.get() instanceof YamlNode.Scalar e)
                || e.type() != YamlNode.ScalarType.INT || Integer.parseInt(e.value()) < 0) {
            diags.report(Code.TEST_INVALID, expectNode.map(YamlNode::span).orElse(m.span()), "test '" + name.get()
                    + "' needs 'expect': the number of alerts (0 or more)");
            return Optional.empty();
        }
        List<JsonNode> inline = new ArrayList<>();
        if (inlineNode.isPresent()) {
            if (!(inlineNode.get() instanceof YamlNode.Seq q) || q.items().isEmpty()) {
                diags.report(Code.TEST_INVALID, inlineNode.get().span(), "'inline' is a list of events");
                return Optional.empty();
            }
            for (YamlNode ev : q.items()) {
                inline.add(json(ev));
            }
        }
        Optional<List<List<Long>>> lines = lines(m, diags);
        Optional<Path> file = events.map(rel -> path.resolveSibling(rel).normalize());
        return Optional.of(new TestCase(name.get(), text(m, "rule"), file, inline, text(m, "source"),
                Integer.parseInt(((YamlNode.Scalar) expectNode.get()).value()), lines, m.span()));
    }

    private static Optional<List<List<Long>>> lines(YamlNode.Mapping m, Diagnostics diags) {
        Optional<YamlNode> n = m.get("lines");
        if (n.isEmpty()) {
            return Optional.empty();
        }
        List<List<Long>> out = new ArrayList<>();
        if (n.get() instanceof YamlNode.Seq alerts) {
            for (YamlNode a : alerts.items()) {
                List<Long> one = new ArrayList<>();
                if (a instanceof YamlNode.Seq q) {
                    for (YamlNode l : q.items()) {
                        if (l instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT) {
                            one.add(Long.parseLong(s.value()));
                        }
                    }
                } else if (a instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT) {
                    one.add(Long.parseLong(s.value()));
                }
                out.add(one);
            }
            return Optional.of(out);
        }
        diags.report(Code.TEST_INVALID, n.get().span(), "'lines' is a list with the event lines of each alert,"
                + " e.g. [[3], [7, 9]]");
        return Optional.empty();
    }

    private static Optional<String> text(YamlNode.Mapping m, String key) {
        return m.get(key).filter(v -> v instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL)
                .map(v -> ((YamlNode.Scalar) v).value());
    }

    /** YAML to JSON with the YAML types kept (so an inline 0 is a number and 'true' stays a string). */
    static JsonNode json(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            ObjectNode o = JSON.objectNode();
            m.entries().forEach(e -> o.set(e.key().value(), json(e.value())));
            return o;
        }
        if (n instanceof YamlNode.Seq q) {
            ArrayNode a = JSON.arrayNode();
            q.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) n;
        switch (s.type()) {
            case NULL:
                return JSON.nullNode();
            case BOOL:
                return JSON.booleanNode(Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT)));
            case INT:
            case FLOAT:
                try {
                    return JSON.numberNode(new BigDecimal(s.value().replace("_", "")));
                } catch (NumberFormatException e) {
                    return JSON.textNode(s.value());
                }
            default:
                return JSON.textNode(s.value());
        }
    }
}
