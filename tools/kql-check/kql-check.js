#!/usr/bin/env node
// Checks KQL with Microsoft's own parser and semantic analyser (Kusto.Language, the Bridge.NET build published as
// npm @kusto/language-service-next), so detc's tests prove that every generated query is valid Kusto.
//
// Input (stdin): one JSON object per line, {"id": "...", "query": "..."}.
// Output (stdout): one JSON object per input line, in input order:
//   {"id", "ok", "diagnostics": [{"code", "severity", "message", "start", "length", "text"}]}
//   with --literals also "literals": the decoded value of every string literal of the query, in source order.
// Options:
//   --schema FILE   {"database": "name", "tables": {"Table": [{"name": "Col", "type": "string"}, ...]}}:
//                   run KustoCode.ParseAndAnalyze against these tables, so an unknown table, column or
//                   function is an error. Without it only the syntax is checked (KustoCode.Parse).
//   --literals      report string literal values (the escaper tests compare them with the intended text).
// Exit code: 0 when no query has an error, 1 when some query has one, 2 on bad usage or input.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

const pkg = path.join(__dirname, 'node_modules', '@kusto', 'language-service-next');
if (!fs.existsSync(path.join(pkg, 'Kusto.Language.Bridge.min.js'))) {
    process.stderr.write('kql-check: @kusto/language-service-next is not installed; run `npm ci --prefix tools/kql-check`\n');
    process.exit(2);
}
require(path.join(pkg, 'bridge.min.js'));
require(path.join(pkg, 'Kusto.Language.Bridge.min.js'));
const K = Kusto.Language;

function usage(message) {
    process.stderr.write('kql-check: ' + message + '\nusage: node kql-check.js [--schema FILE] [--literals] < queries.jsonl\n');
    process.exit(2);
}

let schemaFile = null;
let literals = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--schema' && i + 1 < args.length) {
        schemaFile = args[++i];
    } else if (args[i] === '--literals') {
        literals = true;
    } else {
        usage('unknown argument ' + args[i]);
    }
}

// A column name that is not a plain identifier is bracket-quoted in the schema text.
function columnName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "['" + name.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']";
}

let globals = K.GlobalState.Default;
if (schemaFile !== null) {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    const tables = Object.entries(schema.tables).map(([name, columns]) =>
        new K.Symbols.TableSymbol.$ctor7(name,
            '(' + columns.map(c => columnName(c.name) + ':' + c.type).join(', ') + ')', null));
    globals = globals.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor2(schema.database || 'detc', null, tables));
}

function stringLiterals(code) {
    const out = [];
    K.Syntax.SyntaxElement.WalkElements(code.Syntax, e => {
        if (e.IsLiteral && e.LiteralValue !== undefined && typeof e.LiteralValue === 'string'
                && e.Kind === K.Syntax.SyntaxKind.StringLiteralExpression) {
            out.push(e.LiteralValue);
        }
    });
    return out;
}

function check(id, query) {
    const code = schemaFile !== null ? K.KustoCode.ParseAndAnalyze(query, globals) : K.KustoCode.Parse(query, globals);
    const diagnostics = Bridge.toArray(code.GetDiagnostics()).map(d => ({
        code: d.Code,
        severity: d.Severity,
        message: d.Message,
        start: d.Start,
        length: d.Length,
        text: query.substr(d.Start, Math.max(d.Length, 1)),
    }));
    const result = {id, ok: diagnostics.every(d => d.severity !== 'Error'), diagnostics};
    if (literals) {
        result.literals = stringLiterals(code);
    }
    return result;
}

let failed = false;
const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on('line', line => {
    if (line.trim() === '') {
        return;
    }
    let item;
    try {
        item = JSON.parse(line);
    } catch (e) {
        process.stderr.write('kql-check: not a JSON line: ' + line.slice(0, 80) + '\n');
        process.exit(2);
    }
    const result = check(item.id, item.query);
    failed = failed || !result.ok;
    process.stdout.write(JSON.stringify(result) + '\n');
});
lines.on('close', () => { process.exitCode = failed ? 1 : 0; });
