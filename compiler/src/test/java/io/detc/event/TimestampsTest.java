package io.detc.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The timestamp forms real exports carry, each against java.time's reading of the same instant. */
class TimestampsTest {
    static Stream<Arguments> accepted() {
        return Stream.of(
                // Okta: 3 fractional digits, Z
                Arguments.of("2024-05-14T08:21:33.512Z", "2024-05-14T08:21:33.512Z"),
                // Entra diagnostic JSON: 7 fractional digits
                Arguments.of("2024-06-02T14:07:19.3061725Z", "2024-06-02T14:07:19.3061725Z"),
                Arguments.of("2024-06-02T14:07:19Z", "2024-06-02T14:07:19Z"),
                // properties.createdDateTime: an offset
                Arguments.of("2023-10-24T20:01:11.9490387+00:00", "2023-10-24T20:01:11.9490387Z"),
                Arguments.of("2024-06-02T16:07:19.306+02:00", "2024-06-02T14:07:19.306Z"),
                Arguments.of("2024-06-02T09:37:19-04:30", "2024-06-02T14:07:19Z"),
                Arguments.of("2024-06-02T16:07:19+0200", "2024-06-02T14:07:19Z"),
                Arguments.of("2024-06-02T16:07:19+02", "2024-06-02T14:07:19Z"),
                // Panther / SQL-style: space, no zone = UTC; up to 9 fractional digits
                Arguments.of("2022-12-13 15:22:58.759", "2022-12-13T15:22:58.759Z"),
                Arguments.of("2024-12-10 14:33:09.049661100", "2024-12-10T14:33:09.049661100Z"),
                Arguments.of("2024-03-07T11:47:00", "2024-03-07T11:47:00Z"),
                Arguments.of("  2024-03-07T11:47:00.1Z ", "2024-03-07T11:47:00.100Z"),
                // Entra risk events, US form
                Arguments.of("3/24/2022 2:42:35 PM", "2022-03-24T14:42:35Z"),
                Arguments.of("12/1/2023 12:05:00 AM", "2023-12-01T00:05:00Z"),
                Arguments.of("12/1/2023 12:05:00 PM", "2023-12-01T12:05:00Z"),
                Arguments.of("3/24/2022 14:42:35", "2022-03-24T14:42:35Z"),
                // calendar edges
                Arguments.of("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
                Arguments.of("2000-02-29T23:59:59.999999999Z", "2000-02-29T23:59:59.999999999Z"),
                Arguments.of("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
                Arguments.of("2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void reads(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "garbage", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
        "2024-06-02T24:00:00Z", "2024-06-02T12:60:00Z", "2024-06-02T23:59:60Z", "2024-06-02T14:07:19.Z",
        "2024-06-02T14:07:19.1234567890Z", "2024-06-02T14:07:19+2", "2024-06-02T14:07:19+19:00",
        "2024-06-02T14:07:19 Z", "2024-06-02T14:07:19ZZ", "2024-06-02X14:07:19Z", "2024/06/02 14:07:19",
        "24-06-02T14:07:19Z", "2024-6-2T14:07:19Z", "1717337239", "3/24/2022 13:42:35 PM", "3/24/2022 2:42 PM",
        "13/24/2022 2:42:35 PM", "3/24/22 2:42:35 PM", "3/24/2022 2:42:35 XM", "2024-06-02T14:07:1９Z"})
    void rejects(String text) {
        assertEquals(Optional.empty(), Timestamps.parse(text));
    }

    @Test
    void nullIsEmpty() {
        assertEquals(Optional.empty(), Timestamps.parse(null));
    }
}
