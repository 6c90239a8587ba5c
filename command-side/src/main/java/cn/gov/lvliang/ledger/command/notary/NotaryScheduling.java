package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.HistoryChangedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Seals every {@code seal-interval} and makes a checkpoint every {@code checkpoint-interval}, on every node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ledger.notary.schedule", havingValue = "true", matchIfMissing = true)
class NotaryScheduling {

    private static final Logger log = LoggerFactory.getLogger(NotaryScheduling.class);

    private final Sealer sealer;
    private final Checkpoints checkpoints;

    NotaryScheduling(Sealer sealer, Checkpoints checkpoints) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${ledger.notary.seal-interval:1s}")
    void seal() {
        try {
            sealer.sealAll();
        } catch (RuntimeException e) {
            log.warn("Sealing failed; retrying next interval", e);
        }
    }

    @Scheduled(fixedDelayString = "${ledger.notary.checkpoint-interval:1m}",
            initialDelayString = "${ledger.notary.checkpoint-interval:1m}")
    void checkpoint() {
        try {
            sealer.sealAll();
            checkpoints.create(false);
        } catch (HistoryChangedException e) {
            log.error("No checkpoint signed: {}. Run ./ledger verify to locate the change.", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Making a checkpoint failed; retrying next interval", e);
        }
    }
}
