package io.detc.yaml;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML documents of one file into {@link YamlNode} trees with positions, through snakeyaml-engine's
 * composer (YAML 1.2 core schema). Every failure becomes a diagnostic: syntax errors at snakeyaml's mark, limit
 * violations ({@link YamlLimits}) as E102, duplicate keys as E103. Documents before a syntax error are kept.
 */
public final class YamlLoader {
    private final YamlLimits limits;

    public YamlLoader(YamlLimits limits) {
        this.limits = limits;
    }

    /** The documents of {@code file}; a document that failed to load is left out and reported. */
    public List<YamlNode> load(SourceFile file, Diagnostics diags) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.path())
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // reported by us, with both places
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(limits.maxAliasesForCollections())
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(true)
                .build();
        List<YamlNode> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(file.text())) {
                Converter c = new Converter(file, diags);
                Optional<YamlNode> doc = c.convert(node, 0);
                if (c.aborted) {
                    break; // the document is incomplete; checking what was kept would only add noise
                }
                doc.ifPresent(docs::add);
            }
        } catch (MarkedYamlEngineException e) {
            Span at = e.getProblemMark().or(e::getContextMark).map(m -> spanOf(file, m, 1)).orElse(Span.startOf(file));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            Code code = isLimit(problem) ? Code.YAML_LIMIT : Code.YAML_SYNTAX;
            diags.report(code, at, clean(problem) + (e.getContext() == null ? "" : " (" + clean(e.getContext()) + ")"));
        } catch (YamlEngineException e) {
            diags.report(isLimit(e.getMessage()) ? Code.YAML_LIMIT : Code.YAML_SYNTAX, Span.startOf(file),
                    clean(e.getMessage()));
        } catch (StackOverflowError e) {
            diags.report(Code.YAML_LIMIT, Span.startOf(file),
                    "YAML nesting is too deep to load (limit " + limits.maxDepth() + " levels)");
        }
        return docs;
    }

    private static boolean isLimit(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("number of aliases") || m.contains("code point") || m.contains("exceeds the limit")
                || m.contains("recursive");
    }

    private static String clean(String s) {
        return s == null ? "invalid YAML" : s.replaceAll("\\s+", " ").trim();
    }

    static Span spanOf(SourceFile file, Mark m, int length) {
        int line = m.getLine() + 1;
        // snakeyaml counts columns in code points; our columns are UTF-16 units.
        String text = file.line(line);
        int units = text.offsetByCodePoints(0, Math.min(m.getColumn(), text.codePointCount(0, text.length())));
        return new Span(file, line, units + 1, length);
    }

    private static int offsetOf(SourceFile file, Mark m) {
        Span s = spanOf(file, m, 0);
        return file.offset(s.line(), s.column());
    }

    /** One document's conversion; counts nodes so aliases cannot expand without bound. */
    private final class Converter {
        private final SourceFile file;
        private final Diagnostics diags;
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private int nodes;
        private boolean aborted;

        Converter(SourceFile file, Diagnostics diags) {
            this.file = file;
            this.diags = diags;
        }

        Optional<YamlNode> convert(Node node, int depth) {
            if (aborted) {
                return Optional.empty();
            }
            Span span = span(node);
            if (++nodes > limits.maxNodes()) {
                aborted = true;
                diags.report(Code.YAML_LIMIT, span, "YAML expands to more than " + limits.maxNodes()
                        + " nodes (an alias bomb?)");
                return Optional.empty();
            }
            if (depth > limits.maxDepth()) {
                aborted = true;
                diags.report(Code.YAML_LIMIT, span, "YAML nesting deeper than " + limits.maxDepth() + " levels");
                return Optional.empty();
            }
            if (onPath.put(node, Boolean.TRUE) != null) {
                aborted = true;
                diags.report(Code.YAML_LIMIT, span, "recursive YAML alias");
                return Optional.empty();
            }
            try {
                if (node instanceof ScalarNode s) {
                    return Optional.of(scalar(s, span));
                }
                if (node instanceof SequenceNode q) {
                    List<YamlNode> items = new ArrayList<>();
                    for (Node item : q.getValue()) {
                        convert(item, depth + 1).ifPresent(items::add);
                    }
                    return Optional.of(new YamlNode.Seq(items, span));
                }
                return Optional.of(mapping((MappingNode) node, span, depth));
            } finally {
                onPath.remove(node);
            }
        }

        private YamlNode mapping(MappingNode m, Span span, int depth) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    diags.report(Code.YAML_SYNTAX, span(t.getKeyNode()), "mapping keys must be plain strings");
                    continue;
                }
                YamlNode.Scalar key = scalar(k, span(k));
                if (!seen.add(key.value())) {
                    diags.report(Code.DUPLICATE_KEY, key.span(), "duplicate key '" + key.value()
                            + "'; YAML keeps only one of them");
                    continue;
                }
                convert(t.getValueNode(), depth + 1).ifPresent(v -> entries.add(new YamlNode.Entry(key, v)));
            }
            return new YamlNode.Mapping(entries, span);
        }

        private YamlNode.Scalar scalar(ScalarNode s, Span span) {
            Tag tag = s.getTag();
            YamlNode.ScalarType type = Tag.INT.equals(tag) ? YamlNode.ScalarType.INT
                    : Tag.FLOAT.equals(tag) ? YamlNode.ScalarType.FLOAT
                    : Tag.BOOL.equals(tag) ? YamlNode.ScalarType.BOOL
                    : Tag.NULL.equals(tag) ? YamlNode.ScalarType.NULL
                    : YamlNode.ScalarType.STRING;
            int start = s.getStartMark().map(m -> offsetOf(file, m)).orElse(0);
            int end = s.getEndMark().map(m -> offsetOf(file, m)).orElse(start);
            return new YamlNode.Scalar(s.getValue(), type, span, new ScalarLocator(file, s.getValue(), start, end));
        }

        private Span span(Node n) {
            Optional<Mark> start = n.getStartMark();
            if (start.isEmpty()) {
                return Span.startOf(file);
            }
            int s = offsetOf(file, start.get());
            int e = n.getEndMark().map(m -> offsetOf(file, m)).orElse(s);
            Span first = spanOf(file, start.get(), 0);
            // Draw only to the end of the first line; multi-line nodes are marked at their start.
            int lineEnd = file.offset(first.line(), 1) + file.line(first.line()).length();
            return new Span(file, first.line(), first.column(), Math.max(1, Math.min(e, lineEnd) - s));
        }
    }
}
