package io.detc.backend.spl;

import io.detc.value.DidYouMean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The field paths Splunk extracts for a sourcetype (and, for {@code azure:monitor:aad}, a diagnostic category): the
 * raw JSON paths with {@code {}} after arrays, as the add-ons' {@code KV_MODE=json} extraction names them. Read from
 * {@code src/main/resources/spl/*.fields} (listed in {@code spl/index.txt}): a {@code sourcetype:} line, optional
 * {@code category:} lines, then one path per line; a path ending in {@code .*} is an open map (any key below it).
 * Splunk's own fields ({@code _time}, {@code sourcetype}, ...) are always known.
 */
final class SplSchema {
    private static final Set<String> SPLUNK_FIELDS = Set.of("_time", "_raw", "_indextime", "index", "sourcetype",
            "source", "host", "splunk_server", "eventtype", "tag", "linecount", "punct");
    private static final List<File> FILES = load();

    private final Set<String> paths;
    private final List<String> openPrefixes;
    private final String described;

    private SplSchema(Set<String> paths, List<String> openPrefixes, String described) {
        this.paths = paths;
        this.openPrefixes = openPrefixes;
        this.described = described;
    }

    private record File(String sourcetype, Set<String> categories, List<String> lines) {
    }

    /**
     * The schema for events of these sourcetypes (and categories; empty means every category), or empty when detc
     * knows none of the sourcetypes (then no field can be checked).
     */
    static Optional<SplSchema> of(Collection<String> sourcetypes, Collection<String> categories) {
        Set<String> paths = new LinkedHashSet<>(SPLUNK_FIELDS);
        List<String> open = new ArrayList<>();
        boolean any = false;
        for (File f : FILES) {
            boolean st = sourcetypes.stream().anyMatch(s -> s.equalsIgnoreCase(f.sourcetype()));
            boolean cat = categories.isEmpty() || f.categories().isEmpty() || categories.stream()
                    .anyMatch(c -> f.categories().contains(c.toLowerCase(Locale.ROOT)));
            if (st && cat) {
                any = true;
                for (String l : f.lines()) {
                    if (l.endsWith(".*")) {
                        open.add(l.substring(0, l.length() - 1));
                    } else {
                        paths.add(l);
                    }
                }
            }
        }
        String described = "sourcetype " + String.join("|", sourcetypes)
                + (categories.isEmpty() ? "" : " (category " + String.join("|", categories) + ")");
        return any ? Optional.of(new SplSchema(paths, open, described)) : Optional.empty();
    }

    boolean known(String path) {
        return paths.contains(path) || openPrefixes.stream().anyMatch(path::startsWith);
    }

    /** The closest known path, for a did-you-mean hint. */
    Optional<String> suggest(String path) {
        return DidYouMean.closest(path, paths);
    }

    /** The known paths below {@code container} (a path such as {@code target{}}), relative to it. */
    List<String> below(String container) {
        String prefix = container + ".";
        List<String> out = new ArrayList<>();
        paths.stream().filter(p -> p.startsWith(prefix)).forEach(p -> out.add(p.substring(prefix.length())));
        openPrefixes.stream().filter(p -> p.startsWith(prefix)).forEach(p -> out.add(p.substring(prefix.length())
                + "*"));
        return out;
    }

    String describe() {
        return described;
    }

    private static List<File> load() {
        List<File> out = new ArrayList<>();
        for (String name : lines("spl/index.txt")) {
            String sourcetype = null;
            Set<String> categories = new LinkedHashSet<>();
            List<String> paths = new ArrayList<>();
            for (String l : lines("spl/" + name)) {
                if (l.startsWith("sourcetype:")) {
                    sourcetype = l.substring("sourcetype:".length()).trim();
                } else if (l.startsWith("category:")) {
                    categories.add(l.substring("category:".length()).trim().toLowerCase(Locale.ROOT));
                } else {
                    paths.add(l);
                }
            }
            if (sourcetype == null) {
                throw new IllegalStateException("spl/" + name + " has no sourcetype line");
            }
            out.add(new File(sourcetype, Set.copyOf(categories), List.copyOf(paths)));
        }
        return List.copyOf(out);
    }

    /** Non-blank lines without comments of a resource that ships in the jar (missing: a bug, so it throws). */
    private static List<String> lines(String resource) {
        try (InputStream in = SplSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
