package io.detc.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.detc.diag.Diagnostics;
import io.detc.event.LogSourceKey;
import io.detc.run.EventInput;
import io.detc.source.SourceFile;
import io.detc.testcase.TestCase;
import io.detc.testcase.TestFile;
import io.detc.testcase.TestFileReader;
import io.detc.testing.TestData;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The events of every case of some {@code .tests.yml} files as event inputs: a case's events file as it is (shown
 * relative to the project), inline events written to {@code tmp} ({@code <stem>.case<n>.jsonl}); each once.
 */
final class CaseInputs {
    private CaseInputs() {
    }

    static Set<EventInput> of(Iterable<Path> testFiles, Path tmp) throws IOException {
        Set<EventInput> inputs = new LinkedHashSet<>();
        Path root = TestData.dir().getParent();
        for (Path f : testFiles) {
            Diagnostics d = new Diagnostics();
            SourceFile src = new SourceFile(f.toString(), Files.readString(f));
            TestFile tf = TestFileReader.read(f, src, new YamlLoader(YamlLimits.DEFAULT).load(src, d), d)
                    .orElseThrow();
            int n = 0;
            for (TestCase c : tf.cases()) {
                Optional<LogSourceKey> forced = c.source().flatMap(LogSourceKey::parse);
                if (c.eventsFile().isPresent()) {
                    Path p = c.eventsFile().get();
                    inputs.add(new EventInput(p, root.relativize(p.toAbsolutePath().normalize()).toString(),
                            forced));
                } else if (!c.inline().isEmpty()) {
                    Path p = tmp.resolve(TestData.stem(f) + ".case" + (++n) + ".jsonl");
                    StringBuilder b = new StringBuilder();
                    for (JsonNode j : c.inline()) {
                        b.append(j.toString()).append('\n');
                    }
                    Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
                    inputs.add(new EventInput(p, p.getFileName().toString(), forced));
                }
            }
        }
        return inputs;
    }
}
