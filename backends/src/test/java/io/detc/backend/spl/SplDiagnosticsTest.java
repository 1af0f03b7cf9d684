package io.detc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detc.Compilation;
import io.detc.backend.Compiled;
import io.detc.diag.Diagnostic;
import io.detc.rule.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SPL backend refuses (E401), cannot place (E404) or cannot find (E403, with did-you-mean), and where. */
class SplDiagnosticsTest {
    @TempDir
    Path dir;

    private Compiled compile(String detection, String logsource) throws IOException {
        Path rule = dir.resolve("r.yml");
        Files.writeString(rule, "title: t\nid: 7d2f0c1a-5b3e-4c8d-9a6f-00000000ffff\nstatus: test\nlogsource:\n"
                + logsource + "detection:\n" + detection + "level: low\n");
        Compilation c = io.detc.Compiler.standard().compile(List.of(rule));
        assertEquals(0, c.errorCount(), c.diagnostics().toString());
        Document d = c.documents().get(0);
        SplBackend spl = new SplBackend();
        return spl.compile(c, d, spl.defaultPipelines(), "query");
    }

    private static final String OKTA = "    product: okta\n    service: okta\n";

    @Test
    void unknownFieldIsE403WithDidYouMean() throws IOException {
        Compiled c = compile("    sel:\n        actor.alternateID: x\n    condition: sel\n", OKTA);
        Diagnostic d = only(c, "E403");
        assertTrue(d.message().contains("'actor.alternateID'") && d.message().contains("OktaIM2:log"), d.message());
        assertEquals("did you mean 'actor.alternateId'?", d.hint());
        assertEquals(9, d.span().line());
        assertTrue(c.text().isEmpty());
    }

    @Test
    void unknownFieldInsideAnElementIsE403() throws IOException {
        Compiled c = compile("    sel:\n        target|element:\n            typ: User\n    condition: sel\n", OKTA);
        assertEquals("did you mean 'type'?", only(c, "E403").hint());
    }

    @Test
    void logsourceWithoutSourcetypeIsE404() throws IOException {
        Compiled c = compile("    sel:\n        Image: x\n    condition: sel\n",
                "    product: windows\n    category: process_creation\n");
        assertTrue(only(c, "E404").message().contains("product=windows"));
        assertEquals("unsupported", c.fidelity().label());
    }

    @Test
    void prefixFieldrefBetweenMultivalueFieldsIsE401() throws IOException {
        Compiled c = compile("    sel:\n        actor.id|fieldref|startswith: target.id\n    condition: sel\n", OKTA);
        assertTrue(only(c, "E401").message().contains("target{}.id"));
    }

    @Test
    void elementInsideElementIsE401() throws IOException {
        Compiled c = compile("    sel:\n        target|element:\n            detailEntry|element:\n"
                + "                x: y\n    condition: sel\n", OKTA);
        assertTrue(only(c, "E401").message().contains("same-element group inside another"));
    }

    @Test
    void elementOverAnArrayQueriesEachObjectElement() throws IOException {
        Compiled c = compile("    sel:\n        target|element:\n            type: AppInstance\n"
                + "            displayName|contains: Salesforce\n    condition: sel\n", OKTA);
        String q = c.text().orElseThrow();
        assertEquals(List.of(), SplLexicalCheck.problems(q));
        assertTrue(q.contains("| eval detc_el1=mvappend(spath(_raw, \"target\"), spath(_raw, \"target{}\")"), q);
        assertEquals("exact", c.fidelity().label());
    }

    @Test
    void nullOnAFieldMappedToTwoPathsNeedsBothEmpty() throws IOException {
        // Audit 'Status' maps to properties.result and properties.resultReason: null means neither has a value.
        Compiled c = compile("    sel:\n        Status: null\n    condition: sel\n",
                "    product: azure\n    service: auditlogs\n");
        String q = c.text().orElseThrow();
        SplModel model = new SplModel(false, 0);
        String one = "{\"category\": \"AuditLogs\", \"properties\": {\"result\": \"success\"}}";
        String none = "{\"category\": \"AuditLogs\", \"properties\": {\"id\": \"x\"}}";
        assertEquals(0, model.run(q, List.of(new SplModel.Event(one, 0, 1, "azure:monitor:aad"))).size(), q);
        assertEquals(1, model.run(q, List.of(new SplModel.Event(none, 0, 1, "azure:monitor:aad"))).size(), q);
    }

    private static Diagnostic only(Compiled c, String code) {
        List<Diagnostic> ds = c.diagnostics().stream().filter(d -> d.code().id().equals(code)).toList();
        assertEquals(1, ds.size(), c.diagnostics().toString());
        return ds.get(0);
    }
}
