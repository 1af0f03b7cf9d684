/**
 * The KQL backend (Microsoft Sentinel): lowered rules and correlations to Kusto queries with the meaning of
 * docs/semantics.md, and to Sentinel scheduled analytic rules.
 *
 * <h2>Pipeline and schema</h2>
 * {@link io.detc.backend.kql.KqlBackend} runs the pipelines ({@code sentinel-okta} and {@code sentinel-entra} by
 * default, {@code sentinel-okta-legacy} for Okta_CL; resources {@code pipelines/sentinel-*.yml}) over each rule:
 * {@code set_state query_table} names the table (none: E404), field mappings turn rule names into column paths.
 * {@link io.detc.backend.kql.SentinelSchema} ({@code kql/sentinel-tables.yml}) types every column, marks strings
 * holding JSON and the arrays inside structured columns; a path whose column does not exist is E403 with a
 * did-you-mean hint over the columns and the rule names the pipelines map.
 *
 * <h2>Rendering (what each test becomes)</h2>
 * <ul>
 *   <li>Strings: {@code =~}/{@code ==}, {@code contains}/{@code startswith}/{@code endswith} (with {@code _cs} for
 *       {@code cased}), never {@code has} (term matching is not substring matching); other wildcards become an
 *       anchored RE2 regex with {@code (?s)} so {@code *} and {@code ?} cross line breaks, {@code ?} one code point.
 *       Regexes keep their own syntax (Kusto runs RE2) with {@code (?i)(?m)(?s)} for the flags.</li>
 *   <li>Dynamic values are type-checked: only strings, numbers and booleans have text ({@code detc_text}); only
 *       JSON numbers and number strings are numbers ({@code detc_dnum}); {@code null} is no value or an array of
 *       nulls ({@code detc_no_value}); {@code exists} tests the parent object's keys ({@code bag_keys}), so a key
 *       holding null is present.</li>
 *   <li>Arrays the schema declares are expanded with {@code mv-apply}; a test on a path through them counts the
 *       passing elements ({@code countif}), so plain items may be met by different elements and {@code |element}
 *       groups by one. JSON strings are parsed with {@code parse_json}, never substring-matched.</li>
 *   <li>Numbers on string columns compare as decimals after the semantics' strict number syntax ({@code detc_num});
 *       booleans match the bool or its text; {@code cidr} checks detc's address syntax before
 *       {@code ipv4_is_in_range} (IPv4 networks, also for IPv4-mapped IPv6 text via {@code ipv6_is_in_range}) or
 *       {@code ipv6_is_in_range} (IPv6 networks only); time parts of timestamp strings are read in their own
 *       offset ({@code detc_time_part}).</li>
 *   <li>Every leaf is total (never null), so {@code not} is plain negation and {@code neq}/{@code not} match rows
 *       without the field, as the semantics require.</li>
 * </ul>
 *
 * <h2>Declared approximations (W402, fidelity "approximated")</h2>
 * <ul>
 *   <li>A typed string column cannot be null: a missing value is stored as "". Declared where it changes the
 *       answer: {@code null} (also matches ""), {@code exists} on a column, {@code field: ''}, {@code '*'}
 *       (rendered as non-empty), a regex that matches "", field references (an empty side counts as missing).</li>
 *   <li>Datetime columns are UTC and re-formatted by Kusto: time parts are read in UTC, string tests see Kusto's
 *       format. Real and guid columns are matched as Kusto writes them.</li>
 *   <li>Keywords search every string column and the JSON text of dynamic columns (keys and escapes included),
 *       not datetime or number columns.</li>
 *   <li>Silence measures a group's trailing silence up to the newest TimeGenerated of its tables.</li>
 *   <li>Correlation group-by and value fields through an array read its first element.</li>
 * </ul>
 *
 * <h2>Known differences not declared per rule (the target's, not the rule's)</h2>
 * <ul>
 *   <li>Case-insensitive operators fold case as Kusto does (.NET ordinal ignore-case, RE2 folding for regexes);
 *       the semantics use Java's per-code-point rule. They differ only for a few compatibility characters
 *       (Kelvin sign, dotted capital I, Ohm and Angstrom signs, capital sharp s, some Greek symbols).</li>
 *   <li>Kusto stores JSON strings it recognises as datetime, guid or numbers under those types inside dynamic
 *       values; their text is then Kusto's canonical form.</li>
 *   <li>Decimal arithmetic (sums, averages) uses Kusto's 128-bit decimal, the evaluator Java's BigDecimal with
 *       16 significant digits for averages; numbers with more than 15 significant digits compare as doubles where
 *       a column is real.</li>
 * </ul>
 *
 * <h2>Correlations</h2>
 * {@link io.detc.backend.kql.KqlCorrelationQuery}: exact sliding windows through a self-join on the group (no
 * fixed bins), one firing per run through {@code prev()}, absence with windows on both sides of the anchor,
 * silence gaps, and chains; see its Javadoc.
 */
package io.detc.backend.kql;
