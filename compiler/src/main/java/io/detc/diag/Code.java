package io.detc.diag;

/**
 * Every diagnostic detc can report, with its stable id and default severity. Ids are never reused or renumbered:
 * CI configurations and suppressions refer to them.
 *
 * <p>Ranges: E0xx input files, E1xx YAML and rule fields, E2xx condition syntax, E3xx detections and values,
 * E4xx backends, E5xx correlations, E6xx filters, E7xx test files, E9xx internal.
 */
public enum Code {
    // input files
    IO_ERROR("E001", Severity.ERROR),
    BINARY_FILE("E002", Severity.ERROR),
    FILE_TOO_LARGE("E003", Severity.ERROR),
    NO_RULE_FILES("W004", Severity.WARNING),
    // YAML
    YAML_SYNTAX("E101", Severity.ERROR),
    YAML_LIMIT("E102", Severity.ERROR),
    DUPLICATE_KEY("E103", Severity.ERROR),
    NOT_A_MAPPING("E104", Severity.ERROR),
    UNKNOWN_DOCUMENT("E105", Severity.ERROR),
    // rule fields
    MISSING_FIELD("E110", Severity.ERROR),
    WRONG_TYPE("E111", Severity.ERROR),
    SUSPICIOUS_FIELD("W112", Severity.WARNING),
    INVALID_UUID("E113", Severity.ERROR),
    INVALID_DATE("E114", Severity.ERROR),
    UNKNOWN_LEVEL("E115", Severity.ERROR),
    UNKNOWN_STATUS("E116", Severity.ERROR),
    MALFORMED_TAG("E117", Severity.ERROR),
    TOO_LONG("E118", Severity.ERROR),
    INVALID_LOGSOURCE("E119", Severity.ERROR),
    INVALID_RELATED("E120", Severity.ERROR),
    DUPLICATE_ID("E121", Severity.ERROR),
    DUPLICATE_NAME("E122", Severity.ERROR),
    DATE_ORDER("W123", Severity.WARNING),
    INVALID_NAME("E124", Severity.ERROR),
    // condition
    CONDITION_SYNTAX("E201", Severity.ERROR),
    LEGACY_AGGREGATION("E202", Severity.ERROR),
    LEGACY_NEAR("E203", Severity.ERROR),
    CONDITION_TOO_DEEP("E204", Severity.ERROR),
    // detections and values
    UNKNOWN_IDENTIFIER("E301", Severity.ERROR),
    UNUSED_DETECTION("W302", Severity.WARNING),
    PATTERN_MATCHES_NOTHING("E303", Severity.ERROR),
    UNKNOWN_MODIFIER("E304", Severity.ERROR),
    DUPLICATE_MODIFIER("E305", Severity.ERROR),
    CONTRADICTORY_MODIFIERS("E306", Severity.ERROR),
    REGEX_OUTSIDE_SUBSET("W307", Severity.WARNING),
    INVALID_REGEX("E308", Severity.ERROR),
    INVALID_CIDR("E309", Severity.ERROR),
    EXISTS_NOT_BOOLEAN("E310", Severity.ERROR),
    NULL_IN_LIST("E311", Severity.ERROR),
    ALL_SINGLE_VALUE("W312", Severity.WARNING),
    VALUE_TYPE("E313", Severity.ERROR),
    EMPTY_DETECTION("E314", Severity.ERROR),
    MISSING_CONDITION("E315", Severity.ERROR),
    INVALID_PLACEHOLDER("E316", Severity.ERROR),
    DETECTION_SHAPE("E317", Severity.ERROR),
    REGEX_NOT_LINEAR("E318", Severity.ERROR),
    INVALID_FIELD_NAME("E319", Severity.ERROR),
    // backends (later issues)
    UNSUPPORTED("E401", Severity.ERROR),
    APPROXIMATED("W402", Severity.WARNING),
    UNKNOWN_FIELD("E403", Severity.ERROR),
    NO_TABLE("E404", Severity.ERROR),
    // correlations
    CORRELATION_UNKNOWN_RULE("E501", Severity.ERROR),
    CORRELATION_CYCLE("E502", Severity.ERROR),
    CORRELATION_MISSING("E503", Severity.ERROR),
    CORRELATION_TIMESPAN("E504", Severity.ERROR),
    CORRELATION_TYPE("E505", Severity.ERROR),
    CORRELATION_CONDITION("E506", Severity.ERROR),
    CORRELATION_ALIAS("E507", Severity.ERROR),
    // filters
    FILTER_UNKNOWN_RULE("E601", Severity.ERROR),
    FILTER_INVALID("E602", Severity.ERROR),
    // test files (detc test)
    TEST_INVALID("E701", Severity.ERROR),
    // internal
    INTERNAL("E900", Severity.ERROR);

    private final String id;
    private final Severity severity;

    Code(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** A short kebab-case name for SARIF rule descriptors, e.g. {@code unknown-identifier}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
