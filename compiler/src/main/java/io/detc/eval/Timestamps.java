package io.detc.eval;

import io.detc.ir.Matcher.TimeUnit;

/**
 * Reads one part of an ISO 8601 timestamp as written, without converting time zones (sigma-appendix-modifiers.md,
 * "Time Modifiers": the part of the value itself), and without allocating.
 *
 * <p>Accepted: {@code YYYY-MM-DD}, optionally followed by {@code T}, {@code t} or a space and {@code hh:mm},
 * optional {@code :ss} (00-60, a leap second is a real second) with an optional fraction ({@code .} or {@code ,}
 * and digits), then optionally {@code Z}/{@code z} or an offset {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}. The
 * date must exist (no February 30). A date without a time has a day, week, month and year but no hour or minute.
 * Not accepted: basic format without dashes, week or ordinal dates, epoch numbers, hour 24.
 *
 * <p>Public because the SQL engines register it as their {@code detc_timepart} function, so that they read
 * timestamps exactly as the evaluator does.
 */
public final class Timestamps {
    /** {@link #part} when the value is not a timestamp, or lacks the part. */
    public static final int NONE = -1;

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private Timestamps() {
    }

    /** The {@code unit} of the timestamp {@code s} (week: ISO 8601 week of the week-based year), or {@link #NONE}. */
    public static int part(String s, TimeUnit unit) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return NONE;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return NONE;
        }
        int hour = NONE;
        int minute = NONE;
        if (n > 10) {
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
                return NONE;
            }
            hour = number(s, 11, 2);
            minute = number(s, 14, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !restValid(s, 16)) {
                return NONE;
            }
        }
        return switch (unit) {
            case MINUTE -> minute;
            case HOUR -> hour;
            case DAY -> day;
            case WEEK -> isoWeek(year, month, day);
            case MONTH -> month;
            case YEAR -> year;
        };
    }

    /** Seconds, fraction and zone after {@code hh:mm}. */
    private static boolean restValid(String s, int from) {
        int n = s.length();
        int i = from;
        if (i < n && s.charAt(i) == ':') {
            int second = number(s, i + 1, 2);
            if (second < 0 || second > 60) {
                return false;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
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
        if (z == 'Z' || z == 'z') {
            return i + 1 == n;
        }
        if (z != '+' && z != '-') {
            return false;
        }
        int hh = number(s, i + 1, 2);
        if (hh < 0 || hh > 23) {
            return false;
        }
        i += 3;
        if (i == n) {
            return true;
        }
        if (s.charAt(i) == ':') {
            i++;
        }
        int mm = number(s, i, 2);
        return mm >= 0 && mm <= 59 && i + 2 == n;
    }

    /** The decimal number in {@code s[from, from+len)}, or -1 when it is out of bounds or not all digits. */
    private static int number(String s, int from, int len) {
        if (from < 0 || from + len > s.length()) {
            return -1;
        }
        int x = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    private static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    private static int daysIn(int y, int m) {
        return m == 2 && leap(y) ? 29 : DAYS[m - 1];
    }

    /** ISO weekday, Monday 1 to Sunday 7 (proleptic Gregorian, valid for years 0-9999). */
    static int weekday(int y, int m, int d) {
        // a day count from a fixed origin; 2000-01-03 was a Monday
        long days = epochDay(y, m, d) - epochDay(2000, 1, 3);
        return (int) Math.floorMod(days, 7L) + 1;
    }

    private static long epochDay(int y, int m, int d) {
        long yy = y - 1;
        return 365L * yy + Math.floorDiv(yy, 4) - Math.floorDiv(yy, 100) + Math.floorDiv(yy, 400)
                + DAYS_BEFORE[m - 1] + (m > 2 && leap(y) ? 1 : 0) + d;
    }

    /** ISO 8601 week number: week 1 holds the year's first Thursday; days may belong to the previous or next year. */
    static int isoWeek(int y, int m, int d) {
        int dayOfYear = DAYS_BEFORE[m - 1] + (m > 2 && leap(y) ? 1 : 0) + d;
        int week = (dayOfYear - weekday(y, m, d) + 10) / 7;
        if (week < 1) {
            return weeksIn(y - 1);
        }
        return week > weeksIn(y) ? 1 : week;
    }

    /** 52 or 53: a year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
    private static int weeksIn(int y) {
        int jan1 = weekday(y, 1, 1);
        return jan1 == 4 || (leap(y) && jan1 == 3) ? 53 : 52;
    }
}
