package io.detc.backend.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The painless scripts of detc's OpenSearch queries. Each source is a constant: everything a rule contributes
 * (field names, operators, numbers) is a script parameter, never part of the source, so no rule text can change
 * what a script does, and OpenSearch compiles each source once (its script compilation rate limit counts sources,
 * not uses). They need the lang-painless module, which every OpenSearch distribution ships.
 */
final class OsScripts {
    private OsScripts() {
    }

    /**
     * {@code fieldref}: some value of {@code params.field} equals (starts with, ends with, contains:
     * {@code params.op}) some value of {@code params.other}, ignoring case unless {@code params.cased} with detc's
     * per-code-point folding ({@code toLowerCase(toUpperCase(c))}; painless has only the {@code char} forms, so
     * letters beyond the Basic Multilingual Plane are not folded). Values are the keyword doc values: every value
     * of the field, arrays and all.
     */
    static final String FIELDREF = """
            String fold(String s) {
              StringBuilder b = new StringBuilder();
              int i = 0;
              while (i < s.length()) {
                int cp = s.codePointAt(i);
                if (cp < 65536) {
                  b.appendCodePoint((int) Character.toLowerCase(Character.toUpperCase((char) cp)));
                } else {
                  b.appendCodePoint(cp);
                }
                i += Character.charCount(cp);
              }
              return b.toString();
            }
            if (!doc.containsKey(params.field) || !doc.containsKey(params.other)) {
              return false;
            }
            def xs = doc[params.field];
            def ys = doc[params.other];
            for (int i = 0; i < xs.size(); i++) {
              String a = params.cased ? xs.get(i) : fold(xs.get(i));
              for (int j = 0; j < ys.size(); j++) {
                String b = params.cased ? ys.get(j) : fold(ys.get(j));
                boolean r;
                if (params.op == 'equals') {
                  r = a.equals(b);
                } else if (params.op == 'startswith') {
                  r = a.startsWith(b);
                } else if (params.op == 'endswith') {
                  r = a.endsWith(b);
                } else {
                  r = a.contains(b);
                }
                if (r) {
                  return true;
                }
              }
            }
            return false;
            """;

