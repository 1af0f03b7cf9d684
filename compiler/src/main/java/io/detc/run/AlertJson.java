package io.detc.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.detc.correlate.Alert;
import io.detc.correlate.EventRef;
import io.detc.rule.Document;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stable alert format of {@code detc eval}, one JSON object per line, keys in this order: {@code rule} (the
 * id, or the name when there is none, or the title), {@code title}, {@code level}, {@code events} (each
 * {@code {"file", "line"}}), then for correlations {@code group} and {@code window} ({@code start}, {@code end}).
 * Every engine prints exactly this, so outputs compare line for line.
 */
public final class AlertJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AlertJson() {
    }

    public static String line(Alert a) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            Document d = a.source();
            g.writeStartObject();
            g.writeStringField("rule", d.key());
            g.writeStringField("title", d.meta().title());
            g.writeStringField("level", d.meta().level().orElse(""));
            g.writeArrayFieldStart("events");
            for (EventRef e : a.events()) {
                g.writeStartObject();
                g.writeStringField("file", e.file());
                g.writeNumberField("line", e.line());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (a.group().isPresent()) {
                g.writeObjectFieldStart("group");
                for (Map.Entry<String, String> e : a.group().get().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (a.window().isPresent()) {
                g.writeObjectFieldStart("window");
                g.writeStringField("start", a.window().get().start().toString());
                g.writeStringField("end", a.window().get().end().toString());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
