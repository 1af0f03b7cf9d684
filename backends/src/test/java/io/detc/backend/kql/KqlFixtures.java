package io.detc.backend.kql;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostics;
import io.detc.pipeline.Pipeline;
import io.detc.pipeline.Pipelines;
import io.detc.rule.Document;
import io.detc.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compiles rules written inline in a test, with chosen pipelines. */
final class KqlFixtures {
    private KqlFixtures() {
    }

    /** Compiles the YAML documents of {@code rules} (one file) and returns the compilation. */
    static Compilation compile(String rules) {
        try {
            Path dir = Files.createTempDirectory("detc-kql");
            Path f = dir.resolve("rule.yml");
            Files.writeString(f, rules, StandardCharsets.UTF_8);
            return Compiler.standard().compile(List.of(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first document of {@code rules} compiled to {@code format} with {@code pipelines}. */
    static Compiled kql(String rules, List<Pipeline> pipelines, String format) {
        Compilation c = compile(rules);
        if (c.hasErrors()) {
            throw new IllegalArgumentException(c.diagnostics().toString());
        }
        Document d = c.documents().get(0);
        return new KqlBackend().compile(c, d, pipelines, format);
    }

    static Compiled kql(String rules) {
        return kql(rules, new KqlBackend().defaultPipelines(), "query");
    }

    static Pipeline pipeline(String yaml) {
        Diagnostics diags = new Diagnostics();
        Pipeline p = Pipelines.parse(new SourceFile("test-pipeline.yml", yaml), diags).orElseThrow(() ->
                new IllegalArgumentException(diags.list().toString()));
        if (diags.hasErrors()) {
            throw new IllegalArgumentException(diags.list().toString());
        }
        return p;
    }

    /** A rule on {@code product/service} with {@code detection} (indented YAML under "detection:"). */
    static String rule(String product, String service, String detection) {
        return "title: t\nid: 7d2f0c1a-5b3e-4c8d-9a6f-00000000aaaa\nstatus: test\nlogsource:\n    product: " + product
                + "\n    service: " + service + "\ndetection:\n" + detection.stripTrailing() + "\nlevel: high\n";
    }
}
