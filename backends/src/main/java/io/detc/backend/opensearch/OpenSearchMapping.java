package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The index mapping detc's OpenSearch queries are written for (schema {@code detc}): dynamic, every scalar (string,
 * number, boolean) a plain {@code keyword} holding its text (no normalizer: case-insensitive matching is the query's
 * {@code case_insensitive}, so {@code cased} stays exact), with a {@code .num} double and an {@code .ip} sub-field
 * (both {@code ignore_malformed}) for number and network tests, and every string copied to {@link #KEYWORDS_FIELD}
 * for Sigma keywords. Objects and arrays stay objects (arrays of objects are flattened, which is Sigma's
 * independent-item semantics). Extra properties (the tests' {@code detc_file}, {@code detc_line}) can be added.
 */
public final class OpenSearchMapping {
    public static final String KEYWORDS_FIELD = "detc_keywords";
    public static final String NUM_SUFFIX = ".num";
    public static final String IP_SUFFIX = ".ip";
    public static final String DATE_SUFFIX = ".date";
    /** The exports' time fields (Okta published, Entra time): they also get a {@code .date} sub-field. */
    public static final java.util.List<String> TIME_FIELDS = java.util.List.of("published", "time");

    private OpenSearchMapping() {
    }

    /** The {@code mappings} object of a create-index request. */
    public static ObjectNode mappings() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode m = f.objectNode();
        m.put("dynamic", true);
        m.put("date_detection", false);
        m.put("numeric_detection", false);
        ArrayNode templates = m.putArray("dynamic_templates");
        for (String tf : TIME_FIELDS) {
            ObjectNode t = template("string", true);
            t.put("match", tf);
            ((ObjectNode) t.get("mapping").get("fields")).putObject(DATE_SUFFIX.substring(1)).put("type", "date")
                    .put("ignore_malformed", true);
            templates.addObject().set("time_" + tf, t);
        }
        templates.addObject().set("strings", template("string", true));
        templates.addObject().set("longs", template("long", false));
        templates.addObject().set("doubles", template("double", false));
        templates.addObject().set("booleans", template("boolean", false));
        ObjectNode props = m.putObject("properties");
        props.putObject(KEYWORDS_FIELD).put("type", "keyword");
        return m;
    }

    private static ObjectNode template(String jsonType, boolean keywords) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode t = f.objectNode();
        t.put("match_mapping_type", jsonType);
        ObjectNode mapping = t.putObject("mapping");
        mapping.put("type", "keyword");
        if (keywords) {
            mapping.put("copy_to", KEYWORDS_FIELD);
        }
        ObjectNode fields = mapping.putObject("fields");
        fields.putObject(NUM_SUFFIX.substring(1)).put("type", "double").put("ignore_malformed", true);
        fields.putObject(IP_SUFFIX.substring(1)).put("type", "ip").put("ignore_malformed", true);
        return t;
    }
}
