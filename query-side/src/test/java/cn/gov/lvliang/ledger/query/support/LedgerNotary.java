package cn.gov.lvliang.ledger.query.support;

import cn.gov.lvliang.ledger.verifier.Checkpoint;
import cn.gov.lvliang.ledger.verifier.JournalTrees;
import cn.gov.lvliang.ledger.verifier.LedgerJournal;
import cn.gov.lvliang.ledger.verifier.NotaryKey;
import cn.gov.lvliang.ledger.verifier.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Seals the event store and signs checkpoints as the command side's notary does, with the same code (the verifier
 * module's {@link LedgerJournal} and {@link JournalTrees}) and a key of the tests' own, so that the query side's
 * proofs can be tested without a command side: what {@code StoredCases} is to the event store, this is to the
 * ledger's journal.
 */
public final class LedgerNotary {

    /** Where application-test.yml points the query side for the ledger's public keys. */
    public static final Path KEY_DIRECTORY = Path.of("target", "test-notary");
    public static final String ORIGIN = "lvliang-case-ledger";

    /** One key per test run; any older key in the directory is replaced, so old checkpoints no longer verify. */
    private static final NotaryKey KEY = NotaryKey.generate(SignatureAlgorithm.ED25519);
    private static final JournalTrees TREES = new JournalTrees();

    private LedgerNotary() {
    }

    /** The signing key's public half, as an auditor pins it. */
    public static NotaryKey publicKey() {
        return KEY.publicOnly();
    }

    /** Publishes the public key where the query side reads it, as the command side writes it into its directory. */
    public static Path publishKey() {
        try {
            Files.createDirectories(KEY_DIRECTORY);
            Path file = KEY_DIRECTORY.resolve(NotaryKey.fileName(KEY.algorithm(), false));
            Files.writeString(file, KEY.publicPem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seals every committed event not sealed yet, signs a checkpoint over the whole journal, and returns it. */
    public static synchronized Checkpoint sealAndCheckpoint(DataSource dataSource, Instant now) {
        publishKey();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LedgerJournal journal = new LedgerJournal(connection);
                LedgerJournal.Head head = journal.seal(journal.lockHead(), journal.unsealed(-1, Integer.MAX_VALUE),
                        now);
                Checkpoint checkpoint = TREES.sign(journal, head, journal.latestCheckpoint().orElse(null), ORIGIN,
                        journal.logId(), now, List.of(KEY));
                journal.insert(checkpoint);
                connection.commit();
                return checkpoint;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the test ledger", e);
        }
    }
}
