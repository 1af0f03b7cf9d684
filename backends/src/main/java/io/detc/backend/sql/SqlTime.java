package io.detc.backend.sql;

/**
 * The timestamp grammar of the time modifiers (docs/semantics.md, "Time parts") as one regular expression with
 * groups, and the calendar arithmetic as integer SQL, shared by the dialects that define {@code detc_timepart} in
 * SQL. The regex fixes the shape; ranges (month, day of that month, hour, minute, second, zone) are checked with
 * arithmetic on the groups, as {@link SqlFunctions#timepart} does.
 */
final class SqlTime {
    private SqlTime() {
    }

    /**
     * Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 zone hours, 8 zone minutes. Whole-string match.
     */
    static final String PATTERN = "([0-9]{4})-([0-9]{2})-([0-9]{2})"
            + "(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?(?:[Zz]|[+-]([0-9]{2})(?::?([0-9]{2}))?)?)?";

    /** Group numbers of {@link #PATTERN} for year, month, day, hour, minute, second, zone hours, zone minutes. */
    static final int[] GROUPS = {1, 2, 3, 4, 5, 6, 7, 8};

    static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    /** Leap year test on an integer SQL expression {@code y >= 0}. */
    static String leap(String y) {
        return "((" + y + ") % 4 = 0 AND (" + y + ") % 100 <> 0 OR (" + y + ") % 400 = 0)";
    }

    /** Days of month {@code m} in year {@code y}. */
    static String daysIn(String y, String m) {
        return "CASE " + m + " WHEN 2 THEN CASE WHEN " + leap(y) + " THEN 29 ELSE 28 END"
                + " WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END";
    }

    /** Days before month {@code m} (1-12) in year {@code y}, plus the leap day after February. */
    static String daysBefore(String y, String m) {
        StringBuilder b = new StringBuilder("(CASE " + m);
        for (int i = 0; i < 12; i++) {
            b.append(" WHEN ").append(i + 1).append(" THEN ").append(DAYS_BEFORE[i]);
        }
        return b.append(" END + CASE WHEN ").append(m).append(" > 2 AND ").append(leap(y))
                .append(" THEN 1 ELSE 0 END)").toString();
    }

    /**
     * A day count that is positive for every year 0-9999 (the year is shifted by one 400-year Gregorian cycle, which
     * keeps weekdays) and whose differences are day differences. {@code div} renders integer division of
     * non-negative operands.
     */
    static String epochDay(String y, String m, String d, java.util.function.BinaryOperator<String> div) {
        String yy = "((" + y + ") + 399)";
        return "(365 * " + yy + " + " + div.apply(yy, "4") + " - " + div.apply(yy, "100") + " + "
                + div.apply(yy, "400") + " + " + daysBefore(y, m) + " + (" + d + "))";
    }

    /** ISO weekday, Monday 1 to Sunday 7: 2000-01-03 was a Monday. */
    static String weekday(String y, String m, String d, java.util.function.BinaryOperator<String> div) {
        long monday = epochDayJava(2000, 1, 3);
        long shift = 7 - Math.floorMod(monday, 7L);
        return "((" + epochDay(y, m, d, div) + " + " + shift + ") % 7 + 1)";
    }

    static long epochDayJava(int y, int m, int d) {
        long yy = y + 399;
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return 365 * yy + yy / 4 - yy / 100 + yy / 400 + DAYS_BEFORE[m - 1] + (m > 2 && leap ? 1 : 0) + d;
    }

    /** 52 or 53 weeks in ISO year {@code y}. */
    static String weeksIn(String y, java.util.function.BinaryOperator<String> div) {
        String jan1 = weekday(y, "1", "1", div);
        return "CASE WHEN " + jan1 + " = 4 OR " + leap(y) + " AND " + jan1 + " = 3 THEN 53 ELSE 52 END";
    }

    /** The ISO 8601 week number of a valid date. */
    static String isoWeek(String y, String m, String d, java.util.function.BinaryOperator<String> div) {
        String doy = daysBefore(y, m) + " + (" + d + ")";
        String week = div.apply("(" + doy + " - " + weekday(y, m, d, div) + " + 10)", "7");
        return "CASE WHEN " + week + " < 1 THEN " + weeksIn("(" + y + ") - 1", div)
                + " WHEN " + week + " > " + weeksIn(y, div) + " THEN 1 ELSE " + week + " END";
    }
}
