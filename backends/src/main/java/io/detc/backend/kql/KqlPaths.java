package io.detc.backend.kql;

import io.detc.backend.kql.SentinelSchema.Column;
import io.detc.backend.kql.SentinelSchema.Table;
import java.util.List;
import java.util.Optional;

/**
 * How a rule's field names land on a Sentinel row: where names are looked up ({@link Base}), the column and keys a
 * name resolves to ({@link FieldPath}), and the arrays that path crosses ({@link Chain}). {@link KqlPredicates}
 * produces and reads them; the correlation query reuses them for group-by and value fields.
 */
final class KqlPaths {
    private KqlPaths() {
    }

    /** Where field names are looked up: the table's row, or one element of an {@code |element} group. */
    sealed interface Base permits Row, ElementBase {
    }

    /**
     * A table row. {@code table} is empty when the table is not in the schema (columns are then unchecked);
     * {@code ruleNames} are field names a rule may write here (the pipelines map them to columns), offered with the
     * columns when a field is unknown.
     */
    record Row(String tableName, Optional<Table> table, List<String> ruleNames) implements Base {
        Row(String tableName, Optional<Table> table) {
            this(tableName, table, List.of());
        }
    }

    /** An element of an array in {@code column}, at {@code rel} (relative to the column), named {@code alias}. */
    record ElementBase(Column column, String rel, String alias) implements Base {
    }

    /**
     * A field resolved to a column: {@code baseExpr} is the expression the keys start from (the column, its parsed
     * JSON, or an element alias) at {@code baseRel} inside the column.
     */
    record FieldPath(Column column, String baseExpr, String baseRel, boolean atRow, List<String> keys) {
    }

    /**
     * The arrays a path crosses: {@code segments.get(0)} are the keys from the base to the first array (possibly
     * none), each further segment the keys from one array's elements to the next; {@code tail} the keys after the
     * last array. No segments: the path crosses no array.
     */
    record Chain(FieldPath path, List<List<String>> segments, List<String> tail, String endRel) {
        String signature() {
            StringBuilder b = new StringBuilder(path.baseExpr());
            segments.forEach(s -> b.append('|').append(String.join(".", s)));
            return b.toString();
        }
    }
}