    /**
     * Time parts: some value of {@code params.field} is a timestamp string whose {@code params.unit} compares
     * ({@code params.op}) with {@code params.value}, read as written (no time zone conversion). A port of the
     * evaluator's {@code Timestamps}: the same accepted forms, ISO weeks, dates that must exist.
     */
    static final String TIME_PART = """
            int num(String s, int from, int len) {
              if (from < 0 || from + len > s.length()) {
                return -1;
              }
              int x = 0;
              for (int i = from; i < from + len; i++) {
                char c = s.charAt(i);
                if (c < (char) '0' || c > (char) '9') {
                  return -1;
                }
                x = x * 10 + (c - (char) '0');
              }
              return x;
            }
            long fdiv(long a, long b) {
              long q = a / b;
              return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
            }
            boolean leap(int y) {
              return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            }
            int daysBefore(int y, int m) {
              int[] before = new int[] {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
              return before[m - 1] + (m > 2 && leap(y) ? 1 : 0);
            }
            int daysIn(int y, int m) {
              int[] days = new int[] {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
              return m == 2 && leap(y) ? 29 : days[m - 1];
            }
            long epochDay(int y, int m, int d) {
              long yy = y - 1;
              return 365L * yy + fdiv(yy, 4L) - fdiv(yy, 100L) + fdiv(yy, 400L)
                  + daysBefore(y, m) + d;
            }
            int weekday(int y, int m, int d) {
              long days = epochDay(y, m, d) - epochDay(2000, 1, 3);
              return (int) (days - fdiv(days, 7L) * 7L) + 1;
            }
            int weeksIn(int y) {
              int jan1 = weekday(y, 1, 1);
              return jan1 == 4 || (leap(y) && jan1 == 3) ? 53 : 52;
            }
            int isoWeek(int y, int m, int d) {
              int week = (daysBefore(y, m) + d - weekday(y, m, d) + 10) / 7;
              if (week < 1) {
                return weeksIn(y - 1);
              }
              return week > weeksIn(y) ? 1 : week;
            }
            boolean restValid(String s, int from) {
              int n = s.length();
              int i = from;
              if (i < n && s.charAt(i) == (char) ':') {
                int second = num(s, i + 1, 2);
                if (second < 0 || second > 60) {
                  return false;
                }
                i += 3;
                if (i < n && (s.charAt(i) == (char) '.' || s.charAt(i) == (char) ',')) {
                  i++;
                  int start = i;
                  while (i < n && s.charAt(i) >= (char) '0' && s.charAt(i) <= (char) '9') {
                    i++;
                  }
                  if (i == start) {
                    return false;
                  }
                }
              }
              if (i == n) {
                return true;
              }
              char z = s.charAt(i);
              if (z == (char) 'Z' || z == (char) 'z') {
                return i + 1 == n;
              }
              if (z != (char) '+' && z != (char) '-') {
                return false;
              }
              int hh = num(s, i + 1, 2);
              if (hh < 0 || hh > 23) {
                return false;
              }
              i += 3;
              if (i == n) {
                return true;
              }
              if (s.charAt(i) == (char) ':') {
                i++;
              }
              int mm = num(s, i, 2);
              return mm >= 0 && mm <= 59 && i + 2 == n;
            }
            int part(String s, String unit) {
              int n = s.length();
              if (n < 10 || s.charAt(4) != (char) '-' || s.charAt(7) != (char) '-') {
                return -1;
              }
              int year = num(s, 0, 4);
              int month = num(s, 5, 2);
              int day = num(s, 8, 2);
              if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
                return -1;
              }
              int hour = -1;
              int minute = -1;
              if (n > 10) {
                char sep = s.charAt(10);
                if ((sep != (char) 'T' && sep != (char) 't' && sep != (char) ' ') || n < 16
                    || s.charAt(13) != (char) ':') {
                  return -1;
                }
                hour = num(s, 11, 2);
                minute = num(s, 14, 2);
                if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !restValid(s, 16)) {
                  return -1;
                }
              }
              if (unit == 'minute') {
                return minute;
              } else if (unit == 'hour') {
                return hour;
              } else if (unit == 'day') {
                return day;
              } else if (unit == 'week') {
                return isoWeek(year, month, day);
              } else if (unit == 'month') {
                return month;
              }
              return year;
            }
            if (!doc.containsKey(params.field)) {
              return false;
            }
            def vs = doc[params.field];
            int v = params.value;
            for (int k = 0; k < vs.size(); k++) {
              int p = part(vs.get(k), params.unit);
              if (p < 0) {
                continue;
              }
              boolean ok;
              if (params.op == 'eq') {
                ok = p == v;
              } else if (params.op == 'lt') {
                ok = p < v;
              } else if (params.op == 'lte') {
                ok = p <= v;
              } else if (params.op == 'gt') {
                ok = p > v;
              } else {
                ok = p >= v;
              }
              if (ok) {
                return true;
              }
            }
            return false;
            """;

    /**
     * A correlation's condition on one bucket (bucket_selector, and the bucket-level monitor's trigger). The
     * measure is {@code params.m} (the count, or the metric the buckets_path names), or, with
     * {@code params.rules > 0}, the number of rules {@code r0, r1, ...} with at least one event in the bucket
     * (temporal); with {@code params.need} the bucket also needs {@code params.n > 0} numbers (a sum of no numbers
     * is no measure); with {@code params.ordered} the first rule's earliest time {@code params.a} must be before the
     * second's latest {@code params.b}. Every comparison {@code params.ops[i]} against {@code params.values[i]}
     * must hold.
     */
    static final String CONDITION = """
            double m;
            if (params.rules > 0) {
              m = 0;
              for (int i = 0; i < params.rules; i++) {
                if (params['r' + i] > 0) {
                  m += 1;
                }
              }
            } else {
              if (params.need && params.n <= 0) {
                return false;
              }
              m = params.m;
            }
            if (params.ordered && !(params.a < params.b)) {
              return false;
            }
            for (int i = 0; i < params.ops.size(); i++) {
              String op = params.ops.get(i);
              double v = params.values.get(i);
              boolean ok;
              if (op == 'gt') {
                ok = m > v;
              } else if (op == 'gte') {
                ok = m >= v;
              } else if (op == 'lt') {
                ok = m < v;
              } else if (op == 'lte') {
                ok = m <= v;
              } else if (op == 'eq') {
                ok = m == v;
              } else {
                ok = m != v;
              }
              if (!ok) {
                return false;
              }
            }
            return true;
            """;

    /** A {@code script} object: painless, the given source and parameters. */
    static ObjectNode script(String source, ObjectNode params) {
        ObjectNode s = Bool.F.objectNode();
        s.put("source", source);
        s.put("lang", "painless");
        s.set("params", params);
        return s;
    }

    /** A {@code script} query. */
    static ObjectNode query(String source, ObjectNode params) {
        ObjectNode q = Bool.F.objectNode();
        q.putObject("script").set("script", script(source, params));
        return q;
    }
}
