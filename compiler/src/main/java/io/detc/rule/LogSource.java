package io.detc.rule;

import java.util.Map;
import java.util.Optional;

/** The {@code logsource} of a rule or filter. Keys beyond the four the spec names are kept in {@code custom}. */
public record LogSource(Optional<String> category, Optional<String> product, Optional<String> service,
                        Optional<String> definition, Map<String, String> custom) {
    public LogSource {
        custom = Map.copyOf(custom);
    }

    public static final LogSource EMPTY = new LogSource(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of());

    /** {@code product/service/category}, for messages and reports. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        product.ifPresent(p -> b.append("product=").append(p));
        service.ifPresent(s -> b.append(b.length() > 0 ? " " : "").append("service=").append(s));
        category.ifPresent(c -> b.append(b.length() > 0 ? " " : "").append("category=").append(c));
        return b.toString();
    }
}
