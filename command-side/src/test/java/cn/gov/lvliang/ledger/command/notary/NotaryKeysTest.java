package cn.gov.lvliang.ledger.command.notary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.verifier.NotaryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The signing keys stay in the key directory; their public halves are published apart when asked to be. */
class NotaryKeysTest {

    @TempDir
    Path keys;

    @TempDir
    Path published;

    @Test
    void publicHalves_arePublishedApart_withoutThePrivateKeys() throws IOException {
        NotaryKeys notary = new NotaryKeys(settings(Map.of("public-key-directory", published.toString())));

        assertThat(files(keys)).containsExactlyInAnyOrder("checkpoint-ed25519.key.pem", "checkpoint-ed25519.pub.pem",
                "checkpoint-sm2.key.pem", "checkpoint-sm2.pub.pem");
        assertThat(files(published)).containsExactlyInAnyOrder("checkpoint-ed25519.pub.pem",
                "checkpoint-sm2.pub.pem");
        for (NotaryKey key : notary.publicKeys()) {
            String name = "checkpoint-" + key.algorithm().label().toLowerCase(Locale.ROOT) + ".pub.pem";
            assertThat(Files.readString(published.resolve(name))).isEqualTo(key.publicPem());
        }
    }

    @Test
    void anEmptyPublicKeyDirectory_meansTheKeyDirectoryAlone() throws IOException {
        // As application.yml binds it when LEDGER_NOTARY_PUBLIC_DIR is not set.
        NotaryProperties properties = settings(Map.of("public-key-directory", ""));
        assertThat(properties.publicKeyDirectory()).isNull();

        new NotaryKeys(properties);

        assertThat(files(keys)).hasSize(4);
        assertThat(files(published)).isEmpty();
    }

    private NotaryProperties settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        extra.forEach((name, value) -> values.put("ledger.notary." + name, value));
        values.put("ledger.notary.key-directory", keys.toString());
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("ledger.notary", NotaryProperties.class);
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.map(path -> path.getFileName().toString()).toList();
        }
    }
}
