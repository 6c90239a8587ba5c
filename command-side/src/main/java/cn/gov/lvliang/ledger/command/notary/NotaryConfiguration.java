package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.CaseProofs;
import cn.gov.lvliang.ledger.verifier.JournalTrees;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This node's copy of the journal's Merkle trees, shared by the checkpoints it signs and the proofs it hands out,
 * and the verifier module's case proofs over them.
 */
@Configuration(proxyBeanMethods = false)
class NotaryConfiguration {

    @Bean
    JournalTrees journalTrees() {
        return new JournalTrees();
    }

    @Bean
    CaseProofs caseProofs(JournalTrees journalTrees) {
        return new CaseProofs(journalTrees);
    }
}
