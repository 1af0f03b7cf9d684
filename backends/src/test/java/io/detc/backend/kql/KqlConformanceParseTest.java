package io.detc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import io.detc.pipeline.Pipeline;
import io.detc.rule.Document;
import io.detc.testing.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The conformance rules of testdata/conformance (every modifier, value type, condition form and the
 * {@code |element} extension) compiled against a table whose columns are their fields, in three shapes: every
 * column dynamic and an array (every test through mv-apply), every column dynamic (paths into JSON), and plain
 * string columns; every query must pass Microsoft's analyser. This covers the renderer's paths that the
 * Okta/Entra testdata rules do not reach.
 */
class KqlConformanceParseTest {
    private static final Pipeline TABLE = KqlFixtures.pipeline("""
            name: conformance-table
            transformations:
              - {type: set_state, key: query_table, val: Conformance,
                 rule_conditions: [{type: logsource, product: detc, service: conformance}]}
            """);

    @Test
    void everyConformanceRuleParses_inEveryColumnShape() {
        Compilation c = Compiler.standard().compile(List.of(TestData.dir().resolve("conformance")));
        assertFalse(c.hasErrors(), c.diagnostics().toString());
        Set<String> columns = new TreeSet<>();
        c.lowered().forEach(l -> l.predicate().accept(new Columns(columns)));
        columns.add("TimeGenerated");
        Map<String, String> shapes = Map.of(
                "arrays", "{type: dynamic, arrays: [\"\"]}",
                "dynamic", "dynamic",
                "string", "string");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            StringBuilder yaml = new StringBuilder("system: []\ntables:\n  Conformance:\n    columns:\n");
            for (String col : columns) {
                yaml.append("      ").append(col).append(": ").append(col.equals("TimeGenerated") ? "datetime"
                        : shape.getValue()).append('\n');
            }
            SentinelSchema schema = SentinelSchema.parse(yaml.toString());
            KqlBackend kql = new KqlBackend(schema);
            Map<String, String> queries = new LinkedHashMap<>();
            for (Document d : c.documents()) {
                if (d instanceof io.detc.rule.Filter) {
                    continue;
                }
                Compiled r = kql.compile(c, d, List.of(TABLE), "query");
                if (r.text().isPresent()) {
                    queries.put(shape.getKey() + " " + d.meta().title(), r.text().get());
                } else if (!shape.getKey().equals("string")) {
                    // only placeholders ({@code expand}) may be refused, and string columns cannot take keys
                    assertEquals(true, r.diagnostics().stream().allMatch(x -> x.message().contains("placeholder")),
                            d.meta().title() + " " + r.diagnostics());
                }
            }
            assertEquals(List.of(), KqlCheck.failures(queries, schema), shape.getKey());
        }
    }

    /** The first segment of every field the rules test: the columns of the synthetic table. */
    private record Columns(Set<String> out) implements Predicate.Visitor<Void> {
        private void add(String field) {
            out.add(field.split("\\.", 2)[0]);
        }

        public Void visitAnd(Predicate.And p) {
            p.terms().forEach(t -> t.accept(this));
            return null;
        }

        public Void visitOr(Predicate.Or p) {
            p.terms().forEach(t -> t.accept(this));
            return null;
        }

        public Void visitNot(Predicate.Not p) {
            return p.operand().accept(this);
        }

        public Void visitConst(Predicate.Const p) {
            return null;
        }

        public Void visitFieldMatch(Predicate.FieldMatch p) {
            add(p.field());
            if (p.matcher() instanceof Matcher.FieldRef r) {
                add(r.otherField());
            }
            return null;
        }

        public Void visitKeyword(Predicate.Keyword p) {
            return null;
        }

        public Void visitExists(Predicate.Exists p) {
            add(p.field());
            return null;
        }

        public Void visitElement(Predicate.Element p) {
            add(p.field());
            return null;
        }
    }
}
