package io.detc.testcase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.FieldResolver;
import io.detc.source.SourceReader;
import io.detc.testing.TestData;
import io.detc.yaml.YamlLimits;
import io.detc.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule in testdata/rules has declared cases ({@code <rule>.tests.yml}) and every case passes on the
 * reference evaluator: the conformance suite for modifiers, conditions and every correlation type.
 */
class TestdataCasesTest {
    @Test
    void everyTestdataRuleHasPassingCases() {
        Path rules = TestData.dir().resolve("rules");
        Compilation c = Compiler.standard().compile(List.of(rules));
        assertFalse(c.hasErrors());
        Diagnostics diags = new Diagnostics();
        List<TestFile> files = new ArrayList<>();
        SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
        YamlLoader yaml = new YamlLoader(YamlLimits.DEFAULT);
        for (Path t : TestFiles.discover(List.of(rules))) {
            reader.read(t, t.toString(), diags).ifPresent(src ->
                    TestFileReader.read(t, src, yaml.load(src, diags), diags).ifPresent(files::add));
        }
        assertEquals(List.of(), diags.list());
        assertEquals(List.of(), TestFiles.untestedRules(c, files), "rule files without test cases");
        TestRunner runner = new TestRunner(c, FieldResolver.standard());
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (TestFile f : files) {
            for (TestCase tc : f.cases()) {
                cases++;
                CaseResult r = runner.run(f, tc);
                if (!r.passed()) {
                    failures.add(f.ruleFile().getFileName() + " > " + tc.name() + ": " + r.failure());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(cases >= 70, "expected the full conformance suite, ran " + cases);
    }
}
