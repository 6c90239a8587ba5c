package cn.gov.lvliang.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardEvent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Auditors read what an event means, not its class name: every case event type has a Chinese label. */
class EventLabelsTest {

    @Test
    void everyCaseEventType_hasAChineseLabel() {
        Stream.of(BundleCaseEvent.class, RiskClueEvent.class, DisposalCaseEvent.class, ScoreCardEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .map(Class::getSimpleName)
                .forEach(type -> assertThat(EventLabels.of(type)).as(type).isNotEqualTo(type));
        assertThat(EventLabels.of("SomeFutureEvent")).isEqualTo("SomeFutureEvent");
    }
}
