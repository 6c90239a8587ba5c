package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.DatabaseVerifier;
import cn.gov.lvliang.ledger.verifier.HashAlgorithm;
import cn.gov.lvliang.ledger.verifier.LedgerReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Recomputes the whole ledger from the database (the verifier module's {@link DatabaseVerifier}), after sealing what
 * has been committed, against the checkpoints in the table, in this node's checkpoint file, and any an auditor
 * brings.
 */
@Component
class LedgerVerification {

    private final DataSource dataSource;
    private final Sealer sealer;
    private final Checkpoints checkpoints;
    private final NotaryKeys keys;
    private final NotaryProperties properties;
    private final Clock clock;

    LedgerVerification(DataSource dataSource, Sealer sealer, Checkpoints checkpoints, NotaryKeys keys,
                       NotaryProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    LedgerReport verify(HashAlgorithm algorithm, List<Checkpoint> auditorCheckpoints) {
        sealer.sealAll();
        List<Checkpoint> external = new ArrayList<>(checkpoints.publishedOfThisLog());
        external.addAll(auditorCheckpoints);
        DatabaseVerifier.Options options = new DatabaseVerifier.Options(
                algorithm == null ? properties.defaultVerificationAlgorithm() : algorithm,
                properties.maxCommitDelay(), clock.instant(), external, keys.publicKeys(), 100);
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseVerifier.verify(connection, options);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("verification could not read the database", e);
        }
    }
}
