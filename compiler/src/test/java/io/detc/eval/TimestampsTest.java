package io.detc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.detc.ir.Matcher.TimeUnit;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestamp parts as written (no zone conversion), and the ISO week against java.time. */
class TimestampsTest {
    @Test
    void isoWeekMatchesJavaTimeForEveryDay() {
        for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2400; d = d.plusDays(1)) {
            int expected = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            assertEquals(expected, Timestamps.isoWeek(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
            assertEquals(d.getDayOfWeek().getValue(), Timestamps.weekday(d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth()), d::toString);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-01T12:30:45Z | MINUTE | 30",
        "2024-03-01T12:30:45Z | HOUR | 12",
        "2024-03-01t12:30:45z | HOUR | 12",
        "2024-03-01 23:59:60.123456789-07:00 | HOUR | 23",
        "2024-03-01T23:59:59,5+0530 | MINUTE | 59",
        "2024-03-01T01:02+09 | HOUR | 1",
        "2024-03-01 | DAY | 1",
        "2024-03-01 | HOUR | -1",
        "2024-03-01 | MINUTE | -1",
        "2024-12-30 | WEEK | 1",
        "0000-01-01 | YEAR | 0",
        "2023-02-29 | DAY | -1",
        "2024-13-01 | MONTH | -1",
        "2024-3-01 | MONTH | -1",
        "20240301T000000Z | YEAR | -1",
        "2024-03-01T24:00:00Z | YEAR | -1",
        "2024-03-01T12:60:00Z | YEAR | -1",
        "2024-03-01T12:00:61Z | YEAR | -1",
        "2024-03-01T12:00:00. | YEAR | -1",
        "'2024-03-01T12:00:00Z ' | YEAR | -1",
        "2024-03-01T12:00:00ZZ | YEAR | -1",
        "2024-03-01T12:00:00+24:00 | YEAR | -1",
        "2024-03-01T12:00:00+01:0 | YEAR | -1",
        "2024-03-01T12 | YEAR | -1",
        "2024-03-01X12:00 | YEAR | -1",
        "' 2024-03-01' | YEAR | -1",
    })
    void parts(String value, TimeUnit unit, int expected) {
        assertEquals(expected, Timestamps.part(value, unit));
    }
}
