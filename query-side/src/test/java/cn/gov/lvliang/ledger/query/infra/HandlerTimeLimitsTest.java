package cn.gov.lvliang.ledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.QuerySideTest;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon 4.13.0 walks the thread's stack whenever a timed handler starts (AxonFramework#4637), so the projections'
 * handlers are not timed one by one; each processor's unit of work, which covers a batch's handlers, still is
 * (docs/perf.md, "Axon's time limits").
 */
@QuerySideTest
class HandlerTimeLimitsTest {

    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition timeLimits;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    @Test
    void theProjectionsHandlers_areLeftAsTheyAre() {
        List<MessageHandlingMember<?>> handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values()
                .stream()
                .flatMap(projection -> AnnotatedHandlerInspector.inspectType(AopUtils.getTargetClass(projection))
                        .getAllHandlers().values().stream())
                .<MessageHandlingMember<?>>flatMap(members -> members.stream())
                .toList();

        assertThat(handlers).hasSizeGreaterThan(20);
        handlers.forEach(handler -> assertThat(timeLimits.wrapHandler(handler)).as(handler.toString())
                .isSameAs(handler));
    }

    @Test
    void everyProcessorsUnitOfWork_isStillTimed() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().forEach((name, processor) ->
                assertThat(((AbstractEventProcessor) processor).getHandlerInterceptors()).as(name)
                        .hasAtLeastOneElementOfType(UnitOfWorkTimeoutInterceptor.class));
    }
}
