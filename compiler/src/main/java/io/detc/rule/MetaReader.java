package io.detc.rule;

import io.detc.diag.Code;
import io.detc.source.Span;
import io.detc.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the metadata fields every document shares (spec "File Structure"). */
final class MetaReader {
    static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    static final Set<String> RELATION_TYPES = Set.of("derived", "obsolete", "merged", "renamed", "similar");
    /** Keys the spec defines for any document; everything else is a custom field. */
    static final Set<String> META_KEYS = Set.of("title", "id", "name", "related", "taxonomy", "status",
            "description", "license", "references", "author", "date", "modified", "fields", "falsepositives",
            "level", "tags", "scope", "logsource", "detection", "correlation", "filter", "generate");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern OLD_DATE = Pattern.compile("^\\d{4}/\\d{2}/\\d{2}$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9_-]+\\.[a-z0-9._-]+$");
    private static final int MAX_TITLE = 256;
    private static final int MAX_DESCRIPTION = 65_535;

    private MetaReader() {
    }

    static Meta read(Fields f, Span docSpan) {
        Optional<YamlNode.Scalar> titleNode = f.scalar("title");
        String title = titleNode.map(YamlNode.Scalar::value).orElse("");
        if (titleNode.isEmpty() && f.map().get("title").isEmpty()) {
            f.diags().report(Code.MISSING_FIELD, docSpan, "missing required field 'title'");
        } else if (titleNode.isPresent() && title.isBlank()) {
            f.diags().report(Code.MISSING_FIELD, titleNode.get().span(), "'title' is empty");
        } else if (title.length() > MAX_TITLE) {
            f.diags().report(Code.TOO_LONG, titleNode.get().span(), "title is " + title.length()
                    + " characters; the spec allows at most " + MAX_TITLE);
        }
        Optional<YamlNode.Scalar> idNode = f.scalar("id");
        idNode.filter(s -> !UUID.matcher(s.value()).matches()).ifPresent(s -> f.diags().report(Code.INVALID_UUID,
                s.span(), "id '" + s.value() + "' is not a UUID", "generate one with `uuidgen`; the spec recommends UUID v4"));
        Optional<YamlNode.Scalar> nameNode = f.scalar("name");
        nameNode.filter(s -> s.value().isBlank() || s.value().chars().anyMatch(Character::isWhitespace))
                .ifPresent(s -> f.diags().report(Code.INVALID_NAME, s.span(), "name '" + s.value()
                        + "' must be a non-empty word without spaces, so correlations can refer to it"));
        Optional<String> status = checkedEnum(f, "status", STATUSES, Code.UNKNOWN_STATUS);
        Optional<String> level = checkedEnum(f, "level", LEVELS, Code.UNKNOWN_LEVEL);
        f.scalar("description").filter(s -> s.value().length() > MAX_DESCRIPTION).ifPresent(s -> f.diags()
                .report(Code.TOO_LONG, s.span(), "description is longer than " + MAX_DESCRIPTION + " characters"));
        Optional<LocalDate> date = date(f, "date");
        Optional<LocalDate> modified = date(f, "modified");
        if (date.isPresent() && modified.isPresent() && modified.get().isBefore(date.get())) {
            f.diags().report(Code.DATE_ORDER, f.scalar("modified").get().span(), "modified " + modified.get()
                    + " is before date " + date.get());
        }
        List<String> tags = new ArrayList<>();
        for (YamlNode.Scalar t : f.scalars("tags")) {
            if (!TAG.matcher(t.value()).matches()) {
                String fixed = t.value().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                f.diags().report(Code.MALFORMED_TAG, t.span(), "tag '" + t.value() + "' is not namespace.name in"
                        + " lower case (e.g. attack.t1078)", TAG.matcher(fixed).matches() ? "write '" + fixed + "'" : "");
            }
            tags.add(t.value());
        }
        f.strings("tags");
        Map<String, YamlNode> custom = new LinkedHashMap<>();
        for (YamlNode.Entry e : f.map().entries()) {
            String k = e.key().value();
            if (!META_KEYS.contains(k)) {
                custom.put(k, e.value());
                suggest(f, e.key());
            }
        }
        return new Meta(title, idNode.map(YamlNode.Scalar::value), nameNode.map(YamlNode.Scalar::value),
                related(f), f.string("taxonomy"), status, f.string("description"), f.string("license"),
                f.strings("references"), f.string("author"), date, modified, f.strings("fields"),
                f.strings("falsepositives"), level, tags, f.strings("scope"), custom,
                idNode.map(YamlNode.Scalar::span).orElse(docSpan), nameNode.map(YamlNode.Scalar::span).orElse(docSpan));
    }

