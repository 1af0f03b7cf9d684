package io.detc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.diag.Diagnostics;
import io.detc.event.LogSourceKey;
import io.detc.run.EventInput;
import io.detc.source.SourceReader;
import io.detc.testcase.TestCase;
import io.detc.testcase.TestFile;
import io.detc.testcase.TestFileReader;
import io.detc.testcase.TestFiles;
import io.detc.testing.TestData;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The differential suite's inputs: every conformance rule with its cases' events, every testdata rule case, every
 * rule under rules/ with its cases. Each is a compilation plus event inputs; inline events and conformance cases are
 * written to a temp folder (the engines read files; no SQL ever reads them).
 */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMP;

    static {
        try {
            TEMP = Files.createTempDirectory("detc-differential");
            TEMP.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fixtures() {
    }

    /** One comparison: a name, the rules and the events. */
    record Fixture(String name, Compilation compilation, List<EventInput> inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> conformance() {
        List<Fixture> out = new ArrayList<>();
        for (Path rule : TestData.files("conformance", ".yml")) {
            String stem = TestData.stem(rule);
            Path cases = rule.resolveSibling(stem + ".cases.jsonl");
            try {
                StringBuilder b = new StringBuilder();
                for (String line : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = JSON.readTree(line);
                    b.append(JSON.writeValueAsString(n.get("event"))).append('\n');
                }
                Path events = TEMP.resolve("conformance-" + stem + ".jsonl");
                Files.writeString(events, b, StandardCharsets.UTF_8);
                Compilation c = Compiler.standard().compile(List.of(rule));
                out.add(new Fixture("conformance/" + stem, c, List.of(new EventInput(events, stem + ".cases.jsonl",
                        LogSourceKey.parse("detc/conformance")))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Every case of every {@code .tests.yml} under {@code folder}, each with the documents of its own rule file (the
     * evaluator and the engines get the same compilation); then one fixture with every rule of the folder over the
     * events of every case at once, for the interactions between files (filters, generate).
     */
    static List<Fixture> cases(Path folder, String label) {
        List<Fixture> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        Diagnostics diags = new Diagnostics();
        SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
        YamlLoader yaml = new YamlLoader(YamlLimits.DEFAULT);
        List<EventInput> everything = new ArrayList<>();
        java.util.Map<Path, Compilation> byFile = new java.util.HashMap<>();
        for (Path t : TestFiles.discover(List.of(folder))) {
            Optional<TestFile> tf = reader.read(t, t.toString(), diags)
                    .flatMap(src -> TestFileReader.read(t, src, yaml.load(src, diags), diags));
            if (tf.isEmpty()) {
                continue;
            }
            Compilation c = byFile.computeIfAbsent(tf.get().ruleFile(),
                    f -> Compiler.standard().compile(List.of(f)));
            int n = 0;
            for (TestCase tc : tf.get().cases()) {
                Optional<LogSourceKey> forced = tc.source().flatMap(LogSourceKey::parse);
                Path events;
                String shown;
                if (tc.eventsFile().isPresent()) {
                    events = tc.eventsFile().get();
                    shown = TestData.portable(events.toAbsolutePath().normalize().toString());
                } else {
                    String stem = tf.get().ruleFile().getFileName().toString().replace(".yml", "");
                    events = TEMP.resolve(label + "-" + stem + "-" + (n++) + ".jsonl");
                    StringBuilder b = new StringBuilder();
                    try {
                        for (JsonNode e : tc.inline()) {
                            b.append(JSON.writeValueAsString(e)).append('\n');
                        }
                        Files.writeString(events, b, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shown = "inline/" + events.getFileName();
                }
                String name = label + "/" + tf.get().ruleFile().getFileName() + " > " + tc.name();
                EventInput input = new EventInput(events, shown, forced);
                out.add(new Fixture(name, c, List.of(input)));
                everything.add(input);
            }
        }
        if (!everything.isEmpty()) {
            out.add(new Fixture(label + "/ (every rule over every case's events)",
                    Compiler.standard().compile(List.of(folder)), everything));
        }
        return out;
    }

    static List<Fixture> testdataCases() {
        return cases(TestData.dir().resolve("rules"), "testdata");
    }

    static List<Fixture> ruleCases() {
        return cases(TestData.dir().getParent().resolve("rules"), "rules");
    }
}
