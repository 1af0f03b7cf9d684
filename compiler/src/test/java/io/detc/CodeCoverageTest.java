package io.detc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Code;
import io.detc.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code has a test: it appears in an approved golden (testdata/golden/check, the condition error
 * baseline) or in the named tests below. A new code without a test fails here.
 */
class CodeCoverageTest {
    /** Codes produced by inputs that cannot be committed as files, and the test that covers each. */
    private static final Set<Code> COVERED_ELSEWHERE = EnumSet.of(
            Code.IO_ERROR,        // SourceTest.missingPathIsReported
            Code.NO_RULE_FILES,   // SourceTest.emptyFolderIsReported
            Code.FILE_TOO_LARGE,  // HostileInputTest.fiftyMegabyteFileIsRefusedWithoutReadingIt
            Code.TEST_INVALID,    // EvalCommandTest.invalidTestFileIsReported (golden/cli/test_broken)
            Code.UNSUPPORTED,     // backends (issue 4)
            Code.APPROXIMATED,    // backends (issue 4)
            Code.UNKNOWN_FIELD,   // backends (issue 4)
            Code.NO_TABLE,        // backends (issue 4)
            Code.INTERNAL);       // a bug by definition; CheckCommandTest covers exit code 3 handling

    @Test
    void everyCodeHasATest() throws IOException {
        Set<String> seen = new TreeSet<>();
        Pattern code = Pattern.compile("(?:error|warning)\\[([EW]\\d{3})]");
        for (Path golden : TestData.files("golden/check", ".txt")) {
            Matcher m = code.matcher(Files.readString(golden));
            while (m.find()) {
                seen.add(m.group(1));
            }
        }
        Matcher m = code.matcher(Files.readString(TestData.dir().resolve("conditions/parser_errors.cases")));
        while (m.find()) {
            seen.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>();
        for (Code c : Code.values()) {
            if (!seen.contains(c.id()) && !COVERED_ELSEWHERE.contains(c)) {
                missing.add(c.id() + " " + c.slug());
            }
        }
        assertEquals(Set.of(), missing, "codes with no golden: add a file to testdata/invalid");
    }
}