    /** A custom key one or two edits from a spec key is most likely a typo; custom keys are otherwise fine. */
    private static void suggest(Fields f, YamlNode.Scalar key) {
        String k = key.value();
        for (String known : META_KEYS) {
            int d = Fields.distance(k.toLowerCase(java.util.Locale.ROOT), known);
            if (d > 0 && d <= (known.length() > 5 ? 2 : 1) || d == 0 && !k.equals(known)) {
                f.diags().report(Code.SUSPICIOUS_FIELD, key.span(), "unknown field '" + k
                        + "' is kept as a custom field", "did you mean '" + known + "'?");
                return;
            }
        }
    }

    private static Optional<String> checkedEnum(Fields f, String key, Set<String> allowed, Code code) {
        Optional<YamlNode.Scalar> n = f.scalar(key);
        if (n.isPresent() && !allowed.contains(n.get().value())) {
            f.diags().report(code, n.get().span(), "unknown " + key + " '" + n.get().value() + "'",
                    "use one of " + String.join(", ", allowed.stream().sorted().toList()));
            return Optional.empty();
        }
        return n.map(YamlNode.Scalar::value);
    }

    private static Optional<LocalDate> date(Fields f, String key) {
        Optional<YamlNode.Scalar> n = f.scalar(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String v = n.get().value();
        var m = DATE.matcher(v);
        if (m.matches()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                f.diags().report(Code.INVALID_DATE, n.get().span(), key + " '" + v + "' is not a real date");
                return Optional.empty();
            }
        }
        f.diags().report(Code.INVALID_DATE, n.get().span(), key + " '" + v + "' is not an ISO 8601 date YYYY-MM-DD",
                OLD_DATE.matcher(v).matches() ? "the YYYY/MM/DD form was dropped in Sigma 2.0; write "
                        + v.replace('/', '-') : "");
        return Optional.empty();
    }

    private static List<Meta.Related> related(Fields f) {
        List<Meta.Related> out = new ArrayList<>();
        Optional<YamlNode> n = f.map().get("related");
        if (n.isEmpty()) {
            return out;
        }
        if (!(n.get() instanceof YamlNode.Seq q)) {
            f.wrongType("related", n.get(), "a list of {id, type}");
            return out;
        }
        for (YamlNode item : q.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                f.diags().report(Code.INVALID_RELATED, item.span(), "a 'related' entry must be a mapping with id and type");
                continue;
            }
            Fields rf = new Fields(m, f.diags());
            Optional<YamlNode.Scalar> id = rf.scalar("id");
            Optional<YamlNode.Scalar> type = rf.scalar("type");
            if (id.isEmpty() || type.isEmpty()) {
                f.diags().report(Code.INVALID_RELATED, item.span(), "a 'related' entry needs both 'id' and 'type'");
                continue;
            }
            if (!UUID.matcher(id.get().value()).matches()) {
                f.diags().report(Code.INVALID_UUID, id.get().span(), "related id '" + id.get().value() + "' is not a UUID");
            }
            if (!RELATION_TYPES.contains(type.get().value())) {
                f.diags().report(Code.INVALID_RELATED, type.get().span(), "unknown related type '" + type.get().value()
                        + "'", "use one of derived, merged, obsolete, renamed, similar");
            }
            out.add(new Meta.Related(id.get().value(), type.get().value(), item.span()));
        }
        return out;
    }
}
