package io.detc.value;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every value modifier detc knows: all of Sigma spec v2.1 (sigma-appendix-modifiers.md) plus pySigma's spelled-out
 * aliases for the regex flags ({@code ignorecase}, {@code multiline}, {@code dotall}, sigma/modifiers.py
 * {@code modifier_mapping}), so rules written for pySigma load unchanged.
 *
 * <p>An alias is its own constant whose {@link #canonical()} is the modifier it stands for; checks for duplicates
 * and contradictions compare canonical modifiers ({@code wide|utf16le} is a duplicate).
 */
public enum Modifier {
    // generic
    CONTAINS("contains", Kind.POSITION),
    STARTSWITH("startswith", Kind.POSITION),
    ENDSWITH("endswith", Kind.POSITION),
    ALL("all", Kind.LINKING),
    EXISTS("exists", Kind.EXISTS),
    CASED("cased", Kind.CASE),
    NEQ("neq", Kind.NEGATION),
    // strings
    WINDASH("windash", Kind.WINDASH),
    RE("re", Kind.REGEX),
    I("i", Kind.REGEX_FLAG),
    M("m", Kind.REGEX_FLAG),
    S("s", Kind.REGEX_FLAG),
    IGNORECASE("ignorecase", Kind.REGEX_FLAG),
    MULTILINE("multiline", Kind.REGEX_FLAG),
    DOTALL("dotall", Kind.REGEX_FLAG),
    // encodings
    BASE64("base64", Kind.BASE64),
    BASE64OFFSET("base64offset", Kind.BASE64),
    UTF16LE("utf16le", Kind.UTF16),
    UTF16BE("utf16be", Kind.UTF16),
    UTF16("utf16", Kind.UTF16),
    WIDE("wide", Kind.UTF16),
    // numbers
    LT("lt", Kind.COMPARISON),
    LTE("lte", Kind.COMPARISON),
    GT("gt", Kind.COMPARISON),
    GTE("gte", Kind.COMPARISON),
    // time parts
    MINUTE("minute", Kind.TIME),
    HOUR("hour", Kind.TIME),
    DAY("day", Kind.TIME),
    WEEK("week", Kind.TIME),
    MONTH("month", Kind.TIME),
    YEAR("year", Kind.TIME),
    // IP
    CIDR("cidr", Kind.CIDR),
    // specific
    EXPAND("expand", Kind.EXPAND),
    FIELDREF("fieldref", Kind.FIELDREF);

    /** What a modifier does; combination rules are stated per kind. */
    public enum Kind {
        POSITION, LINKING, EXISTS, CASE, NEGATION, WINDASH, REGEX, REGEX_FLAG, BASE64, UTF16, COMPARISON, TIME, CIDR,
        EXPAND, FIELDREF
    }

    private static final Map<String, Modifier> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Modifier::spelling, Function.identity()));

    private final String spelling;
    private final Kind kind;

    Modifier(String spelling, Kind kind) {
        this.spelling = spelling;
        this.kind = kind;
    }

    /** The name as written in rules, e.g. {@code base64offset}. */
    public String spelling() {
        return spelling;
    }

    public Kind kind() {
        return kind;
    }

    /** The modifier an alias stands for ({@code wide} is {@code utf16le}); itself otherwise. */
    public Modifier canonical() {
        switch (this) {
            case IGNORECASE:
                return I;
            case MULTILINE:
                return M;
            case DOTALL:
                return S;
            case WIDE:
                return UTF16LE;
            default:
                return this;
        }
    }

    /**
     * The modifier with this exact name. Names are case-sensitive, as in pySigma ({@code Contains} is unknown), so
     * that one spelling means one thing in every tool.
     */
    public static Optional<Modifier> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The closest known name for an unknown one ({@code contain} gives {@code contains}), if any is close. */
    public static Optional<String> suggest(String unknown) {
        List<String> names = Arrays.stream(values()).map(Modifier::spelling).collect(Collectors.toList());
        Optional<String> close = DidYouMean.closest(unknown.toLowerCase(Locale.ROOT), names);
        if (close.isEmpty() && BY_NAME.containsKey(unknown.toLowerCase(Locale.ROOT))) {
            return Optional.of(unknown.toLowerCase(Locale.ROOT));
        }
        return close;
    }
}
