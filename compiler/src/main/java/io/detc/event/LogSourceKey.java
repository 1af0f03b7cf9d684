package io.detc.event;

import io.detc.rule.LogSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The log source an event belongs to, as a Sigma {@code product/service} pair, e.g. {@code okta/okta} or
 * {@code azure/signinlogs}.
 *
 * <p>Invariants: both parts are non-blank, lower case (Sigma's taxonomy values are lower case, so keys are
 * canonicalised once here and compared cheaply afterwards) and contain no {@code '/'}.
 *
 * <p>A key has no Sigma {@code category}: none of the identity-provider sources detc reads has one (Sigma files
 * Okta and Entra rules under {@code product}/{@code service} only). So a rule that names a {@code category} never
 * {@linkplain #matches matches} an event of these sources.
 */
public record LogSourceKey(String product, String service) {
    public LogSourceKey {
        product = part(product, "product");
        service = part(service, "service");
    }

    /** Parses {@code "product/service"}; empty when the text is not of that form. */
    public static Optional<LogSourceKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/') || slash == text.length() - 1) {
            return Optional.empty();
        }
        String p = text.substring(0, slash).trim();
        String s = text.substring(slash + 1).trim();
        if (p.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogSourceKey(p, s));
    }

    /**
     * Whether a rule with this {@code logsource} applies to events of this key: every one of product, service and
     * category the rule names must equal the key's (case-insensitively). A category never equals, because keys
     * have none; a logsource that names nothing matches every key. {@code definition} and custom keys are
     * descriptive and ignored.
     */
    public boolean matches(LogSource ruleLogsource) {
        Objects.requireNonNull(ruleLogsource);
        return ruleLogsource.category().isEmpty()
                && ruleLogsource.product().map(p -> p.equalsIgnoreCase(product)).orElse(true)
                && ruleLogsource.service().map(s -> s.equalsIgnoreCase(service)).orElse(true);
    }

    /** {@code product/service}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return product + "/" + service;
    }

    private static String part(String value, String what) {
        Objects.requireNonNull(value, what);
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad log source " + what + ": '" + value + "'");
        }
        return v;
    }
}
