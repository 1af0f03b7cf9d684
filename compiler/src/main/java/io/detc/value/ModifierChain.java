package io.detc.value;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import io.detc.ir.Matcher.RegexFlag;
import io.detc.rule.DetectionItem.ModifierRef;
import io.detc.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checked modifiers of one detection item: known, not repeated and not contradictory. It separates the
 * modifiers that transform string values, in written order (spec, "Value Modifiers": "applied in the given order"),
 * from those that only choose a type or linking, whose order does not matter.
 *
 * @param modifiers canonical modifiers in written order (aliases resolved)
 * @param transforms the string transformations in written order: position, windash, encodings, expand
 * @param allSpan where {@code all} is written, when it is
 */
public record ModifierChain(List<Modifier> modifiers, List<Modifier> transforms, Optional<Span> allSpan) {
    public ModifierChain {
        modifiers = List.copyOf(modifiers);
        transforms = List.copyOf(transforms);
    }

    /** Kinds that change string values and so are applied in order. */
    private static final Set<Modifier.Kind> TRANSFORMING = EnumSet.of(Modifier.Kind.POSITION, Modifier.Kind.WINDASH,
            Modifier.Kind.BASE64, Modifier.Kind.UTF16, Modifier.Kind.EXPAND);

    /** Kinds allowed on field-less keywords; the others need a field to look at. */
    private static final Set<Modifier.Kind> KEYWORD_KINDS = EnumSet.of(Modifier.Kind.LINKING, Modifier.Kind.POSITION,
            Modifier.Kind.CASE, Modifier.Kind.REGEX, Modifier.Kind.REGEX_FLAG, Modifier.Kind.WINDASH,
            Modifier.Kind.BASE64, Modifier.Kind.UTF16);

    /** The string modifiers, which all combine with each other except as {@link #compatible} says. */
    private static final Set<Modifier.Kind> STRING_KINDS = EnumSet.of(Modifier.Kind.POSITION, Modifier.Kind.CASE,
            Modifier.Kind.WINDASH, Modifier.Kind.BASE64, Modifier.Kind.UTF16, Modifier.Kind.EXPAND);

    public boolean has(Modifier m) {
        return modifiers.contains(m);
    }

    public boolean hasKind(Modifier.Kind k) {
        return modifiers.stream().anyMatch(m -> m.kind() == k);
    }

    public Optional<Modifier> first(Modifier.Kind k) {
        return modifiers.stream().filter(m -> m.kind() == k).findFirst();
    }

    /** The {@code re} flags {@code i}, {@code m}, {@code s}. */
    public Set<RegexFlag> regexFlags() {
        Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
        for (Modifier m : modifiers) {
            if (m == Modifier.I) {
                flags.add(RegexFlag.IGNORE_CASE);
            } else if (m == Modifier.M) {
                flags.add(RegexFlag.MULTILINE);
            } else if (m == Modifier.S) {
                flags.add(RegexFlag.DOTALL);
            }
        }
        return flags;
    }

    /** Whether some modifier needs a string value (numbers are then read as their literal text). */
    public boolean wantsString() {
        return modifiers.stream().anyMatch(m -> STRING_KINDS.contains(m.kind()) || m.kind() == Modifier.Kind.REGEX
                || m.kind() == Modifier.Kind.FIELDREF);
    }

