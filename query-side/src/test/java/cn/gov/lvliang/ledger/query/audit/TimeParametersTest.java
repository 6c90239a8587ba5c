package cn.gov.lvliang.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants and days in request parameters, with Beijing time for days. */
class TimeParametersTest {

    @Test
    void instantsWithAnOffset_andInUtc_meanTheSameInstant() {
        assertThat(TimeParameters.instant("asOf", "2025-03-05T08:00:00+08:00"))
                .isEqualTo(Instant.parse("2025-03-05T00:00:00Z"));
        assertThat(TimeParameters.instant("asOf", "2025-03-05T00:00:00Z"))
                .isEqualTo(Instant.parse("2025-03-05T00:00:00Z"));
        assertThat(TimeParameters.instant("asOf", " ")).isNull();
    }

    @Test
    void aDayAsARange_isAllOfThatDayInBeijing() {
        assertThat(TimeParameters.from("from", "2025-03-05")).isEqualTo(Instant.parse("2025-03-04T16:00:00Z"));
        assertThat(TimeParameters.to("to", "2025-03-05")).isEqualTo(Instant.parse("2025-03-05T15:59:59.999999999Z"));
    }

    @Test
    void anythingElse_isRefusedNamingTheParameter() {
        assertThatThrownBy(() -> TimeParameters.instant("asOf", "2025-03-05"))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("asOf"));
        assertThatThrownBy(() -> TimeParameters.from("from", "last week"))
                .isInstanceOf(InvalidParameterException.class);
    }
}
