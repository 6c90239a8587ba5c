package cn.gov.lvliang.ledger.query.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored timestamps read as Axon reads them, whichever way they were written. */
class EventTimestampsTest {

    @Test
    void whatAxonWrites_readsAsAxonReadsIt() {
        Random random = new Random(20241101);
        for (int i = 0; i < 100_000; i++) {
            // From 1900 to 2100, to the nanosecond.
            Instant instant = Instant.ofEpochSecond(-2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);

            assertThat(EventTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2024-02-29T23:59:59.1Z", "2024-03-01T00:00:00.000000001Z",
            "2026-12-06T23:50:30.628Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999999Z",
            "2026-12-07T08:50:30.628+08:00", "2026-12-06t23:50:30.628z", "2026-12-06T23:50:30.628+00:00",
            "2026-12-06T23:50:30.Z"})
    void everyFormAxonReads_readsTheSame(String stored) {
        assertThat(EventTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-06T24:00:00Z",
            "2026-12-06T23:60:00Z", "2026-12-06T23:59:60Z", "2026-12-06T23:50:30.1234567890Z",
            "2026-12-06T23:50:3aZ", "2026-12-06 23:50:30Z", ""})
    void whatAxonRefuses_isRefused(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).as("Axon's own parser").isNotNull();
        assertThatThrownBy(() -> EventTimestamps.parse(stored)).isNotNull();
    }
}
