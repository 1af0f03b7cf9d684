package io.detc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.detc.diag.Diagnostics;
import io.detc.event.Formats;
import io.detc.event.LogSourceKey;
import io.detc.source.SourceFile;
import io.detc.source.SourceReader;
import io.detc.testing.TestData;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import io.detc.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every field name SigmaHQ's Okta and Azure rules use (given {@code -Dsigma.corpus=<sigma checkout>}) must resolve,
 * through the standard pipelines, to a path under its source's export shape: an Okta LogEvent key, or an Azure
 * envelope key / {@code properties.*}. Writes the whole table to {@code target/sigma-field-resolution.txt}.
 */
class SigmaCorpusFieldsTest {
    /** Fields no dotted path can express, with the reason; checked to still be unresolvable (no stale entries). */
    static final Map<String, String> KNOWN_GAPS = Map.of(
            "azure/signinlogs ActivityDetails", "SigmaHQ's legacy-authentication rule writes 'ActivityDetails:"
                    + " Sign-ins'; no sign-in export field holds that",
            "azure/auditlogs ConsentContext.IsAdminConsent", "a modifiedProperties displayName/newValue pair; a"
                    + " path cannot pick an array element by its sibling's value",
            "azure/activitylogs ResourceProviderValue", "Sentinel derives it from the resource id; the export has"
                    + " no such field");

    private static final List<String> TREES = List.of("rules", "rules-emerging-threats", "rules-threat-hunting",
            "rules-placeholder");

    @Test
    void sigmaHqFieldsResolveUnderTheExportShape() throws IOException {
        Optional<Path> corpus = TestData.corpus();
        assumeTrue(corpus.isPresent(), "no -Dsigma.corpus given");
        assumeTrue(Files.isDirectory(corpus.get().resolve("rules")), "corpus has no rules/ folder");

        Map<String, TreeSet<String>> fieldsBySource = new TreeMap<>();
        for (String tree : TREES) {
            Path dir = corpus.get().resolve(tree);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".yml")).sorted().toList()) {
                    collect(f, fieldsBySource);
                }
            }
        }
        assumeTrue(!fieldsBySource.isEmpty(), "no okta or azure rules in the corpus");

        FieldResolver resolver = FieldResolver.standard();
        StringBuilder report = new StringBuilder();
        List<String> outside = new ArrayList<>();
        List<String> noSource = new ArrayList<>();
        TreeSet<String> gapsSeen = new TreeSet<>();
        fieldsBySource.forEach((sourceText, fields) -> {
            LogSourceKey source = LogSourceKey.parse(sourceText).orElse(null);
            if (source == null || !Formats.known().contains(source)) {
                noSource.add(sourceText + " " + fields);
                report.append(sourceText).append(": no detc event source; fields ").append(fields).append('\n');
                return;
            }
            report.append(sourceText).append('\n');
            for (String field : fields) {
                List<String> paths = resolver.resolve(source, field);
                boolean ok = paths.stream().allMatch(p -> Formats.topLevelKeys(source)
                        .contains(p.split("\\.", 2)[0]));
                String key = sourceText + " " + field;
                report.append(String.format("  %-48s -> %s%s%n", field, String.join(" | ", paths),
                        ok ? "" : KNOWN_GAPS.containsKey(key) ? "   (known gap)" : "   (OUTSIDE THE EXPORT)"));
                if (!ok && KNOWN_GAPS.containsKey(key)) {
                    gapsSeen.add(key);
                } else if (!ok) {
                    outside.add(key + " -> " + paths);
                }
            }
        });
        Path out = Path.of("target", "sigma-field-resolution.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);

        assertEquals(List.of(), outside, "rule fields that resolve outside the export shape");
        assertEquals(new TreeSet<>(KNOWN_GAPS.keySet()), gapsSeen, "KNOWN_GAPS entries that no longer apply");
    }

    /** Adds {@code product/service → fields} of every okta or azure rule in one file. */
    private static void collect(Path file, Map<String, TreeSet<String>> out) {
        Diagnostics diags = new Diagnostics();
        Optional<SourceFile> source = new SourceReader(SourceReader.DEFAULT_MAX_BYTES).read(file, file.toString(),
                diags);
        if (source.isEmpty()) {
            return;
        }
        for (YamlNode doc : new YamlLoader(YamlLimits.DEFAULT).load(source.get(), diags)) {
            if (!(doc instanceof YamlNode.Mapping rule)) {
                continue;
            }
            String product = scalar(rule, "logsource", "product");
            String service = scalar(rule, "logsource", "service");
            if (!"okta".equals(product) && !"azure".equals(product)) {
                continue;
            }
            TreeSet<String> fields = out.computeIfAbsent(product + "/" + (service == null ? "*" : service),
                    k -> new TreeSet<>());
            if (rule.get("detection").orElse(null) instanceof YamlNode.Mapping detection) {
                for (YamlNode.Entry e : detection.entries()) {
                    if (!e.key().value().equals("condition") && !e.key().value().equals("timeframe")) {
                        fields(e.value(), fields);
                    }
                }
            }
        }
    }

    private static void fields(YamlNode selection, TreeSet<String> out) {
        if (selection instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries()) {
                String name = e.key().value();
                int bar = name.indexOf('|');
                String field = bar < 0 ? name : name.substring(0, bar);
                if (!field.isEmpty()) {
                    out.add(field);
                }
            }
        } else if (selection instanceof YamlNode.Seq s) {
            s.items().forEach(item -> fields(item, out));
        }
    }

    private static String scalar(YamlNode.Mapping m, String key, String sub) {
        return m.get(key).orElse(null) instanceof YamlNode.Mapping inner
                && inner.get(sub).orElse(null) instanceof YamlNode.Scalar s ? s.value() : null;
    }
}
