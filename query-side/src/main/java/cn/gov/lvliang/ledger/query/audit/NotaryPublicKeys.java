package cn.gov.lvliang.ledger.query.audit;

import cn.gov.lvliang.ledger.verifier.NotaryKey;
import cn.gov.lvliang.ledger.verifier.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The public keys the ledger signs its checkpoints with, which the audit trail trusts and hands out in its proofs:
 * the {@code checkpoint-*.pub.pem} files the command side writes into its key directory
 * ({@code ledger.notary.key-directory}, {@code LEDGER_NOTARY_DIR}), read-only here. Never taken from the database, so
 * that whoever can rewrite the ledger's tables cannot also bring the key that vouches for them. Read again whenever
 * the files change (a key made after this side started, or a new key).
 */
@Component
class NotaryPublicKeys {

    private static final Logger log = LoggerFactory.getLogger(NotaryPublicKeys.class);

    private final Path directory;
    private List<FileTime> readAt = List.of();
    private List<NotaryKey> keys = List.of();

    NotaryPublicKeys(Settings settings) {
        this.directory = settings.keyDirectory();
    }

    /** Where the query side finds the ledger's public keys. */
    @ConfigurationProperties("ledger.notary")
    record Settings(@DefaultValue("./data/notary") Path keyDirectory) {
    }

    /** The keys as the directory holds them now; none when it holds none. */
    synchronized List<NotaryKey> keys() {
        try {
            List<FileTime> stamps = stamps();
            if (!stamps.equals(readAt)) {
                keys = NotaryKey.publicKeysIn(directory);
                readAt = stamps;
                if (keys.isEmpty()) {
                    log.warn("No public key of the ledger in {}: no checkpoint signature can be verified, so every "
                            + "case's proof fails. Copy the command side's checkpoint-*.pub.pem there, or point "
                            + "LEDGER_NOTARY_DIR at its key directory.", directory.toAbsolutePath());
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's public keys in " + directory, e);
        }
    }

    private List<FileTime> stamps() throws IOException {
        List<FileTime> stamps = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            Path file = directory.resolve(NotaryKey.fileName(algorithm, false));
            stamps.add(Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null);
        }
        return stamps;
    }
}
