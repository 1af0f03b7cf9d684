package io.detc.event;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the timestamp forms identity-provider exports carry, without regular expressions or exceptions on the hot
 * path (this runs once per event).
 *
 * <p>Accepted forms (every field checked for range, February 29 only in leap years):
 * <ul>
 *   <li>ISO-8601 / RFC 3339: {@code 2024-03-07T11:47:00.6442361Z} — 0 to 9 fractional digits (Okta writes 3,
 *       Entra 7); zone {@code Z}, {@code +02:00}, {@code +0200} or {@code +02}; no zone means UTC.</li>
 *   <li>The same with a space instead of {@code T}: {@code 2022-12-13 15:22:58.759} (Panther and SQL-style
 *       exports); no zone means UTC.</li>
 *   <li>US month/day form seen in Entra risk-event exports: {@code 3/24/2022 2:42:35 PM} (UTC; AM/PM optional,
 *       24-hour clock without it).</li>
 * </ul>
 * Anything else, including leap seconds ({@code :60}), is empty: a wrong time is worse than none.
 */
public final class Timestamps {
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Timestamps() {
    }

    /** The instant {@code text} denotes, or empty when it is none of the accepted forms. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.length() >= 19 && s.charAt(4) == '-') {
            return iso(s);
        }
        if (s.indexOf('/') > 0) {
            return usForm(s);
        }
        return Optional.empty();
    }

    private static Optional<Instant> iso(String s) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        char sep = s.charAt(10);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (s.charAt(7) != '-' || (sep != 'T' && sep != 't' && sep != ' ') || s.charAt(13) != ':'
                || s.charAt(16) != ':' || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        int i = 19;
        int nanos = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int n = i - start;
            if (n == 0 || n > 9) {
                return Optional.empty();
            }
            for (int k = n; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = zone(s, i);
        if (offset == Integer.MIN_VALUE) {
            return Optional.empty();
        }
        return instant(year, month, day, hour, minute, second, nanos, offset);
    }

    /** The zone offset in seconds at {@code i} (which must run to the end), or MIN_VALUE when malformed. */
    private static int zone(String s, int i) {
        int n = s.length() - i;
        if (n == 0) {
            return 0; // no zone: UTC, as every export without one means
        }
        char c = s.charAt(i);
        if (n == 1 && (c == 'Z' || c == 'z')) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return Integer.MIN_VALUE;
        }
        int h;
        int m;
        if (n == 3) {
            h = digits(s, i + 1, 2);
            m = 0;
        } else if (n == 5) {
            h = digits(s, i + 1, 2);
            m = digits(s, i + 3, 2);
        } else if (n == 6 && s.charAt(i + 3) == ':') {
            h = digits(s, i + 1, 2);
            m = digits(s, i + 4, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (h < 0 || m < 0 || h > 18 || m > 59) {
            return Integer.MIN_VALUE;
        }
        int secs = h * 3600 + m * 60;
        return c == '-' ? -secs : secs;
    }

    /** {@code M/D/YYYY h:mm:ss[ AM|PM]}. */
    private static Optional<Instant> usForm(String s) {
        int[] pos = {0};
        int month = number(s, pos, 2, '/');
        int day = number(s, pos, 2, '/');
        int year = number(s, pos, 4, ' ');
        int hour = number(s, pos, 2, ':');
        int minute = number(s, pos, 2, ':');
        if (month < 0 || day < 0 || year < 1000 || hour < 0 || minute < 0) {
            return Optional.empty();
        }
        int i = pos[0];
        int second = digits(s, i, 2);
        if (second < 0) {
            return Optional.empty();
        }
        i += 2;
        String rest = s.substring(i).trim();
        if (rest.equalsIgnoreCase("AM") || rest.equalsIgnoreCase("PM")) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (rest.equalsIgnoreCase("PM") ? 12 : 0);
        } else if (!rest.isEmpty()) {
            return Optional.empty();
        }
        return instant(year, month, day, hour, minute, second, 0, 0);
    }

    /** Reads 1..max digits at pos[0] followed by {@code end}; advances past {@code end}. -1 when malformed. */
    private static int number(String s, int[] pos, int max, char end) {
        int i = pos[0];
        int v = 0;
        int n = 0;
        while (i < s.length() && isDigit(s.charAt(i)) && n < max) {
            v = v * 10 + (s.charAt(i++) - '0');
            n++;
        }
        if (n == 0 || i >= s.length() || s.charAt(i) != end) {
            return -1;
        }
        pos[0] = i + 1;
        return v;
    }

    private static Optional<Instant> instant(int year, int month, int day, int hour, int minute, int second,
                                             int nanos, int offsetSeconds) {
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return Optional.empty();
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    }

    private static int daysIn(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The value of exactly {@code n} ASCII digits at {@code at}, or -1. */
    private static int digits(String s, int at, int n) {
        if (at + n > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
