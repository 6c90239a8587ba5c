package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A signed-in request is observed once, as an HTTP request, and not once per filter, authentication and
 * authorization of Spring Security, whose observations cost a tenth of a side's request CPU under load and feed
 * nothing (docs/perf.md, "Steady state").
 */
@QuerySideTest
class RequestObservationsTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    TestRestTemplate http;

    @Test
    void aSignedInRequest_isTimedAsAnHttpRequest_withoutSpringSecuritysObservations() {
        assertThat(http.getForEntity("/api/reference/divisions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(registry.find("http.server.requests").tag("uri", "/api/reference/divisions").timers())
                .as("the request's own timer").isNotEmpty();
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
