package cn.gov.lvliang.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Axon 4.13.0 walks the thread's stack whenever a timed handler starts (AxonFramework#4637): every command, and
 * every event it applies, paid that on the request thread's deep stack. The aggregates' handlers are therefore not
 * timed one by one (docs/perf.md, "Axon's time limits").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandlerTimeLimitsTest {

    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition timeLimits;

    @Autowired
    ParameterResolverFactory parameters;

    @Autowired
    ApplicationContext context;

    @Test
    void theAggregatesCommandEventSourcingAndDeadlineHandlers_areLeftAsTheyAre() {
        List<MessageHandlingMember<?>> handlers = Arrays.stream(context.getBeanNamesForAnnotation(Aggregate.class))
                .map(context::getType)
                .filter(Objects::nonNull)
                .flatMap(aggregate -> AnnotatedHandlerInspector.inspectType(aggregate, parameters)
                        .getAllHandlers().values().stream())
                .<MessageHandlingMember<?>>flatMap(members -> members.stream())
                .toList();

        assertThat(handlers).hasSizeGreaterThan(50);
        handlers.forEach(handler -> assertThat(timeLimits.wrapHandler(handler)).as(handler.toString())
                .isSameAs(handler));
    }
}
