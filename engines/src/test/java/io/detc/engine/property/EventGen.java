package io.detc.engine.property;

import static io.detc.engine.property.Pool.chance;
import static io.detc.engine.property.Pool.pick;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random events over {@link Pool#FIELDS}: each field present or not, mostly of its usual type and sometimes of
 * another (null, a number as a string, an array, an object), dotted fields nested or as flat keys, and a
 * {@code published} time within three hours (ties included) so correlation windows matter.
 */
public final class EventGen {
    /** The start of the generated time range. */
    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final SplittableRandom r;

    public EventGen(SplittableRandom r) {
        this.r = r;
    }

    /** Between {@code min} and {@code max} events. */
    public List<Json.Obj> events(int min, int max) {
        List<Json.Obj> out = new ArrayList<>();
        int n = min + r.nextInt(max - min + 1);
        long seconds = 0;
        for (int i = 0; i < n; i++) {
            // mostly forward in small steps (bursts inside a window), sometimes a tie or a step back (out of order)
            int step = r.nextInt(10);
            seconds = Math.max(0, seconds + (step < 2 ? 0 : step < 8 ? 30 + r.nextInt(600) : -r.nextInt(900)));
            out.add(event(START.plusSeconds(seconds)));
        }
        return out;
    }

    /** One event at about {@code time}. */
    public Json.Obj event(Instant time) {
        List<Json.Member> m = new ArrayList<>();
        if (!chance(r, 0.03)) {
            m.add(new Json.Member("published", new Json.Str(chance(r, 0.02) ? "yesterday" : timestamp(time))));
        }
        if (!chance(r, 0.1)) {
            m.add(new Json.Member("user", chance(r, 0.85) ? new Json.Str(pick(r, Pool.USERS)) : any()));
        }
        maybe(m, "name", () -> text());
        maybe(m, "cmd", this::cmd);
        maybe(m, "ip", () -> new Json.Str(pick(r, Pool.IPS)));
        maybe(m, "count", this::count);
        maybe(m, "flag", this::flag);
        if (chance(r, 0.6)) {
            List<Json.Member> actor = new ArrayList<>();
            if (chance(r, 0.8)) {
                actor.add(new Json.Member("id", chance(r, 0.8) ? new Json.Str(pick(r, Pool.USERS)) : any()));
            }
            if (chance(r, 0.6)) {
                actor.add(new Json.Member("name", text()));
            }
            if (chance(r, 0.7)) {
                m.add(new Json.Member("actor", new Json.Obj(actor)));
            } else {
                // the exporter's flat form: {"actor.id": ...}, read like the nested one
                actor.forEach(a -> m.add(new Json.Member("actor." + a.key(), a.value())));
            }
        }
        maybe(m, "tags", this::tags);
        maybe(m, "targets", this::targets);
        maybe(m, "note", this::any);
        if (chance(r, 0.3)) {
            m.add(new Json.Member(pick(r, Pool.ODD_FIELDS), chance(r, 0.8) ? text() : any()));
        }
        return new Json.Obj(m);
    }

    private void maybe(List<Json.Member> m, String key, java.util.function.Supplier<Json> value) {
        if (chance(r, 0.5)) {
            m.add(new Json.Member(key, chance(r, 0.12) ? any() : value.get()));
        }
    }

    private String timestamp(Instant t) {
        int form = r.nextInt(4);
        if (form == 0) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(t);
        }
        if (form == 1) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.ofHours(2)).format(t);
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(t);
    }

    private Json text() {
        int k = r.nextInt(20);
        return new Json.Str(k == 0 ? pick(r, Pool.EVENT_ONLY) : k < 4 ? pick(r, Pool.USERS) : pick(r, Pool.STRINGS));
    }

    private Json cmd() {
        int k = r.nextInt(4);
        if (k == 0) {
            return new Json.Str("cmd " + pick(r, Pool.DASHES) + "enc " + pick(r, Pool.STRINGS));
        }
        if (k == 1) {
            // base64 of a pool string inside other text, at every offset mod 3 (for base64offset)
            String pad = "xyz".substring(0, r.nextInt(3));
            return new Json.Str("run " + Pool.base64(pad + pick(r, Pool.STRINGS)) + " now");
        }
        return text();
    }

    private Json count() {
        int k = r.nextInt(10);
        if (k < 6) {
            return new Json.Num(Pool.number(r));
        }
        return new Json.Str(pick(r, List.of("42", "042", "4.5", " 42", "1e3", "-7", "100", "0x10", "")));
    }

    private Json flag() {
        int k = r.nextInt(10);
        if (k < 7) {
            return new Json.Bool(r.nextBoolean());
        }
        return k < 9 ? new Json.Str(pick(r, List.of("true", "TRUE", "false", "yes"))) : new Json.Num("1");
    }

    private Json tags() {
        List<Json> items = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            items.add(k == 0 ? new Json.Null() : k == 1 ? new Json.Arr(List.of(text())) : text());
        }
        return new Json.Arr(items);
    }

    private Json targets() {
        List<Json> items = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<Json.Member> t = new ArrayList<>();
            if (chance(r, 0.85)) {
                t.add(new Json.Member("type", new Json.Str(pick(r, List.of("User", "AppInstance", "user")))));
            }
            if (chance(r, 0.85)) {
                t.add(new Json.Member("name", text()));
            }
            items.add(new Json.Obj(t));
        }
        // a single object where an array is usual: paths read it the same way
        return items.size() == 1 && chance(r, 0.3) ? items.get(0) : new Json.Arr(items);
    }

    /** A value of any type. */
    Json any() {
        return switch (r.nextInt(7)) {
            case 0 -> new Json.Null();
            case 1 -> new Json.Num(Pool.number(r));
            case 2 -> new Json.Bool(r.nextBoolean());
            case 3 -> new Json.Arr(List.of(text(), new Json.Num(Pool.number(r))));
            case 4 -> new Json.Obj(List.of(new Json.Member("x", text())));
            case 5 -> new Json.Arr(List.of());
            default -> text();
        };
    }
}
