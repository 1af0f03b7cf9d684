package io.detc.engine;

import io.detc.Compilation;
import io.detc.Compiler;
import io.detc.backend.Compiled;
import io.detc.backend.sql.SqlBackend;
import io.detc.rule.Document;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Development aid: prints the SQL of -Ddump=path for -Ddump.dialect. */
class DumpSql {
    @Test
    void dump() {
        String path = System.getProperty("dump", "");
        if (path.isEmpty()) {
            return;
        }
        SqlBackend b = SqlBackend.forDialect(System.getProperty("dump.dialect", "duckdb")).orElseThrow();
        Compilation c = Compiler.standard().compile(List.of(Path.of(path)));
        for (Document d : c.documents()) {
            Compiled r = b.compile(c, d, b.defaultPipelines(), "query");
            System.out.println(r.text().orElse("-- none: " + r.diagnostics()));
            System.out.println(";");
        }
    }
}