    /**
     * Checks the written modifiers; reports E304 (unknown, with a did-you-mean hint), E305 (repeated) and E306
     * (contradictory or not allowed on keywords) at the modifier's own span. Empty when any was reported.
     */
    public static Optional<ModifierChain> resolve(List<ModifierRef> refs, boolean keyword, Diagnostics diags) {
        List<Modifier> mods = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        boolean ok = true;
        for (ModifierRef ref : refs) {
            Optional<Modifier> known = Modifier.lookup(ref.name());
            if (known.isEmpty()) {
                ok = false;
                String hint = Modifier.suggest(ref.name()).map(s -> "did you mean '" + s + "'?").orElse("");
                diags.report(Code.UNKNOWN_MODIFIER, ref.span(), "unknown modifier '" + ref.name() + "'", hint);
                continue;
            }
            Modifier m = known.get().canonical();
            int earlier = mods.indexOf(m);
            if (earlier >= 0) {
                ok = false;
                diags.report(Code.DUPLICATE_MODIFIER, ref.span(), "modifier '" + ref.name() + "' is already applied"
                        + (m.spelling().equals(ref.name()) ? "" : " (as '" + m.spelling() + "')"));
                continue;
            }
            Optional<String> conflict = keyword && !KEYWORD_KINDS.contains(m.kind())
                    ? Optional.of("'" + ref.name() + "' cannot be used on keywords, which have no field")
                    : conflict(m, ref.name(), mods, refs);
            if (conflict.isPresent()) {
                ok = false;
                diags.report(Code.CONTRADICTORY_MODIFIERS, ref.span(), conflict.get());
                continue;
            }
            mods.add(m);
            spans.add(ref.span());
        }
        if (!ok) {
            return Optional.empty();
        }
        List<Modifier> transforms = mods.stream().filter(m -> TRANSFORMING.contains(m.kind())).toList();
        int all = mods.indexOf(Modifier.ALL);
        return Optional.of(new ModifierChain(mods, transforms, all < 0 ? Optional.empty() : Optional.of(spans.get(all))));
    }

    private static Optional<String> conflict(Modifier m, String name, List<Modifier> earlier, List<ModifierRef> refs) {
        if (m.kind() == Modifier.Kind.REGEX_FLAG && !earlier.contains(Modifier.RE)) {
            boolean reLater = refs.stream().anyMatch(r -> Modifier.lookup(r.name()).orElse(null) == Modifier.RE);
            return Optional.of("'" + name + "' is a flag of 're' and " + (reLater ? "must come after it"
                    : "needs 're' before it"));
        }
        for (Modifier e : earlier) {
            if (!compatible(e.kind(), m.kind())) {
                return Optional.of("'" + name + "' cannot be combined with '" + e.spelling() + "'"
                        + (e.kind() == m.kind() ? ": only one " + describe(m.kind()) + " modifier is allowed" : ""));
            }
        }
        return Optional.empty();
    }

    /** Whether two kinds may appear on one item. Symmetric; same-kind pairs are the at-most-one rules. */
    static boolean compatible(Modifier.Kind a, Modifier.Kind b) {
        return allows(a, b) && allows(b, a);
    }

    private static boolean allows(Modifier.Kind a, Modifier.Kind b) {
        switch (a) {
            case EXISTS:
                return false; // spec "Field Existence": exists takes only a boolean, nothing else applies
            case LINKING:
            case NEGATION:
                return b != Modifier.Kind.EXISTS;
            case POSITION:
            case UTF16:
            case TIME:
            case COMPARISON:
                if (b == a) {
                    return false; // startswith+endswith, two encodings to UTF-16, lt+gt, hour+day
                }
                break;
            default:
                break;
        }
        if (b == Modifier.Kind.LINKING || b == Modifier.Kind.NEGATION) {
            return true;
        }
        switch (a) {
            case REGEX:
            case REGEX_FLAG:
                return b == Modifier.Kind.REGEX || b == Modifier.Kind.REGEX_FLAG;
            case CIDR:
                return false;
            case COMPARISON:
            case TIME:
                return b == Modifier.Kind.COMPARISON || b == Modifier.Kind.TIME;
            case FIELDREF:
                return b == Modifier.Kind.POSITION || b == Modifier.Kind.CASE;
            case EXPAND:
                // a placeholder has no case flag and cannot be encoded before a pipeline resolves it
                return b == Modifier.Kind.POSITION || b == Modifier.Kind.WINDASH;
            case CASE:
                return b != Modifier.Kind.EXPAND && (STRING_KINDS.contains(b) || b == Modifier.Kind.FIELDREF);
            default:
                return STRING_KINDS.contains(b) || (a == Modifier.Kind.POSITION && b == Modifier.Kind.FIELDREF);
        }
    }

    private static String describe(Modifier.Kind k) {
        switch (k) {
            case POSITION:
                return "contains/startswith/endswith";
            case UTF16:
                return "UTF-16 encoding";
            case TIME:
                return "time part";
            default:
                return "comparison";
        }
    }
}
