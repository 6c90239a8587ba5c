package cn.gov.lvliang.ledger.command.notary;

import cn.gov.lvliang.ledger.verifier.NotaryKey;
import cn.gov.lvliang.ledger.verifier.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keys this node signs checkpoints with: {@code checkpoint-<algorithm>.key.pem} (PKCS#8, private) and
 * {@code checkpoint-<algorithm>.pub.pem} (X.509, public) in the key directory, generated at the first start. Several
 * command nodes must share the directory (or copies of its files), so that every checkpoint is signed by one key. The
 * public halves are also published to {@code ledger.notary.public-key-directory} when it is set apart, for the query
 * side, which verifies audit trails with them and has no business with the private keys.
 */
@Component
class NotaryKeys {

    private static final Logger log = LoggerFactory.getLogger(NotaryKeys.class);

    private final List<NotaryKey> keys = new ArrayList<>();

    NotaryKeys(NotaryProperties properties) {
        for (SignatureAlgorithm algorithm : properties.signers()) {
            NotaryKey key = loadOrGenerate(properties.keyDirectory(), algorithm);
            if (properties.publicKeyDirectory() != null) {
                publish(properties.publicKeyDirectory(), key);
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("ledger.notary.signature-algorithms names no algorithm");
        }
    }

    List<NotaryKey> signing() {
        return List.copyOf(keys);
    }

    List<NotaryKey> publicKeys() {
        return keys.stream().map(NotaryKey::publicOnly).toList();
    }

    private static NotaryKey loadOrGenerate(Path directory, SignatureAlgorithm algorithm) {
        String name = "checkpoint-" + algorithm.label().toLowerCase(Locale.ROOT);
        Path privateFile = directory.resolve(NotaryKey.fileName(algorithm, true));
        Path publicFile = directory.resolve(NotaryKey.fileName(algorithm, false));
        try {
            if (!Files.exists(privateFile)) {
                Files.createDirectories(directory);
                NotaryKey generated = NotaryKey.generate(algorithm);
                Path temporary = Files.createTempFile(directory, name, ".tmp");
                restrict(temporary);
                Files.writeString(temporary, generated.privatePem(), StandardCharsets.US_ASCII);
                try {
                    // A link never replaces: another node sharing the directory may have won the race, and then
                    // its key is the key.
                    Files.createLink(privateFile, temporary);
                    log.info("Generated the {} checkpoint key {} in {}", algorithm.label(), generated.keyId(),
                            privateFile);
                } catch (FileAlreadyExistsException e) {
                    log.debug("Another node generated the {} key first", algorithm.label());
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            NotaryKey key = NotaryKey.fromPrivatePem(Files.readString(privateFile, StandardCharsets.US_ASCII));
            writeIfChanged(publicFile, key.publicPem());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the checkpoint key in " + directory, e);
        }
    }

    private static void publish(Path directory, NotaryKey key) {
        try {
            Files.createDirectories(directory);
            writeIfChanged(directory.resolve(NotaryKey.fileName(key.algorithm(), false)), key.publicPem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the checkpoint public key in " + directory, e);
        }
    }

    private static void writeIfChanged(Path file, String pem) throws IOException {
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the directory's own permissions apply
        }
    }
}
