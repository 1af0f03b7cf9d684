package io.detc.pipeline;

import io.detc.ir.Matcher;
import io.detc.ir.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Applies one {@link Transformation.FieldRename} to the IR. The field of a {@code FieldMatch}, {@code Exists} or
 * {@code Element}, and the other field of a {@link Matcher.FieldRef}, become their mapped names; a name mapped to
 * several becomes an OR of copies (for a field reference, every pairing of the two sides; for {@code null}, an AND:
 * no name has a value). An element's inner
 * fields are relative to the element and keep their names.
 */
final class Renames implements IrRewriter.Leaves {
    private final Transformation.FieldRename rename;

    private Renames(Transformation.FieldRename rename) {
        this.rename = rename;
    }

    static Predicate apply(Predicate p, Transformation.FieldRename rename) {
        return IrRewriter.rewrite(p, new Renames(rename));
    }

    /** The names {@code field} becomes under {@code rename}: itself when unmapped; no duplicates, in order. */
    static List<String> names(Transformation.FieldRename rename, String field) {
        return rename.apply(field).map(n -> List.copyOf(new LinkedHashSet<>(n))).orElse(List.of(field));
    }

    @Override
    public Predicate fieldMatch(Predicate.FieldMatch p) {
        List<Predicate> copies = new ArrayList<>();
        for (String f : names(rename, p.field())) {
            if (p.matcher() instanceof Matcher.FieldRef ref) {
                for (String other : names(rename, ref.otherField())) {
                    copies.add(new Predicate.FieldMatch(f, new Matcher.FieldRef(other, ref.op(), ref.cased()),
                            p.span()));
                }
            } else {
                copies.add(new Predicate.FieldMatch(f, p.matcher(), p.span()));
            }
        }
        // null means "no value under any of the names" (docs/semantics.md), so its copies are ANDed, not ORed.
        return p.matcher() instanceof Matcher.IsNull ? io.detc.ir.Predicates.and(copies) : IrRewriter.any(copies);
    }

    @Override
    public Predicate exists(Predicate.Exists p) {
        return IrRewriter.any(names(rename, p.field()).stream()
                .<Predicate>map(f -> new Predicate.Exists(f, p.span())).toList());
    }

    @Override
    public Predicate element(Predicate.Element p) {
        return IrRewriter.any(names(rename, p.field()).stream()
                .<Predicate>map(f -> new Predicate.Element(f, p.inner(), p.span())).toList());
    }
}
