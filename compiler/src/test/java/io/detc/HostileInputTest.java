package io.detc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.diag.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a diagnostic, never a crash or a hang. Large inputs are generated here, not committed. */
class HostileInputTest {
    @TempDir
    Path tmp;

    private List<String> codes(Path file) {
        Compilation c = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Compiler.standard().compile(List.of(file)));
        return c.diagnostics().stream().map(d -> d.code().id()).distinct().collect(Collectors.toList());
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = tmp.resolve("big.yml");
        byte[] line = "title: x\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50 * 1024 * 1024 / line.length + 1; i++) {
                out.write(line);
            }
        }
        assertEquals(List.of("E003"), codes(big));
    }

    @Test
    void tenThousandDeepNestingIsALimitNotAStackOverflow() throws IOException {
        Path deep = tmp.resolve("deep.yml");
        Files.writeString(deep, "title: deep\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertEquals(List.of("E102"), codes(deep));
        Path deepMaps = tmp.resolve("deep-maps.yml");
        Files.writeString(deepMaps, "title: deep\nx: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
        assertEquals(List.of("E102"), codes(deepMaps));
        Path deepBlock = tmp.resolve("deep-block.yml");
        StringBuilder b = new StringBuilder("title: deep\n");
        for (int i = 0; i < 1_000; i++) {
            b.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Files.writeString(deepBlock, b);
        assertEquals(List.of("E102"), codes(deepBlock));
    }

    @Test
    void aliasBombIsALimit() throws IOException {
        Path bomb = tmp.resolve("bomb.yml");
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            b.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Files.writeString(bomb, b);
        assertEquals(List.of("E102"), codes(bomb));
    }

    @Test
    void binaryAndInvalidUtf8AreReported() throws IOException {
        Path bin = tmp.resolve("x.yml");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        assertEquals(List.of("E002"), codes(bin));
        Path latin = tmp.resolve("latin.yml");
        Files.write(latin, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("E002"), codes(latin));
    }

    @Test
    void conditionWithTenThousandTermsChecksQuickly() throws IOException {
        Path rule = tmp.resolve("many.yml");
        StringBuilder b = new StringBuilder("title: many\nlogsource:\n    product: okta\ndetection:\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("    s").append(i).append(":\n        eventType: e").append(i).append('\n');
        }
        b.append("    condition: ");
        for (int i = 0; i < 10_000; i++) {
            b.append(i == 0 ? "" : (i % 2 == 0 ? " or " : " and ")).append("s").append(i);
        }
        b.append('\n');
        Files.writeString(rule, b);
        Compilation c = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Compiler.standard().compile(List.of(rule)));
        assertEquals(List.of(), c.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertEquals(1, c.lowered().size());
    }

    @Test
    void controlCharactersAndHostileStringsDoNotBreakRendering() throws IOException {
        Path rule = tmp.resolve("ctl.yml");
        Files.writeString(rule, "title: \"a\\u0007b\\u001b[31m\"\nlogsource:\n    product: okta\ndetection:\n"
                + "    selection:\n        eventType|re: \"\\u001b(\"\n    condition: selection\n");
        List<String> codes = codes(rule);
        assertEquals(List.of("E308"), codes);
    }
}
