package io.detc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.diag.Diagnostic;
import io.detc.source.SourceFile;
import io.detc.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File discovery and positions. */
class SourceTest {
    @TempDir
    Path tmp;

    @Test
    void missingPathIsReported() {
        Compilation c = Compiler.standard().compile(List.of(tmp.resolve("nope.yml")));
        assertEquals(List.of("E001"), c.diagnostics().stream().map(d -> d.code().id()).toList());
    }

    @Test
    void emptyFolderIsReported() {
        Compilation c = Compiler.standard().compile(List.of(tmp));
        assertEquals(List.of("W004"), c.diagnostics().stream().map(d -> d.code().id()).toList());
    }

    @Test
    void foldersAreWalkedRecursivelyForYmlAndYamlOnly() throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        String rule = "title: t\nlogsource:\n    product: okta\ndetection:\n    s:\n        x: 1\n    condition: s\n";
        Files.writeString(tmp.resolve("a/b/one.yml"), rule);
        Files.writeString(tmp.resolve("a/two.yaml"), rule);
        Files.writeString(tmp.resolve("a/notes.txt"), "not a rule");
        Compilation c = Compiler.standard().compile(List.of(tmp));
        assertEquals(List.of(), c.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals(2, c.files().size());
    }

    @Test
    void positionsAreOneBasedAndHandleCrLf() {
        SourceFile f = new SourceFile("x", "ab\r\ncd\nef");
        assertEquals(3, f.lineCount());
        assertEquals("cd", f.line(2));
        assertEquals(2, f.position(4).line());
        assertEquals(1, f.position(4).column());
        assertEquals(new Span(f, 3, 2, 0).start(), f.position(8));
    }
}
